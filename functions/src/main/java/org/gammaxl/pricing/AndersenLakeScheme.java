package org.gammaxl.pricing;

/**
 * The discretisation of one Andersen–Lake–Offengenden solve, fixed once per scheme: how many Chebyshev nodes carry
 * the exercise boundary, how many quadrature points evaluate each integral, how many fixed-point iterations refine
 * the boundary. Every table here depends on the scheme only, never on the option, because every time in the method
 * scales with the expiry T: the nodes sit at τ_i = T·¼(1 + z_i)² for the Chebyshev–Lobatto points
 * z_i = −cos(iπ/n) (so the boundary is a polynomial in √τ), and an integral over a horizon τ is taken in the angle
 * θ ∈ [0, π/2] with elapsed time τ·sin²θ and remaining time τ·cos²θ, which makes both ends — where the integrand
 * behaves like √(elapsed) and the boundary like √(remaining) — smooth, so Gauss–Legendre converges spectrally.
 * The interpolation weights of the boundary at every quadrature point are tabulated here as well.
 */
final class AndersenLakeScheme {
  /** Boundary polynomial degree: n + 1 nodes, node 0 at τ = 0 where the boundary is known. */
  final int n;
  /** Gauss–Legendre points per fixed-point integral. */
  final int l;
  /** Fixed-point iterations after the QD+ start: the first a Jacobi–Newton step, the others plain. */
  final int iterations;
  /** Tanh–sinh steps per unit of the integral from the boundary to the price (step h = 1/p). */
  final int p;
  /** The number of tanh–sinh points of the price integral. */
  final int pricePoints;
  /** The node map: τ/T = (½(1 + z))^(2·power) for the Chebyshev coordinate z (1: the boundary in √τ). */
  final double power;
  /** Chebyshev–Lobatto points of the (inner) piece and of the outer piece (null: one piece). */
  private final double[] z;
  private final double[] zOuter;
  /** Nodes on the inner piece [0, split] of √(τ/T) (0: one piece). */
  final int inner;
  final double split;
  /** Whether the iterations are Newton steps with the exact Jacobian (else Jacobi–Newton, then plain). */
  final boolean newton;

  /** τ_i / T, i = 0..n. */
  final double[] nodeTime;
  /** sin θ_k and cos θ_k and the Gauss–Legendre weights (times π/4, the half-length of [0, π/2]), k = 0..l−1. */
  final double[] sin;
  final double[] cos;
  final double[] weight;
  /**
   * Per fixed-point point k, for a horizon τ: remaining time u = τ·cos²θ_k ({@code remainingFactor}), elapsed time
   * τ − u = τ·sin²θ_k ({@code elapsedFactor}, whose root is {@code rootElapsed}), and the weights of the two
   * integrals, du = τ·{@code cdfFactor}·dθ and du/√(τ − u) = √τ·{@code densityFactor}·dθ (Gauss–Legendre weight
   * included): every per-point constant of a solve but the scale, once per scheme.
   */
  final double[] remainingFactor;
  final double[] elapsedFactor;
  final double[] rootElapsed;
  final double[] cdfFactor;
  final double[] densityFactor;
  /** Interpolation weight of node j at the boundary time τ_i·cos²θ_k: [((i − 1)·l + k)·(n + 1) + j], i = 1..n. */
  final double[] interpolation;
  /**
   * The same three for the price integral and its interpolation weights at remaining time T·cos²θ_k. The price
   * integrand turns from 0 to its full size over an elapsed time of order (ln(S/B)/σ)², which for a spot near the
   * boundary is a sliver at θ = 0: tanh–sinh quadrature, whose points crowd double-exponentially into both ends,
   * resolves it where Gauss–Legendre would need hundreds of points.
   */
  final double[] priceSin;
  final double[] priceCos;
  final double[] priceWeight;
  final double[] priceInterpolation;
  /** The price integral's tanh–sinh nodes and weights on [−1, 1], for a price integral split in two pieces. */
  final double[] tanhSinhNode;
  final double[] tanhSinhWeight;
  /**
   * The scheme of the first Newton steps, on the same nodes with fewer quadrature points (null: none). From QD+,
   * about 1e-3 off, each step's result is limited by its start, not by its quadrature, until the last: on the
   * benchmark batch two steps on 8 points and a last one on 12 or 16 end within 5e-12 of the converged price, as
   * three steps on the full scheme do (at ten years and 5 % vol the long scheme's first steps need 10 points). The
   * last step on the full scheme may be a chord step ({@link #chords}): its start is the coarse quadrature's solution,
   * about 1e-6 off, and the coarse Jacobian, taken 1e-6 from the solution and differing from the full one by its
   * quadrature, contracts that error by some 1e-3 — within the price's 1e-8 at a third of a Newton step's cost.
   */
  final AndersenLakeScheme first;
  /**
   * How many of the last iterations are chord steps on the last Jacobian (of this scheme's own Newton steps, or
   * {@link #first}'s when there are none); {@link #chord}: any.
   */
  final int chords;
  final boolean chord;

