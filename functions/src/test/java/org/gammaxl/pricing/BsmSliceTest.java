package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BsmSlice} gives {@link BlackScholesMerton#firstGreeks} bit for bit, the expiry's factors shared; its
 * book kernel {@code firstGreeksFromLogs} within its stated bound.
 */
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
    randomBooks(7, (slice, s, k, t, vol, r, q) -> assertSame(slice, s, k, t, vol, r, q));
  }

  /**
   * {@link BsmSlice#firstGreeksFromLogs} against {@link BlackScholesMerton#firstGreeks}: within the bound its Javadoc
   * states, 16 ulps plus ε·(|d1| + |d2| + 2)/(σ√τ) relative, ε = 2^−52·(0.6·|ln S| + 0.6·|ln K| + ½·|ln(S/K)|) the
   * error of ln S − ln K (theta relative to the sum of its three terms' sizes); a gamma or vega that underflows agrees
   * to 1e−300 absolute.
   */
  @Test
  void fromLogsAgreesWithinTheStatedBound() {
    double[] expected = new double[OptionPricer.FIRST_GREEKS];
    double[] actual = new double[OptionPricer.FIRST_GREEKS];
    double[] worst = {0};
    randomBooks(11, (slice, s, k, t, vol, r, q) -> {
      double logSpot = Logarithm.log(s);
      double logStrike = Logarithm.log(k);
      double sd = vol * Math.sqrt(t);
      double x = Math.log(s / k) + (r - q) * t;
      double d1 = x / sd + 0.5 * sd;
      double eps = 0x1.0p-52 * (0.6 * Math.abs(logSpot) + 0.6 * Math.abs(logStrike) + 0.5 * Math.abs(x - (r - q) * t));
      double bound = 16 * 0x1.0p-53 + eps * (Math.abs(d1) + Math.abs(d1 - sd) + 2) / sd;
      for (OptionType type : OptionType.values()) {
        BlackScholesMerton.INSTANCE.firstGreeks(type, s, k, t, vol, r, q, expected);
        slice.firstGreeksFromLogs(type.sign(), k, 1 / k, logSpot, logStrike, vol, actual, 0);
        // theta is a sum of three terms that cancel deep in the money: its error scales with the terms
        double thetaTerms = Math.abs(expected[3] * vol / (2 * t)) + Math.abs((q * s) * expected[1])
            + Math.abs(r * (expected[0] - s * expected[1]));
        for (int i = 0; i < expected.length; i++) {
          double error = Math.abs(actual[i] - expected[i]);
          double scale = i == 4 ? Math.max(Math.abs(expected[i]), thetaTerms) : Math.abs(expected[i]);
          worst[0] = Math.max(worst[0], error / (bound * scale + Double.MIN_NORMAL));
          int output = i;
          assertTrue(error <= bound * scale + 1e-300, () -> type + " output " + output + " S=" + s + " K=" + k
              + " T=" + t + " vol=" + vol + " r=" + r + " q=" + q + ": " + actual[output] + " vs " + expected[output]);
        }
      }
    });
    assertTrue(worst[0] > 0.01, "the bound is not far looser than the errors: worst " + worst[0]);
  }

  private interface OptionCheck {
    void check(BsmSlice slice, double s, double k, double t, double vol, double r, double q);
  }

  /**
   * 200,000 random expiries (spot 37–272, 6e−6 to 7.4 years, rate −2 to 10 %, yield −2 to 8 %), each a slice with four
   * options: one within 1 % of the spot, two anywhere in ±60 % of log-moneyness, one exactly at the spot.
   */
  private static void randomBooks(long seed, OptionCheck check) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 200_000; n++) {
      double s = 100 * Math.exp(random.nextDouble(-1, 1));
      double t = Math.exp(random.nextDouble(-12, 2));
      double r = random.nextDouble(-0.02, 0.1);
      double q = random.nextDouble(-0.02, 0.08);
      BsmSlice slice = new BsmSlice(r, q);
      slice.at(s, t);
      for (int leg = 0; leg < 4; leg++) {
        double k = leg == 3 ? s : s * Math.exp(random.nextDouble(-0.6, 0.6) * (leg == 0 ? 0.01 : 1));
        check.check(slice, s, k, t, random.nextDouble(0.02, 1.2), r, q);
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
