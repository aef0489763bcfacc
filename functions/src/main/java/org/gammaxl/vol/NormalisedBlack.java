package org.gammaxl.vol;

import org.gammaxl.pricing.Exponential;
import org.gammaxl.pricing.Normal;

/**
 * The normalised Black function of Jäckel's "Let's Be Rational" (2015), evaluated to full relative
 * precision everywhere, including the far out-of-the-money wings where the textbook formula returns
 * the difference of two nearly equal numbers or underflows.
 *
 * <p>With forward F, strike K, volatility σ and expiry T, the normalised variables are the
 * log-moneyness {@code x = ln(F/K)}, the total standard deviation {@code s = σ√T} and the normalised
 * price {@code b = price / √(F·K)} of the undiscounted option. For a call
 * <pre>  b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2),</pre>
 * and a put with log-moneyness x has the value of a call with log-moneyness −x. Out of the money
 * (x ≤ 0) the value is computed in one of four regions of h = x/s and t = s/2:
 * <ol>
 *   <li>h &lt; −10 and h + t &lt; −10 + τ: an asymptotic expansion of the Mills ratio
 *       Y(z) = Φ(z)/φ(z), written so that the difference Y(h+t) − Y(h−t) has no cancellation;</li>
 *   <li>t &lt; τ = 2·ε^{1/16} ≈ 0.21: a Taylor series in t of the same difference;</li>
 *   <li>h + t &gt; 0.85: the plain formula, whose first term dominates;</li>
 *   <li>otherwise: the scaled complementary error function erfcx, which avoids underflow.</li>
 * </ol>
 * All four use the identity b = φ̂·[Y(h+t) − Y(h−t)] with the common factor
 * φ̂ = e^{−(h²+t²)/2}/√(2π), which is also the normalised vega ∂b/∂s. Regions 1, 2 and 4 compute the
 * scaled value b/φ̂ = Y(h+t) − Y(h−t) ({@link #scaledOutOfTheMoneyCall}), which the implied-vol iteration
 * uses in the far wing where b itself is subnormal or zero.
 *
 * <p>The lognormal pricer uses the public entries {@link #needsExpansion} and {@link #scaledTimeValue}: it adds
 * the out-of-the-money time value to the intrinsic value of the forward instead of forming F·Φ(d1) − K·Φ(d2),
 * which in the money or at short expiries loses most of the time value.
 */
public final class NormalisedBlack {
  /** 1/√(2π). */
  static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649;
  /** √(π/2). */
  static final double SQRT_PI_OVER_TWO = 1.253314137315500251207882642405522626503493370305;
  /** ln √(2π). */
  static final double LOG_SQRT_TWO_PI = 0.9189385332046727417803297364056176398613974736378;
  /** 1/√2. */
  static final double ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848359376885;

  /** Below this value of h the asymptotic expansion (region 1) is used. */
  private static final double ASYMPTOTIC_H_THRESHOLD = -10;
  /** Below this value of t the small-t Taylor series (region 2) is used: 2·ε^{1/16}. */
  private static final double SMALL_T_THRESHOLD = 2 * Math.pow(Math.ulp(1.0), 1.0 / 16);
  /** Above this value of h + t the plain formula (region 3) is accurate. */
  private static final double PLAIN_FORMULA_THRESHOLD = 0.85;
  /** The most terms ever summed in the asymptotic expansion. */
  private static final int MAX_ASYMPTOTIC_TERMS = 40;

  private static final double INVERSE_3_FACTORIAL = 1.0 / 6;

  private NormalisedBlack() {
  }

  /**
   * The normalised value of a call (θ = +1) or put (θ = −1): b(θx, s) with the put mapped to a call.
   *
   * @param x log-moneyness ln(F/K)
   * @param s total standard deviation σ√T, ≥ 0
   * @param theta +1 for a call, −1 for a put
   */
  static double value(double x, double s, int theta) {
    return call(theta < 0 ? -x : x, s);
  }

  /**
   * Whether the time value at log-moneyness x and total standard deviation s needs the expansions of regions 1
   * and 2 (t = s/2 &lt; τ, or far in the wing): there F·Φ(d1) − K·Φ(d2) of the out-of-the-money option keeps
   * few correct digits. Elsewhere (regions 3 and 4) that difference loses no more than the erfcx difference does,
   * a few bits at most, and a pricer may use it directly.
   *
   * @param x log-moneyness ln(F/K), either sign
   * @param s total standard deviation σ√T &gt; 0
   */
  public static boolean needsExpansion(double x, double s) {
    return needsExpansionAt(-Math.abs(x) / s, 0.5 * s);
  }

