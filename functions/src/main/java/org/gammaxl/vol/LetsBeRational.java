package org.gammaxl.vol;

import org.gammaxl.pricing.Exponential;
import org.gammaxl.pricing.Normal;

/**
 * The normalised implied volatility of Jäckel's "Let's Be Rational" (Wilmott, January 2015).
 *
 * <p>Input is an out-of-the-money (or at-the-money) call in normalised form: log-moneyness x ≤ 0 and
 * normalised price β with 0 &lt; β &lt; b_max = e^{x/2}. Output is the total standard deviation s = σ√T.
 * The curve β ↦ s is split at the inflection point s_c = √(2|x|) and at the points s_l, s_h where
 * the tangent at s_c meets 0 and b_max, into four branches:
 * <ul>
 *   <li>β &lt; b_l: a rational cubic in the lower map f_l(s) = (2π|x|/√27)·Φ(−|x|/(√3 s))³, which behaves
 *       like b(x, s) as s → 0, then inverted in closed form;</li>
 *   <li>b_l ≤ β &lt; b_c and b_c ≤ β ≤ b_h: a rational cubic in s(β) itself;</li>
 *   <li>β &gt; b_h: a rational cubic in the upper map f_u(s) = Φ(−s/2), which behaves like b_max − b as
 *       s → ∞, then inverted in closed form.</li>
 * </ul>
 * From that guess, {@link #HOUSEHOLDER_ITERATIONS} Householder steps of third order reach machine
 * precision. The objective is 1/ln b(s) − 1/ln β on the lowest branch, ln(b_max − β) − ln(b_max − b(s))
 * on the highest one (when β &gt; b_max/2), and b(s) − β in between, which keeps each of them nearly linear.
 */
final class LetsBeRational {
  /** The number of Householder(3) steps taken after the rational initial guess. */
  static final int HOUSEHOLDER_ITERATIONS = 2;

  private static final double EPSILON = Math.ulp(1.0);
  private static final double TWO_PI = 2 * Math.PI;
  private static final double SQRT_TWO_PI = Math.sqrt(TWO_PI);
  private static final double SQRT_THREE = Math.sqrt(3.0);
  private static final double ONE_OVER_SQRT_THREE = 1 / SQRT_THREE;
  private static final double TWO_PI_OVER_SQRT_TWENTY_SEVEN = TWO_PI / Math.sqrt(27.0);
  private static final double PI_OVER_SIX = Math.PI / 6;
  private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
  /** Below this the lowest-branch guess works from ln β: β is subnormal or about to be. */
  private static final double SMALLEST_NORMAL_BETA = 0x1.0p52 * Double.MIN_NORMAL;

  /** Counts the Householder steps of one solve; for tests only. */
  static final class Trace {
    int iterations;
  }

  private LetsBeRational() {
  }

  /**
   * The normalised implied volatility s = σ√T of a call (θ = +1) or put (θ = −1) of any moneyness
   * worth β = price/√(FK): an in-the-money option is reduced to the out-of-the-money one by
   * subtracting its normalised intrinsic value. Returns 0 at or below intrinsic and +∞ at or above
   * the normalised upper bound (e^{x/2} for a call, e^{−x/2} for a put); the public entry point
   * {@link ImpliedVolatility#black} turns those cases into errors instead.
   */
  static double normalisedImpliedVolatility(double beta, double x, int theta) {
    double callX = theta < 0 ? -x : x;
    double timeValue = beta;
    if (callX > 0) {
      timeValue = beta - NormalisedBlack.intrinsicCall(callX);
      callX = -callX;
    }
    if (!(timeValue > 0)) {
      return 0.0;
    }
    if (timeValue >= Math.exp(0.5 * callX)) {
      return Double.POSITIVE_INFINITY;
    }
    return totalStandardDeviation(timeValue, callX, HOUSEHOLDER_ITERATIONS, null);
  }

  /**
   * The total standard deviation s with b(x, s) = β, for x ≤ 0 and 0 &lt; β &lt; e^{x/2}.
   *
   * @param maxIterations the most Householder steps to take ({@link #HOUSEHOLDER_ITERATIONS} in production)
   * @param trace receives the number of steps taken, or null
   */
  static double totalStandardDeviation(double beta, double x, int maxIterations, Trace trace) {
    return totalStandardDeviation(beta, Double.NaN, x, Math.exp(0.5 * x), maxIterations, trace);
  }

