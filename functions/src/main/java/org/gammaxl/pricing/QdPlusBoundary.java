package org.gammaxl.pricing;

/**
 * The QD+ approximation of the American put's exercise boundary (M. Li, "Analytical approximations for the critical
 * stock prices of American options: a performance comparison", Review of Derivatives Research 13, 2010, after
 * Ju and Zhong 1999), the start of {@link AndersenLakeBoundary}'s fixed-point iteration. At time τ before expiry the
 * boundary S* solves the QD+ equation
 * F(S) = (1 − e^{−qτ}Φ(−d₊))·S + (λ + c₀)·(K − S − p(S)) = 0, p the European put, with λ the negative root of
 * σ²λ² + (ω − 1)σ²λ − 2r/h = 0 (h = 1 − e^{−rτ}, ω = 2(r − q)/σ²) and c₀ Li's correction, which carries the put's
 * theta. Solved by Halley's method, kept inside (0, X], X = b(0⁺), from a start the caller gives: X itself, or an
 * extrapolation from the boundary at shorter times to expiry (along the nodes of a scheme, {@link AndersenLakeBoundary}
 * starts each node about two Halley steps from its root).
 */
final class QdPlusBoundary {
  private static final int MAX_ITERATIONS = 40;

  private QdPlusBoundary() {
  }

  /**
   * The QD+ boundary of a put struck at k, time τ &gt; 0 before expiry, r &gt; 0; x = b(0⁺) = k·min(1, r/q); the
   * Halley iteration starts from {@code start} in (0, x].
   */
  static double put(double k, double r, double q, double vol, double tau, double x, double start) {
    double v2 = vol * vol;
    double sd = vol * Math.sqrt(tau);
    double dr = Exponential.exp(-r * tau);
    double dq = Exponential.exp(-q * tau);
    // r/h with h = 1 − e^{−rτ}, by its series where rτ is tiny
    double rh = Math.abs(r * tau) > 1e-5 ? r / (1 - dr) : 1 / (tau * (1 - 0.5 * r * tau * (1 - r * tau / 3)));
    double omega = 2 * (r - q) / v2;
    double root = Math.sqrt((omega - 1) * (omega - 1) + 8 * rh / v2);
    double lambda = 0.5 * (-(omega - 1) - root);
    double lambdaPrime = 2 * rh * rh / (v2 * root);
    double alpha = 2 * dr / (v2 * (2 * lambda + omega - 1));
    double beta = alpha * (rh + lambdaPrime / (2 * lambda + omega - 1)) - lambda;
    double lo = 1e-12 * x;
    double s = start;
    double logK = Logarithm.log(k * dr / dq);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double dPlus = (Logarithm.log(s) - logK) / sd + 0.5 * sd;
      double dMinus = dPlus - sd;
      double pPlus = Normal.pdf(dPlus);
      double tailPlus = Normal.cdf(-dPlus, pPlus);
      double tailMinus = Normal.cdf(-dMinus, Normal.pdf(dMinus));
      double european = dr * k * tailMinus - s * dq * tailPlus;
      double theta = r * k * dr * tailMinus - q * s * dq * tailPlus - v2 * s / (2 * sd) * dq * pPlus;
      double charm = -dq * (pPlus * ((r - q) / sd - dMinus / (2 * tau)) + q * tailPlus);
      double gap = k - s - european;
      double f;
      if (Math.abs(gap) < 1e-14 * k) {
        f = (1 - dq * tailPlus) * s + alpha * theta / dr;
      } else {
        double c0 = -beta - lambda + alpha * theta / (dr * gap);
        f = (1 - dq * tailPlus) * s + (lambda + c0) * gap;
      }
      double f1 = 1 - dq * tailPlus + dq / sd * pPlus + beta * (1 - dq * tailPlus) + alpha / dr * charm;
      double gamma = pPlus * dq / (s * sd);
      double colour = gamma * (q + (r - q) * dPlus / sd + (1 - dPlus * dMinus) / (2 * tau));
      double f2 = dq * (pPlus / (s * sd) - pPlus * dPlus / (s * sd * sd)) + beta * gamma + alpha / dr * colour;
      double ratio = f * f2 / (f1 * f1);
      double step = f / f1 / (1 - 0.5 * ratio);
      if (!Double.isFinite(step)) {
        break;
      }
      double next = Math.min(x, Math.max(lo, s - step));
      // Halley converges cubically: after a step of 1e-5·k the next would be 1e-15·k, far below QD+'s own error
      boolean done = Math.abs(next - s) <= 1e-5 * k;
      s = next;
      if (done) {
        break;
      }
    }
    return s;
  }
}