  /**
   * {@link #needsExpansion} for a caller that already holds h = −|x|/s and t = s/2 (a pricer forms x/s for d1).
   *
   * @param h −|x|/s, ≤ 0
   * @param t s/2 &gt; 0
   */
  public static boolean needsExpansionAt(double h, double t) {
    return t < SMALL_T_THRESHOLD || isAsymptoticRegion(h, t);
  }

  /**
   * The scaled time value b(−|x|, s)/vega(x, s) = Y(h+t) − Y(h−t), h = −|x|/s, t = s/2, of a call or a put: the
   * value of the out-of-the-money option, which by put-call parity is also the time value of the in-the-money one,
   * over the normalised vega. In price units the undiscounted time value is F·φ(d1)·scaledTimeValue (equal to
   * K·φ(d2)·scaledTimeValue), so a pricer that holds the density needs no further exponential. Accurate to a few
   * ulps, with no cancellation in the wings or at short expiries.
   *
   * @param x log-moneyness ln(F/K), either sign; best from {@link ImpliedVolatility#logMoneyness}
   * @param s total standard deviation σ√T &gt; 0
   */
  public static double scaledTimeValue(double x, double s) {
    return scaledOutOfTheMoneyCall(-Math.abs(x), s);
  }

  /**
   * {@link #scaledTimeValue} where {@link #needsExpansionAt}(h, t) holds, from h = −|x|/s and t = s/2 formed by the
   * caller: the same value, without dividing again or re-testing the plain-formula region.
   *
   * @param h −|x|/s, ≤ 0
   * @param t s/2 &gt; 0
   */
  public static double scaledTimeValueAt(double h, double t) {
    return scaledInRegions124(h, t);
  }

  /** The normalised call value b(x, s) for any log-moneyness x. */
  static double call(double x, double s) {
    if (x > 0) {
      return intrinsicCall(x) + outOfTheMoneyCall(-x, s);
    }
    return outOfTheMoneyCall(x, s);
  }

  /** The normalised intrinsic value of a call, max(e^{x/2} − e^{−x/2}, 0) = max(2·sinh(x/2), 0). */
  static double intrinsicCall(double x) {
    return x > 0 ? 2 * Math.sinh(0.5 * x) : 0.0;
  }

  /**
   * The normalised vega ∂b/∂s = e^{−(h²+t²)/2}/√(2π), h = x/s, t = s/2 (the same for calls and puts).
   */
  static double vega(double x, double s) {
    if (x == 0) {
      return ONE_OVER_SQRT_TWO_PI * Exponential.exp(-0.125 * s * s);
    }
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    return ONE_OVER_SQRT_TWO_PI * Exponential.exp(-0.5 * (h * h + t * t));
  }

  /** The normalised call for x ≤ 0 (out of the money or at the money). */
  static double outOfTheMoneyCall(double x, double s) {
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    if (isPlainFormulaRegion(h, t)) {
      return plainFormula(x, h, t);
    }
    double exponent = -0.5 * (h * h + t * t);
    if (exponent < -746) {
      return 0.0;
    }
    if (isAsymptoticRegion(h, t)) {
      return ONE_OVER_SQRT_TWO_PI * Math.exp(exponent) * asymptoticExpansion(h, t);
    }
    if (t < SMALL_T_THRESHOLD) {
      return ONE_OVER_SQRT_TWO_PI * Math.exp(exponent) * smallTExpansion(h, t);
    }
    return Math.max(0.5 * Math.exp(exponent) * erfcxDifference(h, t), 0.0);
  }

