package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SheetCalls.class)
class PortfolioFunctionsTest {
  private static Object[][] column(Object... cells) {
    Object[][] a = new Object[cells.length][1];
    for (int i = 0; i < cells.length; i++) {
      a[i][0] = cells[i];
    }
    return a;
  }

  @Test
  void bookGreekIsTheQuantityWeightedSum() {
    OptionPricer bsm = Model.BSM.pricer();
    double expected = 100 * bsm.greek(Greek.DELTA, OptionType.CALL, 100, 100, 0.5, 0.2, 0.05, 0)
        - 50 * bsm.greek(Greek.DELTA, OptionType.PUT, 100, 95, 0.5, 0.2, 0.05, 0);
    Object r = call("GX.PORTFOLIO.GREEK", "DELTA", column(100.0, -50.0, Empty.BLANK), column("C", "P", Empty.BLANK),
        100.0, column(100.0, 95.0, Empty.BLANK), 0.5, 0.2, 0.05);
    assertEquals(expected, (Double) r, 1e-12);
    double vega = 100 * bsm.greek(Greek.VEGA, OptionType.CALL, 100, 100, 0.5, 0.2, 0.05, 0) * 0.01
        - 50 * bsm.greek(Greek.VEGA, OptionType.PUT, 100, 95, 0.5, 0.2, 0.05, 0) * 0.01;
    assertEquals(vega, (Double) call("GX.PORTFOLIO.GREEK", "VEGA", column(100.0, -50.0), column("C", "P"), 100.0,
        column(100.0, 95.0), 0.5, 0.2, 0.05), 1e-12);
  }

  @Test
  void badLegsAreNamed() {
    assertEquals(ExcelError.VALUE, call("GX.PORTFOLIO.GREEK", "DELTA", column(1.0, 2.0), column("C", "Q"), 100.0,
        100.0, 0.5, 0.2));
    assertEquals("types leg 2", Diagnostics.lastFailure().get().reason().substring(0, 11));
    assertEquals(ExcelError.VALUE, call("GX.PORTFOLIO.GREEK", "DELTA", column(1.0, 2.0), "C", 100.0,
        column(100.0, 90.0, 80.0), 0.5, 0.2));
    assertEquals(ExcelError.NA, call("GX.PORTFOLIO.GREEK", "DELTA", column(Empty.BLANK), "C", 100.0, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.NUM, call("GX.PORTFOLIO.GREEK", "DELTA", column(1.0), "C", 100.0, 100.0, 0.5, -0.2));
  }
}
