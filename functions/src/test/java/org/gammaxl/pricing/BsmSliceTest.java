package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link BsmSlice} gives {@link BlackScholesMerton#firstGreeks} bit for bit, the expiry's factors shared. */
class BsmSliceTest {
  private static final double[] SPOTS = {1e-3, 40, 95, 100, 100.0000001, 105, 250, 1e6};
  private static final double[] YEARS = {1e-12, 1e-9, 1.0 / 98_280, 0.02, 0.5, 3, 30, 400};
  private static final double[] VOLS = {1e-9, 0.001, 0.2, 1.5, 8};
  private static final double[] RATES = {-0.01, 0, 0.05};

  @Test
  void aGridOfSpotsExpiriesAndVolsAgreesBitForBit() {
    for (double s : SPOTS) {
      for (double t : YEARS) {
        for (double r : RATES) {
          BsmSlice slice = new BsmSlice(r, 0.02);
          slice.at(s, t);
          for (double vol : VOLS) {
            for (double k : new double[] {100, 0.9 * s, s, 1.1 * s}) {
              assertSame(slice, s, k, t, vol, r, 0.02);
            }
          }
        }
      }
    }
  }

  @Test
  void randomBooksAgreeBitForBit() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 200_000; n++) {
      double s = 100 * Math.exp(random.nextDouble(-1, 1));
      double t = Math.exp(random.nextDouble(-12, 2));
      double r = random.nextDouble(-0.02, 0.1);
      double q = random.nextDouble(-0.02, 0.08);
      BsmSlice slice = new BsmSlice(r, q);
      slice.at(s, t);
      for (int leg = 0; leg < 3; leg++) {
        double k = s * Math.exp(random.nextDouble(-0.6, 0.6) * (leg == 0 ? 0.01 : 1));
        assertSame(slice, s, k, t, random.nextDouble(0.02, 1.2), r, q);
      }
    }
  }

  private static void assertSame(BsmSlice slice, double s, double k, double t, double vol, double r, double q) {
    double[] expected = new double[OptionPricer.FIRST_GREEKS];
    double[] actual = new double[OptionPricer.FIRST_GREEKS];
    for (OptionType type : OptionType.values()) {
      BlackScholesMerton.INSTANCE.firstGreeks(type, s, k, t, vol, r, q, expected);
      slice.firstGreeks(type.sign(), k, 1 / k, vol, actual);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 0.0,
            () -> type + " S=" + s + " K=" + k + " T=" + t + " vol=" + vol + " r=" + r + " q=" + q);
      }
    }
  }
}
