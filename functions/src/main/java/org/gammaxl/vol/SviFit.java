package org.gammaxl.vol;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.gammaxl.InvalidInputException;

/**
 * Fits a raw {@link Svi} smile to the implied vols of one expiry by the quasi-explicit method (Zeliade Systems,
 * "Quasi-explicit calibration of Gatheral's SVI model", 2009): for a given (m, σ) the total variance
 * w = a + d·(k − m) + c·√((k − m)² + σ²) is linear in (a, c, d) = (a, b, ρb), so the best (a, b, ρ) within the bounds
 * b ≥ 0, |ρ| ≤ 1 and Lee's b·(1 + |ρ|) ≤ 2 is a small constrained least-squares problem solved exactly (the interior
 * solution or the best on a face or corner of the bounds); Nelder–Mead (commons-math3) searches the two remaining
 * parameters. The squares are of vol errors, to first order: each quote's variance error is weighted by
 * weight / (2·vol·T)².
 *
 * <p>Butterfly arbitrage (Gatheral's g(k) &lt; 0, {@link Svi#density}) is checked from the smallest to the largest
 * quoted log-moneyness and one unit of k beyond; when the best fit has some, the search is repeated with a penalty
 * on negative g, and if that still leaves arbitrage the fit is a DOMAIN error saying where (never a smile with
 * arbitrage reported as a fit).
 */
public final class SviFit {
  /** The fitted smile and the weighted root-mean-square vol error of the fit (decimal, 0.001 = 0.1 vol point). */
  public record Result(Svi svi, double rms) {
  }

  private final double[] k;
  private final double[] w;
  private final double[] weight;
  private final double years;
  private final double lowK;
  private final double highK;
  private double penalty;

