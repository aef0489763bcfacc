package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cash dividends from a worksheet: the two ranges after {@code model}, as a host passes them. */
@ExtendWith(SheetCalls.class)
class DividendFunctionsTest {
  private static final Object[][] TIMES = {{2 / 12.0}, {5 / 12.0}};
  private static final Object[][] AMOUNTS = {{0.5}, {0.5}};
  private static final CashDividends HULL = CashDividends.of(new double[] {2 / 12.0, 5 / 12.0},
      new double[] {0.5, 0.5}, 0.5);

  @Test
  void hullsExampleFromAFormula() {
    // =GX.PRICE("C",40,40,0.5,0.3,0.09,0,"BSM",{0.1667;0.4167},{0.5;0.5})
    assertEquals(3.67, number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", TIMES, AMOUNTS), 0.005);
    // a row of times works as well as a column
    Object[][] row = {{2 / 12.0, 5 / 12.0}};
    Object[][] amounts = {{0.5, 0.5}};
    assertEquals(number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", TIMES, AMOUNTS),
        number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", row, amounts), 0.0);
  }

  @Test
  void everyPricingFunctionTakesTheDividends() {
    for (Model m : new Model[] {Model.BSM, Model.EUROPEAN_LATTICE, Model.AMERICAN}) {
      for (Greek g : new Greek[] {Greek.DELTA, Greek.GAMMA, Greek.VEGA, Greek.THETA, Greek.RHO}) {
        double expected = Dividends.greek(g, m, OptionType.PUT, 40, 42, 0.5, 0.3, 0.09, 0, HULL) * g.traderScale();
        double got = number("GX." + g.name(), "P", 40.0, 42.0, 0.5, 0.3, 0.09, 0.0, m.name(), TIMES, AMOUNTS);
        assertEquals(expected, got, 1e-12 * Math.max(1, Math.abs(expected)), g + " " + m);
        assertEquals(got, number("GX.GREEK", g.name(), "P", 40.0, 42.0, 0.5, 0.3, 0.09, 0.0, m.name(), "TRADER",
            TIMES, AMOUNTS), 1e-12 * Math.max(1, Math.abs(expected)), g + " " + m);
      }
      Object[][] all = (Object[][]) call("GX.GREEKS", "P", 40.0, 42.0, 0.5, 0.3, 0.09, 0.0, m.name(), "RAW", false,
          TIMES, AMOUNTS);
      assertEquals(Dividends.greeks(m, OptionType.PUT, 40, 42, 0.5, 0.3, 0.09, 0, HULL).delta(), (Double) all[0][1],
          1e-12);
      double price = number("GX.PRICE", "P", 40.0, 42.0, 0.5, 0.3, 0.09, 0.0, m.name(), TIMES, AMOUNTS);
      assertEquals(0.3, number("GX.IMPLIEDVOL", "P", price, 40.0, 42.0, 0.5, 0.09, 0.0, m.name(), TIMES, AMOUNTS),
          1e-8, m.name());
    }
    // the units of the single greeks stay their last argument
    assertEquals(Dividends.greek(Greek.VEGA, Model.BSM, OptionType.CALL, 40, 40, 0.5, 0.3, 0.09, 0, HULL),
        number("GX.VEGA", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", TIMES, AMOUNTS, "RAW"), 1e-12);
  }

  @Test
  void oneDividendMayBeTwoNumbers() {
    double range = number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", new Object[][] {{0.25}},
        new Object[][] {{1.0}});
    assertEquals(range, number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", 0.25, 1.0), 0.0);
    // and through the numeric entry point a host uses for numbers: the general body reads them
    WorksheetFunction f = Catalogue.standard().find("GX.PRICE").orElseThrow();
    double[] a = {1, 40, 40, 0.5, 0.3, 0.09, 0, 0, 0.25, 1.0}; // model left out (bit 7)
    assertEquals(range, f.invokeNumeric(a, 10, 1L << 7), 0.0);
  }

  @Test
  void withoutDividendsTheCallStaysOnTheNumericPath() {
    WorksheetFunction f = Catalogue.standard().find("GX.DELTA").orElseThrow();
    assertTrue(f.numericFastPath());
    double expected = Model.BSM.pricer().greek(Greek.DELTA, OptionType.CALL, 100, 105, 0.5, 0.25, 0.03, 0.01);
    double[] spill = new double[8];
    // count 8: the host drops the two ranges left out; count 10 with them marked missing reads the same
    assertEquals(expected, f.invokeValues(8, 1L << 7, spill, 1, 100, 105, 0.5, 0.25, 0.03, 0.01, 0), 0.0);
    assertEquals(expected, f.invokeNumeric(new double[] {1, 100, 105, 0.5, 0.25, 0.03, 0.01, 0, 0, 0}, 10,
        0b11_1000_0000), 0.0);
    assertEquals(expected, (Double) call("GX.DELTA", "C", 100.0, 105.0, 0.5, 0.25, 0.03, 0.01, "BSM",
        Empty.MISSING, Empty.MISSING), 0.0);
  }

  @Test
  void dividendsAfterExpiryAreIgnored() {
    Object[][] late = {{2 / 12.0}, {5 / 12.0}, {0.75}};
    Object[][] amounts = {{0.5}, {0.5}, {3.0}};
    assertEquals(number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", TIMES, AMOUNTS),
        number("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", late, amounts), 0.0);
  }

  @Test
  void badDividendsNameTheirArgument() {
    Object[][] unsorted = {{5 / 12.0}, {2 / 12.0}};
    assertEquals(ExcelError.NUM, call("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", unsorted, AMOUNTS));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("div_times"));
    Object[][] negative = {{0.5}, {-0.5}};
    assertEquals(ExcelError.NUM, call("GX.DELTA", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "AMERICAN", TIMES, negative));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("div_amounts"));
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", TIMES));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("div_amounts"));
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BLACK76", TIMES, AMOUNTS));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("div_times"));
  }

  @Test
  void ultimaWithDividendsIsOnTheEuropeanLatticeAndNamedWhyNotOnTheAmerican() {
    double u = number("GX.GREEK", "ULTIMA", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "EUROPEAN.LATTICE", "RAW", TIMES,
        AMOUNTS);
    assertTrue(Double.isFinite(u) && u != 0, "ultima " + u);
    assertEquals(ExcelError.NA, call("GX.GREEK", "ULTIMA", "P", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "AMERICAN", "RAW",
        TIMES, AMOUNTS));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("exercise boundary"),
        Diagnostics.lastFailure().get().reason());
  }
}