  /**
   * The same value as {@link #outOfTheMoneyCall(double, double)} when the caller already holds
   * {@code vega} = vega(x, s) and {@code bMax} = e^{x/2}: b = vega·(b/vega) saves an exponential. For the
   * implied-vol iteration, which needs both.
   */
  static double outOfTheMoneyCall(double x, double s, double vega, double bMax) {
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    if (isPlainFormulaRegion(h, t)) {
      // the densities φ(h ± t) = vega·e^{∓x/2} (h·t = x/2): no exponential beyond the vega's
      double inverseBMax = 1 / bMax;
      return Math.max(Normal.cdf(h + t, vega * inverseBMax) * bMax - Normal.cdf(h - t, vega * bMax) * inverseBMax, 0.0);
    }
    if (h + t > 0 && t >= SMALL_T_THRESHOLD) {
      // Region 4 right of the inflection point (0 < h + t ≤ 0.85): b = b_max − (b_max − b), the distance to the bound
      // from two erfcx of positive arguments as in complementOfOutOfTheMoneyCall, with the vega for its Gaussian. The
      // difference form would need erfcx(−(h+t)/√2) = 2·e^{(h+t)²/2} − erfcx((h+t)/√2), an exponential whose product
      // with the vega is just b_max. b ≥ b_max/2 − Φ(h−t)/b_max here, so the subtraction loses at most a bit or two,
      // as the erfcx difference's own subtraction does.
      double distance = vega * (SQRT_PI_OVER_TWO
          * (Normal.erfcx(ONE_OVER_SQRT_TWO * (h + t)) + Normal.erfcx(ONE_OVER_SQRT_TWO * (t - h))));
      return Math.max(bMax - distance, 0.0);
    }
    return vega * scaledInRegions124(h, t);
  }

  /**
   * The scaled value b(x, s)/vega(x, s) = Y(h+t) − Y(h−t) for x ≤ 0 and s &gt; 0. Unlike b it neither
   * underflows nor loses bits to subnormal numbers in the far wing, so that ln b = ln vega + ln(b/vega)
   * stays accurate where b itself is below the smallest normal double.
   */
  static double scaledOutOfTheMoneyCall(double x, double s) {
    double h = x / s;
    double t = 0.5 * s;
    if (isPlainFormulaRegion(h, t)) {
      return plainFormula(x, h, t) / vega(x, s);
    }
    return scaledInRegions124(h, t);
  }

  /** ln vega(x, s) = −(h² + t²)/2 − ln √(2π), without underflow. */
  static double logVega(double x, double s) {
    double h = x / s;
    double t = 0.5 * s;
    return -0.5 * (h * h + t * t) - LOG_SQRT_TWO_PI;
  }

  private static boolean isPlainFormulaRegion(double h, double t) {
    return h + t > PLAIN_FORMULA_THRESHOLD && t >= SMALL_T_THRESHOLD;
  }

  private static boolean isAsymptoticRegion(double h, double t) {
    return h < ASYMPTOTIC_H_THRESHOLD && h + t < ASYMPTOTIC_H_THRESHOLD + SMALL_T_THRESHOLD;
  }

  private static double scaledInRegions124(double h, double t) {
    if (isAsymptoticRegion(h, t)) {
      return asymptoticExpansion(h, t);
    }
    if (t < SMALL_T_THRESHOLD) {
      return smallTExpansion(h, t);
    }
    return Math.max(SQRT_PI_OVER_TWO * erfcxDifference(h, t), 0.0);
  }

  /**
   * The distance to the upper bound, e^{x/2} − b(x, s), for x ≤ 0, computed as the sum of two positive terms
   * e^{x/2}·Φ(−h−t) + e^{−x/2}·Φ(h−t) rather than by a subtraction that loses all digits as b → e^{x/2}.
   * Each term whose Φ is in the lower tail is written with erfcx as ½·e^{−(h²+t²)/2}·erfcx(·), which
   * neither overflows nor underflows prematurely.
   */
  static double complementOfOutOfTheMoneyCall(double x, double s) {
    if (!(s > 0)) {
      return Math.exp(0.5 * x);
    }
    double h = x / s;
    double t = 0.5 * s;
    double gaussian = 0.5 * Math.exp(-0.5 * (h * h + t * t));
    double strikeTerm = gaussian * Normal.erfcx(ONE_OVER_SQRT_TWO * (t - h));
    double forwardTerm = h + t > 0
        ? gaussian * Normal.erfcx(ONE_OVER_SQRT_TWO * (h + t))
        : Math.exp(0.5 * x) * Normal.cdf(-(h + t));
    return forwardTerm + strikeTerm;
  }

