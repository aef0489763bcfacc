package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Logarithm#log} against 50-digit values: within 0.6 ulp for every normal positive argument, also near 1. */
class LogarithmTest {
  private static final MathContext MC = new MathContext(50);
  private static final BigDecimal LN2 = new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680");

  /** ln v to 50 digits: v = 2^e·m, ln m = 2·atanh((m − 1)/(m + 1)) by its series. */
  static BigDecimal exact(double v) {
    int e = Math.getExponent(v);
    BigDecimal m = new BigDecimal(v).divide(new BigDecimal(Math.scalb(1.0, e)), MC); // exact: a power of 2
    BigDecimal u = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
    BigDecimal u2 = u.multiply(u, MC);
    BigDecimal power = u;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < 60; k++) {
      sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
      power = power.multiply(u2, MC);
    }
    return LN2.multiply(BigDecimal.valueOf(e), MC).add(sum.multiply(BigDecimal.valueOf(2), MC), MC);
  }

  private static double ulpError(double v) {
    BigDecimal exact = exact(v);
    double rounded = exact.doubleValue();
    return new BigDecimal(Logarithm.log(v)).subtract(exact).abs().doubleValue() / Math.ulp(rounded);
  }

  @Test
  void withinSixTenthsOfAnUlp() {
    SplittableRandom random = new SplittableRandom(20_241_124L);
    double worst = 0;
    for (int i = 0; i < 4000; i++) {
      // forward/strike ratios, the neighbourhood of 1 on both sides of the switch at 2^−5, and the whole range
      double v = switch (i % 5) {
        case 0 -> 0.3 + 2.7 * random.nextDouble();
        case 1 -> 1 + (random.nextDouble() - 0.5) * 0.1;
        case 2 -> 1 + (random.nextDouble() - 0.5) * 1e-9;
        case 3 -> Math.exp((random.nextDouble() - 0.5) * 1400);
        default -> 0.9 + 0.2 * random.nextDouble();
      };
      if (v != 1) {
        worst = Math.max(worst, ulpError(v));
      }
    }
    for (double v : new double[] {Double.MIN_NORMAL, Double.MAX_VALUE, 2, 0.5, 1 + 0x1.0p-5, 1 - 0x1.0p-5,
        1 + 0x1.0p-52, 1 - 0x1.0p-53, Math.nextUp(1 + 0x1.0p-5), Math.nextDown(1 - 0x1.0p-5)}) {
      worst = Math.max(worst, ulpError(v));
    }
    System.out.printf("Logarithm vs 50 digits: worst error %.4f ulp%n", worst);
    assertTrue(worst <= 0.6, "worst error " + worst + " ulp");
    assertEquals(0.0, Logarithm.log(1.0), 0);
  }

  @Test
  void outsideTheNormalRangeItIsMathLog() {
    for (double v : new double[] {0, -0.0, Double.MIN_VALUE, Math.nextDown(Double.MIN_NORMAL), -1,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
      assertEquals(Math.log(v), Logarithm.log(v), 0, "v=" + v);
    }
  }
}
