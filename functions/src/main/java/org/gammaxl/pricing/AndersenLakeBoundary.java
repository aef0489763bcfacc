package org.gammaxl.pricing;

/**
 * The early-exercise boundary of an American put with strike 1, solved by the fixed-point method of Andersen, Lake
 * and Offengenden ("High-performance American option pricing", Journal of Computational Finance 20(1), 2016), for a
 * rate r &gt; 0 (the single-boundary case), any yield q, volatility σ &gt; 0 and expiry T &gt; 0.
 *
 * <p>The boundary b(τ), τ the time left to expiry, starts at b(0⁺) = X = min(1, r/q) (1 when q ≤ 0) and falls with τ.
 * It is carried as H(τ) = ln²(b(τ)/X), a polynomial in √τ through the Chebyshev nodes of {@link AndersenLakeScheme};
 * the unknowns are the node values s_i = √H(τ_i) = ln(X/b(τ_i)). The start is the QD+ approximation
 * ({@link QdPlusBoundary}). Each iteration applies, at every node, the smooth-pasting form of the boundary equation
 * (Andersen–Lake–Offengenden's FP-A):
 * b(τ) = e^{−(r−q)τ}·N(τ, b)/D(τ, b) with
 * N = φ(d₋(τ, b))/(σ√τ) + r∫₀^τ e^{ru}·φ(d₋(τ − u, b(τ)/b(u)))/(σ√(τ − u)) du and
 * D = φ(d₊(τ, b))/(σ√τ) + Φ(d₊(τ, b)) + q∫₀^τ e^{qu}·[Φ(d₊(τ − u, b(τ)/b(u))) + φ(d₊(…))/(σ√(τ − u))] du,
 * d±(t, z) = (ln z + (r − q)t)/(σ√t) ± ½σ√t; the first iteration is a Jacobi–Newton step on it, the others plain.
 *
 * <p>{@link #tangent} differentiates the converged boundary with respect to σ, r and q: the boundary equation
 * R_i(s, θ) = ln X − s_i − ln f_i(s, θ) = 0 is linearised exactly (including how every quadrature point's boundary
 * depends on every node through the interpolation) and the n × n system solved, which is what gives the American
 * vega, rho and phi without revaluing the option.
 */
final class AndersenLakeBoundary {
  final AndersenLakeScheme scheme;
  final double r;
  final double q;
  final double vol;
  final double years;
  /** ln X, X = b(0⁺). */
  final double logX;
  /** s_i = ln(X / b(τ_i)), i = 0..n (s_0 = 0). */
  final double[] s;
  /** ∂s_i/∂σ, ∂s_i/∂r, ∂s_i/∂q after {@link #tangent}. */
  final double[] dsVol;
  final double[] dsRate;
  final double[] dsYield;
  /** ∂ln X/∂r and ∂ln X/∂q. */
  final double dLogXRate;
  final double dLogXYield;

  /** s_i², what the interpolation of H = s² reads. */
  private final double[] sq;
  // per (node i ≥ 1, point k), index (i − 1)·l + k
  private final double[] sdev;
  private final double[] inverseSdev;
  private final double[] drift;
  /** r·u: e^{ru}·φ(d₋) is taken as one exponential, e^{ru − d₋²/2}/√(2π). */
  private final double[] rateExponent;
  private final double[] yieldGrowth;
  private final double[] densityWeight;
  private final double[] cdfWeight;
  private final double[] remaining;
  /**
   * A chord step follows the first scheme's solve only when that solve's last Newton step moved no node value by more
   * than this: then its Jacobian is within about that much of the converged one and the chord step contracts by as
   * much; otherwise (a solve still far from converging, as at vols of a few 1e-4) Newton steps follow.
   */
  private static final double CHORD_AFTER = 1e-3;
  /** The largest |change| of a node value in the last step (infinite before any). */
  private double lastStep = Double.POSITIVE_INFINITY;
  /** The LU factors (and pivots) of the last Newton step's Jacobian (or the first scheme's), for chord steps. */
  private double[] factors;
  private int[] pivots;

  AndersenLakeBoundary(AndersenLakeScheme scheme, double r, double q, double vol, double years) {
    this(scheme, r, q, vol, years, null, 0.0, null, scheme.iterations);
  }

