package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Each estimator against a hand computation on a fixed six-bar series. The expected values were
 * computed independently (a few lines of Python straight from the textbook formulas quoted in each
 * test, not from this code) and pasted as literals.
 */
class RealizedVolatilityTest {
  static final double[] O = {100.0, 101.0, 99.5, 102.0, 103.5, 102.5};
  static final double[] H = {101.5, 102.5, 101.0, 104.0, 104.5, 103.8};
  static final double[] L = {99.0, 100.0, 98.7, 101.1, 102.2, 101.6};
  static final double[] C = {100.8, 100.1, 100.9, 103.2, 102.9, 103.1};
  static final double TOL = 1e-12;

  @Test
  void closeToCloseIsDemeanedSampleStdevOfLogReturnsAnnualised() {
    // r_i = ln(C_i/C_{i-1}), i = 1..5; sqrt(252 * sum (r - mean)^2 / 4)
    assertEquals(0.1827941874345614, RealizedVolatility.closeToClose(C, 252), TOL);
  }

  @Test
  void parkinsonUsesHighLowRange() {
    // sqrt(252 * sum ln(H/L)^2 / (4 * 6 * ln 2))
    assertEquals(0.23079548002331463, RealizedVolatility.parkinson(H, L, 252), TOL);
  }

  @Test
  void garmanKlass() {
    // sqrt(252/6 * sum [0.5 ln(H/L)^2 - (2 ln2 - 1) ln(C/O)^2])
    assertEquals(0.25500038149905796, RealizedVolatility.garmanKlass(O, H, L, C, 252), TOL);
  }

  @Test
  void rogersSatchell() {
    // sqrt(252/6 * sum [ln(H/C) ln(H/O) + ln(L/C) ln(L/O)])
    assertEquals(0.26064151564178323, RealizedVolatility.rogersSatchell(O, H, L, C, 252), TOL);
  }

  @Test
  void yangZhangFirstRowSuppliesOnlyThePreviousClose() {
    // n = 5 bars after the first row, k = 0.34 / (1.34 + 6/4) = 0.1197183...
    // sigma^2 = var(ln O_i/C_{i-1}) + k var(ln C_i/O_i) + (1-k) mean RS over rows 2..6
    assertEquals(0.27082145664524726, RealizedVolatility.yangZhang(O, H, L, C, 252), TOL);
  }

  @Test
  void ewmaRiskMetricsSeededWithFirstSquaredReturn() {
    // v = r1^2; v = 0.94 v + 0.06 r_i^2 for i = 2..5; sqrt(252 v)
    assertEquals(0.1315855398095321, RealizedVolatility.ewma(C, RealizedVolatility.RISKMETRICS_LAMBDA, 252), TOL);
  }

  @Test
  void irregularTimestampsScaleEachReturnByItsOwnStep() {
    // closes at days 0, 1, 2, 5 (a weekend), 5.5 (intraday) and 6.5 of a 365-day year;
    // mu = sum r / sum dt, sigma^2 = sum (r_i - mu dt_i)^2 / dt_i / (n - 1)
    double[] t = {0, 1 / 365.0, 2 / 365.0, 5 / 365.0, 5.5 / 365.0, 6.5 / 365.0};
    assertEquals(0.14286481087916894, RealizedVolatility.closeToClose(t, C), TOL);
    // EWMA on r_i^2 / dt_i
    assertEquals(0.13674740919546802, RealizedVolatility.ewma(t, C, 0.94), TOL);
  }

  @Test
  void equalStepsReduceToTheRegularForm() {
    double[] t = new double[C.length];
    double[] bars = new double[C.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = 10 + i / 252.0;
      bars[i] = 1 / 252.0;
    }
    assertEquals(RealizedVolatility.closeToClose(C, 252), RealizedVolatility.closeToClose(t, C), 1e-10);
    assertEquals(RealizedVolatility.yangZhang(O, H, L, C, 252), RealizedVolatility.yangZhang(O, H, L, C, t), 1e-10);
    assertEquals(RealizedVolatility.parkinson(H, L, 252), RealizedVolatility.parkinson(H, L, bars), 1e-10);
    assertEquals(RealizedVolatility.garmanKlass(O, H, L, C, 252), RealizedVolatility.garmanKlass(O, H, L, C, bars), 1e-10);
    assertEquals(RealizedVolatility.rogersSatchell(O, H, L, C, 252),
        RealizedVolatility.rogersSatchell(O, H, L, C, bars), 1e-10);
    assertEquals(RealizedVolatility.ewma(C, 0.9, 252), RealizedVolatility.ewma(t, C, 0.9), 1e-10);
  }

  @Test
  void badInputNamesRowAndField() {
    double[] t = {0, 0.01, 0.01, 0.03, 0.04, 0.05};
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> RealizedVolatility.closeToClose(t, C));
    assertEquals("row 3: time", e.argument());
    assertTrue(e.getMessage().contains("duplicate"));
    double[] bad = C.clone();
    bad[4] = 0;
    e = assertThrows(InvalidInputException.class, () -> RealizedVolatility.closeToClose(bad, 252));
    assertEquals("row 5: close", e.argument());
    double[] lowHigh = L.clone();
    lowHigh[1] = 100.5;
    e = assertThrows(InvalidInputException.class, () -> RealizedVolatility.garmanKlass(O, H, lowHigh, C, 252));
    assertEquals("row 2: low", e.argument());
    e = assertThrows(InvalidInputException.class, () -> RealizedVolatility.closeToClose(new double[] {1, 2}, 252));
    assertEquals(InvalidInputException.Kind.NOT_AVAILABLE, e.kind());
    assertThrows(InvalidInputException.class, () -> RealizedVolatility.ewma(C, 1.0, 252));
  }
}
