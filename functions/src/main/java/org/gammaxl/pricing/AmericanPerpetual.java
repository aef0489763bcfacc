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

  /** The exponent γ &lt; 0 of the perpetual put. */
  private static double gamma(double vol, double r, double q) {
    double v2 = vol * vol;
    double mu = r - q - 0.5 * v2;
    return (-mu - Math.sqrt(mu * mu + 2 * v2 * r)) / v2;
  }

  /** Whether the put of expiry T is within {@link #GAP}·K of the perpetual put: ½·e^{−κ}/(1 − γ) ≤ GAP. */
  static boolean reached(double years, double vol, double r, double q) {
    if (!(r > 0) || !(r > q)) {
      return false;
    }
    double kappa = kappa(years, vol, r, q);
    return kappa > 0 && 0.5 * Math.exp(-kappa) / (1 - gamma(vol, r, q)) <= GAP;
  }

  /** The perpetual put's value (rate r &gt; 0, vol &gt; 0). */
  static double put(double spot, double strike, double vol, double r, double q) {
    double g = gamma(vol, r, q);
    double premiumAtBoundary = strike / (1 - g); // K − B∞
    double boundary = strike - premiumAtBoundary;
    if (spot <= boundary) {
      return strike - spot;
    }
    return premiumAtBoundary * Math.exp(g * Math.log(spot / boundary));
  }
}
