package org.gammaxl.vol;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.Logarithm;
import org.gammaxl.pricing.OptionType;

/**
 * Implied volatility from undiscounted (forward) prices: Black (lognormal) and Bachelier (normal).
 * The pricers convert a premium into an undiscounted forward price and call these.
 *
 * <p>The Black inversion is Jäckel's "Let's Be Rational" (2015): the option is reduced to an
 * out-of-the-money call in normalised form (an in-the-money option through put-call parity, by
 * subtracting its intrinsic value in price units, which is exact), a four-branch rational initial
 * guess is refined by exactly {@value LetsBeRational#HOUSEHOLDER_ITERATIONS} Householder steps of
 * third order, and the result is accurate to a few units in the last place wherever the price still
 * determines the volatility — from minutes to decades and deep into the wings. The Bachelier
 * inversion is Jäckel's "Implied Normal Volatility" (2017), closed form plus one Householder step.
 *
 * <p>Prices outside the no-arbitrage bounds are errors, never a made-up volatility: below the
 * intrinsic value max(φ(F − K), 0), or (Black only) at or above the upper bound F for a call and K
 * for a put. A price equal to the intrinsic value — to within 2 ulps of it, the rounding of F − K
 * itself — has zero volatility.
 */
public final class ImpliedVolatility {
  /** Normalised prices below this have fewer than 53 significant bits (2^52 times the smallest normal). */
  private static final double SMALLEST_FULL_PRECISION_BETA = 0x1.0p52 * Double.MIN_NORMAL;

  private ImpliedVolatility() {
  }

  /**
   * The Black volatility σ such that Black(F, K, σ, T) = {@code undiscountedPrice}.
   *
   * @param undiscountedPrice the option price divided by the discount factor
   * @param forward the forward F &gt; 0
   * @param strike the strike K &gt; 0
   * @param years time to expiry T &gt; 0
   * @return σ as a decimal per √year (0.2 = 20 %)
   * @throws org.gammaxl.InvalidInputException DOMAIN, naming the violated bound, when the price is
   *     below intrinsic or at/above the upper bound (F for a call, K for a put)
   */
  public static double black(OptionType type, double undiscountedPrice, double forward, double strike, double years) {
    return black(type, undiscountedPrice, forward, strike, forward - strike, logMoneyness(forward, strike), years);
  }

  /**
   * {@link #black(OptionType, double, double, double, double)} for a pricer that forms F − K and x = ln(F/K) itself,
   * more precisely than from the rounded forward (a spot-based pricer takes ln(S/K) + bT and (S − K) + S·(e^{bT} − 1)):
   * the inversion then sees the premium's own intrinsic value and log-moneyness, bit for bit. The premium's bounds are
   * taken from {@code forward} and {@code strike} as above.
   *
   * @param forwardMinusStrike F − K
   * @param logMoneyness x = ln(F/K)
   */
  public static double black(OptionType type, double undiscountedPrice, double forward, double strike,
      double forwardMinusStrike, double logMoneyness, double years) {
    checkType(type);
    Require.nonNegative("price", undiscountedPrice);
    Require.positive("forward", forward);
    Require.positive("strike", strike);
    Require.positive("years", years);
    int theta = type.sign();
    double intrinsic = Math.max(theta * forwardMinusStrike, 0.0);
    checkNotBelowIntrinsic(undiscountedPrice, intrinsic);
    // Calls and puts, in and out of the money, come in random order in a book: the choices that depend on them below
    // are selects on sign bits, not branches that a predictor loses half the time.
    long put = (long) theta >> 63; // all ones for a put
    if (undiscountedPrice >= select(put, strike, forward)) {
      throw aboveUpperBound(type, undiscountedPrice, forward, strike);
    }
    if (undiscountedPrice <= intrinsic) {
      return 0.0;
    }
    double x = logMoneyness;
    // σ = s/√T: the reciprocal is ready long before s, so the last step on the chain is a multiplication
    double inverseSqrtYears = 1 / Math.sqrt(years);
    // The out-of-the-money option with the same time value (put-call parity), as a call.
    double timeValue = undiscountedPrice - intrinsic;
    long inTheMoney = Double.doubleToRawLongBits(0.0 - intrinsic) >> 63; // all ones where intrinsic > 0
    long otmPut = put ^ inTheMoney; // the out-of-the-money option is a put (x ≥ 0 there)
    double otmX = select(otmPut, -x, x);
    double sqrtForward = Math.sqrt(forward);
    double sqrtStrike = Math.sqrt(strike);
    double beta = timeValue / (sqrtForward * sqrtStrike);
    // b_max = e^{x/2} of the out-of-the-money call = √(F/K) (or √(K/F)): square roots that do not wait for ln(F/K),
    // where an exponential of x would start only after the logarithm (the two agree to an ulp or so)
    double bMax = select(otmPut, sqrtStrike, sqrtForward) / select(otmPut, sqrtForward, sqrtStrike);
    if (beta >= bMax) {
      throw atUpperBound(type, undiscountedPrice, forward, strike);
    }
    // Far in the wing β can be subnormal: take ln β from the price itself, at full precision. Otherwise
    // NaN: the lowest branch, the only one that needs ln β, takes it from β.
    double lnBeta = beta >= SMALLEST_FULL_PRECISION_BETA ? Double.NaN
        : Math.log(timeValue) - 0.5 * (Math.log(forward) + Math.log(strike));
    double s = LetsBeRational.totalStandardDeviation(beta, lnBeta, otmX, bMax, LetsBeRational.HOUSEHOLDER_ITERATIONS,
        null);
    return s * inverseSqrtYears;
  }

