package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Exponential#exp} against 50-digit values: faithfully rounded (within 0.52 ulp) on |z| ≤ 708. */
class ExponentialTest {
  private static final MathContext MC = new MathContext(50);
  private static final BigDecimal E = new BigDecimal("2.71828182845904523536028747135266249775724709369995957496696763");

  /** e^z to 50 digits: e^n by squaring for the integer part n, the Taylor series for the rest. */
  static BigDecimal exact(double z) {
    BigDecimal x = new BigDecimal(z);
    BigDecimal n = x.setScale(0, java.math.RoundingMode.HALF_EVEN);
    BigDecimal f = x.subtract(n);
    BigDecimal series = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 60; k++) {
      term = term.multiply(f, MC).divide(BigDecimal.valueOf(k), MC);
      series = series.add(term, MC);
    }
    int m = n.intValueExact();
    BigDecimal power = BigDecimal.ONE;
    BigDecimal base = m < 0 ? BigDecimal.ONE.divide(E, MC) : E;
    for (int e = Math.abs(m); e > 0; e >>= 1) {
      if ((e & 1) == 1) {
        power = power.multiply(base, MC);
      }
      base = base.multiply(base, MC);
    }
    return power.multiply(series, MC);
  }

  private static double ulpError(double z) {
    BigDecimal exact = exact(z);
    double rounded = exact.doubleValue();
    return new BigDecimal(Exponential.exp(z)).subtract(exact).abs().doubleValue() / Math.ulp(rounded);
  }

  @Test
  void faithfullyRoundedOverItsRange() {
    SplittableRandom random = new SplittableRandom(20_241_124L);
    double worst = 0;
    for (int i = 0; i < 4000; i++) {
      // the whole range, the densities' range, discount factors and growth near 0, and tiny arguments
      double z = switch (i % 4) {
        case 0 -> (random.nextDouble() - 0.5) * 1416;
        case 1 -> -40 * random.nextDouble();
        case 2 -> (random.nextDouble() - 0.5) * 0.4;
        default -> (random.nextDouble() - 0.5) * 1e-9;
      };
      worst = Math.max(worst, ulpError(z));
    }
    for (double z : new double[] {0, -0.0, 1, -1, 708, -708, 0.5 * Math.log(2) / 64, -0.5 * Math.log(2) / 64, 1e-300}) {
      worst = Math.max(worst, ulpError(z));
    }
    System.out.printf("Exponential vs 50 digits: worst error %.4f ulp%n", worst);
    assertTrue(worst <= 0.52, "worst error " + worst + " ulp");
    assertEquals(1.0, Exponential.exp(0.0), 0);
  }

  /**
   * e^z − 1 to full relative precision over the whole range, in particular near 0, where e^z − 1 by a subtraction
   * would keep only the digits of z above an ulp of 1 (the forward's growth e^{bT} − 1 over minutes is about 10^{−8}).
   */
  @Test
  void expm1IsAccurateRelativeToItselfNearZeroAndEverywhere() {
    SplittableRandom random = new SplittableRandom(20_261_124L);
    double worst = 0;
    for (int i = 0; i < 4000; i++) {
      double z = switch (i % 5) {
        case 0 -> (random.nextDouble() - 0.5) * 1416;
        case 1 -> (random.nextDouble() - 0.5) * 4 * Math.log(2);
        case 2 -> (random.nextDouble() - 0.5) * 0.02;
        case 3 -> (random.nextDouble() - 0.5) * 1e-7;
        default -> (random.nextDouble() - 0.5) * 1e-200;
      };
      worst = Math.max(worst, expm1UlpError(z));
    }
    for (double z : new double[] {1e-300, -1e-300, Math.log(2), -Math.log(2), 0.5 * Math.log(2) / 64,
        -0.5 * Math.log(2) / 64, 1, -1, 708, -708, 40, -40}) {
      worst = Math.max(worst, expm1UlpError(z));
    }
    System.out.printf("Exponential.expm1 vs 50 digits: worst error %.4f ulp%n", worst);
    assertTrue(worst <= 1.6, "worst error " + worst + " ulp");
    assertEquals(0.0, Exponential.expm1(0.0), 0);
    for (double z : new double[] {708.5, 710, -745, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
      assertEquals(Math.expm1(z), Exponential.expm1(z), 0, "z=" + z);
    }
  }

  private static double expm1UlpError(double z) {
    BigDecimal exact = exact(z).subtract(BigDecimal.ONE, MC);
    // e^z − 1 for tiny z: 50 digits of e^z hold only 50 − log10(1/z) digits of e^z − 1, so take the series directly
    if (Math.abs(z) < 1e-3) {
      BigDecimal x = new BigDecimal(z);
      BigDecimal term = x;
      exact = x;
      for (int k = 2; k < 30; k++) {
        term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
        exact = exact.add(term, MC);
      }
    }
    double rounded = exact.doubleValue();
    return new BigDecimal(Exponential.expm1(z)).subtract(exact).abs().doubleValue() / Math.ulp(rounded);
  }

  @Test
  void beyondItsRangeItIsMathExp() {
    for (double z : new double[] {708.5, 709.7, 710, 1e6, -708.5, -745, -746, -1e6, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN}) {
      assertEquals(Math.exp(z), Exponential.exp(z), 0, "z=" + z);
    }
  }
}
