package org.gammaxl.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class LedgerRunTest {

  /** e^x − 1 by its Taylor series in 40-digit decimal arithmetic, rounded once to a double. */
  private static double exactExpm1(double x) {
    MathContext mc = new MathContext(40);
    BigDecimal bx = new BigDecimal(x);
    BigDecimal term = bx;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 2; term.abs().compareTo(BigDecimal.ONE.movePointLeft(60)) > 0 && k < 400; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(bx, mc).divide(BigDecimal.valueOf(k), mc);
    }
    return sum.doubleValue();
  }

  @Test
  void accrualFactorIsExpm1ToTwoUlpsFromNanosecondsToDecades() {
    for (double magnitude = 1e-14; magnitude < 3; magnitude *= 1.37) {
      for (double x : new double[] {magnitude, -magnitude}) {
        double exact = exactExpm1(x);
        double error = Math.abs(LedgerRun.expm1(x) - exact) / Math.ulp(exact);
        assertTrue(error <= 2, "expm1(" + x + ") off by " + error + " ulp");
      }
    }
  }

  @Test
  void accrualFactorEdgeValues() {
    assertEquals(0.0, LedgerRun.expm1(0.0));
    assertEquals(Double.POSITIVE_INFINITY, LedgerRun.expm1(800));
    assertEquals(-1.0, LedgerRun.expm1(-800));
  }
}