  AndersenLakeScheme(int n, int l, int iterations, int p, boolean newton) {
    this(n, l, iterations, p, newton, 0, 0);
  }

  /**
   * With {@code firstIterations} &gt; 0, that many of the iterations (fewer than all) on {@code firstPoints}
   * quadrature points.
   */
  AndersenLakeScheme(int n, int l, int iterations, int p, boolean newton, int firstPoints, int firstIterations) {
    this(n, l, iterations, p, newton, firstPoints, firstIterations, 1.0);
  }

  AndersenLakeScheme(int n, int l, int iterations, int p, boolean newton, int firstPoints, int firstIterations,
      double power) {
    this(n, l, iterations, p, newton, firstPoints, firstIterations, power, 0, 0.0);
  }

  /**
   * With {@code inner} &gt; 0, two pieces: {@code inner} nodes on √(τ/T) ∈ [0, split] (Chebyshev in √τ) and the
   * other n − inner on [split, 1], Chebyshev in ln √τ.
   */
  AndersenLakeScheme(int n, int l, int iterations, int p, boolean newton, int firstPoints, int firstIterations,
      double power, int inner, double split) {
    this(n, l, iterations, p, newton, firstPoints, firstIterations, power, inner, split, true);
  }

  AndersenLakeScheme(int n, int l, int iterations, int p, boolean newton, int firstPoints, int firstIterations,
      double power, int inner, double split, boolean chord) {
    this(n, l, iterations - firstIterations, p, newton, power, inner, split, firstIterations > 0
        ? new AndersenLakeScheme(n, firstPoints, firstIterations, 2, newton, power, inner, split, null, 0) : null,
        chord && firstIterations > 0 ? iterations - firstIterations : 0);
    if (firstIterations >= iterations && firstIterations > 0) {
      throw new IllegalArgumentException("the last iteration runs on the full scheme");
    }
  }

  /**
   * A scheme whose solve starts from {@code first}'s (same nodes, fewer points; null: from QD+), then takes
   * {@code own} iterations, Newton steps but for the last {@code chords}, chord steps on the last Jacobian.
   */
  AndersenLakeScheme(int n, int l, int own, int p, boolean newton, double power, int inner, double split,
      AndersenLakeScheme first, int chords) {
    this.inner = inner;
    this.split = split;
    this.first = first;
    this.chords = chords;
    this.chord = chords > 0;
    if (chords > own || chords == own && first == null) {
      throw new IllegalArgumentException("a chord step needs a Jacobian before it");
    }
    if (first != null && first.n != n) {
      throw new IllegalArgumentException("the first scheme has the same nodes");
    }
    this.power = power;
    this.newton = newton;
    this.n = n;
    this.l = l;
    this.iterations = own + (first == null ? 0 : first.iterations);
    this.p = p;
    nodeTime = new double[n + 1];
    if (inner == 0) {
      z = lobatto(n);
      zOuter = null;
      for (int i = 0; i <= n; i++) {
        double root = rootTime(0.5 * (1 + z[i]));
        nodeTime[i] = root * root;
      }
    } else {
      z = lobatto(inner);
      zOuter = lobatto(n - inner);
      for (int i = 0; i <= inner; i++) {
        double root = split * 0.5 * (1 + z[i]);
        nodeTime[i] = root * root;
      }
      for (int i = 1; i <= n - inner; i++) {
        double root = i == n - inner ? 1.0 : Math.exp(Math.log(split) * 0.5 * (1 - zOuter[i]));
        nodeTime[inner + i] = root * root;
      }
    }
    double[][] gl = GaussLegendre.rule(l);
    sin = new double[l];
    cos = new double[l];
    weight = new double[l];
    angles(gl, sin, cos, weight);
    remainingFactor = new double[l];
    elapsedFactor = new double[l];
    rootElapsed = new double[l];
    cdfFactor = new double[l];
    densityFactor = new double[l];
    for (int k = 0; k < l; k++) {
      // remaining time u = τ·cos^(2p)θ (p = power: the boundary, a polynomial in u^(1/2p), is smooth in θ), elapsed
      // τ − u = τ·(1 − cos^(2p)θ); du = 2p·τ·cos^(2p−1)θ·sinθ·dθ, and du/√(τ − u) is smooth at θ = 0 as well
      double c2 = cos[k] * cos[k];
      double elapsed = power == 1 ? sin[k] * sin[k] : -Math.expm1(power * Math.log1p(-sin[k] * sin[k]));
      double dudTheta = 2 * power * Math.pow(cos[k], 2 * power - 1) * sin[k];
      remainingFactor[k] = power == 1 ? c2 : Math.pow(c2, power);
      elapsedFactor[k] = elapsed;
      rootElapsed[k] = Math.sqrt(elapsed);
      cdfFactor[k] = weight[k] * dudTheta;
      densityFactor[k] = weight[k] * dudTheta / Math.sqrt(elapsed);
    }
    interpolation = new double[n * l * (n + 1)];
    for (int i = 1; i <= n; i++) {
      double rootTime = Math.sqrt(nodeTime[i]);
      for (int k = 0; k < l; k++) {
        // remaining time τ_i·cos²θ as a Chebyshev coordinate
        weights(rootTime * Math.sqrt(remainingFactor[k]), interpolation, ((i - 1) * l + k) * (n + 1));
      }
    }
    double[][] ts = tanhSinh(p);
    tanhSinhNode = ts[0];
    tanhSinhWeight = ts[1];
    this.pricePoints = ts[0].length;
    priceSin = new double[pricePoints];
    priceCos = new double[pricePoints];
    priceWeight = new double[pricePoints];
    angles(ts, priceSin, priceCos, priceWeight);
    priceInterpolation = new double[pricePoints * (n + 1)];
    for (int k = 0; k < pricePoints; k++) {
      weights(priceCos[k], priceInterpolation, k * (n + 1));
    }
  }