  /**
   * As {@link #totalStandardDeviation(double, double, int, Trace)} with ln β and b_max = e^{x/2} given:
   * when β is subnormal the caller can supply ln β from the unnormalised price at full precision, and the
   * lowest branch works with ln β and ln b only. {@code lnBeta} NaN means "take it from β", which only the
   * lowest branch then does.
   */
  static double totalStandardDeviation(double beta, double lnBeta, double x, double bMax, int maxIterations,
      Trace trace) {
    double sC = Math.sqrt(Math.abs(2 * x));
    // At s_c, h = −t and h² + t² = −x: the vega is e^{x/2}/√(2π) = b_max/√(2π), no exponential needed.
    double vC = NormalisedBlack.ONE_OVER_SQRT_TWO_PI * bMax;
    double inverseVC = SQRT_TWO_PI / bMax; // 1/v_c, ready before b_c
    double bC = valueAtInflection(x, sC, vC, bMax);
    double s;
    double sLeft = Double.MIN_NORMAL;
    double sRight = Double.MAX_VALUE;
    if (beta < bC) {
      double sL = sC - bC * inverseVC;
      double vL = NormalisedBlack.vega(x, sL);
      double bL = NormalisedBlack.outOfTheMoneyCall(x, sL, vL, bMax);
      if (beta < bL) {
        double lnB = Double.isNaN(lnBeta) ? Math.log(beta) : lnBeta;
        s = lowerGuess(beta, lnB, x, sL, bL);
        sRight = sL;
        return iterateLower(lnB, x, s, sLeft, sRight, maxIterations, trace);
      }
      double r = RationalCubic.controlParameterForRightSecondDerivative(bL, bC, sL, sC, 1 / vL, inverseVC, 0.0, false);
      s = RationalCubic.interpolate(beta, bL, bC, sL, sC, 1 / vL, inverseVC, r);
      sLeft = sL;
      sRight = sC;
    } else {
      double sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) * inverseVC : sC;
      double vH = NormalisedBlack.vega(x, sH);
      double bH = NormalisedBlack.outOfTheMoneyCall(x, sH, vH, bMax);
      if (beta <= bH) {
        double r = RationalCubic.controlParameterForLeftSecondDerivative(bC, bH, sC, sH, inverseVC, 1 / vH, 0.0, false);
        s = RationalCubic.interpolate(beta, bC, bH, sC, sH, inverseVC, 1 / vH, r);
        sLeft = sC;
        sRight = sH;
      } else {
        s = upperGuess(beta, x, sH, bH, bMax);
        sLeft = sH;
        if (beta > 0.5 * bMax) {
          return iterateUpper(beta, x, s, bMax, sLeft, sRight, maxIterations, trace);
        }
      }
    }
    return iterateMiddle(beta, x, s, bMax, sLeft, sRight, maxIterations, trace);
  }

  // ---------------------------------------------------------------- initial guesses

  /** Below this |x| the closed form at s_c loses more than 1e-10 of b_c to cancellation. */
  private static final double CLOSED_FORM_INFLECTION_X = 1e-6;

  /**
   * b_c = b(x, s_c). At the inflection point h + t = x/s_c + s_c/2 = 0 exactly, so
   * b_c = b_max·Φ(0) − Φ(−s_c)/b_max = b_max/2 − Φ(−s_c)/b_max: one normal integral, independent of the
   * vega, instead of the general evaluation. b_c is a node of the initial guess only, so the
   * cancellation for small |x| (a relative error ε/b_c) is harmless above |x| = 1e-6; below it the
   * general evaluation is used.
   */
  private static double valueAtInflection(double x, double sC, double vC, double bMax) {
    if (-x < CLOSED_FORM_INFLECTION_X) {
      return NormalisedBlack.outOfTheMoneyCall(x, sC, vC, bMax);
    }
    // φ(s_c) = e^{−s_c²/2}/√(2π) = e^{x}/√(2π) = v_c·b_max: no exponential
    return Math.max(0.5 * bMax - Normal.cdf(-sC, vC * bMax) / bMax, 0.0);
  }

  private static double lowerGuess(double beta, double lnBeta, double x, double sL, double bL) {
    double ax = Math.abs(x);
    if (beta < SMALLEST_NORMAL_BETA) {
      // f_l(β) = β·(1 + O(β)) as β → 0 (f_l'(0) = 1): invert f_l at β itself, through logarithms.
      double p = Math.exp((lnBeta - Math.log(TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax)) / 3);
      return Math.abs(ax / (SQRT_THREE * Normal.inverseCdf(p)));
    }
    double z = ONE_OVER_SQRT_THREE * ax / sL;
    double y = z * z;
    double s2 = sL * sL;
    // Φ(−z) = φ(z)·Y(−z) with the Mills ratio Y(−z) = √(π/2)·erfcx(z/√2): one exponential for both.
    double pdf = Normal.pdf(z);
    double mills = NormalisedBlack.SQRT_PI_OVER_TWO * Normal.erfcx(NormalisedBlack.ONE_OVER_SQRT_TWO * z);
    double cdf = pdf * mills;
    // f_l(β) and its first two derivatives with respect to β at β = b_l (derivatives by the chain rule through s).
    double e = Exponential.exp(y + 0.125 * s2); // and e² = e^{2y + s²/4}
    double f2 = PI_OVER_SIX * y / (s2 * sL) * cdf
        * (8 * SQRT_THREE * sL * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * mills) * (e * e);
    double cdf2 = cdf * cdf;
    double f1 = TWO_PI * y * cdf2 * e;
    double f = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * cdf2 * cdf;
    double r = RationalCubic.controlParameterForRightSecondDerivative(0.0, bL, 0.0, f, 1.0, f1, f2, true);
    double fBeta = RationalCubic.interpolate(beta, 0.0, bL, 0.0, f, 1.0, f1, r);
    if (!(fBeta > 0)) {
      // Round-off for extreme |x|: a quadratic through f(0) = 0, f'(0) = 1 and f(b_l).
      double t = beta / bL;
      fBeta = (f * t + bL * (1 - t)) * t;
    }
    return inverseLowerMap(x, fBeta);
  }

  /** s with f_l(s) = f: s = |x| / (√3·|Φ⁻¹((√27·f/(2π|x|))^{1/3})|). */
  private static double inverseLowerMap(double x, double f) {
    if (!(f > 0)) {
      return 0.0;
    }
    double ax = Math.abs(x);
    // The cube root as e^{(ln v)/3}: two intrinsics, a few ulps, plenty for an initial guess.
    double p = Exponential.exp(Math.log(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax)) * (1.0 / 3));
    return Math.abs(ax / (SQRT_THREE * Normal.inverseCdf(p)));
  }

  private static double upperGuess(double beta, double x, double sH, double bH, double bMax) {
    // f_u(β) = Φ(−s/2) with f_u' = −½·e^{h²/2} and f_u'' = √(π/2)·(h²/s)·e^{h² + s²/8}, h = x/s.
    double f = Normal.cdf(-0.5 * sH);
    double w = (x / sH) * (x / sH);
    double f1 = -0.5 * Math.exp(0.5 * w);
    double f2 = NormalisedBlack.SQRT_PI_OVER_TWO * w * Math.exp(w + 0.125 * sH * sH) / sH;
    double fBeta = -1;
    if (f2 > -SQRT_DBL_MAX && f2 < SQRT_DBL_MAX) {
      double r = RationalCubic.controlParameterForLeftSecondDerivative(bH, bMax, f, 0.0, f1, -0.5, f2, true);
      fBeta = RationalCubic.interpolate(beta, bH, bMax, f, 0.0, f1, -0.5, r);
    }
    if (!(fBeta > 0)) {
      // A quadratic through f(b_h), f(b_max) = 0 and f'(b_max) = −½.
      double h = bMax - bH;
      double t = (beta - bH) / h;
      fBeta = (f * (1 - t) + 0.5 * h * t) * (1 - t);
    }
    return -2 * Normal.inverseCdf(fBeta);
  }

  // ---------------------------------------------------------------- Householder(3) iterations

  /** The Householder(3) step factor: s ← s + ν·(1 + ην/2)/(1 + ν(η + κν/6)), ν Newton, η = g''/g', κ = g'''/g'. */
  private static double householderFactor(double newton, double halley, double hh3) {
    return (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6));
  }

  /** b''/b' for the normalised Black function: x²/s³ − s/4. */
  private static double bHalley(double x, double s) {
    double h = x / s;
    return h * h / s - 0.25 * s;
  }

  /** b'''/b' = (b''/b')² − 3(x/s²)² − 1/4. */
  private static double bHouseholder3(double x, double s, double bHalley) {
    double q = x / (s * s);
    return bHalley * bHalley - 3 * q * q - 0.25;
  }

  private static double iterateLower(double lnBeta, double x, double s0, double sLeft0, double sRight0,
      int maxIterations, Trace trace) {
    double s = s0;
    double sLeft = sLeft0;
    double sRight = sRight0;
    double ds = -Double.MAX_VALUE;
    int i = 0;
    for (; i < maxIterations && Math.abs(ds) > EPSILON * s; i++) {
      if (i > 0 && !(s > sLeft && s < sRight)) {
        s = 0.5 * (sLeft + sRight);
      }
      // b = vega·(b/vega): ln b and b'/b from the scaled value, so nothing underflows in the far wing.
      double scaled = NormalisedBlack.scaledOutOfTheMoneyCall(x, s);
      double lnB = NormalisedBlack.logVega(x, s) + Math.log(scaled);
      sRight = narrowRight(lnBeta - lnB, s, sRight);
      sLeft = narrowLeft(lnB - lnBeta, s, sLeft);
      if (!(scaled > 0) || !(lnB > Double.NEGATIVE_INFINITY)) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double bpOverB = 1 / scaled;
        double bh = bHalley(x, s);
        double newton = (lnBeta - lnB) * lnB / lnBeta / bpOverB;
        double halley = bh - bpOverB * (1 + 2 / lnB);
        double hh3 = bHouseholder3(x, s, bh) + 2 * bpOverB * bpOverB * (1 + 3 / lnB * (1 + 1 / lnB))
            - 3 * bh * bpOverB * (1 + 2 / lnB);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    record(trace, i);
    return s;
  }

  private static double iterateUpper(double beta, double x, double s0, double bMax, double sLeft0, double sRight0,
      int maxIterations, Trace trace) {
    double s = s0;
    double sLeft = sLeft0;
    double sRight = sRight0;
    double bMaxMinusBeta = bMax - beta;
    double ds = -Double.MAX_VALUE;
    int i = 0;
    for (; i < maxIterations && Math.abs(ds) > EPSILON * s; i++) {
      if (i > 0 && !(s > sLeft && s < sRight)) {
        s = 0.5 * (sLeft + sRight);
      }
      // b_max − b(s) directly: by subtraction it would have no correct digits as b(s) → b_max.
      double bMaxMinusB = NormalisedBlack.complementOfOutOfTheMoneyCall(x, s);
      double bp = NormalisedBlack.vega(x, s);
      sRight = narrowRight(bMaxMinusB - bMaxMinusBeta, s, sRight);
      sLeft = narrowLeft(bMaxMinusBeta - bMaxMinusB, s, sLeft);
      if (!(bMaxMinusB > 0) || !(bp > Double.MIN_NORMAL)) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double g = Math.log(bMaxMinusBeta / bMaxMinusB);
        double gp = bp / bMaxMinusB;
        double bh = bHalley(x, s);
        double newton = -g / gp;
        double halley = bh + gp;
        double hh3 = bHouseholder3(x, s, bh) + gp * (2 * gp + 3 * bh);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    record(trace, i);
    return s;
  }

  private static double iterateMiddle(double beta, double x, double s0, double bMax, double sLeft0, double sRight0,
      int maxIterations, Trace trace) {
    double s = s0;
    double sLeft = sLeft0;
    double sRight = sRight0;
    double ds = -Double.MAX_VALUE;
    int i = 0;
    for (; i < maxIterations && Math.abs(ds) > EPSILON * s; i++) {
      if (i > 0 && !(s > sLeft && s < sRight)) {
        s = 0.5 * (sLeft + sRight);
      }
      double bp = NormalisedBlack.vega(x, s);
      double inverseBp = 1 / bp; // divides while b is evaluated: the Newton step below is a multiplication
      double b = NormalisedBlack.outOfTheMoneyCall(x, s, bp, bMax);
      sRight = narrowRight(beta - b, s, sRight);
      sLeft = narrowLeft(b - beta, s, sLeft);
      if (!(bp > 0)) {
        ds = 0.5 * (sLeft + sRight) - s;
      } else {
        double newton = (beta - b) * inverseBp;
        double halley = bHalley(x, s);
        double hh3 = bHouseholder3(x, s, halley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
      ds = Math.max(-0.5 * s, ds);
      s += ds;
    }
    record(trace, i);
    return s;
  }

  /**
   * The bracket's right end after evaluating at s: min(s, sRight) where {@code belowBy} &lt; 0 (the value at s lies
   * above the target, so s bounds the root from the right), sRight otherwise. A select on the sign bit, not a branch:
   * which side of the target an iterate lands on is a coin toss that a branch predictor loses half the time, and it
   * is known only at the end of the evaluation.
   */
  private static double narrowRight(double belowBy, double s, double sRight) {
    long mask = Double.doubleToRawLongBits(belowBy) >> 63;
    return Double.longBitsToDouble(Double.doubleToRawLongBits(Math.min(s, sRight)) & mask
        | Double.doubleToRawLongBits(sRight) & ~mask);
  }

  /** The bracket's left end: max(s, sLeft) where {@code aboveBy} &lt; 0 (the value at s lies below the target). */
  private static double narrowLeft(double aboveBy, double s, double sLeft) {
    long mask = Double.doubleToRawLongBits(aboveBy) >> 63;
    return Double.longBitsToDouble(Double.doubleToRawLongBits(Math.max(s, sLeft)) & mask
        | Double.doubleToRawLongBits(sLeft) & ~mask);
  }

  private static void record(Trace trace, int iterations) {
    if (trace != null) {
      trace.iterations = iterations;
    }
  }
}
