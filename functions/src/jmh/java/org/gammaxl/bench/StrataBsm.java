package org.gammaxl.bench;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;

/**
 * OpenGamma Strata's closed forms on the benchmark's inputs (spot, strike, years, vol, rate, yield):
 * {@code BlackScholesFormulaRepository} with cost of carry b = rate − yield for the price and the
 * greeks (one call each — Strata has no shared-work greeks call for spot BSM), and
 * {@code BlackFormulaRepository.impliedVolatility} on the forward and the undiscounted premium for
 * the implied vol. Signatures read from strata-pricer's sources; theta is −∂V/∂T per year and rho is
 * ∂V/∂r with the yield held (so b moves with r), the conventions of {@link org.gammaxl.pricing.Greek}.
 */
final class StrataBsm {
  private StrataBsm() {
  }

  static double price(boolean call, double s, double k, double t, double vol, double r, double q) {
    return BlackScholesFormulaRepository.price(s, k, t, vol, r, r - q, call);
  }

  /** Price, delta, gamma, vega, theta, rho into {@code out[0..5]}, six separate calls. */
  static void priceAndFiveGreeks(boolean call, double s, double k, double t, double vol, double r, double q,
      double[] out) {
    double b = r - q;
    out[0] = BlackScholesFormulaRepository.price(s, k, t, vol, r, b, call);
    out[1] = BlackScholesFormulaRepository.delta(s, k, t, vol, r, b, call);
    out[2] = BlackScholesFormulaRepository.gamma(s, k, t, vol, r, b);
    out[3] = BlackScholesFormulaRepository.vega(s, k, t, vol, r, b);
    out[4] = BlackScholesFormulaRepository.theta(s, k, t, vol, r, b, call);
    out[5] = BlackScholesFormulaRepository.rho(s, k, t, vol, r, b, call);
  }

  /** Implied vol of a BSM premium; NaN when Strata throws. */
  static double impliedVol(boolean call, double premium, double s, double k, double t, double r, double q) {
    double df = Math.exp(-r * t);
    double forward = s * Math.exp((r - q) * t);
    try {
      return BlackFormulaRepository.impliedVolatility(premium / df, forward, k, t, call);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
