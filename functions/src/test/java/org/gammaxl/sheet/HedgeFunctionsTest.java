package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gammaxl.hedge.GammaScalping;
import org.gammaxl.hedge.HedgeBands;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.hedge.MultiGreekHedge;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SheetCalls.class)
class HedgeFunctionsTest {
  /** Calls a function as a host does; a lone range is one argument. */
  private static Object call(String name, Object... args) {
    Object[] list = args instanceof Object[][] ? new Object[] {args} : args;
    return Catalogue.standard().find(name).orElseThrow().invoke(list);
  }

  private static double number(String name, Object... args) {
    return (Double) call(name, args);
  }

  @Test
  void hedgeQuantityFlattensDeltaInLots() {
    assertEquals(-523.4, number("GX.HEDGE.QTY", 523.4), 1e-12);
    // short 1,234 delta hedged with futures of delta 50: buy 24.68 → 25 contracts
    assertEquals(25.0, number("GX.HEDGE.QTY", -1234.0, 50.0, 1.0));
    assertEquals(-500.0, number("GX.HEDGE.QTY", 523.4, 1.0, 100.0));
    assertEquals(ExcelError.NUM, call("GX.HEDGE.QTY", 523.4, 0.0));
    assertEquals(ExcelError.NUM, call("GX.HEDGE.QTY", 523.4, 1.0, -1.0));
    assertEquals(ExcelError.VALUE, call("GX.HEDGE.QTY", "523"));
  }

  @Test
  void hedgeDeltaPerUnitOfEachInstrument() {
    assertEquals(50 * Math.exp(0.04 * 0.25), number("GX.HEDGE.DELTA", "FUTURE", 100.0, 50.0, 0.05, 0.01, 0.25), 1e-12);
    assertEquals(HedgeInstrument.INVERSE.deltaPerUnit(40000, 100, 0, 0, 0),
        number("GX.HEDGE.DELTA", "inverse", 40000.0, 100.0), 0.0);
    assertEquals(100.0 / 40000, number("GX.HEDGE.DELTA", "INVERSE", 40000.0, 100.0), 1e-18);
    assertEquals(1.0, number("GX.HEDGE.DELTA", "SPOT", 100.0));
    assertEquals(ExcelError.VALUE, call("GX.HEDGE.DELTA", "BOND", 100.0));
    assertEquals(ExcelError.NUM, call("GX.HEDGE.DELTA", "SPOT", -100.0));
  }

  @Test
  void neutralizeSolvesDeltaAndGammaExactly() {
    // Short 500 delta and 30 gamma; spot (delta 1, gamma 0) and an option (delta 0.55, gamma 0.02):
    // option qty = 30 / 0.02 = 1500, spot qty = 500 - 0.55 * 1500 = -325.
    Object[][] q = (Object[][]) call("GX.NEUTRALIZE", new Object[][] {{"DELTA"}, {"gamma"}},
        new Object[][] {{-500.0}, {-30.0}}, new Object[][] {{1.0, 0.55}, {0.0, 0.02}});
    assertEquals(-325.0, (Double) q[0][0], 1e-9);
    assertEquals(1500.0, (Double) q[1][0], 1e-9);
  }

  @Test
  void neutralizeMatchesTheJavaApiWhenUnderdetermined() {
    double[][] instruments = {{1.0, 0.0}, {0.55, 0.02}, {0.4, 0.03}};
    double[] expected = MultiGreekHedge.solve(List.of(Greek.DELTA, Greek.GAMMA), new double[] {-500, -30},
        instruments, null).quantities();
    Object[][] q = (Object[][]) call("GX.NEUTRALIZE", new Object[][] {{"DELTA", "GAMMA"}},
        new Object[][] {{-500.0, -30.0}}, new Object[][] {{1.0, 0.55, 0.4}, {0.0, 0.02, 0.03}});
    assertArrayEquals(expected, new double[] {(Double) q[0][0], (Double) q[1][0], (Double) q[2][0]}, 1e-12);
    assertEquals(500.0, expected[0] + 0.55 * expected[1] + 0.4 * expected[2], 1e-9);
  }

  @Test
  void neutralizeBadShapes() {
    assertEquals(ExcelError.VALUE, call("GX.NEUTRALIZE", new Object[][] {{"DELTA"}, {"GAMMA"}},
        new Object[][] {{-500.0}}, new Object[][] {{1.0}, {0.0}}));
    assertEquals(ExcelError.VALUE, call("GX.NEUTRALIZE", new Object[][] {{"DELTA"}, {"GAMMA"}},
        new Object[][] {{-500.0}, {-30.0}}, new Object[][] {{1.0, 0.55}}));
    assertEquals(ExcelError.VALUE, call("GX.NEUTRALIZE", new Object[][] {{"DELTA"}, {"GAMMAS"}},
        new Object[][] {{-500.0}, {-30.0}}, new Object[][] {{1.0, 0.55}, {0.0, 0.02}}));
    assertEquals(ExcelError.VALUE, call("GX.NEUTRALIZE", new Object[][] {{"DELTA"}, {"GAMMA"}},
        new Object[][] {{-500.0}, {-30.0}}, new Object[][] {{1.0, "x"}, {0.0, 0.02}}));
    assertEquals("instrument_greeks row 1 column 2: expected a number, got the text 'x'",
        Diagnostics.lastFailure().get().reason());
  }

