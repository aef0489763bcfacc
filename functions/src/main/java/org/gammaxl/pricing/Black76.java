package org.gammaxl.pricing;

import org.gammaxl.vol.ImpliedVolatility;

/**
 * Black-76 for options on forwards and futures: {@code spot} is the forward or futures price F,
 * cost of carry b = 0, the premium is discounted at {@code rate}: V = e^{−rT}·φ·(F·N(φ·d1) − K·N(φ·d2)),
 * d1 = (ln(F/K) + σ²T/2)/(σ√T).
 *
 * <p>{@code yield} is ignored by the model (the forward already contains all carry); it must still
 * be a finite number so that a broken cell never passes silently. Greeks are with respect to F:
 * DELTA = ∂V/∂F = φ·e^{−rT}·N(φ·d1) and so on (raw units, see {@link Greek}); RHO = ∂V/∂r with F
 * held fixed = −T·V; PHI = 0. Domain and expiry conventions as in {@link BlackScholesMerton}.
 */
public final class Black76 implements OptionPricer {

  /** The shared stateless instance. */
  public static final Black76 INSTANCE = new Black76();

  private Black76() {
  }

  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, 0.0);
  }

  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    return Greeks.wrap(forwardGreeks(type, spot, strike, years, vol, rate));
  }

  private static double[] forwardGreeks(OptionType type, double forward, double strike, double years, double vol,
      double rate) {
    double[] g = LognormalKernel.greeks(type.sign(), forward, strike, years, vol, rate, 0.0);
    g[Greek.RHO.ordinal()] = -years * g[Greek.PRICE.ordinal()];
    g[Greek.PHI.ordinal()] = 0.0;
    return g;
  }

  /** Price, delta, gamma, vega and theta into {@code out[0..4]}, allocating nothing. */
  @Override
  public void firstGreeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double[] out) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    LognormalKernel.firstGreeks(type.sign(), spot, strike, years, vol, rate, 0.0, out);
  }

  @Override
  public double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    switch (greek) {
      case PRICE:
        return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, 0.0);
      case DELTA:
        return LognormalKernel.delta(type.sign(), spot, strike, years, vol, rate, 0.0);
      case GAMMA:
        return LognormalKernel.gamma(spot, strike, years, vol, rate, 0.0);
      case VEGA:
        return LognormalKernel.vega(spot, strike, years, vol, rate, 0.0);
      case RHO:
        return -years * LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, 0.0);
      case PHI:
        return 0.0;
      default:
        return forwardGreeks(type, spot, strike, years, vol, rate)[greek.ordinal()];
    }
  }

  /**
   * The Black vol that reproduces {@code price}: the premium divided by e^{−rT} is inverted with
   * {@link ImpliedVolatility#black} on the forward F = {@code spot}.
   */
  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    LognormalKernel.validateImplied(price, spot, years, rate, yield);
    return ImpliedVolatility.black(type, price / Exponential.exp(-rate * years), spot, strike, years);
  }
}
