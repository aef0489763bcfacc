package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The normal distribution against an independent 60-digit evaluation: the Taylor series
 * Φ(x) = ½ + φ(x)·Σ x^{2n+1}/(2n+1)!! for |x| ≤ 5 and Laplace's continued fraction
 * 1 − Φ(x) = φ(x)/(x + 1/(x + 2/(x + 3/(x + …)))) beyond, both in {@link BigDecimal}.
 */
class NormalTest {

  private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
  private static final BigDecimal PI = new BigDecimal(
      "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899");
  private static final BigDecimal SQRT_2PI = PI.multiply(BigDecimal.valueOf(2)).sqrt(MC);
  private static final BigDecimal SQRT_2 = BigDecimal.valueOf(2).sqrt(MC);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** e^a in 60 digits: halve until small, Taylor series, square back. */
  static BigDecimal exp(BigDecimal a) {
    if (a.signum() < 0) {
      return BigDecimal.ONE.divide(exp(a.negate()), MC);
    }
    int halvings = 0;
    BigDecimal r = a;
    while (r.compareTo(new BigDecimal("0.01")) > 0) {
      r = r.divide(BigDecimal.valueOf(2), MC);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < 60; n++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  static BigDecimal pdfExact(BigDecimal x) {
    return exp(x.multiply(x, MC).multiply(HALF).negate()).divide(SQRT_2PI, MC);
  }

  /** Φ(x) to about 50 significant digits, including the far lower tail. */
  static BigDecimal cdfExact(BigDecimal x) {
    BigDecimal pdf = pdfExact(x);
    if (x.abs().compareTo(BigDecimal.valueOf(5)) <= 0) {
      BigDecimal x2 = x.multiply(x, MC);
      BigDecimal term = x;
      BigDecimal sum = x;
      for (int n = 1; term.abs().compareTo(new BigDecimal("1e-70")) > 0; n++) {
        term = term.multiply(x2, MC).divide(BigDecimal.valueOf(2L * n + 1), MC);
        sum = sum.add(term, MC);
      }
      return HALF.add(pdf.multiply(sum, MC), MC);
    }
    BigDecimal y = x.abs();
    BigDecimal t = y;
    for (int k = 400; k >= 1; k--) {
      t = y.add(BigDecimal.valueOf(k).divide(t, MC), MC);
    }
    BigDecimal tail = pdf.divide(t, MC);
    return x.signum() < 0 ? tail : BigDecimal.ONE.subtract(tail, MC);
  }

  static BigDecimal erfcExact(double x) {
    return cdfExact(new BigDecimal(x).multiply(SQRT_2, MC).negate()).multiply(BigDecimal.valueOf(2));
  }

  private static void assertRelative(BigDecimal expected, double actual, double relTol, String what) {
    double e = expected.doubleValue();
    if (Math.abs(e) < Double.MIN_NORMAL) {
      assertEquals(e, actual, 4 * Double.MIN_VALUE, what + " (subnormal)");
      return;
    }
    double rel = expected.subtract(new BigDecimal(actual)).abs().divide(expected.abs(), MC).doubleValue();
    assertTrue(rel <= relTol, what + ": expected " + e + " got " + actual + " relative error " + rel);
  }

  @Test
  void cdfIsAccurateToFullRelativePrecisionFromTheDeepLowerTailToTheUpperTail() {
    for (double x = -38.5; x <= 8.5; x += 0.0731) {
      assertRelative(cdfExact(new BigDecimal(x)), Normal.cdf(x), 2e-15, "cdf(" + x + ")");
    }
    for (double x : new double[] {-37.5, -30, -10, -5.657, -5.656, -1, -0.66291, -0.5, -1e-10, 0, 1e-300, 0.3, 0.7}) {
      assertRelative(cdfExact(new BigDecimal(x)), Normal.cdf(x), 2e-15, "cdf(" + x + ")");
    }
  }

  @Test
  void cdfMatchesPublishedValues() {
    assertEquals(7.619853024160527e-24, Normal.cdf(-10), 7.619853024160527e-24 * 1e-15);
    assertEquals(0.5, Normal.cdf(0), 0);
    assertEquals(0.8413447460685429, Normal.cdf(1), 1e-16);
  }

  @Test
  void cdfLimitsAndNaN() {
    assertEquals(0.0, Normal.cdf(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, Normal.cdf(Double.POSITIVE_INFINITY));
    assertEquals(0.0, Normal.cdf(-40));
    assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    assertEquals(Normal.cdf(-3.3), Normal.survival(3.3));
    assertTrue(Normal.cdf(-38) > 0, "cdf(-38) is a positive subnormal, not 0");
  }

  @Test
  void pdfIsAccurateWhereTheSquareIsLarge() {
    for (double x = -38.5; x <= 38.5; x += 0.0917) {
      assertRelative(pdfExact(new BigDecimal(x)), Normal.pdf(x), 2e-15, "pdf(" + x + ")");
    }
    assertEquals(0.3989422804014327, Normal.pdf(0), 1e-17);
    assertEquals(0.0, Normal.pdf(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(Normal.pdf(Double.NaN)));
  }

  @Test
  void erfcAndScaledErfcMatchTheHighPrecisionReference() {
    for (double x = -6; x <= 26.5; x += 0.0613) {
      BigDecimal expected = erfcExact(x);
      assertRelative(expected, Normal.erfc(x), 2e-15, "erfc(" + x + ")");
      BigDecimal scaled = expected.multiply(exp(new BigDecimal(x).multiply(new BigDecimal(x), MC)), MC);
      assertRelative(scaled, Normal.erfcx(x), 2e-15, "erfcx(" + x + ")");
    }
    assertEquals(1.0, Normal.erfc(0), 0);
    assertEquals(2.0, Normal.erfc(Double.NEGATIVE_INFINITY), 0);
    assertEquals(0.0, Normal.erfc(30), 0);
    assertEquals(1.0 / (1e10 * Math.sqrt(Math.PI)), Normal.erfcx(1e10), 1e-26);
    assertEquals(Double.POSITIVE_INFINITY, Normal.erfcx(-27));
  }

  @Test
  void inverseCdfInvertsTheReferenceCdf() {
    double[] ps = {1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-12, 1e-11, 3e-8, 1e-4, 0.01, 0.02425, 0.074, 0.1,
      0.3, 0.5, 0.5000001, 0.7, 0.9, 0.99, 0.999999};
    for (double p : ps) {
      double x = Normal.inverseCdf(p);
      // the error in x implied by the error in p: dx = (Φ(x) − p)/φ(x), relative to |x|
      BigDecimal residual = cdfExact(new BigDecimal(x)).subtract(new BigDecimal(p), MC);
      double dx = residual.divide(pdfExact(new BigDecimal(x)), MC).doubleValue();
      double scale = Math.max(Math.abs(x), 1e-3);
      assertTrue(Math.abs(dx) / scale < 1e-15, "inverseCdf(" + p + ") = " + x + " off by " + dx);
    }
    assertEquals(0.0, Normal.inverseCdf(0.5), 0);
    assertEquals(-Normal.inverseCdf(0.025), Normal.inverseCdf(0.975), 1e-15);
    assertEquals(1.959963984540054, Normal.inverseCdf(0.975), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, Normal.inverseCdf(0));
    assertEquals(Double.POSITIVE_INFINITY, Normal.inverseCdf(1));
  }

  /** c·Φ(x), the single delta's last step, against c times 60 digits of Φ(x), c exact (binary), densely in the center. */
  @Test
  void scaledCdfIsCTimesTheCdfToAFewUlps() {
    for (double c : new double[] {1.0, 0.9950124791926823, 0.5, 1e-3, 1.0000001, 3.7}) {
      for (double x = -38.5; x <= 8.5; x += 0.0731) {
        assertRelative(cdfExact(new BigDecimal(x)).multiply(new BigDecimal(c), MC), Normal.scaledCdf(x, c), 2e-15,
            c + " * cdf(" + x + ")");
      }
      for (double x = -0.66291; x <= 0.66291; x += 0.00377) {
        assertRelative(cdfExact(new BigDecimal(x)).multiply(new BigDecimal(c), MC), Normal.scaledCdf(x, c), 2e-15,
            c + " * cdf(" + x + ")");
      }
      for (double x : new double[] {-0.66291, -0.6629, -1e-10, 0, 1e-300, 0.6629, 0.66291, Math.nextUp(0.66291)}) {
        assertRelative(cdfExact(new BigDecimal(x)).multiply(new BigDecimal(c), MC), Normal.scaledCdf(x, c), 2e-15,
            c + " * cdf(" + x + ")");
      }
    }
  }

  @Test
  void cdfGivenTheDensityAgreesWithTheStandaloneCdf() {
    for (double x = -38.5; x <= 8.5; x += 0.317) {
      assertRelative(cdfExact(new BigDecimal(x)), Normal.cdf(x, Normal.pdf(x)), 2e-15, "cdf(" + x + ", pdf)");
    }
  }

  /**
   * The pricers' lower tail Φ(−y) = φ(y)·M(y) from the piecewise Mills ratio: within a few ulps of 60 digits on every
   * quarter of [0, 12], at both ends of each quarter, and beyond 12 (the continued fraction); and the Mills ratio
   * itself, which the small-expiry series of the normalised Black value takes as Y(h) = M(−h).
   */
  @Test
  void lowerTailFromTheMillsRatioTableIsAccurateOnEveryQuarter() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20_261_124L);
    double worst = 0;
    double worstMills = 0;
    List<Double> ys = new java.util.ArrayList<>();
    for (int j = 0; j <= 48; j++) {
      ys.add(j / 4.0);
      ys.add(Math.nextDown(j / 4.0));
    }
    for (int i = 0; i < 3000; i++) {
      ys.add(random.nextDouble() * 13);
    }
    ys.addAll(List.of(0.0, 1e-300, 1e-9, 0.66291, Math.sqrt(32), 7.5, Math.nextDown(12.0), 12.0, 20.0, 37.0));
    for (double y : ys) {
      if (y < 0) {
        continue;
      }
      BigDecimal exact = cdfExact(new BigDecimal(-y));
      double tail = Normal.lowerTail(y, Normal.pdf(y));
      double rel = exact.subtract(new BigDecimal(tail)).abs().divide(exact, MC).doubleValue();
      worst = Math.max(worst, rel);
      assertTrue(rel <= 4 * Math.ulp(1.0), "lowerTail(" + y + "): relative error " + rel);
      double mills = Normal.millsRatio(y);
      BigDecimal exactMills = exact.divide(pdfExact(new BigDecimal(y)), MC);
      worstMills = Math.max(worstMills, exactMills.subtract(new BigDecimal(mills)).abs().divide(exactMills, MC)
          .doubleValue());
    }
    System.out.printf("Normal.lowerTail vs 60 digits: worst relative error %.3g (%.2f ulp of 1); millsRatio %.3g%n", worst,
        worst / Math.ulp(1.0), worstMills);
    assertTrue(worstMills <= 2 * Math.ulp(1.0), "millsRatio: worst relative error " + worstMills);
    // below 0 (not a tail any pricer takes) the ratio is still Φ(−y)/φ(y), by erfcx, whose e^{y²} there costs y²·ε
    for (double y : new double[] {-0.1, -3, -20}) {
      BigDecimal exactMills = cdfExact(new BigDecimal(-y)).divide(pdfExact(new BigDecimal(y)), MC);
      assertRelative(exactMills, Normal.millsRatio(y), 4 * Math.ulp(1.0) * (1 + y * y), "millsRatio(" + y + ")");
    }
  }

  @Test
  void inverseCdfRejectsNonProbabilities() {
    for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> Normal.inverseCdf(p));
      assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
      assertEquals("probability", e.argument());
    }
  }
}
