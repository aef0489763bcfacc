package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * The escrowed-dividend model (Hull, <i>Options, Futures, and Other Derivatives</i>, "known dividends"): the spot
 * less the present value of the cash dividends that go ex before expiry, S* = S − Σ D_i·e^{−r·t_i}, follows the
 * model's dynamics, and the option is valued by the model at S*. It is exact for a European option when S* is the
 * lognormal (or normal) part of the price, and the convention most desks and DerivaGem quote; its vol is the vol of
 * S*, a little higher than the vol of S (see {@link DividendLattice} for the model where S itself is lognormal
 * between ex-dates).
 *
 * <p>Greeks are the model's greeks at S* with the chain rule through S*, raw units as {@link Greek} states: ∂S* /∂S = 1
 * (delta, gamma, speed, vanna, zomma, vomma, ultima, the dual greeks and phi are the model's at S*);
 * ∂S* /∂r = Σ t_i·D_i·e^{−r·t_i}, added to rho as delta × that; calendar time moves every ex-date closer,
 * ∂S* /∂t = −r·Σ D_i·e^{−r·t_i}, added to theta (× delta), charm (× gamma), color (× speed) and veta (× vanna).
 * Lambda is Δ·S/V with the quoted spot S.
 */
final class EscrowedDividends {
  private EscrowedDividends() {
  }

  /** S* = S − PV(dividends up to expiry); DOMAIN naming {@code div_amounts} when it is not positive. */
  static double escrowedSpot(double spot, double years, double rate, CashDividends dividends) {
    double pv = dividends.presentValue(rate, years);
    double s = spot - pv;
    if (!(s > 0)) {
      throw InvalidInputException.domain("div_amounts", "the present value of the dividends (" + pv
          + ") is not below the spot (" + spot + ")");
    }
    return s;
  }

  static double price(OptionPricer model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    double s = escrowedSpot(spot, years, rate, dividends);
    if (model == BlackScholesMerton.INSTANCE) { // inputs validated by the caller, S* > 0 checked above
      return LognormalKernel.price(type.sign(), s, strike, years, vol, rate, rate - yield);
    }
    return model.price(type, s, strike, years, vol, rate, yield);
  }

  static Greeks greeks(OptionPricer model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, CashDividends dividends) {
    double sStar = escrowedSpot(spot, years, rate, dividends);
    double[] g = model.greeks(type, sStar, strike, years, vol, rate, yield).toArray();
    double drift = -rate * dividends.presentValue(rate, years); // ∂S* /∂t
    double rateShift = dividends.durationWeighted(rate, years); // ∂S* /∂r
    addTimes(g, Greek.THETA, g[Greek.DELTA.ordinal()], drift);
    addTimes(g, Greek.CHARM, g[Greek.GAMMA.ordinal()], drift);
    addTimes(g, Greek.COLOR, g[Greek.SPEED.ordinal()], drift);
    addTimes(g, Greek.VETA, g[Greek.VANNA.ordinal()], drift);
    addTimes(g, Greek.RHO, g[Greek.DELTA.ordinal()], rateShift);
    double price = g[Greek.PRICE.ordinal()];
    g[Greek.LAMBDA.ordinal()] = price == 0 ? Double.NaN : g[Greek.DELTA.ordinal()] * spot / price;
    return Greeks.wrap(g);
  }

  private static void addTimes(double[] g, Greek target, double factor, double shift) {
    if (shift != 0) {
      g[target.ordinal()] += factor * shift;
    }
  }

  static double impliedVol(OptionPricer model, OptionType type, double price, double spot, double strike,
      double years, double rate, double yield, CashDividends dividends) {
    return model.impliedVol(type, price, escrowedSpot(spot, years, rate, dividends), strike, years, rate, yield);
  }
}