  /**
   * Solves the boundary; with {@code start} (node values s of a nearby solve) and {@code startSlope} (their
   * derivative in vol, times {@code shift} = this vol minus the nearby one) it starts from that Taylor step instead
   * of the QD+ approximation; then {@code iterations} fixed-point iterations.
   */
  AndersenLakeBoundary(AndersenLakeScheme scheme, double r, double q, double vol, double years, double[] start,
      double shift, double[] startSlope, int iterations) {
    this.scheme = scheme;
    this.r = r;
    this.q = q;
    this.vol = vol;
    this.years = years;
    boolean capped = q > r;
    this.logX = capped ? Math.log(r / q) : 0.0;
    this.dLogXRate = capped ? 1 / r : 0.0;
    this.dLogXYield = capped ? -1 / q : 0.0;
    int n = scheme.n;
    int l = scheme.l;
    s = new double[n + 1];
    dsVol = new double[n + 1];
    dsRate = new double[n + 1];
    dsYield = new double[n + 1];
    sq = new double[n + 1];
    sdev = new double[n * l];
    inverseSdev = new double[n * l];
    drift = new double[n * l];
    rateExponent = new double[n * l];
    yieldGrowth = new double[n * l];
    densityWeight = new double[n * l];
    cdfWeight = new double[n * l];
    remaining = new double[n * l];
    for (int i = 1; i <= n; i++) {
      double tau = years * scheme.nodeTime[i];
      double rootTau = Math.sqrt(tau);
      for (int k = 0; k < l; k++) {
        int at = (i - 1) * l + k;
        double m = tau * scheme.elapsedFactor[k]; // horizon τ − u
        double u = tau * scheme.remainingFactor[k];
        remaining[at] = u;
        sdev[at] = vol * rootTau * scheme.rootElapsed[k];
        inverseSdev[at] = 1 / sdev[at];
        drift[at] = (r - q) * m;
        rateExponent[at] = r * u;
        yieldGrowth[at] = Exponential.exp(q * u);
        densityWeight[at] = scheme.densityFactor[k] * rootTau / vol;
        cdfWeight[at] = scheme.cdfFactor[k] * tau;
      }
    }
    if (start == null && scheme.first != null && iterations >= scheme.first.iterations) {
      AndersenLakeBoundary coarse = new AndersenLakeBoundary(scheme.first, r, q, vol, years);
      System.arraycopy(coarse.s, 1, s, 1, n);
      iterations -= scheme.first.iterations;
      if (coarse.lastStep <= CHORD_AFTER) {
        factors = coarse.factors;
        pivots = coarse.pivots;
      }
    } else if (start == null) {
      // node by node along τ, each QD+ solve started from the line in √τ through the two previous nodes' s
      double x = Math.exp(logX);
      for (int i = 1; i <= n; i++) {
        double guess = 0.0;
        if (i >= 2) {
          double z0 = Math.sqrt(scheme.nodeTime[i - 2]);
          double z1 = Math.sqrt(scheme.nodeTime[i - 1]);
          guess = s[i - 1] + (s[i - 1] - s[i - 2]) * (Math.sqrt(scheme.nodeTime[i]) - z1) / (z1 - z0);
        }
        double from = x * Exponential.exp(-Math.max(guess, 0.0));
        double b = QdPlusBoundary.put(1.0, r, q, vol, years * scheme.nodeTime[i], x, from);
        s[i] = Math.max(0.0, logX - Logarithm.log(b));
      }
    } else {
      for (int i = 1; i <= n; i++) {
        s[i] = Math.max(0.0, start[i] + shift * startSlope[i]);
      }
    }
    squares();
    if (scheme.newton) {
      // Newton steps with the exact Jacobian (chord steps on the Jacobian at the QD+ start converge too slowly), the
      // last chord steps on the last Jacobian (the first scheme's when this one takes no Newton step)
      double[] jacobian = new double[n * n];
      int[] order = new int[n];
      double[] rhs = new double[4 * n];
      // the scheme's own iterations: Newton steps, then its chord steps; any beyond them Newton steps again
      int own = scheme.iterations - (scheme.first == null ? 0 : scheme.first.iterations);
      int newtonSteps = own - scheme.chords;
      for (int iteration = 0; iteration < iterations; iteration++) {
        boolean chord = iteration >= newtonSteps && iteration < own && factors != null;
        if (chord) {
          residual(rhs);
          substitute(factors, pivots, rhs, n, 0, 1);
          chord = largest(rhs, n) <= CHORD_LIMIT;
        }
        if (chord) {
          step(rhs);
        } else {
          newtonStep(jacobian, order, rhs);
        }
      }
    } else {
      iterate(iterations);
    }
  }

