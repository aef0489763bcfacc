package org.gammaxl.pricing;

import org.apache.commons.math3.special.Erf;
import org.gammaxl.InvalidInputException;

/**
 * Work shared by the American pricers: argument checks, the normal distribution in log space,
 * the European value, the zero-volatility value and the no-arbitrage bounds. Package-private.
 */
final class AmericanSupport {
  private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

  private AmericanSupport() {
  }

  /** Checks the pricing arguments, naming the first bad one. */
  static void checkInputs(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    if (type == null) {
      throw InvalidInputException.type("type", "must be CALL or PUT");
    }
    InvalidInputException.positive("spot", spot);
    InvalidInputException.positive("strike", strike);
    InvalidInputException.nonNegative("years", years);
    InvalidInputException.nonNegative("vol", vol);
    InvalidInputException.finite("rate", rate);
    InvalidInputException.finite("yield", yield);
  }

  /** Checks the implied-vol arguments (everything but vol, plus the price). */
  static void checkImpliedInputs(OptionType type, double price, double spot, double strike, double years,
      double rate, double yield) {
    checkInputs(type, spot, strike, years, 0.0, rate, yield);
    InvalidInputException.nonNegative("price", price);
  }

  /** The standard normal distribution function N(x). */
  static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
  }

  /** ln N(x), accurate far into the lower tail where N(x) underflows. */
  static double logCdf(double x) {
    if (x > -30.0) {
      return x > 0 ? Math.log1p(-cdf(-x)) : Math.log(cdf(x));
    }
    // Asymptotic series N(x) = n(x)/|x| · (1 − 1/x² + 3/x⁴ − 15/x⁶ + …), converged to double precision for x ≤ −30.
    double z = 1.0 / (x * x);
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < 12; k++) {
      term *= -(2 * k - 1) * z;
      sum += term;
    }
    return -0.5 * x * x - Math.log(-x) - LOG_SQRT_TWO_PI + Math.log(sum);
  }

  /** The European generalized Black-Scholes-Merton value (cost of carry b = rate − yield). */
  static double european(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    double phi = type.sign();
    double dfRate = Math.exp(-rate * years);
    double dfYield = Math.exp(-yield * years);
    double sd = vol * Math.sqrt(years);
    if (!(sd > 0)) {
      return Math.max(phi * (spot * dfYield - strike * dfRate), 0.0);
    }
    double d1 = (Math.log(spot / strike) + (rate - yield) * years) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    return phi * (spot * dfYield * cdf(phi * d1) - strike * dfRate * cdf(phi * d2));
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
