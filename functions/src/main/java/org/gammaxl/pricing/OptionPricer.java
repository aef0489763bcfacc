package org.gammaxl.pricing;

/**
 * One pricing model behind one consistent signature. All arguments are plain doubles so that hot
 * loops allocate nothing:
 * <ul>
 *   <li>{@code spot} — the underlying price (for Black-76 the forward or futures price);</li>
 *   <li>{@code strike} — in the same unit as spot;</li>
 *   <li>{@code years} — time to expiry in years (see {@code org.gammaxl.time.YearFraction});</li>
 *   <li>{@code vol} — annualised volatility as a decimal, 0.2 = 20 % (Bachelier: absolute, in price units per √year);</li>
 *   <li>{@code rate} — continuously compounded discount rate, may be negative;</li>
 *   <li>{@code yield} — continuous dividend yield, borrow cost or foreign rate (cost of carry b = rate − yield).</li>
 * </ul>
 * Bad input throws {@link org.gammaxl.InvalidInputException} naming the argument. Greeks are raw (see {@link Greek}).
 */
public interface OptionPricer {

  /** The model's value of the option, per unit of underlying, in the model's premium currency. */
  double price(OptionType type, double spot, double strike, double years, double vol, double rate, double yield);

  /** Every greek in one call, sharing the common work (d1, d2, densities, discount factors). */
  Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate, double yield);

  /** The number of entries {@link #firstGreeks} fills: PRICE, DELTA, GAMMA, VEGA, THETA. */
  int FIRST_GREEKS = 5;

  /**
   * Price, delta, gamma, vega and theta — the first {@value #FIRST_GREEKS} entries of {@link Greek} order,
   * raw units — into {@code out[0..4]}, the same values {@link #greeks} returns. For loops that revalue a
   * position on every event: implementations override it to allocate nothing; this default copies
   * them from {@link #greeks}.
   *
   * @param out receives the five values; at least {@value #FIRST_GREEKS} long
   */
  default void firstGreeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double[] out) {
    Greeks g = greeks(type, spot, strike, years, vol, rate, yield);
    out[0] = g.price();
    out[1] = g.delta();
    out[2] = g.gamma();
    out[3] = g.vega();
    out[4] = g.theta();
  }

  /** One greek, raw units. Implementations may override to avoid computing the others. */
  default double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    return greeks(type, spot, strike, years, vol, rate, yield).get(greek);
  }

  /**
   * The volatility at which {@link #price} returns {@code price}.
   *
   * @throws org.gammaxl.InvalidInputException of kind DOMAIN when the price lies outside the
   *     no-arbitrage bounds, with a message saying which bound was violated
   */
  double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield);
}
