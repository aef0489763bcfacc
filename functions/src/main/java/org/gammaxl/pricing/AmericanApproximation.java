package org.gammaxl.pricing;

/**
 * What the closed-form American approximations share: argument checks, greeks by finite differences
 * of the (smooth) approximate value ({@link AmericanGreeks}), and implied vol by a bracketed search
 * on that value ({@link AmericanImpliedVol}), and the limits every approximation obeys: intrinsic at
 * expiry, the deterministic value at zero vol, the European value where early exercise never pays
 * (a call with b ≥ r, a put with r ≤ 0), and a floor at max(European, intrinsic). A subclass supplies
 * only {@link #earlyExerciseValue}.
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
  final double value(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    double intrinsic = type.intrinsic(spot, strike);
    if (years == 0.0) {
      return intrinsic;
    }
    if (vol == 0.0) {
      return AmericanSupport.zeroVol(type, spot, strike, years, rate, yield);
    }
    double european = AmericanSupport.european(type, spot, strike, years, vol, rate, yield);
    double floor = Math.max(european, intrinsic);
    boolean neverEarly = type == OptionType.CALL ? rate - yield >= rate : rate <= 0;
    if (neverEarly) {
      return floor;
    }
    double approx = earlyExerciseValue(type, spot, strike, years, vol, rate, yield, european);
    return Double.isNaN(approx) ? floor : Math.max(approx, floor);
  }

  /**
   * The approximation's value where early exercise may pay (T &gt; 0, vol &gt; 0); NaN when the
   * approximation breaks down, in which case the floor is used.
   */
  abstract double earlyExerciseValue(OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, double european);
}
