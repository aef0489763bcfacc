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
