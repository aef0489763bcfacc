package org.gammaxl.vol;

import org.gammaxl.pricing.OptionType;

/**
 * Implied volatility from undiscounted (forward) prices: Black (lognormal) and Bachelier (normal).
 * The pricers convert a premium into an undiscounted forward price and call these.
 */
public final class ImpliedVolatility {
  private ImpliedVolatility() {
  }

  /**
   * The Black volatility σ such that Black(F, K, σ, T) = {@code undiscountedPrice}.
   *
   * @param undiscountedPrice the option price divided by the discount factor
   * @param forward the forward F &gt; 0
   * @param strike the strike K &gt; 0
   * @param years time to expiry T &gt; 0
   * @throws org.gammaxl.InvalidInputException DOMAIN, naming the violated bound, when the price is
   *     below intrinsic or at/above the upper bound (F for a call, K for a put)
   */
  public static double black(OptionType type, double undiscountedPrice, double forward, double strike, double years) {
    throw new UnsupportedOperationException("built by the implied-vol work");
  }

  /**
   * The Bachelier (absolute, price units per √year) volatility σ_N such that
   * Bachelier(F, K, σ_N, T) = {@code undiscountedPrice}.
   */
  public static double normal(OptionType type, double undiscountedPrice, double forward, double strike, double years) {
    throw new UnsupportedOperationException("built by the implied-vol work");
  }
}
