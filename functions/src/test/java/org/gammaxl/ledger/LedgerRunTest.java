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

  /** ln(a/b) in 40-digit decimal arithmetic: 2·atanh(u), u = (a − b)/(a + b) formed exactly, rounded once. */
  private static double exactLogRatio(double a, double b) {
    MathContext mc = new MathContext(40);
    BigDecimal u = new BigDecimal(a).subtract(new BigDecimal(b)).divide(new BigDecimal(a).add(new BigDecimal(b)), mc);
    BigDecimal u2 = u.multiply(u, mc);
    BigDecimal power = u;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 1; power.abs().compareTo(BigDecimal.ONE.movePointLeft(60)) > 0; k += 2) {
      sum = sum.add(power.divide(BigDecimal.valueOf(k), mc), mc);
      power = power.multiply(u2, mc);
    }
    return sum.multiply(BigDecimal.valueOf(2)).doubleValue();
  }

  @Test
  void logReturnIsWithinThreeUlpsOfTheExactLogFromTickMovesToCrashes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double worstPlain = 0;
    for (int i = 0; i < 20_000; i++) {
      double prev = 1 + 999 * random.nextDouble();
      double move = Math.pow(10, -8 + 7.5 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
      double spot = prev * Math.exp(move);
      double exact = exactLogRatio(spot, prev);
      double error = Math.abs(LedgerRun.logReturn(spot, prev) - exact) / Math.ulp(exact);
      assertTrue(error <= 3, "ln(" + spot + "/" + prev + ") off by " + error + " ulp");
      worstPlain = Math.max(worstPlain, Math.abs(Math.log(spot / prev) - exact) / Math.ulp(exact));
    }
    // what it replaces: the log of the rounded ratio, thousands of ulps off for one-minute moves
    assertTrue(worstPlain > 1000, "Math.log(S/S0) worst " + worstPlain + " ulp");
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