  @Test
  void breakevenIsTheOneDaySigmaWithoutCarry() {
    // with r = q = 0, BSM theta = -1/2 vol^2 S^2 gamma, so the breakeven move is vol * S * sqrt(days / 365)
    assertEquals(0.2 * 100 * Math.sqrt(1 / 365.0), number("GX.BREAKEVEN", "C", 100.0, 105.0, 0.25, 0.2), 1e-10);
    assertEquals(0.2 * 100 * Math.sqrt(7 / 365.0),
        number("GX.BREAKEVEN", "P", 100.0, 95.0, 0.25, 0.2, 0.0, 0.0, 7.0), 1e-10);
    Greeks g = Model.BSM.pricer().greeks(OptionType.CALL, 100, 100, 0.25, 0.2, 0.05, 0.01);
    assertEquals(GammaScalping.breakevenMove(g.theta(), g.gamma(), 1 / 365.0),
        number("GX.BREAKEVEN", "C", 100.0, 100.0, 0.25, 0.2, 0.05, 0.01), 1e-12);
    assertEquals(ExcelError.NUM, call("GX.BREAKEVEN", "C", 100.0, 100.0, 0.25, 0.2, 0.0, 0.0, -1.0));
  }

  @Test
  void scalpingFormulas() {
    assertEquals(0.5 * 0.05 * 4 - 0.04, number("GX.SCALP.PNL", 0.05, 2.0, -0.04), 1e-15);
    assertEquals(0.5 * 0.05 * 4 - 0.04 * 3, number("GX.SCALP.PNL", 0.05, 2.0, -0.04, 3.0), 1e-15);
    assertEquals(0.5 * 0.05 * 100 * 100 * (0.0625 - 0.04) / 365, number("GX.SCALP.EXPECTED", 0.05, 100.0, 0.25, 0.2),
        1e-15);
  }

  @Test
  void volPnlIsValueAtRealizedLessValueAtImplied() {
    double atRealized = number("GX.PRICE", "C", 100.0, 100.0, 0.25, 0.25, 0.03);
    double atImplied = number("GX.PRICE", "C", 100.0, 100.0, 0.25, 0.2, 0.03);
    assertEquals(atRealized - atImplied, number("GX.SCALP.VOLPNL", "C", 100.0, 100.0, 0.25, 0.25, 0.2, 0.03), 1e-12);
    assertEquals(0.0, number("GX.SCALP.VOLPNL", "P", 100.0, 90.0, 0.25, 0.2, 0.2), 0.0);
    assertEquals(ExcelError.NUM, call("GX.SCALP.VOLPNL", "C", 100.0, 100.0, 0.25, -0.25, 0.2));
  }

  @Test
  void hedgeErrorIsDermanKamal() {
    double vega = Model.BSM.pricer().greek(Greek.VEGA, OptionType.CALL, 100, 100, 0.25, 0.2, 0, 0);
    assertEquals(Math.sqrt(Math.PI / 4) * vega * 0.2 / Math.sqrt(63), number("GX.HEDGE.ERROR", "C", 100.0, 100.0, 0.25,
        0.2, 63.0), 1e-12);
    // at the money, with no carry: about 0.89 / sqrt(N) of the premium (Derman-Kamal)
    double premium = number("GX.PRICE", "C", 100.0, 100.0, 0.25, 0.2);
    assertEquals(0.886 / Math.sqrt(63) * premium, number("GX.HEDGE.ERROR", "C", 100.0, 100.0, 0.25, 0.2, 63.0),
        0.01 * premium / Math.sqrt(63));
    assertEquals(ExcelError.NUM, call("GX.HEDGE.ERROR", "C", 100.0, 100.0, 0.25, 0.2, 0.5));
  }

  @Test
  void bandsAndLelandMatchTheirFormulas() {
    assertEquals(Math.cbrt(1.5 * 0.001 * 100 * 50 * 50 / 0.01), number("GX.HEDGE.BAND", 100.0, 50.0, 0.25, 0.001, 0.01),
        1e-9);
    assertEquals(HedgeBands.whalleyWilmott(0.05, 0.25, 0.001, 100, 50, 0.01),
        number("GX.HEDGE.BAND", 100.0, 50.0, 0.25, 0.001, 0.01, 0.05), 0.0);
    double le = Math.sqrt(2 / Math.PI) * 0.002 / (0.2 * Math.sqrt(1 / 252.0));
    assertEquals(0.2 * Math.sqrt(1 - le), number("GX.LELAND.VOL", 0.2, 0.002, 1 / 252.0), 1e-14);
    assertEquals(0.2 * Math.sqrt(1 + le), number("GX.LELAND.VOL", 0.2, 0.002, 1 / 252.0, false), 1e-14);
    assertEquals(ExcelError.NUM, call("GX.LELAND.VOL", 0.2, 0.2, 1 / 252.0), "costs above the gamma rent");
  }
}
