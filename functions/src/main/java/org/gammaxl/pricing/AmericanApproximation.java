package org.gammaxl.pricing;

/**
 * What the closed-form American approximations share: argument checks, greeks by finite differences
 * of the (smooth) approximate value ({@link AmericanGreeks}), and implied vol by a bracketed search
 * on that value ({@link AmericanImpliedVol}). A subclass supplies only {@link #value}.
 */
abstract class AmericanApproximation implements OptionPricer {

  @Override
  public final double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return value(type, spot, strike, years, vol, rate, yield);
  }

  @Override
  public final Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return AmericanGreeks.of(this::value, type, spot, strike, years, vol, rate, yield);
  }

  @Override
  public final double impliedVol(OptionType type, double price, double spot, double strike, double years,
      double rate, double yield) {
    AmericanSupport.checkImpliedInputs(type, price, spot, strike, years, rate, yield);
    return AmericanImpliedVol.solve(this::value, type, price, spot, strike, years, rate, yield);
  }

  /** The approximate value for inputs already checked. */
  abstract double value(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield);
}