  /**
   * Region 1. For z &lt; 0 the Mills ratio has the asymptotic series Y(z) ~ Σ (−1)^k (2k−1)!! w^{2k+1}
   * with w = −1/z. With u = −1/(h+t) and v = −1/(h−t), u^n − v^n = (u − v)·H_{n−1}(u, v) where
   * H_m = Σ_j u^j v^{m−j} is a sum of positive terms, so Y(h+t) − Y(h−t) = (u − v)·Σ (−1)^k (2k−1)!! H_{2k}
   * is evaluated without any cancellation between nearly equal numbers. Returns that scaled value b/φ̂.
   */
  static double asymptoticExpansion(double h, double t) {
    double a = h + t;
    double b = h - t;
    double u = -1 / a;
    double v = -1 / b;
    double uMinusV = 2 * t / (a * b);
    double v2 = v * v;
    double uPlusV = u + v;
    // H_{2k} by H_{m+2} = v²·H_m + u^{m+1}·(u + v); uPower holds u^{2k+1}.
    double homogeneous = 1;
    double uPower = u;
    double doubleFactorial = 1;
    double sum = 1;
    for (int k = 1; k < MAX_ASYMPTOTIC_TERMS; k++) {
      homogeneous = v2 * homogeneous + uPower * uPlusV;
      uPower *= u * u;
      doubleFactorial *= 2 * k - 1;
      double term = doubleFactorial * homogeneous;
      if ((k & 1) == 1) {
        sum -= term;
      } else {
        sum += term;
      }
      if (term <= 1e-17 * sum) {
        break;
      }
    }
    return Math.max(uMinusV * sum, 0.0);
  }

  /**
   * Region 2. Y(h+t) − Y(h−t) = 2·Σ_{k odd} Y^{(k)}(h)·t^k/k!, with the derivatives of the Mills ratio from
   * Y' = 1 + h·Y and Y^{(n+1)} = h·Y^{(n)} + n·Y^{(n−1)}. Terms up to t^13 are kept: for t &lt; 0.21 the
   * next one is below 10^{−17} relative. Returns the scaled value b/φ̂.
   *
   * <p>The recurrence is linear, so Y^{(k)} = a_k(h)·Y' + b_k(h)·Y with polynomials a_k (even in h) and b_k (odd)
   * of positive integer coefficients (a_3 = h² + 2, b_3 = h, a_5 = h⁴ + 9h² + 8, b_5 = h³ + 7h, …). The sum is
   * therefore t·(Y' + Y'·A + Y·h·B) with A = Σ_{m=1..6} t^{2m}·a_{2m+1}/(2m+1)! and B = Σ t^{2m}·(b_{2m+1}/h)/(2m+1)!,
   * polynomials in h² and t² with positive coefficients that are evaluated without cancellation and in parallel
   * with Y(h) itself: the only dependent chain after Y is Y' = 1 + h·Y and two fused multiply-adds, where the
   * recurrence took thirteen. The terms after Y'·t are below t²/6 &lt; 0.008 of the sum (they cancel among themselves
   * far from the money, as the recurrence's did), so the only rounding at full weight is the last one.
   */
  static double smallTExpansion(double h, double t) {
    double w = t * t;
    double g = h * h;
    double y0 = Normal.millsRatio(-h); // Y(h) = Φ(h)/φ(h)
    double a = evenSeries(g, w);
    double b = oddSeries(g, w);
    double y1 = Math.fma(h, y0, 1);
    // Σ_{k odd ≤ 13} Y^{(k)}(h)·t^k/k! = Y'·t + t·(Y'·A + Y·h·B)
    double higher = t * Math.fma(y1, a, y0 * (h * b));
    double sum = Math.fma(y1, t, higher);
    return Math.max(2 * sum, 0.0);
  }

  // The two series below are bivariate polynomials with positive coefficients in g = h² ≥ 0 and w = t² ≥ 0, evaluated
  // by Estrin's scheme in both variables: pairs c1·u + c0 and powers u², u⁴ side by side, which halves the dependent
  // chain of Horner's rule (twelve fused multiply-adds deep) and, without cancellation, keeps its rounding.

