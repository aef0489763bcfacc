package org.gammaxl.pricing;

import org.gammaxl.Require;
import org.gammaxl.vol.ImpliedVolatility;
import org.gammaxl.vol.NormalisedBlack;

/**
 * The generalized Black–Scholes–Merton formulas with cost of carry b, shared by
 * {@link BlackScholesMerton}, {@link Black76} and {@link InverseOption} (package-private: callers
 * validate inputs first).
 *
 * <p>With φ = +1 for a call and −1 for a put, carry factor e^{(b−r)T}, discount factor e^{−rT},
 * F = S·e^{bT}, d1 = (ln(S/K) + (b + σ²/2)T)/(σ√T) and d2 = d1 − σ√T:
 * V = φ·(S·e^{(b−r)T}·N(φ·d1) − K·e^{−rT}·N(φ·d2)).
 *
 * <p><b>Precision.</b> That difference loses most of the time value in the money, and at the money at short
 * expiries, where both terms are of the size of F and K. The value is therefore computed as
 * V = e^{−rT}·(max(φ(F − K), 0) + time value of the out-of-the-money option) (put-call parity). The forward enters
 * through x = ln(F/K) = ln(S/K) + bT and F − K = (S − K) + S·(e^{bT} − 1) ({@link #logMoneyness},
 * {@link #forwardMinusStrike}), not through a rounded F: an ulp of F is an ulp of 1 in ln(F/K) and in F − K, which at
 * short expiries near the money is thousands of ulps of the premium, and the logarithm need not wait for an
 * exponential. The spot-based implied vols invert with the same x and F − K ({@link #impliedVol}), so that a premium
 * and its inversion agree to the last bits. The time value is F·N(ψd1) − K·N(ψd2) for the out-of-the-money side ψ
 * where that loses at most a few bits (Jäckel's regions 3 and 4), and F·n(d1)·(Y(h+t) − Y(h−t)) by Jäckel's
 * expansions ({@link NormalisedBlack#scaledTimeValue}, Y the Mills ratio) at short expiries near the money and
 * in the far wings, sharing the density n(d1). The value is the exact value at the inputs to a few ulps, or, far in
 * the wings where rounding d itself moves it by d²·ε, to a few ulps of the vol it implies
 * ({@code LognormalPriceAccuracyTest}).
 *
 * <p>{@link #greeks} returns the raw greeks in {@link Greek} order, with RHO = ∂V/∂r where the carry
 * moves with the rate (b = r − q, q fixed) and PHI = ∂V/∂q; Black-76 replaces those two.
 *
 * <p><b>Degenerate case</b> σ·√T = 0 (expiry, or zero vol): the value is the discounted intrinsic
 * value of the forward, e^{−rT}·max(φ(F − K), 0) (at expiry simply the intrinsic value).
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
    // Five tests on the common path: a sum of non-negative numbers is finite only if each is, and rate − yield only if
    // both are (NaN fails every comparison). A sum that overflows takes the checks below, which then pass.
    if (spot > 0 && strike > 0 && years >= 0 && vol >= 0
        && spot + strike + years + vol + Math.abs(rate - yield) < Double.POSITIVE_INFINITY) {
      return;
    }
    // the checks below name the first bad argument
    Require.positive("spot", spot);
    Require.positive("strike", strike);
    Require.nonNegative("years", years);
    Require.nonNegative("vol", vol);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
  }

  /**
   * Checks the implied-vol inputs of the spot-based pricers, naming the first bad one: spot &gt; 0, years &gt; 0,
   * rate and yield finite, price ≥ 0. The strike is checked once, by {@link ImpliedVolatility#black}, under the
   * same name.
   */
  static void validateImplied(double price, double spot, double years, double rate, double yield) {
    Require.positive("spot", spot);
    Require.positive("years", years);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
    Require.nonNegative("price", price);
  }

  /**
   * The Black vol of an undiscounted premium of the spot-based pricers: {@link ImpliedVolatility#black(OptionType,
   * double, double, double, double, double, double)} at the forward, F − K and ln(F/K) that {@link #price} forms
   * from the same spot, strike and b·T, so that a premium and its inversion agree to the last bits.
   */
  static double impliedVol(OptionType type, double undiscountedPrice, double s, double k, double t, double b) {
    double bt = b * t;
    double growthMinusOne = Exponential.expm1(bt);
    return ImpliedVolatility.black(type, undiscountedPrice, forward(s, growthMinusOne), k,
        forwardMinusStrike(s, k, growthMinusOne), logMoneyness(s, k, bt), t);
  }

  /** The step w of the degenerate case: 1 in the money (forward vs strike), ½ at, 0 out. */
  private static double step(int phi, double forwardValue, double strikeValue) {
    double m = phi * (forwardValue - strikeValue);
    return m > 0 ? 1.0 : m == 0 ? 0.5 : 0.0;
  }

  /**
   * The option value V = e^{−rT}·(max(φ(F − K), 0) + time value of the out-of-the-money option), F = S·e^{bT}, with
   * ln(F/K) and F − K formed from the spot as the implied-vol inversion forms them (see the class comment). Accurate
   * to a few ulps of the exact value at the inputs.
   */
  static double price(int phi, double s, double k, double t, double vol, double r, double b) {
    double bt = b * t;
    // ln(F/K) from the spot: the logarithm does not wait for an exponential of bT
    double x = logMoneyness(s, k, bt);
    double growthMinusOne = Exponential.expm1(bt);
    double f = forward(s, growthMinusOne);
    double df = Exponential.exp(-r * t);
    double sd = vol * Math.sqrt(t);
    if (!(f > 0 && f < Double.POSITIVE_INFINITY)) {
      return textbookPrice(phi, s, k, t, sd, r, b, df);
    }
    double intrinsic = Math.max(phi * forwardMinusStrike(s, k, growthMinusOne), 0.0);
    if (sd == 0) {
      return df * intrinsic;
    }
    // 1/(σ√T) does not wait for x: x/(σ√T) becomes a multiplication (0 at the money even where σ√T is subnormal)
    double invSd = 1 / sd;
    double q = x == 0 ? 0.0 : x * invSd;
    double d1 = q + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double n2 = n1 > 1e-290 ? n1 * (f / k) : Normal.pdf(d2);
    double h = -Math.abs(q);
    double halfSd = 0.5 * sd;
    double timeValue = NormalisedBlack.needsExpansionAt(h, halfSd) ? expandedTimeValue(f, k, x, h, halfSd, n1, n2)
        : plainTimeValue(f, k, x, d1, d2, Normal.lowerTail(Math.abs(d1), n1), Normal.lowerTail(Math.abs(d2), n2));
    return df * (intrinsic + timeValue);
  }

  /**
   * x = ln(F/K) for the forward F = S·e^{bT}, as ln(S/K) + bT: within a few ulps of |ln(S/K)| + |bT| of the exact
   * value, where ln(F/K) of the rounded forward is off by an ulp of 1 whatever x is, and without waiting for an
   * exponential. The spot-based implied vols pass the same x to {@link ImpliedVolatility#black(OptionType, double,
   * double, double, double, double, double)}.
   *
   * @param bt the cost of carry times the years to expiry, b·T
   */
  static double logMoneyness(double s, double k, double bt) {
    return ImpliedVolatility.logMoneyness(s, k) + bt;
  }

  /** The forward F = S·e^{bT} = S + S·(e^{bT} − 1), from {@code growthMinusOne} = e^{bT} − 1. */
  static double forward(double s, double growthMinusOne) {
    return Math.fma(s, growthMinusOne, s);
  }

  /**
   * F − K = (S − K) + S·(e^{bT} − 1) with one rounding after S − K: within an ulp or two of the exact difference
   * also where F and K nearly cancel, where the rounded forward minus K keeps only the digits above an ulp of F.
   */
  static double forwardMinusStrike(double s, double k, double growthMinusOne) {
    return Math.fma(s, growthMinusOne, s - k);
  }

  /**
   * ψ·(F·Φ(ψd1) − K·Φ(ψd2)) for the out-of-the-money side ψ (a call for x ≤ 0, a put for x &gt; 0), from the
   * lower tails Φ(−|d1|) and Φ(−|d2|), floored at 0: accurate where {@link NormalisedBlack#needsExpansion} is false.
   */
  static double plainTimeValue(double f, double k, double x, double d1, double d2, double tail1,
      double tail2) {
    // Without a branch on the side, which a random book mispredicts half the time: the out-of-the-money option's
    // near leg (d1 of the call, −d2 of the put) has the smaller |d|, so the larger tail, and the smaller of F and
    // K; its far leg always lies in the lower tail. The near leg is past the median exactly when d1 > 0 > d2.
    double nearTail = Math.max(tail1, tail2);
    double near = ifNegative(d1 * d2, 1 - nearTail, nearTail);
    return Math.max(Math.min(f, k) * near - Math.max(f, k) * Math.min(tail1, tail2), 0.0);
  }

  /** {@code a} where the sign bit of {@code c} is set (c &lt; 0 or −0), {@code b} otherwise: a select, not a branch. */
  private static double ifNegative(double c, double a, double b) {
    long mask = Double.doubleToRawLongBits(c) >> 63;
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & mask | Double.doubleToRawLongBits(b) & ~mask);
  }

  /**
   * The time value F·φ(d1)·(Y(h+t) − Y(h−t)) (= K·φ(d2)·…, taken from the larger density) by Jäckel's expansions,
   * where the plain difference cancels: short expiries near the money and the far wings.
   */
  static double expandedTimeValue(double f, double k, double x, double h, double halfSd, double n1,
      double n2) {
    return ifNegative(0.0 - x, k * n2, f * n1) * NormalisedBlack.scaledTimeValueAt(h, halfSd);
  }

  /**
   * The textbook φ·(S·e^{(b−r)T}·N(φd1) − K·e^{−rT}·N(φd2)) (at σ√T = 0 the discounted intrinsic value of the
   * forward), for a forward S·e^{bT} that overflows or underflows, where the carry and discount factors may still
   * be finite.
   */
  private static double textbookPrice(int phi, double s, double k, double t, double sd, double r, double b,
      double df) {
    double cf = Math.exp((b - r) * t);
    if (sd == 0) {
      return Math.max(phi * (s * cf - k * df), 0.0);
    }
    double d1 = (Math.log(s / k) + b * t) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    return Math.max(phi * (s * cf * Normal.cdf(phi * d1) - k * df * Normal.cdf(phi * d2)), 0.0);
  }

  /** ∂V/∂S. */
  static double delta(int phi, double s, double k, double t, double vol, double r, double b) {
    double cf = Exponential.exp((b - r) * t);
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return phi * cf * step(phi, s * cf, k * Math.exp(-r * t));
    }
    // 1/(σ√T) and bT/(σ√T) + σ√T/2 are ready before the logarithm, so d1 waits for one fused multiply-add after
    // it; the side is a branch (the same for every call of one cell), not two multiplications by ±1 on the way
    double invSd = 1 / sd;
    double d1 = Math.fma(Logarithm.log(s / k), invSd, Math.fma(b * t, invSd, 0.5 * sd)); // one step after the log
    return phi > 0 ? Normal.scaledCdf(d1, cf) : -Normal.scaledCdf(-d1, cf);
  }

  /** ∂²V/∂S². */
  static double gamma(double s, double k, double t, double vol, double r, double b) {
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return 0.0;
    }
    double d1 = (Logarithm.log(s / k) + b * t) / sd + 0.5 * sd;
    return Exponential.exp((b - r) * t) * Normal.pdf(d1) / (s * sd);
  }

  /** ∂V/∂σ. */
  static double vega(double s, double k, double t, double vol, double r, double b) {
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    if (sd == 0) {
      return 0.0;
    }
    double d1 = (Logarithm.log(s / k) + b * t) / sd + 0.5 * sd;
    return s * Exponential.exp((b - r) * t) * Normal.pdf(d1) * sqrtT;
  }

  /**
   * All 18 raw greeks in {@link Greek} order (RHO with b = r − q moving with r, PHI = ∂V/∂q).
   * One log, one square root, two exponentials (discount and growth e^{bT}), one density; the value is the same
   * accurate value as {@link #price}, sharing its tails Φ(−|d1|) and Φ(−|d2|).
   */
  static double[] greeks(int phi, double s, double k, double t, double vol, double r, double b) {
    double bt = b * t;
    double x = logMoneyness(s, k, bt); // as in price
    double growthMinusOne = Exponential.expm1(bt);
    double df = Exponential.exp(-r * t);
    double cf = (1 + growthMinusOne) * df;
    if (!(cf > 0 && cf < Double.POSITIVE_INFINITY)) {
      cf = Math.exp((b - r) * t); // growth overflowed or df underflowed: the product is not the carry factor
    }
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    double[] g = new double[N];
    double f = forward(s, growthMinusOne);
    boolean finiteForward = f > 0 && f < Double.POSITIVE_INFINITY;
    if (sd == 0) {
      double w = step(phi, s * cf, k * df);
      double delta = phi * cf * w;
      double dualDelta = -phi * df * w;
      double v = finiteForward ? df * Math.max(phi * forwardMinusStrike(s, k, growthMinusOne), 0.0)
          : Math.max(phi * (s * cf - k * df), 0.0);
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
    // 1/(σ√T) does not wait for x: x/(σ√T) becomes a multiplication (0 at the money even where σ√T is subnormal)
    double invSd = 1 / sd;
    double q = x == 0 ? 0.0 : x * invSd;
    double d1 = q + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double n2 = n1 > 1e-290 ? n1 * (finiteForward ? f / k : (s * cf) / (k * df)) : Normal.pdf(d2);
    // the lower tails Φ(−|d|): both Φ(d) and Φ(−d) follow without cancellation
    double tail1 = Normal.lowerTail(Math.abs(d1), n1);
    double tail2 = Normal.lowerTail(Math.abs(d2), n2);
    double nd1 = phi * d1 > 0 ? 1 - tail1 : tail1;
    double nd2 = phi * d2 > 0 ? 1 - tail2 : tail2;
    double scf = s * cf;
    double v;
    if (!finiteForward) {
      v = Math.max(phi * (scf * nd1 - k * df * nd2), 0.0);
    } else {
      // the same value as price(): intrinsic plus the out-of-the-money option's time value
      double h = -Math.abs(q);
      double halfSd = 0.5 * sd;
      double timeValue = NormalisedBlack.needsExpansionAt(h, halfSd) ? expandedTimeValue(f, k, x, h, halfSd, n1, n2)
          : plainTimeValue(f, k, x, d1, d2, tail1, tail2);
      v = df * (Math.max(phi * forwardMinusStrike(s, k, growthMinusOne), 0.0) + timeValue);
    }
    double delta = phi * cf * nd1;
    double dualDelta = -phi * df * nd2;
    // five reciprocals instead of a dozen divisions: the divider, not the multipliers, bounds this method
    double invS = 1 / s;
    double invVol = 1 / vol;
    double halfInvT = 0.5 / t;
    double gamma = cf * n1 * (1 / (s * sd));
    double vega = scf * n1 * sqrtT;
    // ∂d1/∂T = b/(σ√T) − d2/(2T); shared by charm, color and veta
    double dd1dT = b / sd - d2 * halfInvT;
    double d1d2 = d1 * d2;
    g[0] = v;
    g[1] = delta;
    g[2] = gamma;
    g[3] = vega;
    g[4] = -scf * n1 * vol / (2 * sqrtT) - (b - r) * scf * phi * nd1 + r * k * dualDelta;
    g[5] = -t * k * dualDelta;
    g[6] = -t * s * delta;
    g[7] = -cf * n1 * d2 * invVol;
    g[8] = -cf * (n1 * dd1dT + phi * (b - r) * nd1);
    g[9] = vega * d1d2 * invVol;
    g[10] = -gamma * invS * (1 + d1 / sd);
    g[11] = gamma * (d1d2 - 1) * invVol;
    g[12] = gamma * ((r - b) + d1 * dd1dT + halfInvT);
    g[13] = vega * ((r - b) + d1 * dd1dT - halfInvT);
    g[14] = vega * (invVol * invVol) * (d1d2 * d1d2 - d1 * d1 - d2 * d2 - d1d2);
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

  /**
   * Price, delta, gamma, vega and theta — the first five entries of {@link Greek} order — into
   * {@code out[0..4]}, without allocating: the same arithmetic as {@link #greeks}, bit for bit, for
   * callers that revalue on every event (the hedge ledger).
   */
  static void firstGreeks(int phi, double s, double k, double t, double vol, double r, double b, double[] out) {
    double bt = b * t;
    double x = logMoneyness(s, k, bt); // as in price
    double growthMinusOne = Exponential.expm1(bt);
    double df = Exponential.exp(-r * t);
    double cf = (1 + growthMinusOne) * df;
    if (!(cf > 0 && cf < Double.POSITIVE_INFINITY)) {
      cf = Math.exp((b - r) * t); // growth overflowed or df underflowed: the product is not the carry factor
    }
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    double f = forward(s, growthMinusOne);
    boolean finiteForward = f > 0 && f < Double.POSITIVE_INFINITY;
    if (sd == 0) {
      double w = step(phi, s * cf, k * df);
      out[0] = finiteForward ? df * Math.max(phi * forwardMinusStrike(s, k, growthMinusOne), 0.0)
          : Math.max(phi * (s * cf - k * df), 0.0);
      out[1] = phi * cf * w;
      out[2] = 0.0;
      out[3] = 0.0;
      out[4] = -phi * w * ((b - r) * s * cf + r * k * df);
      return;
    }
    // 1/(σ√T) does not wait for x: x/(σ√T) becomes a multiplication (0 at the money even where σ√T is subnormal)
    double invSd = 1 / sd;
    double q = x == 0 ? 0.0 : x * invSd;
    double d1 = q + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double n2 = n1 > 1e-290 ? n1 * (finiteForward ? f / k : (s * cf) / (k * df)) : Normal.pdf(d2);
    double tail1 = Normal.lowerTail(Math.abs(d1), n1);
    double tail2 = Normal.lowerTail(Math.abs(d2), n2);
    double nd1 = phi * d1 > 0 ? 1 - tail1 : tail1;
    double nd2 = phi * d2 > 0 ? 1 - tail2 : tail2;
    double scf = s * cf;
    if (!finiteForward) {
      out[0] = Math.max(phi * (scf * nd1 - k * df * nd2), 0.0);
    } else {
      double h = -Math.abs(q);
      double halfSd = 0.5 * sd;
      double timeValue = NormalisedBlack.needsExpansionAt(h, halfSd) ? expandedTimeValue(f, k, x, h, halfSd, n1, n2)
          : plainTimeValue(f, k, x, d1, d2, tail1, tail2);
      out[0] = df * (Math.max(phi * forwardMinusStrike(s, k, growthMinusOne), 0.0) + timeValue);
    }
    out[1] = phi * cf * nd1;
    if (n1 == 0) {
      out[2] = 0.0;
      out[3] = 0.0;
    } else {
      out[2] = cf * n1 * (1 / (s * sd));
      out[3] = scf * n1 * sqrtT;
    }
    out[4] = -scf * n1 * vol / (2 * sqrtT) - (b - r) * scf * phi * nd1 + r * k * (-phi * df * nd2);
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
    double df = Exponential.exp(-r * t);
    double sd = vol * Math.sqrt(t);
    if (sd == 0) {
      return phi * t * k * df * step(phi, s * Math.exp((b - r) * t), k * df);
    }
    double d2 = (Logarithm.log(s / k) + b * t) / sd - 0.5 * sd;
    return phi * t * k * df * Normal.cdf(phi * d2);
  }

  /** Elasticity Δ·S/V; NaN where the value is 0 (the ratio is undefined there). */
  static double lambda(double delta, double s, double v) {
    return v == 0 ? Double.NaN : delta * s / v;
  }
}
