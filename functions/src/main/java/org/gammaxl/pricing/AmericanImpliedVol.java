package org.gammaxl.pricing;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.gammaxl.InvalidInputException;

/**
 * Implied volatility of an American valuation by bracketing and Brent's method (commons-math3).
 *
 * <p>An American value rises with vol from its zero-vol value V(0) ≥ intrinsic towards the upper
 * bound (S for a call, K for a put). Prices below the intrinsic value, below V(0), or at or above
 * the upper bound have no implied vol and are domain errors naming {@code price} and the bound.
 * A price equal to V(0) gives vol 0 (the smallest vol that fits when the option sits in its
 * exercise region and its value is flat in vol). Vols are searched up to {@value #MAX_VOL}.
 */
final class AmericanImpliedVol {
  /** The largest vol searched (10,000 %). */
  static final double MAX_VOL = 100.0;
  private static final double VOL_ACCURACY = 1e-13;

  private AmericanImpliedVol() {
  }

  static double solve(AmericanGreeks.Valuation valuation, OptionType type, double price, double spot,
      double strike, double years, double rate, double yield) {
    double intrinsic = type.intrinsic(spot, strike);
    if (price < intrinsic) {
      throw InvalidInputException.domain("price", "below intrinsic value " + intrinsic
          + " (an American option is worth at least max(φ(S − K), 0))");
    }
    double upper = AmericanSupport.upperBound(type, spot, strike, years, rate, yield);
    if (price >= upper) {
      throw InvalidInputException.domain("price", "at or above the upper bound " + upper
          + (type == OptionType.CALL ? " (a call is worth less than the underlying spot)"
              : " (a put is worth less than the strike)"));
    }
    if (years == 0.0) {
      throw InvalidInputException.domain("years", "no volatility can be implied at expiry (years = 0)");
    }
    double floor = valuation.value(type, spot, strike, years, 0.0, rate, yield);
    double tolerance = 1e-14 * Math.max(1.0, floor);
    if (price < floor - tolerance) {
      throw InvalidInputException.domain("price", "below the zero-volatility value " + floor
          + " (the value of exercising at the best date on the certain forward path)");
    }
    if (price <= floor + tolerance) {
      return 0.0;
    }
    double lo = 0.0;
    double hi = 0.5;
    while (valuation.value(type, spot, strike, years, hi, rate, yield) < price) {
      lo = hi;
      hi *= 2.0;
      if (hi > MAX_VOL) {
        throw InvalidInputException.domain("price", "above the value at vol " + MAX_VOL
            + " (10,000 %), too close to the upper bound " + upper);
      }
    }
    BrentSolver solver = new BrentSolver(1e-15, VOL_ACCURACY, 1e-15 * Math.max(1.0, price));
    try {
      return solver.solve(500, v -> valuation.value(type, spot, strike, years, v, rate, yield) - price, lo, hi);
    } catch (MathIllegalStateException e) {
      throw InvalidInputException.domain("price", "no implied volatility found for price " + price
          + " (" + e.getMessage() + ")");
    }
  }
}
