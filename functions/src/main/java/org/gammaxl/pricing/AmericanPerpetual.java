package org.gammaxl.pricing;

/**
 * The perpetual American put (McKean 1965, Merton 1973) and when a finite-expiry put equals it: for a put whose
 * rate exceeds its yield (cost of carry b = r − q &gt; 0, so the log-spot drifts at μ = b − ½σ² away from the
 * boundary) a small vol makes the boundary settle at its perpetual level B∞ within a time of order σ²/μ² — for
 * σ = 0.3 %, b = 5 % a few hours — after which the expiry no longer matters.
 *
 * <p>Value: K − S for S ≤ B∞, else (K − B∞)·(S/B∞)^γ, γ = (−μ − √(μ² + 2σ²r))/σ² &lt; 0, B∞ = K·γ/(γ − 1), so
 * K − B∞ = K/(1 − γ). <b>How close the expiry-T put is:</b> it is worth at most the perpetual one, and at least
 * what the perpetual's exercise rule earns when it is cut off at T, so the gap is at most (K − B∞) times the
 * probability that the log-spot, started above ln B∞, first reaches it after T; by the reflection of the drift
 * (Girsanov) and Φ(−x) ≤ ½e^{−x²/2} that probability is at most ½·e^{−κ}, κ = μ²T/(2σ²).
 */
final class AmericanPerpetual {
  /** The largest gap (as a fraction of the strike) at which the finite-expiry put is valued as the perpetual one. */
  static final double GAP = 1e-12;

  private AmericanPerpetual() {
  }

  /** κ = μ²T/(2σ²), μ = r − q − ½σ²; 0 when μ ≤ 0 (the drift does not carry the spot away from the boundary). */
  static double kappa(double years, double vol, double r, double q) {
    double mu = r - q - 0.5 * vol * vol;
    return mu > 0 ? mu * mu * years / (2 * vol * vol) : 0.0;
  }

  /**
   * The exponent of the perpetual option: the root of ½σ²γ(γ − 1) + (r − q)γ − r = 0 below 0 for a put, above 1 for
   * a call (each without cancellation in the region where it is used).
   */
  private static double exponent(int phi, double vol, double r, double q) {
    double v2 = vol * vol;
    double mu = r - q - 0.5 * v2;
    return (-mu + phi * Math.sqrt(mu * mu + 2 * v2 * r)) / v2;
  }

  /** Whether the put of expiry T is within {@link #GAP}·K of the perpetual put: ½·e^{−κ}/(1 − γ) ≤ GAP. */
  static boolean reached(double years, double vol, double r, double q) {
    if (!(r > 0) || !(r > q)) {
      return false;
    }
    double kappa = kappa(years, vol, r, q);
    return kappa > 0 && 0.5 * Math.exp(-kappa) / (1 - exponent(-1, vol, r, q)) <= GAP;
  }

  /**
   * The perpetual option's value (φ = −1 put, +1 call: the call mirrors the put, C(S, K, r, q) = P(K, S, q, r)):
   * V = |K/(1 − γ)|·(S/B)^γ, B = K·γ/(γ − 1), intrinsic beyond B.
   */
  static double value(int phi, double spot, double strike, double vol, double r, double q) {
    double g = exponent(phi, vol, r, q);
    double boundary = strike * g / (g - 1);
    if (phi * (spot - boundary) >= 0) {
      return phi * (spot - strike);
    }
    return Math.abs(strike / (1 - g)) * Math.exp(g * Math.log(spot / boundary));
  }

  /**
   * All 18 greeks (raw units, {@link Greek} order) in closed form. With L = ln(S/B): ∂ln V/∂γ = L (B is optimal),
   * so vega, rho and phi are V·L·∂γ/∂(σ, r, q), ∂γ/∂σ = −σγ(γ − 1)/D, ∂γ/∂r = −(γ − 1)/D, ∂γ/∂q = γ/D,
   * D = σ²(γ − ½) + r − q; delta γV/S, gamma γ(γ − 1)V/S², speed γ(γ − 1)(γ − 2)V/S³; the time greeks are 0;
   * vanna and zomma differentiate delta and gamma the same way; vomma and ultima are central differences of the
   * closed-form vega over vol·(1 ± 1e-4).
   */
  static double[] greeks(int phi, double spot, double strike, double vol, double r, double q) {
    double[] out = new double[Greek.values().length];
    double g = exponent(phi, vol, r, q);
    double boundary = strike * g / (g - 1);
    if (phi * (spot - boundary) >= 0) {
      out[Greek.PRICE.ordinal()] = phi * (spot - strike);
      out[Greek.DELTA.ordinal()] = phi;
      out[Greek.DUALDELTA.ordinal()] = -phi;
      out[Greek.LAMBDA.ordinal()] = spot / (spot - strike);
      return out;
    }
    double v = Math.abs(strike / (1 - g)) * Math.exp(g * Math.log(spot / boundary));
    double logRatio = Math.log(spot / boundary);
    double d = vol * vol * (g - 0.5) + r - q;
    double gVol = -vol * g * (g - 1) / d;
    double s2 = spot * spot;
    out[Greek.PRICE.ordinal()] = v;
    out[Greek.DELTA.ordinal()] = g * v / spot;
    out[Greek.GAMMA.ordinal()] = g * (g - 1) * v / s2;
    out[Greek.SPEED.ordinal()] = g * (g - 1) * (g - 2) * v / (s2 * spot);
    out[Greek.VEGA.ordinal()] = v * logRatio * gVol;
    out[Greek.RHO.ordinal()] = v * logRatio * (-(g - 1) / d);
    out[Greek.PHI.ordinal()] = v * logRatio * (g / d);
    // ∂(γV/S)/∂σ and ∂(γ(γ − 1)V/S²)/∂σ, with ∂V/∂σ = V·L·∂γ/∂σ
    double dv = v * logRatio * gVol;
    out[Greek.VANNA.ordinal()] = (gVol * v + g * dv) / spot;
    out[Greek.ZOMMA.ordinal()] = ((2 * g - 1) * gVol * v + g * (g - 1) * dv) / s2;
    double h = 1e-4 * vol;
    double up = vega(phi, spot, strike, vol + h, r, q);
    double down = vega(phi, spot, strike, vol - h, r, q);
    out[Greek.VOMMA.ordinal()] = (up - down) / (2 * h);
    out[Greek.ULTIMA.ordinal()] = (up - 2 * out[Greek.VEGA.ordinal()] + down) / (h * h);
    out[Greek.DUALDELTA.ordinal()] = (v - spot * out[Greek.DELTA.ordinal()]) / strike;
    out[Greek.DUALGAMMA.ordinal()] = s2 * out[Greek.GAMMA.ordinal()] / (strike * strike);
    out[Greek.LAMBDA.ordinal()] = out[Greek.DELTA.ordinal()] * spot / v;
    return out;
  }

  private static double vega(int phi, double spot, double strike, double vol, double r, double q) {
    double g = exponent(phi, vol, r, q);
    double boundary = strike * g / (g - 1);
    if (phi * (spot - boundary) >= 0) {
      return 0.0;
    }
    double d = vol * vol * (g - 0.5) + r - q;
    double logRatio = Math.log(spot / boundary);
    return Math.abs(strike / (1 - g)) * Math.exp(g * logRatio) * logRatio * (-vol * g * (g - 1) / d);
  }
}
