package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ln(F/K) as the implied-vol entry points compute it: ln(1 + (F − K)/K) near the money. */
class LogMoneynessTest {

  @Test
  void log1pIsWithinTwoUlpsOfTheCorrectlyRoundedStrictMathValue() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      // |d| log-uniform over 1e-300..1, d ≥ −0.5: every (F − K)/K with F and K within a factor 2.
      double d = Math.pow(10, -300 * random.nextDouble()) * (random.nextBoolean() ? 1 : -0.5);
      double expected = StrictMath.log1p(d);
      double error = Math.abs(ImpliedVolatility.log1p(d) - expected) / Math.ulp(expected);
      assertTrue(error <= 2, "log1p(" + d + ") off by " + error + " ulp");
    }
  }

  @Test
  void atTheMoneyAndExactSmallDifferences() {
    assertEquals(0.0, ImpliedVolatility.logMoneyness(100, 100));
    // F = K·(1 + 2^-40): ln(F/K) = 2^-40 − 2^-81 + …, which a plain ln(F/K) would get only to ~1e-4 relative.
    double k = 100;
    double f = k * (1 + 0x1.0p-40);
    double exact = 0x1.0p-40 - 0x1.0p-81;
    assertEquals(exact, ImpliedVolatility.logMoneyness(f, k), 2 * Math.ulp(exact));
  }
}
