package org.gammaxl.pricing;

import org.gammaxl.InvalidInputException;

/**
 * The generalized Black–Scholes–Merton formulas with cost of carry b, shared by
 * {@link BlackScholesMerton}, {@link Black76} and {@link InverseOption} (package-private: callers
 * validate inputs first).
 *
 * <p>With φ = +1 for a call and −1 for a put, carry factor e^{(b−r)T}, discount factor e^{−rT},
 * F = S·e^{bT}, d1 = (ln(S/K) + (b + σ²/2)T)/(σ√T) and d2 = d1 − σ√T:
 * V = φ·(S·e^{(b−r)T}·N(φ·d1) − K·e^{−rT}·N(φ·d2)).
 *
 * <p>{@link #greeks} returns the raw greeks in {@link Greek} order, with RHO = ∂V/∂r where the carry
 * moves with the rate (b = r − q, q fixed) and PHI = ∂V/∂q; Black-76 replaces those two.
 *
 * <p><b>Degenerate case</b> σ·√T = 0 (expiry, or zero vol): the value is the discounted intrinsic
 * value of the forward, max(φ(S·e^{(b−r)T} − K·e^{−rT}), 0) (at expiry simply the intrinsic value).
 * Delta, dual delta, theta, rho, phi and charm are the limits as σ√T → 0 with N(φ·d) replaced by the
 * step w = 1 in the money, ½ at the money (F = K), 0 out of the money. Gamma, vega and every other
 * greek that carries the density n(d) are 0: their limit is 0 off the money; at the money it is a
 * Dirac mass or a divergent term (for example theta's −S·n(d1)σ/(2√T)), which is not representable
 * and is dropped.
 */
final class LognormalKernel {

  static final int N = 18;

  private LognormalKernel() {
  }

  /** Checks the lognormal domain: spot and strike &gt; 0, years and vol ≥ 0, rate and yield finite. */
  static void validate(double spot, double strike, double years, double vol, double rate, double yield) {
    InvalidInputException.positive("spot", spot);
    InvalidInputException.positive("strike", strike);
    InvalidInputException.nonNegative("years", years);
    InvalidInputException.nonNegative("vol", vol);
    InvalidInputException.finite("rate", rate);
    InvalidInputException.finite("yield", yield);
  }

  /** The step w of the degenerate case: 1 in the money (forward vs strike), ½ at, 0 out. */
  private static double step(int phi, double forwardValue, double strikeValue) {
    double m = phi * (forwardValue - strikeValue);
    return m > 0 ? 1.0 : m == 0 ? 0.5 : 0.0;
  }

  /** The option value V (lean path). */
  static double price(int phi, double s, double k, double t, double vol, double r, double b) {
    double df = Math.exp(-r * t);
    double cf = Math.exp((b - r) * t);
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return Math.max(phi * (s * cf - k * df), 0.0);
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double n2 = n1 > 1e-290 ? n1 * ((s * cf) / (k * df)) : Normal.pdf(d2);
    double nd1 = Normal.cdf(phi * d1, n1);
    double nd2 = Normal.cdf(phi * d2, n2);
    return Math.max(phi * (s * cf * nd1 - k * df * nd2), 0.0);
  }

  /** ∂V/∂S. */
  static double delta(int phi, double s, double k, double t, double vol, double r, double b) {
    double cf = Math.exp((b - r) * t);
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return phi * cf * step(phi, s * cf, k * Math.exp(-r * t));
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    return phi * cf * Normal.cdf(phi * d1);
  }

  /** ∂²V/∂S². */
  static double gamma(double s, double k, double t, double vol, double r, double b) {
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return 0.0;
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    return Math.exp((b - r) * t) * Normal.pdf(d1) / (s * sd);
  }