  /** A = Σ_{m=1..6} w^m·a_{2m+1}(h)/(2m+1)!, g = h², w = t² (a_{2m+1} is a polynomial in h² of degree m). */
  private static double evenSeries(double g, double w) {
    double g2 = g * g;
    double g4 = g2 * g2;
    double a1 = Math.fma(g, 1.0 / 6, 2.0 / 6);
    double a2 = Math.fma(g2, 1.0 / 120, Math.fma(g, 9.0 / 120, 8.0 / 120));
    double a3 = Math.fma(g2, Math.fma(g, 1.0 / 5040, 20.0 / 5040), Math.fma(g, 87.0 / 5040, 48.0 / 5040));
    double a4 = Math.fma(g4, 1.0 / 362_880,
        Math.fma(g2, Math.fma(g, 35.0 / 362_880, 345.0 / 362_880), Math.fma(g, 975.0 / 362_880, 384.0 / 362_880)));
    double a5 = Math.fma(g4, Math.fma(g, 1.0 / 39_916_800, 54.0 / 39_916_800),
        Math.fma(g2, Math.fma(g, 938.0 / 39_916_800, 6090.0 / 39_916_800),
            Math.fma(g, 12645.0 / 39_916_800, 3840.0 / 39_916_800)));
    double a6 = Math.fma(g4, Math.fma(g2, 1 / 6_227_020_800.0, Math.fma(g, 77 / 6_227_020_800.0, 2070 / 6_227_020_800.0)),
        Math.fma(g2, Math.fma(g, 23814 / 6_227_020_800.0, 114765 / 6_227_020_800.0),
            Math.fma(g, 187425 / 6_227_020_800.0, 46080 / 6_227_020_800.0)));
    return polynomial5(w, a1, a2, a3, a4, a5, a6) * w;
  }

  /** B = Σ_{m=1..6} w^m·(b_{2m+1}(h)/h)/(2m+1)!, g = h², w = t² (b_{2m+1}/h is a polynomial in h² of degree m − 1). */
  private static double oddSeries(double g, double w) {
    double g2 = g * g;
    double g4 = g2 * g2;
    double b1 = 1.0 / 6;
    double b2 = Math.fma(g, 1.0 / 120, 7.0 / 120);
    double b3 = Math.fma(g2, 1.0 / 5040, Math.fma(g, 18.0 / 5040, 57.0 / 5040));
    double b4 = Math.fma(g2, Math.fma(g, 1.0 / 362_880, 33.0 / 362_880), Math.fma(g, 285.0 / 362_880, 561.0 / 362_880));
    double b5 = Math.fma(g4, 1.0 / 39_916_800,
        Math.fma(g2, Math.fma(g, 52.0 / 39_916_800, 840.0 / 39_916_800),
            Math.fma(g, 4680.0 / 39_916_800, 6555.0 / 39_916_800)));
    double b6 = Math.fma(g4, Math.fma(g, 1 / 6_227_020_800.0, 75 / 6_227_020_800.0),
        Math.fma(g2, Math.fma(g, 1926 / 6_227_020_800.0, 20370 / 6_227_020_800.0),
            Math.fma(g, 82845 / 6_227_020_800.0, 89055 / 6_227_020_800.0)));
    return polynomial5(w, b1, b2, b3, b4, b5, b6) * w;
  }

  /** c0 + c1·w + … + c5·w⁵ by Estrin's scheme (three fused multiply-adds deep). */
  private static double polynomial5(double w, double c0, double c1, double c2, double c3, double c4, double c5) {
    double w2 = w * w;
    return Math.fma(w2 * w2, Math.fma(w, c5, c4), Math.fma(w2, Math.fma(w, c3, c2), Math.fma(w, c1, c0)));
  }

  /** Region 3: e^{x/2}·Φ(h+t) − e^{−x/2}·Φ(h−t). */
  static double plainFormula(double x, double h, double t) {
    double forwardFactor = Math.exp(0.5 * x);
    return Math.max(Normal.cdf(h + t) * forwardFactor - Normal.cdf(h - t) / forwardFactor, 0.0);
  }

  /**
   * Region 4. With Φ(z) = ½·e^{−z²/2}·erfcx(−z/√2): b = ½·e^{−(h²+t²)/2}·D with
   * D = erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2), and the scaled value b/φ̂ is √(π/2)·D. Returns D.
   */
  static double erfcxDifference(double h, double t) {
    return Normal.erfcx(-ONE_OVER_SQRT_TWO * (h + t)) - Normal.erfcx(-ONE_OVER_SQRT_TWO * (h - t));
  }
}
