package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class BsmExpiryTest {

  /** The shared-expiry kernel is the same computation as the pricer's: every bit of all five values, over a grid. */
  @Test
  void sameBitsAsBlackScholesMertonFirstGreeks() {
    BsmExpiry expiry = new BsmExpiry();
    double[] shared = new double[OptionPricer.FIRST_GREEKS];
    double[] plain = new double[OptionPricer.FIRST_GREEKS];
    int checked = 0;
    for (double years : new double[] {1e-6, 1.0 / 365, 0.1, 0.5, 1.2, 5, 30}) {
      for (double[] rates : new double[][] {{0.03, 0.01}, {0, 0}, {-0.01, 0.02}, {0.09, 0}}) {
        expiry.at(years, rates[0], rates[1]);
        for (double strike : new double[] {50, 85, 99.99, 100, 100.01, 110, 200}) {
          for (double vol : new double[] {0.01, 0.2, 0.27, 1.5}) {
            for (OptionType type : OptionType.values()) {
              expiry.firstGreeks(type, 100, strike, vol, shared);
              BlackScholesMerton.INSTANCE.firstGreeks(type, 100, strike, years, vol, rates[0], rates[1], plain);
              for (int k = 0; k < plain.length; k++) {
                assertEquals(plain[k], shared[k], 0.0, type + " K=" + strike + " T=" + years + " vol=" + vol + " #" + k);
              }
              checked++;
            }
          }
        }
      }
    }
    assertEquals(7 * 4 * 7 * 4 * 2, checked);
  }

  @Test
  void badInputNamesTheArgumentAsThePricerDoes() {
    BsmExpiry expiry = new BsmExpiry();
    expiry.at(0.5, 0.03, 0);
    double[] out = new double[OptionPricer.FIRST_GREEKS];
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> expiry.firstGreeks(OptionType.CALL, 100, -1, 0.2, out));
    assertEquals("strike", e.argument());
  }
}