  /** ∂V/∂σ. */
  static double vega(double s, double k, double t, double vol, double r, double b) {
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    if (sd == 0) {
      return 0.0;
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    return s * Math.exp((b - r) * t) * Normal.pdf(d1) * sqrtT;
  }

  /**
   * All 18 raw greeks in {@link Greek} order (RHO with b = r − q moving with r, PHI = ∂V/∂q).
   * One log, one square root, two exponentials for the discount and carry factors, one density.
   */
  static double[] greeks(int phi, double s, double k, double t, double vol, double r, double b) {
    double df = Math.exp(-r * t);
    double cf = Math.exp((b - r) * t);
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    double[] g = new double[N];
    if (sd == 0) {
      double w = step(phi, s * cf, k * df);
      double delta = phi * cf * w;
      double dualDelta = -phi * df * w;
      double v = Math.max(phi * (s * cf - k * df), 0.0);
      g[0] = v;
      g[1] = delta;
      g[4] = -phi * w * ((b - r) * s * cf + r * k * df);
      g[5] = -t * k * dualDelta;
      g[6] = -t * s * delta;
      g[8] = -phi * w * (b - r) * cf;
      g[15] = dualDelta;
      g[17] = lambda(delta, s, v);
      return g;
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double n2 = n1 > 1e-290 ? n1 * ((s * cf) / (k * df)) : Normal.pdf(d2);
    double nd1 = Normal.cdf(phi * d1, n1);
    double nd2 = Normal.cdf(phi * d2, n2);
    double scf = s * cf;
    double v = Math.max(phi * (scf * nd1 - k * df * nd2), 0.0);
    double delta = phi * cf * nd1;
    double dualDelta = -phi * df * nd2;
    double gamma = cf * n1 / (s * sd);
    double vega = scf * n1 * sqrtT;
    // ∂d1/∂T = b/(σ√T) − d2/(2T); shared by charm, color and veta
    double dd1dT = b / sd - d2 / (2 * t);
    double d1d2 = d1 * d2;
    g[0] = v;
    g[1] = delta;
    g[2] = gamma;
    g[3] = vega;
    g[4] = -scf * n1 * vol / (2 * sqrtT) - (b - r) * scf * phi * nd1 + r * k * dualDelta;
    g[5] = -t * k * dualDelta;
    g[6] = -t * s * delta;
    g[7] = -cf * n1 * d2 / vol;
    g[8] = -cf * (n1 * dd1dT + phi * (b - r) * nd1);
    g[9] = vega * d1d2 / vol;
    g[10] = -gamma / s * (1 + d1 / sd);
    g[11] = gamma * (d1d2 - 1) / vol;
    g[12] = gamma * ((r - b) + d1 * dd1dT + 1 / (2 * t));
    g[13] = vega * ((r - b) + d1 * dd1dT - 1 / (2 * t));
    g[14] = vega / (vol * vol) * (d1d2 * d1d2 - d1 * d1 - d2 * d2 - d1d2);
    g[15] = dualDelta;
    g[16] = gamma * (s / k) * (s / k);
    g[17] = lambda(delta, s, v);
    if (n1 == 0) {
      // the density underflowed (far from the money or vanishing time): its terms are exactly 0,
      // not the NaN of 0·∞ that the scale factors could produce
      zeroDensityTerms(g);
      g[8] = -cf * phi * (b - r) * nd1;
    }
    return g;
  }

  /** Sets gamma, vega and the other greeks proportional to the density n(d) to 0. */
  static void zeroDensityTerms(double[] g) {
    for (Greek greek : DENSITY_GREEKS) {
      g[greek.ordinal()] = 0.0;
    }
  }

  private static final Greek[] DENSITY_GREEKS = {Greek.GAMMA, Greek.VEGA, Greek.VANNA, Greek.VOMMA, Greek.SPEED,
    Greek.ZOMMA, Greek.COLOR, Greek.VETA, Greek.ULTIMA, Greek.DUALGAMMA};

  /** φ·T·K·e^{−rT}·N(φ·d2): ∂V/∂r with the carry b = r − q moving with the rate. */
  static double rho(int phi, double s, double k, double t, double vol, double r, double b) {
    double df = Math.exp(-r * t);
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return phi * t * k * df * step(phi, s * Math.exp((b - r) * t), k * df);
    }
    double d2 = (Math.log(s / k) + b * t) / sd - 0.5 * sd;
    return phi * t * k * df * Normal.cdf(phi * d2);
  }

  /** Elasticity Δ·S/V; NaN where the value is 0 (the ratio is undefined there). */
  static double lambda(double delta, double s, double v) {
    return v == 0 ? Double.NaN : delta * s / v;
  }
}