  private static double[] lobatto(int n) {
    double[] z = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      z[i] = i == 0 ? -1.0 : i == n ? 1.0 : -Math.cos(i * Math.PI / n);
    }
    return z;
  }

  /** The interpolation weights of the n + 1 nodes at √(τ/T) = {@code root}, into {@code out[at..at + n]}. */
  void weights(double root, double[] out, int at) {
    if (inner == 0) {
      cardinal(z, 2 * coordinate(root) - 1, out, at);
      return;
    }
    java.util.Arrays.fill(out, at, at + n + 1, 0.0);
    if (root <= split) {
      cardinal(z, 2 * root / split - 1, out, at);
    } else {
      cardinal(zOuter, 1 - 2 * Math.log(root) / Math.log(split), out, at + inner);
    }
  }

  /** √(τ/T) at y = ½(1 + z) ∈ [0, 1] (one piece): y^power. */
  double rootTime(double y) {
    return power == 1 ? y : Math.pow(y, power);
  }

  /** The inverse of {@link #rootTime}. */
  double coordinate(double rootTime) {
    return power == 1 ? rootTime : Math.pow(rootTime, 1 / power);
  }

  /** Maps Gauss–Legendre nodes on [−1, 1] to angles on [0, π/2]. */
  private static void angles(double[][] gl, double[] sin, double[] cos, double[] weight) {
    for (int k = 0; k < sin.length; k++) {
      double theta = 0.25 * Math.PI * (1 + gl[0][k]);
      sin[k] = Math.sin(theta);
      cos[k] = Math.cos(theta);
      weight[k] = 0.25 * Math.PI * gl[1][k];
    }
  }

  /**
   * The Lagrange cardinal functions of the Chebyshev–Lobatto points {@code z} at {@code x}, by the barycentric formula
   * (weights (−1)^j, halved at the two ends), into {@code out[at..at + n]}.
   */
  static void cardinal(double[] z, double x, double[] out, int at) {
    int n = z.length - 1;
    for (int j = 0; j <= n; j++) {
      if (x == z[j]) {
        for (int i = 0; i <= n; i++) {
          out[at + i] = i == j ? 1.0 : 0.0;
        }
        return;
      }
    }
    double sum = 0;
    for (int j = 0; j <= n; j++) {
      double w = ((j & 1) == 0 ? 1.0 : -1.0) * (j == 0 || j == n ? 0.5 : 1.0) / (x - z[j]);
      out[at + j] = w;
      sum += w;
    }
    for (int j = 0; j <= n; j++) {
      out[at + j] /= sum;
    }
  }

  /**
   * Tanh–sinh nodes [0] and weights [1] on [−1, 1] with step h = 1/perUnit: x_k = tanh(½π·sinh(kh)),
   * w_k = h·½π·cosh(kh)/cosh²(½π·sinh(kh)), for every k whose weight exceeds 1e-16 and whose node is not ±1.
   */
  static double[][] tanhSinh(int perUnit) {
    double h = 1.0 / perUnit;
    java.util.List<double[]> points = new java.util.ArrayList<>();
    for (int k = -20 * perUnit; k <= 20 * perUnit; k++) {
      double t = k * h;
      double u = 0.5 * Math.PI * Math.sinh(t);
      double x = Math.tanh(u);
      double c = Math.cosh(u);
      double w = h * 0.5 * Math.PI * Math.cosh(t) / (c * c);
      if (w > 1e-16 && Math.abs(x) < 1) {
        points.add(new double[] {x, w});
      }
    }
    double[][] out = new double[2][points.size()];
    for (int i = 0; i < points.size(); i++) {
      out[0][i] = points.get(i)[0];
      out[1][i] = points.get(i)[1];
    }
    return out;
  }
}
