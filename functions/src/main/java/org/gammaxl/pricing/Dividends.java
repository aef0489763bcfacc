package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * Which model values an option with cash dividends, by the worksheet's {@code model}:
 * <ul>
 *   <li>{@link Model#BSM} and {@link Model#BACHELIER}: the escrowed-dividend model ({@link EscrowedDividends}),
 *       closed form, the default (Hull's convention);</li>
 *   <li>{@link Model#EUROPEAN_LATTICE}: European exercise with the spot dropping at each ex-date
 *       ({@link DividendLattice#EUROPEAN}), the more accurate model when dividends are large or far out;</li>
 *   <li>{@link Model#AMERICAN_BLACK}: Black's approximation for calls ({@link BlackDividendApproximation});</li>
 *   <li>every other American model ({@code AMERICAN…}): the American lattice with the spot dropping at each
 *       ex-date ({@link DividendLattice#AMERICAN}), whatever approximation the model uses without dividends;</li>
 *   <li>{@link Model#BLACK76} and {@link Model#INVERSE}: not defined (TYPE naming {@code div_times}).</li>
 * </ul>
 * Without dividends (none given, or none between now and expiry) each model's own pricer is used.
 */
public final class Dividends {
  private Dividends() {
  }

  /** The option value with dividends. */
  public static double price(Model model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    if (dividends.isEmpty()) {
      return model.pricer().price(type, spot, strike, years, vol, rate, yield);
    }
    CashDividendPricer pricer = pricer(model);
    if (pricer == null) {
      LognormalKernel.validate(spot, strike, years, vol, rate, yield);
      return EscrowedDividends.price(model.pricer(), type, spot, strike, years, vol, rate, yield, dividends);
    }
    return pricer.price(type, spot, strike, years, vol, rate, yield, dividends);
  }

  /** One greek with dividends, raw units. */
  public static double greek(Greek greek, Model model, OptionType type, double spot, double strike, double years,
      double vol, double rate, double yield, CashDividends dividends) {
    if (greek == Greek.PRICE) {
      return price(model, type, spot, strike, years, vol, rate, yield, dividends);
    }
    if (dividends.isEmpty()) {
      return model.pricer().greek(greek, type, spot, strike, years, vol, rate, yield);
    }
    CashDividendPricer pricer = pricer(model);
    return pricer != null ? pricer.greek(greek, type, spot, strike, years, vol, rate, yield, dividends)
        : greeks(model, type, spot, strike, years, vol, rate, yield, dividends).get(greek);
  }

  /** All greeks with dividends, raw units. */
  public static Greeks greeks(Model model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    if (dividends.isEmpty()) {
      return model.pricer().greeks(type, spot, strike, years, vol, rate, yield);
    }
    CashDividendPricer pricer = pricer(model);
    if (pricer == null) {
      LognormalKernel.validate(spot, strike, years, vol, rate, yield);
      return EscrowedDividends.greeks(model.pricer(), type, spot, strike, years, vol, rate, yield, dividends);
    }
    return pricer.greeks(type, spot, strike, years, vol, rate, yield, dividends);
  }

  /** The implied vol of a price with dividends. */
  public static double impliedVol(Model model, OptionType type, double price, double spot, double strike,
      double years, double rate, double yield, CashDividends dividends) {
    if (dividends.isEmpty()) {
      return model.pricer().impliedVol(type, price, spot, strike, years, rate, yield);
    }
    CashDividendPricer pricer = pricer(model);
    return pricer == null
        ? EscrowedDividends.impliedVol(model.pricer(), type, price, spot, strike, years, rate, yield, dividends)
        : pricer.impliedVol(type, price, spot, strike, years, rate, yield, dividends);
  }

  /**
   * The pricer of {@code model} with cash dividends, or {@code null} for the escrowed model (BSM, BACHELIER), which
   * wraps the model's own pricer.
   */
  private static CashDividendPricer pricer(Model model) {
    if (model == Model.BSM || model == Model.BACHELIER) {
      return null;
    }
    if (model == Model.AMERICAN_BLACK) {
      return BlackDividendApproximation.INSTANCE;
    }
    if (model == Model.EUROPEAN_LATTICE) {
      return DividendLattice.EUROPEAN;
    }
    if (model.name().startsWith("AMERICAN")) {
      return DividendLattice.AMERICAN;
    }
    throw InvalidInputException.type("div_times", model + " takes no cash dividends"
        + (model == Model.BLACK76 ? " (its spot is the forward, which already nets them)" : "")
        + "; use BSM, EUROPEAN.LATTICE, AMERICAN or AMERICAN.BLACK");
  }
}
