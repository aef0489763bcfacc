package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BivariateNormalTest {

  @Test
  void atTheOriginEqualsSheppardsFormula() {
    for (double rho = -0.999; rho <= 0.999; rho += 0.037) {
      assertEquals(0.25 + Math.asin(rho) / (2 * Math.PI), BivariateNormal.cdf(0, 0, rho), 2e-15, "rho=" + rho);
    }
  }

  @Test
  void zeroCorrelationIsTheProductOfMarginals() {
    double[] xs = {-5, -2.5, -1, -0.3, 0, 0.4, 1.2, 3, 6};
    for (double a : xs) {
      for (double b : xs) {
        assertEquals(Normal.cdf(a) * Normal.cdf(b), BivariateNormal.cdf(a, b, 0.0), 1e-15);
      }
    }
  }

  @Test
  void perfectCorrelationLimits() {
    double[] xs = {-3, -1, -0.2, 0, 0.5, 2};
    for (double a : xs) {
      for (double b : xs) {
        double plus = Normal.cdf(Math.min(a, b));
        double minus = Math.max(0.0, Normal.cdf(a) - Normal.cdf(-b));
        assertEquals(plus, BivariateNormal.cdf(a, b, 1.0), 1e-15);
        assertEquals(minus, BivariateNormal.cdf(a, b, -1.0), 1e-15);
        // approaching the limit continuously from the quadrature branch
        assertEquals(plus, BivariateNormal.cdf(a, b, 1.0 - 1e-12), 1e-6);
        assertEquals(minus, BivariateNormal.cdf(a, b, -1.0 + 1e-12), 1e-6);
      }
    }
  }

  @Test
  void agreesWithNumericalIntegrationOfTheDensityAcrossAllBranches() {
    // M(a, b; ρ) = ∫_{−∞}^{a} n(x) N((b − ρx)/√(1 − ρ²)) dx, integrated independently by Simpson's rule.
    double[] rhos = {-0.95, -0.8, -0.5, -0.2, 0.1, 0.35, 0.6, 0.8, 0.93, 0.97};
    double[][] points = {{-1.3, 0.7}, {0.4, -0.9}, {1.5, 2.0}, {-2.2, -1.1}, {0.0, 0.8}};
    for (double rho : rhos) {
      for (double[] p : points) {
        assertEquals(simpson(p[0], p[1], rho), BivariateNormal.cdf(p[0], p[1], rho), 1e-12,
            "a=" + p[0] + " b=" + p[1] + " rho=" + rho);
      }
    }
  }

  @Test
  void fixedCorrelationQuadratureOfTheTwoStepApproximationMatchesGenzAndSimpson() {
    // the ±√((√5 − 1)/2) ≈ ±0.786 of Bjerksund–Stensland 2002 with its reduced node count, against
    // Genz's 20-node tier and an independent Simpson integration of the density
    double rho = Math.sqrt(0.5 * (Math.sqrt(5.0) - 1.0));
    for (double r : new double[] {rho, -rho}) {
      BivariateNormal.FixedCorrelation fixed =
          new BivariateNormal.FixedCorrelation(r, AmericanBjerksundStensland.NODES);
      for (double a = -8; a <= 8; a += 0.25) {
        for (double b = -8; b <= 8; b += 0.35) {
          assertEquals(BivariateNormal.cdf(a, b, r), fixed.cdf(a, b, Normal.cdf(a), Normal.cdf(b)), 5e-16,
              "a=" + a + " b=" + b + " rho=" + r);
        }
      }
      double[][] points = {{-1.3, 0.7}, {0.4, -0.9}, {1.5, 1.55}, {-2.2, -1.1}, {0.0, 0.8}, {1.0, -3.0}};
      for (double[] p : points) {
        assertEquals(simpson(p[0], p[1], r), fixed.cdf(p[0], p[1], Normal.cdf(p[0]), Normal.cdf(p[1])), 1e-14,
            "a=" + p[0] + " b=" + p[1] + " rho=" + r);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new BivariateNormal.FixedCorrelation(0.95, 13));
  }

  @Test
  void genzUsesSixTwelveAndTwentyNodesByCorrelation() {
    // each tier, just inside its band, against the Simpson reference (at the band edges the
    // smaller rules are at their accuracy limit)
    double[][] points = {{-1.3, 0.7}, {0.4, -0.9}, {1.5, 1.55}, {-0.2, -0.1}};
    for (double r : new double[] {-0.29, 0.29, -0.74, 0.74, 0.92, -0.92}) {
      for (double[] p : points) {
        assertEquals(simpson(p[0], p[1], r), BivariateNormal.cdf(p[0], p[1], r), 1e-14,
            "a=" + p[0] + " b=" + p[1] + " rho=" + r);
      }
    }
  }

  @Test
  void symmetricInItsArgumentsAndReflectsWithCorrelation() {
    double a = 0.3;
    double b = -1.1;
    for (double rho : new double[] {-0.96, -0.4, 0.2, 0.8, 0.95}) {
      assertEquals(BivariateNormal.cdf(a, b, rho), BivariateNormal.cdf(b, a, rho), 1e-15);
      // M(a, b; ρ) + M(a, −b; −ρ) = N(a)
      assertEquals(Normal.cdf(a), BivariateNormal.cdf(a, b, rho) + BivariateNormal.cdf(a, -b, -rho), 2e-15);
    }
  }

  @Test
  void infiniteLimitsAndBadArguments() {
    assertEquals(Normal.cdf(0.7), BivariateNormal.cdf(Double.POSITIVE_INFINITY, 0.7, 0.5), 0);
    assertEquals(0.0, BivariateNormal.cdf(Double.NEGATIVE_INFINITY, 0.7, 0.5), 0);
    assertThrows(IllegalArgumentException.class, () -> BivariateNormal.cdf(0, 0, 1.5));
    assertThrows(IllegalArgumentException.class, () -> BivariateNormal.cdf(Double.NaN, 0, 0.5));
  }

  private static double simpson(double a, double b, double rho) {
    double lo = -12.0;
    int n = 20_000;
    double h = (a - lo) / n;
    double s = 0;
    double c = Math.sqrt(1 - rho * rho);
    for (int i = 0; i <= n; i++) {
      double x = lo + i * h;
      double f = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * Normal.cdf((b - rho * x) / c);
      s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    return s * h / 3;
  }
}
