package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * Work shared by the American pricers: argument checks, the normal distribution in log space,
 * the European floor (delegated to {@link LognormalKernel}), the zero-volatility value and the
 * no-arbitrage bounds. Package-private.
 */
final class AmericanSupport {
  private AmericanSupport() {
  }

  /** Checks the pricing arguments, naming the first bad one. */
  static void checkInputs(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    if (type == null) {
      throw InvalidInputException.type("type", "must be CALL or PUT");
    }
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
  }

  /** Checks the implied-vol arguments (everything but vol, plus the price). */
  static void checkImpliedInputs(OptionType type, double price, double spot, double strike, double years,
      double rate, double yield) {
    checkInputs(type, spot, strike, years, 0.0, rate, yield);
    Require.nonNegative("price", price);
  }

  /**
   * ln N(x), accurate far into the lower tail where N(x) underflows: for x &lt; 0,
   * N(x) = ½·erfcx(z)·e^{−z²} with z = −x/√2, so ln N(x) = ln(½·erfcx(z)) − z².
   */
  static double logCdf(double x) {
    if (x > 0) {
      return Math.log1p(-Normal.cdf(-x));
    }
    double z = -x / Math.sqrt(2.0);
    return Math.log(0.5 * Normal.erfcx(z)) - z * z;
  }

  /**
   * The European value, the lower bound every American approximation is floored at
   * ({@link LognormalKernel#price}, cost of carry b = rate − yield).
   */
  static double european(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, rate - yield);
  }

  /**
   * The exact American value when vol = 0: the forward path S·e^{bt} is certain, so the holder
   * exercises at the best date t in [0, T], the value being max_t e^{−rt}·max(φ(S·e^{bt} − K), 0).
   * The discounted payoff has at most one stationary point, e^{bt*} = rK / ((r − b)S), so the
   * maximum is at t = 0, t = T or t*.
   */
  static double zeroVol(OptionType type, double spot, double strike, double years, double rate, double yield) {
    double b = rate - yield;
    double best = deterministic(type, spot, strike, 0.0, rate, b);
    best = Math.max(best, deterministic(type, spot, strike, years, rate, b));
    if (b != 0.0 && rate != b) {
      double ratio = rate * strike / ((rate - b) * spot);
      if (ratio > 0) {
        double t = Math.log(ratio) / b;
        if (t > 0 && t < years) {
          best = Math.max(best, deterministic(type, spot, strike, t, rate, b));
        }
      }
    }
    return best;
  }

  private static double deterministic(OptionType type, double spot, double strike, double t, double rate,
      double b) {
    return Math.exp(-rate * t) * Math.max(type.sign() * (spot * Math.exp(b * t) - strike), 0.0);
  }

  /**
   * The upper no-arbitrage bound of an American option: the call is worth at most the underlying,
   * max(S, S·e^{(b−r)T}) (the second when the yield is negative); the put at most the strike,
   * max(K, K·e^{−rT}) (the second when the rate is negative).
   */
  static double upperBound(OptionType type, double spot, double strike, double years, double rate,
      double yield) {
    return type == OptionType.CALL
        ? spot * Math.max(1.0, Math.exp(-yield * years))
        : strike * Math.max(1.0, Math.exp(-rate * years));
  }
}
