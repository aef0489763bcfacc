package org.gammaxl.exposure;

import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.Exponential;

/**
 * Total gamma exposure as a function of a hypothetical spot S, each option keeping its implied vol, years to
 * expiry and position: the curve whose zero is the gamma flip. Made by {@link GammaExposure#profile()}.
 *
 * <p><b>Shared work.</b> The Black–Scholes–Merton gamma of option i is e^{−qT}·n(d1)/(S·σ√T) with
 * d1 = (ln S − ln K + (r − q)T)/(σ√T) + σ√T/2. Everything but ln S is fixed per option, so the constructor
 * keeps, per option, ln K, 1/(σ√T), (r − q)T/(σ√T) + σ√T/2 and the weight P·M·e^{−qT}/(σ√T·√(2π)); a spot then
 * costs one logarithm, and each option one subtraction, one fused multiply-add and one exponential:
 * total(S) = scale(S)/S · Σ w_i·exp(−d1_i²/2), scale(S) = S²·0.01, S or 1 by {@link ExposureUnit}. The values
 * agree with {@link GammaExposure#gex(double)} (the pricer's gamma per option) to rounding, about 1e−14
 * relative on a realistic chain ({@code GammaProfileTest}). Terms with d1² &gt; 1400 (below e^{−700} of
 * their weight) count as 0.
 *
 * <p><b>Gamma flip.</b> {@link #flip} evaluates the curve on the grid, finds the grid intervals where it
 * changes sign, takes the one whose linear-interpolation root lies nearest the current spot, and refines that
 * root with Brent's method on the exact curve inside the interval, to 1e−12 relative.
 */
public final class GammaProfile {
  private static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684758586311649;
  /** exp(−d²/2) below e^{−700}: counted as 0 (Exponential.exp leaves its fast range beyond |z| = 708). */
  private static final double CUTOFF = 1400;

  private final double[] logStrike;
  private final double[] invSd;
  private final double[] shift;
  private final double[] weight;
  private final ExposureUnit unit;

  GammaProfile(OptionChain chain, double rate, double yield, double multiplier, ExposureUnit unit) {
    int n = chain.size();
    this.unit = unit;
    logStrike = new double[n];
    invSd = new double[n];
    shift = new double[n];
    weight = new double[n];
    double b = rate - yield;
    for (int i = 0; i < n; i++) {
      double t = chain.years(i);
      double sd = chain.vol(i) * Math.sqrt(t);
      double inv = 1 / sd;
      logStrike[i] = Math.log(chain.strike(i));
      invSd[i] = inv;
      shift[i] = b * t * inv + 0.5 * sd;
      weight[i] = chain.position(i) * multiplier * Math.exp(-yield * t) * inv * INV_SQRT_2PI;
    }
  }

  /** Total gamma exposure at a hypothetical {@code spot}, in the exposure's unit. */
  public double at(double spot) {
    Require.positive("spot", spot);
    return unit.gammaScale(spot) / spot * densitySum(Math.log(spot));
  }

  /** Σ w_i·exp(−d1_i²/2) at ln S = {@code logSpot}: the total divided by the positive factor scale(S)/S. */
  private double densitySum(double logSpot) {
    double[] lk = logStrike;
    double[] inv = invSd;
    double[] h = shift;
    double[] w = weight;
    double sum = 0;
    for (int i = 0; i < lk.length; i++) {
      double d = Math.fma(logSpot - lk[i], inv[i], h[i]);
      double z = d * d;
      // a select, not a branch: far-wing terms are 0 without leaving Exponential's fast range
      double e = Exponential.exp(-0.5 * Math.min(z, CUTOFF));
      sum += w[i] * (z < CUTOFF ? e : 0.0);
    }
    return sum;
  }

  /**
   * The spots of a grid of {@code steps} points from {@code low} to {@code high}, both included:
   * low + j·(high − low)/(steps − 1), the last point exactly {@code high}.
   *
   * @throws InvalidInputException DOMAIN unless 0 &lt; low &lt; high and steps ≥ 2
   */
  public static double[] grid(double low, double high, int steps) {
    Require.positive("low", low);
    Require.positive("high", high);
    if (!(high > low)) {
      throw InvalidInputException.domain("high", "must be above low (" + low + "), was " + high);
    }
    if (steps < 2 || steps > 1_000_000) {
      throw InvalidInputException.domain("steps", "must be a whole number from 2 to 1000000, was " + steps);
    }
    double[] x = new double[steps];
    double step = (high - low) / (steps - 1);
    for (int j = 0; j < steps - 1; j++) {
      x[j] = low + j * step;
    }
    x[steps - 1] = high;
    return x;
  }

  /** Total gamma exposure at each spot of {@link #grid}, one value per spot. */
  public double[] over(double[] spots) {
    double[] y = new double[spots.length];
    for (int j = 0; j < spots.length; j++) {
      y[j] = at(spots[j]);
    }
    return y;
  }

  /**
   * The gamma flip: the spot in [low, high] where the total gamma exposure changes sign, found on a grid of
   * {@code steps} points (see the class comment); when the curve changes sign more than once, the crossing
   * nearest {@code spot}. Empty when it does not change sign on the grid.
   *
   * @param spot the current spot, which picks among several crossings
   */
  public OptionalDouble flip(double spot, double low, double high, int steps) {
    Require.positive("spot", spot);
    double[] x = grid(low, high, steps);
    int n = x.length;
    double[] f = new double[n];
    for (int j = 0; j < n; j++) {
      f[j] = densitySum(Math.log(x[j]));
    }
    // crossings in ascending order: a grid point where the curve is exactly 0 beside a non-zero value, or an
    // interval whose ends have opposite signs (with its linear-interpolation root)
    double best = Double.NaN;
    int bracket = -1;
    for (int j = 0; j < n; j++) {
      if (f[j] == 0 && (j > 0 && f[j - 1] != 0 || j + 1 < n && f[j + 1] != 0)
          && (Double.isNaN(best) || Math.abs(x[j] - spot) < Math.abs(best - spot))) {
        best = x[j];
        bracket = -1;
      }
      if (j + 1 < n && f[j] != 0 && f[j + 1] != 0 && (f[j] < 0) != (f[j + 1] < 0)) {
        double guess = x[j] + (x[j + 1] - x[j]) * (f[j] / (f[j] - f[j + 1]));
        if (Double.isNaN(best) || Math.abs(guess - spot) < Math.abs(best - spot)) {
          best = guess;
          bracket = j;
        }
      }
    }
    if (Double.isNaN(best)) {
      return OptionalDouble.empty();
    }
    if (bracket < 0) {
      return OptionalDouble.of(best);
    }
    double a = x[bracket];
    double b = x[bracket + 1];
    BrentSolver solver = new BrentSolver(1e-13, 1e-13 * b, 0);
    return OptionalDouble.of(solver.solve(200, s -> densitySum(Math.log(s)), a, b, Math.min(Math.max(best, a), b)));
  }
}
