package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AmericanSupportTest {

  @Test
  void logCdfAgreesWithTheLogOfTheCdfAndContinuesPastUnderflow() {
    for (double x = -37; x <= 8; x += 0.37) {
      assertEquals(Math.log(Normal.cdf(x)), AmericanSupport.logCdf(x), 1e-13 * Math.max(1, Math.abs(Math.log(Normal.cdf(x)))));
    }
    // beyond N(x) underflow: the asymptotic series ln N(x) = −x²/2 − ln(−x√(2π)) + ln(1 − 1/x² + 3/x⁴ − 15/x⁶ …)
    double x = -60;
    double z = 1 / (x * x);
    double series = -0.5 * x * x - Math.log(-x * Math.sqrt(2 * Math.PI)) + Math.log(1 - z + 3 * z * z - 15 * z * z * z);
    assertEquals(series, AmericanSupport.logCdf(x), 1e-12 * Math.abs(series));
  }

  @Test
  void zeroVolValueExercisesAtTheBestDate() {
    // Call, r = 10 %, q = 2 %: the discounted payoff S·e^{(b−r)t} − K·e^{−rt} peaks where e^{bt} = rK/((r−b)S).
    double s = 80;
    double k = 100;
    double r = 0.10;
    double q = 0.02;
    double b = r - q;
    double tStar = Math.log(r * k / ((r - b) * s)) / b; // ≈ 22 years
    double best = 0;
    for (double t = 0; t <= 40; t += 1e-4) {
      best = Math.max(best, Math.exp(-r * t) * Math.max(s * Math.exp(b * t) - k, 0));
    }
    assertEquals(best, AmericanSupport.zeroVol(OptionType.CALL, s, k, 40, r, q), 1e-9);
    assertEquals(Math.exp(-r * tStar) * (s * Math.exp(b * tStar) - k), AmericanSupport.zeroVol(OptionType.CALL, s, k, 40, r, q),
        1e-12);
  }
}
