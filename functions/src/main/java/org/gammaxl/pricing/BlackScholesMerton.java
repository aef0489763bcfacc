package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;
import org.gammaxl.vol.ImpliedVolatility;

/**
 * Generalized Black–Scholes–Merton with cost of carry b = rate − yield: equity and index options
 * with a continuous dividend yield (or borrow cost), and Garman–Kohlhagen FX options when
 * {@code yield} is the foreign interest rate and spot is quoted as domestic per unit of foreign.
 *
 * <p>V = φ·(S·e^{−qT}·N(φ·d1) − K·e^{−rT}·N(φ·d2)), d1 = (ln(S/K) + (r − q + σ²/2)T)/(σ√T),
 * d2 = d1 − σ√T, φ = +1 call, −1 put. Value in the currency of the strike per unit of underlying.
 *
 * <p>Greeks are closed forms in raw units as defined on {@link Greek}: vega per 1.00 of vol, theta,
 * charm, color and veta as ∂/∂t = −∂/∂T per year, RHO = ∂V/∂r holding the yield fixed (so the
 * forward moves with the rate), PHI = ∂V/∂q. Lambda is NaN where the value is 0.
 *
 * <p>Domain: spot and strike &gt; 0, years ≥ 0, vol ≥ 0, rate and yield any finite number (negative
 * rates allowed); anything else throws {@link InvalidInputException} of kind DOMAIN naming the
 * argument. At expiry or zero vol the value is the discounted intrinsic value of the forward and
 * the greeks are their limits; see {@link LognormalKernel} for the at-the-money convention (delta
 * ±½·e^{−qT}, density-carrying greeks 0).
 */
public final class BlackScholesMerton implements OptionPricer {

  /** The shared stateless instance. */
  public static final BlackScholesMerton INSTANCE = new BlackScholesMerton();

  private BlackScholesMerton() {
  }

  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, rate - yield);
  }

  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    return Greeks.wrap(LognormalKernel.greeks(type.sign(), spot, strike, years, vol, rate, rate - yield));
  }

  /** Price, delta, gamma, vega and theta into {@code out[0..4]}, allocating nothing. */
  @Override
  public void firstGreeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double[] out) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    LognormalKernel.firstGreeks(type.sign(), spot, strike, years, vol, rate, rate - yield, out);
  }

  /** One greek; price, delta, gamma, vega and rho skip the work the others need. */
  @Override
  public double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    double b = rate - yield;
    switch (greek) {
      case PRICE:
        return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, b);
      case DELTA:
        return LognormalKernel.delta(type.sign(), spot, strike, years, vol, rate, b);
      case GAMMA:
        return LognormalKernel.gamma(spot, strike, years, vol, rate, b);
      case VEGA:
        return LognormalKernel.vega(spot, strike, years, vol, rate, b);
      case RHO:
        return LognormalKernel.rho(type.sign(), spot, strike, years, vol, rate, b);
      default:
        return LognormalKernel.greeks(type.sign(), spot, strike, years, vol, rate, b)[greek.ordinal()];
    }
  }

  /**
   * The Black–Scholes–Merton vol that reproduces {@code price}: the premium is divided by the
   * discount factor e^{−rT} and inverted with {@link ImpliedVolatility#black} on the forward
   * S·e^{(r−q)T}.
   *
   * @throws InvalidInputException DOMAIN when an input is out of domain, years is 0, or the price
   *     lies outside the no-arbitrage bounds
   */
  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    LognormalKernel.validateImplied(price, spot, years, rate, yield);
    double df = Exponential.exp(-rate * years);
    return LognormalKernel.impliedVol(type, price / df, spot, strike, years, rate - yield);
  }
}
