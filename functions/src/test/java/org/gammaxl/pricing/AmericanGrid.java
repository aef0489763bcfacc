package org.gammaxl.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid on which the approximations are compared with the lattice: calls and puts, strike 100,
 * spot 80/100/120, expiry 0.1/0.5/2 years, vol 15 %/40 %, (rate, yield) with and without yield,
 * zero carry, negative carry and zero rate. Rows are {sign, spot, years, vol, rate, yield}.
 */
final class AmericanGrid {
  private AmericanGrid() {
  }

  static List<double[]> cases() {
    List<double[]> cases = new ArrayList<>();
    double[][] rateYield = {{0.05, 0.0}, {0.05, 0.03}, {0.08, 0.08}, {0.02, 0.06}, {0.0, 0.04}};
    for (double sign : new double[] {1, -1}) {
      for (double spot : new double[] {80, 100, 120}) {
        for (double years : new double[] {0.1, 0.5, 2}) {
          for (double vol : new double[] {0.15, 0.4}) {
            for (double[] rq : rateYield) {
              cases.add(new double[] {sign, spot, years, vol, rq[0], rq[1]});
            }
          }
        }
      }
    }
    return cases;
  }

  static OptionType type(double[] c) {
    return c[0] > 0 ? OptionType.CALL : OptionType.PUT;
  }

  static String describe(double[] c) {
    return type(c) + " S=" + c[1] + " K=100 T=" + c[2] + " vol=" + c[3] + " r=" + c[4] + " q=" + c[5];
  }
}