  /**
   * A solve whose last step still moved a node value by more than this has not converged: its start was too far for
   * the scheme's steps (as for a boundary at the strike at small vols and short expiries, where the first steps'
   * coarse quadrature ends 1e-4 away and one chord step leaves 7e-6 on the price).
   */
  static final double CONVERGED_STEP = 1e-5;
  /**
   * A chord step that would move a node value by more than this is refused for a Newton step: from the coarse
   * solution, about 1e-6 off, it should move by about that much; a larger move means the coarse Jacobian does not
   * describe the full scheme there (seen at small vols and short expiries: a chord step of 1.08).
   */
  private static final double CHORD_LIMIT = 1e-4;

  private static double largest(double[] delta, int n) {
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(delta[i]));
    }
    return largest;
  }

  /**
   * Newton steps on this scheme's full quadrature while the last step moved a node value by more than
   * {@link #CONVERGED_STEP} (at most four); whether any was taken. Only a solve that ends in chord steps is checked:
   * a Newton solve's steps are its own (FAST's last Newton step normally moves more than 1e-5), and a Jacobi–Newton
   * scheme is left as it is.
   */
  boolean converge() {
    if (!scheme.newton || !scheme.chord) {
      return false;
    }
    int n = scheme.n;
    boolean stepped = false;
    for (int extra = 0; extra < 4 && lastStep > CONVERGED_STEP; extra++) {
      newtonStep(new double[n * n], new int[n], new double[4 * n]);
      stepped = true;
    }
    return stepped;
  }

  /** One Newton step with the exact Jacobian, whose factors the next chord steps reuse; scratch arrays given. */
  private void newtonStep(double[] jacobian, int[] order, double[] rhs) {
    int n = scheme.n;
    linearise(jacobian, rhs, false);
    factor(jacobian, order, n);
    substitute(jacobian, order, rhs, n, 0, 1);
    factors = jacobian;
    pivots = order;
    step(rhs);
  }

  /** −R_i = −(ln X − s_i − ln f_i) into {@code rhs[0..n)}, without the Jacobian: the fixed-point map's N and D. */
  private void residual(double[] rhs) {
    double[] nd = new double[3];
    for (int i = 1; i <= scheme.n; i++) {
      map(i, nd);
      double tau = years * scheme.nodeTime[i];
      rhs[i - 1] = -(logX - s[i] - (-(r - q) * tau + Math.log(nd[0]) - Math.log(nd[1])));
    }
  }

  /** The fixed-point iteration of Andersen–Lake–Offengenden: a Jacobi–Newton step, then plain steps. */
  private void iterate(int iterations) {
    int n = scheme.n;
    double[] next = new double[n + 1];
    double[] nd = new double[3];
    for (int iteration = 0; iteration < iterations; iteration++) {
      boolean jacobiNewton = iteration == 0;
      for (int i = 1; i <= n; i++) {
        double b = Math.exp(logX - s[i]);
        double f = map(i, nd);
        double value = f;
        if (jacobiNewton) {
          value = b - (f - b) / (nd[2] - 1);
          if (!(value > 0)) {
            value = f;
          }
        }
        next[i] = Math.abs(logX - Math.log(value));
      }
      System.arraycopy(next, 1, s, 1, n);
      squares();
    }
  }

  /**
   * e^{ru}·φ(d) as one exponential of {@code ru} − d²/2 (within a few 1e-15 relative where it matters: the rounding of
   * d²/2 is all it adds to the exponential's).
   */
  private static double rateDensity(double ru, double d) {
    return INV_SQRT_2PI * Exponential.exp(ru - 0.5 * d * d);
  }

  private static final double INV_SQRT_2PI = 0.3989422804014326779399460599343819;

  /** {@link #sq} from s, after every change of s. */
  private void squares() {
    for (int j = 0; j <= scheme.n; j++) {
      sq[j] = s[j] * s[j];
    }
  }

  /** √H at boundary time given by interpolation weights {@code w} from {@code at}. */
  private double rootH(double[] w, int at) {
    // four partial sums: the additions do not wait for one another
    int n = scheme.n;
    double h0 = 0;
    double h1 = 0;
    double h2 = 0;
    double h3 = 0;
    int j = 1;
    for (; j + 3 <= n; j += 4) {
      h0 += w[at + j] * sq[j];
      h1 += w[at + j + 1] * sq[j + 1];
      h2 += w[at + j + 2] * sq[j + 2];
      h3 += w[at + j + 3] * sq[j + 3];
    }
    for (; j <= n; j++) {
      h0 += w[at + j] * sq[j];
    }
    double h = (h0 + h1) + (h2 + h3);
    return Math.sqrt(Math.max(h, 0.0));
  }

  /**
   * The fixed-point map at node i: returns f = e^{−(r−q)τ}·N/D and sets {@code nd} to {N, D, ∂f/∂b} (the
   * derivative through the non-integral terms, for the Jacobi–Newton step).
   */
  private double map(int i, double[] nd) {
    int n = scheme.n;
    int l = scheme.l;
    double tau = years * scheme.nodeTime[i];
    double v = vol * Math.sqrt(tau);
    double logB = logX - s[i];
    double aPlus = (logB + (r - q) * tau) / v + 0.5 * v;
    double aMinus = aPlus - v;
    double k3 = 0;
    double k12 = 0;
    for (int k = 0; k < l; k++) {
      int at = (i - 1) * l + k;
      double logZ = rootH(scheme.interpolation, at * (n + 1)) - s[i];
      double sd = sdev[at];
      double dPlus = (logZ + drift[at]) * inverseSdev[at] + 0.5 * sd;
      double dMinus = dPlus - sd;
      double pPlus = Normal.pdf(dPlus);
      double cPlus = Normal.cdf(dPlus, pPlus);
      k3 += densityWeight[at] * rateDensity(rateExponent[at], dMinus);
      k12 += yieldGrowth[at] * (cdfWeight[at] * cPlus + densityWeight[at] * pPlus);
    }
    double pa = Normal.pdf(aPlus);
    double pm = Normal.pdf(aMinus);
    double numerator = pm / v + r * k3;
    double denominator = pa / v + Normal.cdf(aPlus, pa) + q * k12;
    double carry = Math.exp(-(r - q) * tau);
    double f = carry * numerator / denominator;
    double b = Math.exp(logB);
    double dn = -pm * aMinus / (b * v * v);
    double dd = -pa * aPlus / (b * v * v) + pa / (b * v);
    nd[0] = numerator;
    nd[1] = denominator;
    nd[2] = carry * (dn / denominator - dd * numerator / (denominator * denominator));
    return f;
  }

  /** The boundary's ln(b/X) at remaining time T·cos²θ_k of the price integral: −√H there. */
  double priceLogRatio(int k) {
    return -rootH(scheme.priceInterpolation, k * (scheme.n + 1));
  }

  /** ln(b/X) at the point whose interpolation weights are {@code w[at..at + n]}. */
  double logRatioAt(double[] w, int at) {
    return -rootH(w, at);
  }

  /**
   * ∂(ln b)/∂σ, ∂(ln b)/∂r and ∂(ln b)/∂q at the price integral's point k into {@code out[0..2]}, after
   * {@link #tangent} (or the other solves that set it).
   */
  void priceLogSlopes(int k, double[] out) {
    logSlopesAt(scheme.priceInterpolation, k * (scheme.n + 1), out);
  }

  /** As {@link #priceLogSlopes} at the point whose interpolation weights are {@code w[at..at + n]}. */
  void logSlopesAt(double[] w, int at, double[] out) {
    int n = scheme.n;
    double root = rootH(w, at);
    double dVol = 0;
    double dRate = 0;
    double dYield = 0;
    if (root > 1e-300) {
      for (int j = 1; j <= n; j++) {
        double ws = w[at + j] * s[j];
        dVol += ws * dsVol[j];
        dRate += ws * dsRate[j];
        dYield += ws * dsYield[j];
      }
      double inverse = 1 / root;
      dVol *= inverse;
      dRate *= inverse;
      dYield *= inverse;
    }
    out[0] = -dVol;
    out[1] = dLogXRate - dRate;
    out[2] = dLogXYield - dYield;
  }

  /** ln b(T), the boundary today (the last node). */
  double logBoundaryToday() {
    return logX - s[scheme.n];
  }

  /**
   * Differentiates the boundary equations at the current node values and solves for ∂s/∂σ, ∂s/∂r and ∂s/∂q
   * ({@link #dsVol}, {@link #dsRate}, {@link #dsYield}).
   */
  void tangent() {
    int n = scheme.n;
    double[] jacobian = new double[n * n];
    int[] pivots = new int[n];
    double[] rhs = new double[4 * n];
    linearise(jacobian, rhs, true);
    factor(jacobian, pivots, n);
    substitute(jacobian, pivots, rhs, n, 0, 4);
    copyTangent(rhs);
  }

  /**
   * One Newton step from the current node values together with the tangent at them: after it, s is the stepped
   * solution and {@link #dsVol} etc. the derivatives at the starting point. For a start within O(h²) of the
   * solution (a Taylor step from a nearby vol) both are what a converged solve and a separate {@link #tangent} give,
   * up to O(h²) — errors that cancel in the central differences of {@link AmericanAndersenLake}'s vol greeks.
   */
  void newtonAndTangent() {
    int n = scheme.n;
    double[] jacobian = new double[n * n];
    int[] pivots = new int[n];
    double[] rhs = new double[4 * n];
    linearise(jacobian, rhs, true);
    factor(jacobian, pivots, n);
    substitute(jacobian, pivots, rhs, n, 0, 4);
    step(rhs);
    copyTangent(rhs);
  }

  /**
   * The last chord step together with the tangent: one linearisation at the current node values gives the residual,
   * which the chord step solves on the last Jacobian's factors (exactly as a pricing solve's chord step does, so that
   * the greeks' price is the price), and the exact Jacobian, whose factors solve for {@link #dsVol} etc. at the
   * step's start (one chord step, about 1e-7, from its end).
   */
  void chordAndTangent() {
    if (factors == null) {
      newtonAndTangent(); // the pricing solve took a Newton step here as well
      return;
    }
    int n = scheme.n;
    double[] jacobian = new double[n * n];
    int[] order = new int[n];
    double[] rhs = new double[4 * n];
    linearise(jacobian, rhs, true);
    double[] residual = java.util.Arrays.copyOf(rhs, n);
    substitute(factors, pivots, rhs, n, 0, 1);
    factor(jacobian, order, n);
    if (largest(rhs, n) > CHORD_LIMIT) {
      // as the pricing solve: a Newton step instead
      System.arraycopy(residual, 0, rhs, 0, n);
      substitute(jacobian, order, rhs, n, 0, 1);
      factors = jacobian;
      pivots = order;
    }
    substitute(jacobian, order, rhs, n, 1, 3);
    step(rhs);
    copyTangent(rhs);
  }

  private void copyTangent(double[] rhs) {
    int n = scheme.n;
    for (int i = 1; i <= n; i++) {
      dsVol[i] = rhs[n + i - 1];
      dsRate[i] = rhs[2 * n + i - 1];
      dsYield[i] = rhs[3 * n + i - 1];
    }
  }

  /** s += δ (rhs[0..n)), kept ≥ 0; {@link #lastStep} = max |δ|. */
  private void step(double[] rhs) {
    double largest = 0;
    for (int i = 1; i <= scheme.n; i++) {
      largest = Math.max(largest, Math.abs(rhs[i - 1]));
      double next = s[i] + rhs[i - 1];
      s[i] = next > 0 ? next : 0.5 * s[i];
    }
    lastStep = largest;
    squares();
  }

  /**
   * The Jacobian J_ij = ∂R_i/∂s_j of R_i = ln X − s_i − ln f_i into {@code jacobian} (row-major n × n), −R into
   * {@code rhs[0..n)} and, with {@code parameters}, −∂R/∂σ, −∂R/∂r and −∂R/∂q into the next three n-blocks.
   */
  private void linearise(double[] jacobian, double[] rhs, boolean parameters) {
    int n = scheme.n;
    int l = scheme.l;
    double[] dRow = new double[n + 1];
    double[] nRow = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      java.util.Arrays.fill(dRow, 0.0);
      java.util.Arrays.fill(nRow, 0.0);
      double nOwn = 0; // the terms in s_i through ln b(τ_i) itself
      double dOwn = 0;
      double tau = years * scheme.nodeTime[i];
      double rootTau = Math.sqrt(tau);
      double v = vol * rootTau;
      double logB = logX - s[i];
      double aPlus = (logB + (r - q) * tau) / v + 0.5 * v;
      double aMinus = aPlus - v;
      double k3 = 0;
      double k12 = 0;
      double nVol = 0;
      double dVol = 0;
      double nRate = 0;
      double dRate = 0;
      double nYield = 0;
      double dYield = 0;
      for (int k = 0; k < l; k++) {
        int at = (i - 1) * l + k;
        int w = at * (n + 1);
        double root = rootH(scheme.interpolation, w);
        double logZ = root - s[i];
        double sd = sdev[at];
        double inverseSd = inverseSdev[at];
        double dPlus = (logZ + drift[at]) * inverseSd + 0.5 * sd;
        double dMinus = dPlus - sd;
        double pPlus = Normal.pdf(dPlus);
        double cPlus = Normal.cdf(dPlus, pPlus);
        double c3 = densityWeight[at] * rateDensity(rateExponent[at], dMinus); // N's term / r
        double c12 = yieldGrowth[at] * (cdfWeight[at] * cPlus + densityWeight[at] * pPlus); // D's term / q
        k3 += c3;
        k12 += c12;
        // derivatives of the terms in ln z (∂d±/∂ln z = 1/sd)
        double nz = -r * c3 * dMinus * inverseSd;
        double dz = q * yieldGrowth[at] * pPlus * (cdfWeight[at] - densityWeight[at] * dPlus) * inverseSd;
        // ln z = √H(u) − s_i; ∂√H(u)/∂s_j = w_j·s_j/√H(u)
        if (root > 1e-300) {
          double inverseRoot = 1 / root;
          double nzr = nz * inverseRoot;
          double dzr = dz * inverseRoot;
          for (int j = 1; j <= n; j++) {
            double wj = scheme.interpolation[w + j];
            nRow[j] += nzr * wj;
            dRow[j] += dzr * wj;
          }
        }
        nOwn -= nz;
        dOwn -= dz;
        if (!parameters) {
          continue;
        }
        double rootM = sd / vol;
        // explicit σ: ∂d₊/∂σ = −d₋/σ, ∂d₋/∂σ = −d₊/σ, the density weight ∝ 1/σ
        nVol += r * c3 * (dMinus * dPlus - 1) / vol;
        dVol += q * yieldGrowth[at] * (cdfWeight[at] * pPlus * (-dMinus) + densityWeight[at] * pPlus
            * (dPlus * dMinus - 1)) / vol;
        // explicit r: ∂d±/∂r = √m/σ, e^{ru} grows with r
        nRate += c3 + r * c3 * (remaining[at] - dMinus * rootM / vol);
        dRate += q * yieldGrowth[at] * (cdfWeight[at] * pPlus - densityWeight[at] * pPlus * dPlus) * rootM / vol;
        // explicit q: ∂d±/∂q = −√m/σ, e^{qu} grows with q
        nYield += r * c3 * dMinus * rootM / vol;
        dYield += c12 + q * (remaining[at] * c12
            - yieldGrowth[at] * (cdfWeight[at] * pPlus - densityWeight[at] * pPlus * dPlus) * rootM / vol);
      }
      double pa = Normal.pdf(aPlus);
      double pm = Normal.pdf(aMinus);
      double numerator = pm / v + r * k3;
      double denominator = pa / v + Normal.cdf(aPlus, pa) + q * k12;
      // the non-integral terms in ln b(τ_i) = ln X − s_i: ∂a±/∂ln b = 1/v
      double nLogB = -pm * aMinus / (v * v);
      double dLogB = -pa * aMinus / (v * v);
      nOwn -= nLogB;
      dOwn -= dLogB;
      nVol += pm * (aMinus * aPlus - 1) / (v * vol);
      dVol += pa * (aPlus * aMinus - 1) / (v * vol) - pa * aMinus / vol;
      nRate += -pm * aMinus / v * rootTau / vol;
      dRate += (-pa * aPlus / v + pa) * rootTau / vol;
      nYield += pm * aMinus / v * rootTau / vol;
      dYield += -(-pa * aPlus / v + pa) * rootTau / vol;
      // X moves with r and q when it is r/q: through ln b(τ_i) only (ln z does not see X)
      nRate += nLogB * dLogXRate;
      dRate += dLogB * dLogXRate;
      nYield += nLogB * dLogXYield;
      dYield += dLogB * dLogXYield;
      // R_i = ln X − s_i − ln f_i, ln f_i = −(r − q)τ + ln N − ln D
      // the interpolated rows still lack the factor s_j of ∂√H(u)/∂s_j = w_j·s_j/√H(u); the own-node terms do not
      // carry it, so they were kept apart
      double inverseN = 1 / numerator;
      double inverseD = 1 / denominator;
      for (int j = 1; j <= n; j++) {
        double nj = nRow[j] * s[j] + (j == i ? nOwn : 0.0);
        double dj = dRow[j] * s[j] + (j == i ? dOwn : 0.0);
        double dLogF = nj * inverseN - dj * inverseD;
        jacobian[(i - 1) * n + (j - 1)] = (i == j ? -1.0 : 0.0) - dLogF;
      }
      rhs[i - 1] = -(logX - s[i] - (-(r - q) * tau + Math.log(numerator) - Math.log(denominator)));
      if (parameters) {
        double fVol = nVol / numerator - dVol / denominator;
        double fRate = -tau + nRate / numerator - dRate / denominator;
        double fYield = tau + nYield / numerator - dYield / denominator;
        rhs[n + i - 1] = fVol;
        rhs[2 * n + i - 1] = fRate - dLogXRate;
        rhs[3 * n + i - 1] = fYield - dLogXYield;
      }
    }
  }

  /** LU factors of A in place (partial pivoting; row c was swapped with pivots[c]). */
  private static void factor(double[] a, int[] pivots, int n) {
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(a[i * n + c]) > Math.abs(a[pivot * n + c])) {
          pivot = i;
        }
      }
      pivots[c] = pivot;
      if (pivot != c) {
        for (int j = 0; j < n; j++) {
          double t = a[c * n + j];
          a[c * n + j] = a[pivot * n + j];
          a[pivot * n + j] = t;
        }
      }
      double inverse = 1 / a[c * n + c];
      for (int i = c + 1; i < n; i++) {
        double factor = a[i * n + c] * inverse;
        a[i * n + c] = factor;
        if (factor == 0) {
          continue;
        }
        for (int j = c + 1; j < n; j++) {
          a[i * n + j] -= factor * a[c * n + j];
        }
      }
    }
  }

  /** Solves A·x = b in place for {@code columns} right-hand sides (n-blocks of b from block {@code from}) with the factors of {@link #factor}. */
  private static void substitute(double[] a, int[] pivots, double[] b, int n, int from, int columns) {
    for (int m = from; m < from + columns; m++) {
      int o = m * n;
      for (int c = 0; c < n; c++) { // the row swaps first, in order: the factors hold the rows as finally swapped
        int p = pivots[c];
        if (p != c) {
          double t = b[o + c];
          b[o + c] = b[o + p];
          b[o + p] = t;
        }
      }
      for (int c = 0; c < n; c++) {
        double x = b[o + c];
        for (int i = c + 1; i < n; i++) {
          b[o + i] -= a[i * n + c] * x;
        }
      }
      for (int c = n - 1; c >= 0; c--) {
        double sum = b[o + c];
        for (int j = c + 1; j < n; j++) {
          sum -= a[c * n + j] * b[o + j];
        }
        b[o + c] = sum / a[c * n + c];
      }
    }
  }
}
