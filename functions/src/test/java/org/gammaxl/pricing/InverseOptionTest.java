package org.gammaxl.pricing;

import static org.gammaxl.pricing.BlackScholesMertonTest.assertBad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InverseOptionTest {

  private static final InverseOption INVERSE = InverseOption.INSTANCE;

  /**
   * The coin value computed directly in the coin numeraire: under the measure that discounts at the
   * coin rate q, ln S_T has drift (r − q + σ²/2)T, and the coin payoff is max(φ(S_T − K), 0)/S_T.
   * Composite Simpson on either side of the kink, z in [−12, 12]. This does not use BSM at all.
   */
  static double coinValueByIntegration(OptionType type, double s, double k, double t, double vol, double r, double q) {
    double sd = vol * Math.sqrt(t);
    double mu = (r - q + 0.5 * vol * vol) * t;
    double kink = Math.max(-12, Math.min(12, (Math.log(k / s) - mu) / sd));
    return Math.exp(-q * t) * (simpson(type, s, k, sd, mu, -12, kink) + simpson(type, s, k, sd, mu, kink, 12));
  }

  private static double simpson(OptionType type, double s, double k, double sd, double mu, double a, double b) {
    int n = 4000;
    double h = (b - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double z = a + i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      double st = s * Math.exp(mu + sd * z);
      sum += w * type.intrinsic(st, k) / st * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
    return sum * h / 3;
  }

  @Test
  void coinPremiumEqualsTheCoinPayoffIntegratedUnderTheCoinMeasure() {
    double[][] cases = {
      {60000, 60000, 30 / 365.0, 0.6, 0, 0}, {60000, 70000, 0.25, 0.8, 0.05, 0.01},
      {3000, 2500, 0.5, 0.9, 0.04, -0.02}, {60000, 40000, 1, 0.5, 0.0, 0.03}};
    for (double[] c : cases) {
      for (OptionType type : OptionType.values()) {
        double expected = coinValueByIntegration(type, c[0], c[1], c[2], c[3], c[4], c[5]);
        double actual = INVERSE.price(type, c[0], c[1], c[2], c[3], c[4], c[5]);
        assertEquals(expected, actual, 1e-11 + 1e-9 * expected, type + " " + java.util.Arrays.toString(c));
        double usd = BlackScholesMerton.INSTANCE.price(type, c[0], c[1], c[2], c[3], c[4], c[5]);
        assertEquals(usd / c[0], actual, 1e-15 * usd / c[0], "coin premium = USD value / spot");
      }
    }
  }

  @Test
  void everyGreekIsTheDerivativeOfTheCoinPremium() {
    for (OptionType type : OptionType.values()) {
      for (double s : new double[] {50000, 60000, 75000}) {
        for (double t : new double[] {7 / 365.0, 0.5}) {
          GreekChecks.assertGreeksAreDerivatives(INVERSE, type, new double[] {s, 60000, t, 0.7, 0.03, -0.01}, 2e-7,
              s * 0.7 * Math.sqrt(t));
        }
      }
    }
  }

  @Test
  void premiumAdjustedDeltaIsTheBlackScholesDeltaLessThePremiumInCoin() {
    double s = 60000;
    double k = 65000;
    double t = 0.1;
    for (OptionType type : OptionType.values()) {
      Greeks usd = BlackScholesMerton.INSTANCE.greeks(type, s, k, t, 0.65, 0, 0);
      double adjusted = INVERSE.premiumAdjustedDelta(type, s, k, t, 0.65, 0, 0);
      assertEquals(usd.delta() - usd.price() / s, adjusted, 1e-15);
      // and it is S times the coin delta
      Greeks coin = INVERSE.greeks(type, s, k, t, 0.65, 0, 0);
      assertEquals(s * coin.delta(), adjusted, 1e-14);
      assertTrue(adjusted < usd.delta(), "the premium in coin reduces the coin delta");
      assertEquals(usd.lambda() - 1, coin.lambda(), 1e-12);
    }
  }

  @Test
  void badInput() {
    assertBad("spot", () -> INVERSE.price(OptionType.CALL, 0, 60000, 1, 0.5, 0, 0));
    assertBad("vol", () -> INVERSE.premiumAdjustedDelta(OptionType.CALL, 60000, 60000, 1, -0.5, 0, 0));
    assertEquals(0.0, INVERSE.price(OptionType.CALL, 50000, 60000, 0, 0.5, 0, 0), 0);
    assertEquals(10000 / 70000.0, INVERSE.price(OptionType.CALL, 70000, 60000, 0, 0.5, 0, 0), 1e-16);
  }
}
