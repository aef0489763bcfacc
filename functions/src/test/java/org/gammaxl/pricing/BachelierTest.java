package org.gammaxl.pricing;

import static org.gammaxl.pricing.BlackScholesMertonTest.assertBad;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BachelierTest {

  private static final Bachelier NORMAL = Bachelier.INSTANCE;

  /**
   * e^{−rT}·E[max(φ(F + σ√T·Z − K), 0)] by composite Simpson on each side of the kink z* = (K − F)/(σ√T),
   * over z in [−14, 14]; independent of the closed form.
   */
  static double integrated(OptionType type, double s, double k, double t, double vol, double r, double q) {
    double f = s * Math.exp((r - q) * t);
    double sd = vol * Math.sqrt(t);
    double kink = Math.max(-14, Math.min(14, (k - f) / sd));
    return Math.exp(-r * t) * (simpson(type, f, k, sd, -14, kink) + simpson(type, f, k, sd, kink, 14));
  }

  private static double simpson(OptionType type, double f, double k, double sd, double a, double b) {
    int n = 4000;
    double h = (b - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double z = a + i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * type.intrinsic(f + sd * z, k) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
    return sum * h / 3;
  }

  @Test
  void priceMatchesNumericalIntegrationOfThePayoffIncludingNegativeSpotAndStrike() {
    double[][] cases = {
      {100, 100, 1, 20, 0.03, 0.01}, {100, 120, 0.25, 15, -0.01, 0}, {-5, -3, 2, 4, 0.02, 0.0},
      {2, -1, 0.5, 3, 0.0, 0.04}, {0, 0, 1, 1, 0.05, 0.05}, {50, 40, 3, 8, 0.01, -0.02}};
    for (double[] c : cases) {
      for (OptionType type : OptionType.values()) {
        double expected = integrated(type, c[0], c[1], c[2], c[3], c[4], c[5]);
        double actual = NORMAL.price(type, c[0], c[1], c[2], c[3], c[4], c[5]);
        assertEquals(expected, actual, 1e-10 * (1 + Math.abs(expected)), type + " " + java.util.Arrays.toString(c));
      }
    }
  }

  @Test
  void everyGreekIsTheDerivativeOfALowerOne() {
    for (OptionType type : OptionType.values()) {
      for (double s : new double[] {-20, 90, 100, 115}) {
        for (double t : new double[] {0.1, 2}) {
          for (double r : new double[] {-0.01, 0.04}) {
            double vol = 12;
            GreekChecks.assertGreeksAreDerivatives(NORMAL, type, new double[] {s, 100, t, vol, r, 0.02}, 2e-7,
                vol * Math.sqrt(t));
          }
        }
      }
    }
  }

  @Test
  void parityAndHomogeneity() {
    double s = 100;
    double k = 104;
    double t = 0.6;
    double vol = 18;
    double r = 0.02;
    double q = 0.005;
    Greeks c = NORMAL.greeks(OptionType.CALL, s, k, t, vol, r, q);
    Greeks p = NORMAL.greeks(OptionType.PUT, s, k, t, vol, r, q);
    double df = Math.exp(-r * t);
    double f = s * Math.exp((r - q) * t);
    assertEquals(df * (f - k), c.price() - p.price(), 1e-12);
    assertEquals(Math.exp(-q * t), c.delta() - p.delta(), 1e-15);
    assertEquals(c.gamma(), p.gamma(), 1e-16);
    assertEquals(c.vega(), p.vega(), 1e-14);
    // V is homogeneous of degree one in (S, K, σ_N): V = S·Δ + K·∂V/∂K + σ·vega
    for (Greeks g : new Greeks[] {c, p}) {
      assertEquals(g.price(), s * g.delta() + k * g.dualDelta() + vol * g.vega(), 1e-12);
    }
  }

  /** At the money forward the Bachelier value is e^{−rT}·σ_N·√(T/2π). */
  @Test
  void atTheMoneyForwardClosedForm() {
    double v = NORMAL.price(OptionType.CALL, 100, 100, 0.5, 10, 0, 0);
    assertEquals(10 * Math.sqrt(0.5 / (2 * Math.PI)), v, 1e-14);
  }

  @Test
  void expiryZeroVolAndBadInput() {
    assertEquals(3, NORMAL.price(OptionType.PUT, -4, -1, 0, 5, 0.05, 0), 0);
    Greeks expired = NORMAL.greeks(OptionType.PUT, -1, -1, 0, 5, 0.05, 0);
    assertEquals(-0.5, expired.delta(), 0);
    assertEquals(0, expired.gamma(), 0);
    double f = 100 * Math.exp(0.03);
    assertEquals(Math.exp(-0.05) * (f - 100), NORMAL.price(OptionType.CALL, 100, 100, 1, 0, 0.05, 0.02), 1e-12);
    assertBad("vol", () -> NORMAL.price(OptionType.CALL, 100, 100, 1, -1, 0, 0));
    assertBad("spot", () -> NORMAL.price(OptionType.CALL, Double.NaN, 100, 1, 1, 0, 0));
    assertBad("strike", () -> NORMAL.greeks(OptionType.CALL, 1, Double.NEGATIVE_INFINITY, 1, 1, 0, 0));
    assertBad("years", () -> NORMAL.price(OptionType.CALL, 1, 1, -1, 1, 0, 0));
  }
}
