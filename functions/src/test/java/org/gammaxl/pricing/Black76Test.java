package org.gammaxl.pricing;

import static org.gammaxl.pricing.BlackScholesMertonTest.assertBad;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Black76Test {

  private static final Black76 BLACK = Black76.INSTANCE;

  /** Black-76 on F is BSM with zero carry: yield = rate, spot = F. */
  @Test
  void equalsBlackScholesMertonWithYieldEqualToRate() {
    for (OptionType type : OptionType.values()) {
      for (double f : new double[] {70, 100, 140}) {
        for (double r : new double[] {-0.02, 0.0, 0.07}) {
          Greeks black = BLACK.greeks(type, f, 100, 0.8, 0.35, r, 0.5);
          Greeks bsm = BlackScholesMerton.INSTANCE.greeks(type, f, 100, 0.8, 0.35, r, r);
          for (Greek g : Greek.values()) {
            if (g == Greek.RHO || g == Greek.PHI) {
              continue;
            }
            assertEquals(bsm.get(g), black.get(g), 1e-14 * (1 + Math.abs(bsm.get(g))), g.name());
          }
          // rho with F fixed is −T·V; the yield plays no part
          assertEquals(-0.8 * black.price(), black.rho(), 1e-15);
          assertEquals(0.0, black.phi(), 0);
        }
      }
    }
  }

  /** Haug (2007) §1.1.2 futures option example: F = 19, K = 19, T = 0.75, r = 10 %, σ = 28 % → 1.7011 each. */
  @Test
  void haugFuturesOptionExample() {
    assertEquals(1.7011, BLACK.price(OptionType.CALL, 19, 19, 0.75, 0.28, 0.10, 0), 5e-5);
    assertEquals(1.7011, BLACK.price(OptionType.PUT, 19, 19, 0.75, 0.28, 0.10, 0), 5e-5);
  }

  @Test
  void everyGreekIsTheDerivativeOfALowerOne() {
    for (OptionType type : OptionType.values()) {
      for (double f : new double[] {60, 100, 150}) {
        for (double t : new double[] {0.05, 2}) {
          for (double r : new double[] {-0.01, 0.05}) {
            GreekChecks.assertGreeksAreDerivatives(BLACK, type, new double[] {f, 100, t, 0.25, r, 0.03}, 2e-7,
                f * 0.25 * Math.sqrt(t));
          }
        }
      }
    }
  }

  @Test
  void singleGreeksAgreeWithTheFullSet() {
    Greeks all = BLACK.greeks(OptionType.PUT, 95, 100, 0.3, 0.4, 0.03, 0);
    for (Greek g : Greek.values()) {
      assertEquals(all.get(g), BLACK.greek(g, OptionType.PUT, 95, 100, 0.3, 0.4, 0.03, 0),
          1e-15 * Math.abs(all.get(g)), g.name());
    }
  }

  @Test
  void expiryAndBadInput() {
    assertEquals(5, BLACK.price(OptionType.CALL, 105, 100, 0, 0.3, 0.05, 0), 0);
    assertEquals(Math.exp(-0.05) * 5, BLACK.price(OptionType.CALL, 105, 100, 1, 0, 0.05, 0), 1e-14);
    assertBad("spot", () -> BLACK.price(OptionType.CALL, -105, 100, 1, 0.3, 0.05, 0));
    assertBad("vol", () -> BLACK.greeks(OptionType.CALL, 105, 100, 1, Double.NaN, 0.05, 0));
    assertBad("yield", () -> BLACK.price(OptionType.CALL, 105, 100, 1, 0.3, 0.05, Double.NaN));
  }
}
