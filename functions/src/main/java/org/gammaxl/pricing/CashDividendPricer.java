package org.gammaxl.pricing;

/**
 * A pricer that values options with cash dividends ({@link CashDividends}, raw units as {@link OptionPricer});
 * without them (the {@link OptionPricer} methods) it is the same pricer with {@link CashDividends#NONE}.
 */
public interface CashDividendPricer extends OptionPricer {
  /** The option value with dividends. */
  double price(OptionType type, double spot, double strike, double years, double vol, double rate, double yield,
      CashDividends dividends);

  /** All greeks with dividends. */
  Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate, double yield,
      CashDividends dividends);

  /** One greek with dividends; by default read off {@link #greeks(OptionType, double, double, double, double, double, double, CashDividends)}. */
  default double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    return greek == Greek.PRICE ? price(type, spot, strike, years, vol, rate, yield, dividends)
        : greeks(type, spot, strike, years, vol, rate, yield, dividends).get(greek);
  }

  /** The vol at which the value with dividends equals {@code price}. */
  double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield, CashDividends dividends);

  @Override
  default double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    return price(type, spot, strike, years, vol, rate, yield, CashDividends.NONE);
  }

  @Override
  default Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    return greeks(type, spot, strike, years, vol, rate, yield, CashDividends.NONE);
  }

  @Override
  default double greek(Greek greek, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    return greek(greek, type, spot, strike, years, vol, rate, yield, CashDividends.NONE);
  }

  @Override
  default double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    return impliedVol(type, price, spot, strike, years, rate, yield, CashDividends.NONE);
  }
}
