package org.gammaxl.pricing;

/**
 * The standard bivariate normal distribution function
 * M(a, b; ρ) = P(X ≤ a, Y ≤ b) for standard normal X, Y with correlation ρ.
 *
 * <p>Algorithm: Drezner–Wesolowsky (1990) as refined by Genz (2004, "Numerical computation of
 * rectangular bivariate and trivariate normal and t probabilities", Statistics and Computing 14):
 * Gauss–Legendre quadrature of Plackett's identity with 6, 12 or 20 nodes by |ρ| (below 0.3, 0.75,
 * 0.925) and, for |ρ| ≥ 0.925, an asymptotic expansion of the singular part plus quadrature of
 * the remainder. Absolute accuracy about 1e-15 over the whole domain; ρ = ±1 is exact.
 *
 * <p>{@link FixedCorrelation} is the same quadrature for one correlation used over and over (the
 * Bjerksund–Stensland 2002 approximation needs only ρ = ±√(t₁/T)), with the sines and quotients
 * of the nodes precomputed, so that each value costs one exponential per node.
 */
public final class BivariateNormal {
  private static final double TWO_PI = 2.0 * Math.PI;
  private static final double[][][] RULES = {GaussLegendre.rule(6), GaussLegendre.rule(12), GaussLegendre.rule(20)};
  private static final double[][] NODES = {RULES[0][0], RULES[1][0], RULES[2][0]};
  private static final double[][] WEIGHTS = {RULES[0][1], RULES[1][1], RULES[2][1]};

  private BivariateNormal() {
  }

  /**
   * M(a, b; ρ) = P(X ≤ a, Y ≤ b).
   *
   * @param a upper limit for X; ±∞ allowed
   * @param b upper limit for Y; ±∞ allowed
   * @param rho correlation in [−1, 1]
   * @throws IllegalArgumentException if an argument is NaN or ρ is outside [−1, 1]
   */
  public static double cdf(double a, double b, double rho) {
    if (Double.isNaN(a) || Double.isNaN(b) || !(rho >= -1.0 && rho <= 1.0)) {
      throw new IllegalArgumentException("bivariate normal needs a, b not NaN and rho in [-1, 1]: a=" + a
          + ", b=" + b + ", rho=" + rho);
    }
    if (a == Double.NEGATIVE_INFINITY || b == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    if (a == Double.POSITIVE_INFINITY) {
      return Normal.cdf(b);
    }
    if (b == Double.POSITIVE_INFINITY) {
      return Normal.cdf(a);
    }
    return upperOrthant(-a, -b, rho);
  }

  /** Genz's BVND: P(X &gt; h, Y &gt; k) with correlation r. */
  private static double upperOrthant(double h, double k, double r) {
    double absR = Math.abs(r);
    int set = absR < 0.3 ? 0 : absR < 0.75 ? 1 : 2;
    double[] x = NODES[set];
    double[] w = WEIGHTS[set];
    double hk = h * k;
    double bvn = 0.0;
    if (absR < 0.925) {
      double hs = (h * h + k * k) / 2.0;
      double asr = Math.asin(r);
      for (int i = 0; i < x.length; i++) {
        double sn = Math.sin(asr * (x[i] + 1.0) / 2.0);
        bvn += w[i] * Math.exp((sn * hk - hs) / (1.0 - sn * sn));
      }
      return bvn * asr / (2.0 * TWO_PI) + Normal.cdf(-h) * Normal.cdf(-k);
    }
    if (r < 0) {
      k = -k;
      hk = -hk;
    }
    if (absR < 1.0) {
      double as = (1.0 - r) * (1.0 + r);
      double a = Math.sqrt(as);
      double bs = (h - k) * (h - k);
      double c = (4.0 - hk) / 8.0;
      double d = (12.0 - hk) / 16.0;
      bvn = a * Math.exp(-(bs / as + hk) / 2.0)
          * (1.0 - c * (bs - as) * (1.0 - d * bs / 5.0) / 3.0 + c * d * as * as / 5.0);
      if (hk > -160.0) {
        double b = Math.sqrt(bs);
        bvn -= Math.exp(-hk / 2.0) * Math.sqrt(TWO_PI) * Normal.cdf(-b / a) * b
            * (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0);
      }
      a /= 2.0;
      for (int i = 0; i < x.length; i++) {
        double xs = a * (x[i] + 1.0);
        xs *= xs;
        double rs = Math.sqrt(1.0 - xs);
        bvn += a * w[i] * (Math.exp(-bs / (2.0 * xs) - hk / (1.0 + rs)) / rs
            - Math.exp(-(bs / xs + hk) / 2.0) * (1.0 + c * xs * (1.0 + d * xs)));
      }
      bvn = -bvn / TWO_PI;
    }
    if (r > 0) {
      return Math.max(0.0, bvn + Normal.cdf(-Math.max(h, k)));
    }
    bvn = -bvn;
    if (k > h) {
      bvn += h < 0 ? Normal.cdf(k) - Normal.cdf(h)
          : Normal.cdf(-h) - Normal.cdf(-k);
    }
    return Math.max(0.0, bvn);
  }

  /**
   * M(a, b; ρ) for one fixed correlation |ρ| &lt; 0.925, where Genz's form is a single quadrature of
   * Plackett's identity: M(a, b; ρ) = N(a)·N(b) + (1/2π)∫₀^{asin ρ} exp(−(a² − 2ab·sin θ + b²)/(2cos²θ)) dθ.
   * The n-node Gauss–Legendre rule is applied in θ with sin θᵢ, 1/cos²θᵢ and the weights computed
   * once, so each value costs n exponentials; the caller supplies N(a) and N(b), which it usually
   * needs for other terms anyway. Immutable.
   */
  static final class FixedCorrelation {
    private final double rho;
    private final double[] slope;
    private final double[] curvature;
    private final double[] weight;

    /**
     * @param rho the correlation, |ρ| &lt; 0.925
     * @param nodes the number of Gauss–Legendre nodes (Genz uses 6, 12 and 20 by |ρ|; choose the
     *     count for the accuracy needed at this ρ)
     */
    FixedCorrelation(double rho, int nodes) {
      if (!(Math.abs(rho) < 0.925)) {
        throw new IllegalArgumentException("fixed-correlation quadrature needs |rho| < 0.925, was " + rho);
      }
      this.rho = rho;
      double[][] rule = GaussLegendre.rule(nodes);
      double asr = Math.asin(rho);
      slope = new double[nodes];
      curvature = new double[nodes];
      weight = new double[nodes];
      for (int i = 0; i < nodes; i++) {
        double sn = Math.sin(asr * (rule[0][i] + 1.0) / 2.0);
        curvature[i] = 1.0 / (1.0 - sn * sn);
        slope[i] = sn * curvature[i];
        weight[i] = rule[1][i] * asr / (2.0 * TWO_PI);
      }
    }

    /** The correlation ρ. */
    double rho() {
      return rho;
    }

    /**
     * M(a, b; ρ) for finite a and b, given N(a) and N(b).
     *
     * @param cdfA N(a)
     * @param cdfB N(b)
     */
    double cdf(double a, double b, double cdfA, double cdfB) {
      double ab = a * b;
      double half = (a * a + b * b) / 2.0;
      double sum = 0.0;
      for (int i = 0; i < slope.length; i++) {
        sum += weight[i] * Math.exp(slope[i] * ab - curvature[i] * half);
      }
      return sum + cdfA * cdfB;
    }
  }
}
