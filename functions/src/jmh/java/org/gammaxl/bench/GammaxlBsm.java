package org.gammaxl.bench;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/** GammaXL's public API, {@code Model.BSM.pricer()}, on the benchmark's inputs. */
final class GammaxlBsm {
  static final OptionPricer BSM = Model.BSM.pricer();

  private GammaxlBsm() {
  }

  static double price(OptionType type, double s, double k, double t, double vol, double r, double q) {
    return BSM.price(type, s, k, t, vol, r, q);
  }

  /** Price, delta, gamma, vega, theta, rho into {@code out[0..5]} from one shared-work greeks call. */
  static void priceAndFiveGreeks(OptionType type, double s, double k, double t, double vol, double r, double q,
      double[] out) {
    org.gammaxl.pricing.Greeks g = BSM.greeks(type, s, k, t, vol, r, q);
    out[0] = g.price();
    out[1] = g.delta();
    out[2] = g.gamma();
    out[3] = g.vega();
    out[4] = g.theta();
    out[5] = g.rho();
  }

  /** Price, delta, gamma, vega, theta, rho into {@code out[0..5]}, six single-greek calls. */
  static void priceAndFiveSingleGreeks(OptionType type, double s, double k, double t, double vol, double r, double q,
      double[] out) {
    out[0] = BSM.price(type, s, k, t, vol, r, q);
    out[1] = BSM.greek(Greek.DELTA, type, s, k, t, vol, r, q);
    out[2] = BSM.greek(Greek.GAMMA, type, s, k, t, vol, r, q);
    out[3] = BSM.greek(Greek.VEGA, type, s, k, t, vol, r, q);
    out[4] = BSM.greek(Greek.THETA, type, s, k, t, vol, r, q);
    out[5] = BSM.greek(Greek.RHO, type, s, k, t, vol, r, q);
  }

  /** Implied vol of a BSM premium; NaN when GammaXL rejects it. */
  static double impliedVol(OptionType type, double premium, double s, double k, double t, double r, double q) {
    try {
      return BSM.impliedVol(type, premium, s, k, t, r, q);
    } catch (InvalidInputException e) {
      return Double.NaN;
    }
  }
}