  private SviFit(double[] k, double[] w, double[] weight, double years) {
    this.k = k;
    this.w = w;
    this.weight = weight;
    this.years = years;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : k) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    this.lowK = lo - 1;
    this.highK = hi + 1;
  }

  /**
   * The best raw SVI smile through the quotes.
   *
   * @param strikes strikes &gt; 0
   * @param vols implied vols &gt; 0, one per strike
   * @param forward the forward of the expiry
   * @param years time to expiry
   * @param weights one per quote, ≥ 0 and not all 0, or {@code null} for equal weights
   */
  public static Result fit(double[] strikes, double[] vols, double forward, double years, double[] weights) {
    if (!(forward > 0) || !Double.isFinite(forward)) {
      throw InvalidInputException.domain("forward", "must be > 0, was " + forward);
    }
    if (!(years > 0) || !Double.isFinite(years)) {
      throw InvalidInputException.domain("years", "must be > 0, was " + years);
    }
    int n = strikes.length;
    if (vols.length != n) {
      throw InvalidInputException.type("vols", "has " + vols.length + " cells but strikes has " + n);
    }
    if (weights != null && weights.length != n) {
      throw InvalidInputException.type("weights", "has " + weights.length + " cells but strikes has " + n);
    }
    if (n < 5) {
      throw InvalidInputException.notAvailable("strikes", "SVI has five parameters: give at least 5 quotes, not " + n);
    }
    double[] k = new double[n];
    double[] w = new double[n];
    double[] om = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (!(strikes[i] > 0)) {
        throw InvalidInputException.domain("strikes", "cell " + (i + 1) + " must be > 0, was " + strikes[i]);
      }
      if (!(vols[i] > 0)) {
        throw InvalidInputException.domain("vols", "cell " + (i + 1) + " must be > 0, was " + vols[i]);
      }
      double wi = weights == null ? 1 : weights[i];
      if (!(wi >= 0) || !Double.isFinite(wi)) {
        throw InvalidInputException.domain("weights", "cell " + (i + 1) + " must be >= 0, was " + wi);
      }
      k[i] = Math.log(strikes[i] / forward);
      w[i] = vols[i] * vols[i] * years;
      double scale = 2 * vols[i] * years;
      om[i] = wi / (scale * scale);
      total += wi;
    }
    if (!(total > 0)) {
      throw InvalidInputException.domain("weights", "are all 0");
    }
    SviFit f = new SviFit(k, w, om, years);
    double[] best = f.search(null);
    Svi svi = f.smile(best);
    double[] g = svi.smallestDensity(f.lowK, f.highK, 201);
    if (g[0] < 0) {
      f.penalty = 1e4;
      best = f.search(best);
      svi = f.smile(best);
      g = svi.smallestDensity(f.lowK, f.highK, 201);
      if (g[0] < -1e-10) {
        throw InvalidInputException.domain("vols", "no SVI smile without butterfly arbitrage fits these quotes:"
            + " the best has Gatheral's g(k) = " + g[0] + " < 0 at k = ln(K/F) = " + g[1]);
      }
    }
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double wi = weights == null ? 1 : weights[i];
      double e = Math.sqrt(svi.totalVariance(k[i]) / years) - vols[i];
      sse += wi * e * e;
    }
    return new Result(svi, Math.sqrt(sse / total));
  }

  /** Nelder–Mead over (m, ln σ); returns {m, σ}. */
  private double[] search(double[] start) {
    double m0;
    double s0;
    if (start != null) {
      m0 = start[0];
      s0 = start[1];
    } else {
      int low = 0;
      for (int i = 1; i < k.length; i++) {
        if (w[i] < w[low]) {
          low = i;
        }
      }
      m0 = k[low];
      s0 = Math.max(0.05, 0.25 * (highK - lowK - 2));
    }
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-14);
    PointValuePair best = null;
    for (double[] guess : new double[][] {{m0, Math.log(s0)}, {0.5 * m0, Math.log(2 * s0)}}) {
      PointValuePair p = optimizer.optimize(new MaxEval(4000), GoalType.MINIMIZE,
          new ObjectiveFunction(x -> objective(x[0], Math.exp(x[1]))), new InitialGuess(guess),
          new NelderMeadSimplex(new double[] {0.1, 0.5}));
      if (best == null || p.getValue() < best.getValue()) {
        best = p;
      }
    }
    return new double[] {best.getPoint()[0], Math.exp(best.getPoint()[1])};
  }

  private double objective(double m, double s) {
    double[] p = inner(m, s);
    double v = p[3];
    if (penalty > 0) {
      Svi svi = smileOf(p, m, s);
      for (int i = 0; i <= 40; i++) {
        double g = svi.density(lowK + (highK - lowK) * i / 40);
        if (g < 0) {
          v += penalty * g * g;
        }
      }
    }
    return v;
  }

  private Svi smile(double[] ms) {
    return smileOf(inner(ms[0], ms[1]), ms[0], ms[1]);
  }

  private static Svi smileOf(double[] p, double m, double s) {
    double c = p[1];
    double d = p[2];
    double b = Math.max(c, 0);
    double rho = b == 0 ? 0 : Math.max(-1 + 1e-12, Math.min(1 - 1e-12, d / b));
    b = Math.min(b, 2 / (1 + Math.abs(rho)));
    double a = Math.max(p[0], -b * s * Math.sqrt(1 - rho * rho));
    return Svi.of(a, b, rho, m, s);
  }

  /**
   * The best (a, c, d) for fixed (m, σ) within c ≥ 0, |d| ≤ c, c + |d| ≤ 2, and its weighted squared error:
   * {a, c, d, error}.
   */
  private double[] inner(double m, double s) {
    int n = k.length;
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = k[i] - m;
      z[i] = Math.sqrt(y[i] * y[i] + s * s);
    }
    double[] best = free(y, z);
    if (!(best[1] >= 0 && Math.abs(best[2]) <= best[1] && best[1] + Math.abs(best[2]) <= 2)) {
      best = null;
      // the faces of the bounds, each a line in (c, d): (c, d) = (c0, d0) + p·(dc, dd), p in [lo, hi]
      double[][] faces = {{0, 0, 1, 1, 0, 1}, {0, 0, 1, -1, 0, 1}, {2, 0, -1, 1, 0, 1}, {2, 0, -1, -1, 0, 1}};
      for (double[] f : faces) {
        double[] cand = line(y, z, f[0], f[1], f[2], f[3], f[4], f[5]);
        if (best == null || cand[3] < best[3]) {
          best = cand;
        }
      }
    }
    return best;
  }

  /** Unconstrained weighted least squares in (a, c, d). */
  private double[] free(double[] y, double[] z) {
    double s00 = 0, s01 = 0, s02 = 0, s11 = 0, s12 = 0, s22 = 0, r0 = 0, r1 = 0, r2 = 0;
    for (int i = 0; i < k.length; i++) {
      double o = weight[i];
      s00 += o;
      s01 += o * z[i];
      s02 += o * y[i];
      s11 += o * z[i] * z[i];
      s12 += o * z[i] * y[i];
      s22 += o * y[i] * y[i];
      r0 += o * w[i];
      r1 += o * z[i] * w[i];
      r2 += o * y[i] * w[i];
    }
    // Cramer's rule on the symmetric 3×3 normal equations for (a, c, d)
    double det = s00 * (s11 * s22 - s12 * s12) - s01 * (s01 * s22 - s12 * s02) + s02 * (s01 * s12 - s11 * s02);
    if (!(Math.abs(det) > 1e-300)) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
    }
    double a = (r0 * (s11 * s22 - s12 * s12) - s01 * (r1 * s22 - s12 * r2) + s02 * (r1 * s12 - s11 * r2)) / det;
    double c = (s00 * (r1 * s22 - s12 * r2) - r0 * (s01 * s22 - s12 * s02) + s02 * (s01 * r2 - r1 * s02)) / det;
    double d = (s00 * (s11 * r2 - r1 * s12) - s01 * (s01 * r2 - r1 * s02) + r0 * (s01 * s12 - s11 * s02)) / det;
    return new double[] {a, c, d, error(y, z, a, c, d)};
  }

  /** Least squares in (a, p) along (c, d) = (c0 + p·dc, d0 + p·dd), p clipped to [lo, hi]. */
  private double[] line(double[] y, double[] z, double c0, double d0, double dc, double dd, double lo, double hi) {
    double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
    for (int i = 0; i < k.length; i++) {
      double o = weight[i];
      double u = dc * z[i] + dd * y[i];
      double target = w[i] - c0 * z[i] - d0 * y[i];
      s00 += o;
      s01 += o * u;
      s11 += o * u * u;
      r0 += o * target;
      r1 += o * u * target;
    }
    double det = s00 * s11 - s01 * s01;
    double p = Math.abs(det) > 1e-300 ? (s00 * r1 - s01 * r0) / det : lo;
    p = Math.max(lo, Math.min(hi, p));
    double a = (r0 - p * s01) / s00;
    double c = c0 + p * dc;
    double d = d0 + p * dd;
    return new double[] {a, c, d, error(y, z, a, c, d)};
  }

  private double error(double[] y, double[] z, double a, double c, double d) {
    double e = 0;
    for (int i = 0; i < k.length; i++) {
      double r = a + c * z[i] + d * y[i] - w[i];
      e += weight[i] * r * r;
    }
    return e;
  }
}
