package org.gammaxl.pricing;

/**
 * {@link BlackScholesMerton} at one expiry for many strikes: the factors that depend on the expiry alone —
 * the discount factor e^{−rT}, the growth e^{bT} − 1 (b = rate − yield), the carry factor e^{(b−r)T} and √T —
 * are formed once by {@link #at} and shared by every {@link #firstGreeks} call until the next {@code at}. Each
 * call returns bit for bit what {@link BlackScholesMerton#firstGreeks} returns for the same inputs (the same
 * kernel with the same factors), one exponential, one expm1 and one square root cheaper per strike after the
 * first. For loops that value a book of legs at every event, legs of one expiry sharing the factors.
 *
 * <p>Mutable, not thread-safe, allocation-free: one instance per loop.
 */
public final class BsmExpiry {
  private double years;
  private double rate;
  private double yield;
  private double growthMinusOne;
  private double df;
  private double cf;
  private double sqrtT;

  /**
   * Sets the expiry and the rates for the following calls.
   *
   * @param years years to expiry ≥ 0
   * @param rate continuously compounded risk-free rate, finite
   * @param yield continuous dividend yield (or foreign rate), finite
   */
  public void at(double years, double rate, double yield) {
    double b = rate - yield;
    this.years = years;
    this.rate = rate;
    this.yield = yield;
    this.growthMinusOne = Exponential.expm1(b * years);
    this.df = Exponential.exp(-rate * years);
    this.cf = LognormalKernel.carryFactor(growthMinusOne, df, rate, b, years);
    this.sqrtT = Math.sqrt(years);
  }

  /**
   * Price, delta, gamma, vega (per 1.00 of vol) and theta (per year) per unit of underlying into
   * {@code out[0..4]} at the expiry and rates of the last {@link #at}, as {@link BlackScholesMerton#firstGreeks}.
   *
   * @throws org.gammaxl.InvalidInputException DOMAIN naming the argument, as {@link BlackScholesMerton}
   */
  public void firstGreeks(OptionType type, double spot, double strike, double vol, double[] out) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    LognormalKernel.firstGreeks(type.sign(), spot, strike, years, vol, rate, rate - yield, growthMinusOne, df, cf,
        sqrtT, out);
  }
}