  /**
   * The Bachelier (absolute, price units per √year) volatility σ_N such that
   * Bachelier(F, K, σ_N, T) = {@code undiscountedPrice}. Forward and strike may be zero or negative;
   * every price above the intrinsic value is attainable.
   *
   * @throws org.gammaxl.InvalidInputException DOMAIN when the price is below the intrinsic value
   */
  public static double normal(OptionType type, double undiscountedPrice, double forward, double strike, double years) {
    checkType(type);
    Require.nonNegative("price", undiscountedPrice);
    Require.finite("forward", forward);
    Require.finite("strike", strike);
    Require.positive("years", years);
    double intrinsic = type.intrinsic(forward, strike);
    checkNotBelowIntrinsic(undiscountedPrice, intrinsic);
    if (undiscountedPrice <= intrinsic) {
      return 0.0;
    }
    double distance = Math.abs(forward - strike);
    if (!Double.isFinite(distance)) {
      throw InvalidInputException.domain("strike", "forward minus strike overflows: " + forward + " - " + strike);
    }
    double timeValue = undiscountedPrice - intrinsic;
    return ImpliedNormalVolatility.totalStandardDeviation(timeValue, distance) / Math.sqrt(years);
  }

  /**
   * The log-moneyness ln(F/K), accurate to a few ulps of ln(F/K) itself even when F and K are nearly equal
   * (where ln(F/K) by a ratio would carry an absolute error of an ulp of 1). Public so that the pricers form
   * the same x, bit for bit, as the inversion of their premiums.
   *
   * <p>With r = F·(1/K) rounded (within two ulps of F/K), ln(F/K) = ln r + ln(1 + δ), δ = (F − r·K)/(r·K): the
   * fused multiply-add gives the residual F − r·K to full relative precision, |δ| &lt; 3·2^{−53}, so ln(1 + δ) = δ
   * to 10^{−32} absolute, and {@link Math#log} is accurate relative to ln r also near r = 1. The reciprocal of K does
   * not wait for F and the residual's division runs beside the logarithm: a shorter dependent chain than
   * ln(1 + (F − K)/K), which divides before the logarithm.
   *
   * @param forward the forward F &gt; 0
   * @param strike the strike K &gt; 0
   */
  public static double logMoneyness(double forward, double strike) {
    double ratio = forward * (1 / strike);
    if (ratio > Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY) {
      if (forward == strike) {
        return 0.0; // r may be 1 − 2^−53 there; the two terms would cancel only to 10^−32
      }
      return Logarithm.log(ratio) + Math.fma(-ratio, strike, forward) / forward;
    }
    return Math.log(forward) - Math.log(strike);
  }

  /**
   * ln(1 + d) to a few ulps (Goldberg's correction, "What every computer scientist should know about
   * floating-point arithmetic", Theorem 4): with u = 1 ⊕ d rounded, ln(1 + d) = ln u · d/(u − 1), because
   * u − 1 is exact and ln u/(u − 1) varies slowly. One {@link Math#log} intrinsic where {@link Math#log1p}
   * is slow StrictMath code on JDK 17.
   */
  static double log1p(double d) {
    double u = 1 + d;
    if (u == 1) {
      return d;
    }
    return Math.log(u) * (d / (u - 1));
  }

  private static void checkType(OptionType type) {
    if (type == null) {
      throw InvalidInputException.type("type", "must be CALL or PUT");
    }
  }

  /**
   * Below intrinsic by more than the rounding of the intrinsic value itself (2 ulps) is an error; within
   * that, the price is the intrinsic value and the caller returns 0.
   */
  // The messages of the upper-bound errors are built out of line, keeping black() small enough for the JIT to inline.

  /** The error for an undiscounted price at or above the upper bound (F for a call, K for a put). */
  private static InvalidInputException aboveUpperBound(OptionType type, double undiscountedPrice, double forward,
      double strike) {
    return type == OptionType.CALL
        ? InvalidInputException.domain("price", "a call's undiscounted price must be below the forward "
            + forward + " (its no-arbitrage upper bound), was " + undiscountedPrice)
        : InvalidInputException.domain("price", "a put's undiscounted price must be below the strike "
            + strike + " (its no-arbitrage upper bound), was " + undiscountedPrice);
  }

  /** {@code a} where {@code mask} is all ones, {@code b} where it is 0: a select on bits, not a branch. */
  private static double select(long mask, double a, double b) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & mask | Double.doubleToRawLongBits(b) & ~mask);
  }

  private static InvalidInputException atUpperBound(OptionType type, double undiscountedPrice, double forward,
      double strike) {
    return InvalidInputException.domain("price", "equals the no-arbitrage upper bound "
        + (type == OptionType.CALL ? "(the forward " + forward + ")" : "(the strike " + strike + ")")
        + " to within rounding, was " + undiscountedPrice);
  }

  private static void checkNotBelowIntrinsic(double price, double intrinsic) {
    // the first test, false for every price with time value, spares the common path Math.ulp
    if (price < intrinsic && price < intrinsic - 2 * Math.ulp(intrinsic)) {
      throw InvalidInputException.domain("price", "below intrinsic value " + intrinsic + " (was " + price
          + "): no volatility reproduces it");
    }
  }
}
