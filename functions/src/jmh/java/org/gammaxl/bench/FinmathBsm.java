package org.gammaxl.bench;

import net.finmath.functions.AnalyticFormulas;

/**
 * finmath-lib's {@code AnalyticFormulas} on the benchmark's inputs. finmath prices calls only, and
 * its spot greeks ({@code blackScholesOption*}) know no dividend yield, so this adapter does what a
 * finmath user must: the price from {@code blackScholesGeneralizedOptionValue(F, σ, T, K, df)} with
 * put–call parity for puts; the greeks from the no-yield spot formulas at the yield-adjusted spot
 * S̃ = S·e^{−qT} (delta × e^{−qT}, gamma × e^{−2qT}, theta + q·S̃·Δ̃, put greeks by parity); the
 * implied vol from {@code blackScholesOptionImpliedVolatility(F, T, K, df, call premium)}, a put
 * premium being turned into a call premium by parity. Signatures and conventions (theta −∂V/∂T per
 * year, rho ∂V/∂r) read from finmath-lib's sources.
 */
final class FinmathBsm {
  private FinmathBsm() {
  }

  static double price(boolean call, double s, double k, double t, double vol, double r, double q) {
    double df = Math.exp(-r * t);
    double forward = s * Math.exp((r - q) * t);
    double c = AnalyticFormulas.blackScholesGeneralizedOptionValue(forward, vol, t, k, df);
    return call ? c : c - df * (forward - k);
  }

  /** Price, delta, gamma, vega, theta, rho into {@code out[0..5]}. */
  static void priceAndFiveGreeks(boolean call, double s, double k, double t, double vol, double r, double q,
      double[] out) {
    double dq = Math.exp(-q * t);
    double sq = s * dq;
    double kdf = k * Math.exp(-r * t);
    double c = AnalyticFormulas.blackScholesOptionValue(sq, r, vol, t, k);
    double delta = AnalyticFormulas.blackScholesOptionDelta(sq, r, vol, t, k);
    double gamma = AnalyticFormulas.blackScholesOptionGamma(sq, r, vol, t, k);
    double vega = AnalyticFormulas.blackScholesOptionVega(sq, r, vol, t, k);
    double theta = AnalyticFormulas.blackScholesOptionTheta(sq, r, vol, t, k);
    double rho = AnalyticFormulas.blackScholesOptionRho(sq, r, vol, t, k);
    if (!call) {
      c = c - sq + kdf;
      delta -= 1.0;
      theta += r * kdf;
      rho -= t * kdf;
    }
    out[0] = c;
    out[1] = delta * dq;
    out[2] = gamma * dq * dq;
    out[3] = vega;
    out[4] = theta + q * sq * delta;
    out[5] = rho;
  }

  /** Implied vol of a BSM premium; NaN when finmath throws. */
  static double impliedVol(boolean call, double premium, double s, double k, double t, double r, double q) {
    double df = Math.exp(-r * t);
    double forward = s * Math.exp((r - q) * t);
    double callPremium = call ? premium : premium + df * (forward - k);
    try {
      return AnalyticFormulas.blackScholesOptionImpliedVolatility(forward, t, k, df, callPremium);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
