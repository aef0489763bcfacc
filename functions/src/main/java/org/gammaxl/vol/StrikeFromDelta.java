package org.gammaxl.vol;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.Normal;
import org.gammaxl.pricing.OptionType;

/**
 * The strike with a given delta under a {@link DeltaConvention}: the 25-delta put of an FX or crypto smile.
 *
 * <p>Spot and forward deltas invert in closed form: d1 = φ·N⁻¹(φΔ/D) with D = e^{−qT} (spot) or 1 (forward), and
 * K = F·e^{−d1·σ√T + σ²T/2}; N⁻¹ is polished by two Newton steps on GammaXL's normal distribution, so the strike
 * gives back the delta to a few ulps. Premium-adjusted deltas are solved for ln(K/F) by Brent's method. A
 * premium-adjusted put delta is monotone in the strike; a premium-adjusted call delta rises from 0 to a largest
 * value and falls back to 0, so two strikes share each delta below that largest value: the strike returned is the
 * one above the strike of the largest delta (the convention of the FX market), and a delta above the largest is a
 * DOMAIN error naming {@code delta} and the largest value.
 *
 * <p>A put's delta may be given with either sign (−0.25 or 0.25); a call's must be positive. Domain: spot, years and
 * vol &gt; 0, rates finite, |Δ| below e^{−qT} (spot) or 1 (forward).
 */
public final class StrikeFromDelta {
  private StrikeFromDelta() {
  }

  /** The strike whose delta under {@code convention} is {@code delta}. */
  public static double strike(OptionType type, double delta, double spot, double years, double vol, double rate,
      double yield, DeltaConvention convention) {
    Require.positive("spot", spot);
    Require.positive("years", years);
    Require.positive("vol", vol);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
    Require.finite("delta", delta);
    int phi = type.sign();
    double d = phi < 0 ? -Math.abs(delta) : delta;
    if (!(phi * d > 0)) {
      throw InvalidInputException.domain("delta", "a call's delta must be above 0, was " + delta);
    }
    double discount = convention.spot() ? Math.exp(-yield * years) : 1.0;
    double sd = vol * Math.sqrt(years);
    double forward = spot * Math.exp((rate - yield) * years);
    double target = phi * d / discount; // N(φd1) or (K/F)·N(φd2), in (0, 1)
    if (!convention.premiumAdjusted()) {
      if (!(target < 1)) {
        throw InvalidInputException.domain("delta", "|delta| must be below " + discount + ", was " + delta);
      }
      double d1 = phi * inverseCdf(target);
      return forward * Math.exp(-d1 * sd + 0.5 * sd * sd);
    }
    // premium adjusted: f(x) = e^x·N(φ·d2(x)), x = ln(K/F), d2 = (−x − σ²T/2)/σ√T
    java.util.function.DoubleUnaryOperator f = x -> Math.exp(x) * Normal.cdf(phi * (-x - 0.5 * sd * sd) / sd);
    double lo;
    double hi;
    if (phi > 0) {
      double peak = callPeak(sd);
      double largest = f.applyAsDouble(peak);
      if (!(target < largest)) {
        throw InvalidInputException.domain("delta", "above the largest premium-adjusted call delta "
            + largest * discount + " at these inputs");
      }
      lo = peak;
      hi = peak + sd;
      while (f.applyAsDouble(hi) > target) {
        hi += 2 * (hi - lo);
      }
    } else {
      if (!(target < Double.POSITIVE_INFINITY)) {
        throw InvalidInputException.domain("delta", "is not finite");
      }
      // −Δ = e^x·N(−d2) rises from 0 (low strikes) without bound: bracket around the forward
      lo = -sd;
      hi = sd;
      while (f.applyAsDouble(lo) > target) {
        lo -= 2 * (hi - lo);
      }
      while (f.applyAsDouble(hi) < target) {
        hi += 2 * (hi - lo);
      }
    }
    double x = new BrentSolver(1e-300, 1e-16, 1e-300).solve(1000, y -> f.applyAsDouble(y) - target, lo, hi);
    return forward * Math.exp(x);
  }

  /** ln(K/F) of the largest premium-adjusted call delta: where σ√T·N(d2) = n(d2). */
  private static double callPeak(double sd) {
    // negative at the left end (the density dominates the tail N(z) ≈ n(z)/|z| while |z| > σ√T), σ√T > 0 at the right
    double d2 = new BrentSolver(1e-300, 1e-15, 1e-300).solve(1000, z -> sd * Normal.cdf(z) - Normal.pdf(z),
        -10 - 2 * sd, 10);
    return -d2 * sd - 0.5 * sd * sd;
  }

  /**
   * N⁻¹(p) for p in (0, 1): commons-math3's erfcInv, polished by two Newton steps on {@link Normal#cdf} (on the
   * upper tail 1 − p, exact for p ≥ ½, so both tails keep their digits).
   */
  static double inverseCdf(double p) {
    if (p < 0.5) {
      double z = -Math.sqrt(2) * Erf.erfcInv(2 * p);
      for (int i = 0; i < 2 && Normal.pdf(z) > 0; i++) {
        z -= (Normal.cdf(z) - p) / Normal.pdf(z);
      }
      return z;
    }
    double q = 1 - p;
    double z = Math.sqrt(2) * Erf.erfcInv(2 * q);
    for (int i = 0; i < 2 && Normal.pdf(z) > 0; i++) {
      z += (Normal.cdf(-z) - q) / Normal.pdf(z);
    }
    return z;
  }
}
