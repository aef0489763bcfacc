package org.gammaxl.pricing;

/**
 * American options by the Bjerksund–Stensland approximation, generalized Black-Scholes-Merton
 * dynamics with cost of carry b = rate − yield.
 *
 * <p>{@link #INSTANCE} is the 2002 version (P. Bjerksund and G. Stensland, "Closed form valuation of
 * American options", 2002; formulas as in Haug, <i>The Complete Guide to Option Pricing
 * Formulas</i>, 2nd ed., §3.3): the exercise boundary is approximated by two flat pieces, split at
 * t₁ = ½(√5 − 1)·T, which needs the {@link BivariateNormal bivariate normal}. {@link #FLAT_1993} is
 * the original one-piece version (Bjerksund and Stensland 1993; Haug 1998 p. 26), which is what
 * the published tables and QuantLib's engine compute; it is kept for reproducing them.
 *
 * <p>Conventions and special cases:
 * <ul>
 *   <li>Puts use the put-call transformation P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ).</li>
 *   <li>A call with b ≥ r (a put with r ≤ 0) is never exercised early: the European value.</li>
 *   <li>T = 0 gives the intrinsic value; vol = 0 gives the exact deterministic value, the best of
 *       exercising now, at expiry or at the one interior date where the discounted payoff of the
 *       certain forward path peaks.</li>
 *   <li>The approximation values a particular exercise strategy, so it is a lower bound of the true
 *       value; the result is floored at the European and the intrinsic value (both also lower
 *       bounds), which only ever matters where rounding in extreme parameters (vol of 1000 %)
 *       would otherwise leave it below them.</li>
 *   <li>Every term e^{λt}·S^γ·(I/S)^κ·N(·) is evaluated in log space, so tiny vols (10⁻⁴), where the
 *       powers overflow a double, price correctly.</li>
 * </ul>
 *
 * <p>Greeks are numerical: central finite differences of this smooth approximation, see
 * {@link AmericanGreeks} for the bump sizes. Implied vol is a bracketed Brent root search in vol.
 */
public final class AmericanBjerksundStensland extends AmericanApproximation {
  /** The 2002 two-piece flat-boundary approximation (the default American model). */
  public static final AmericanBjerksundStensland INSTANCE = new AmericanBjerksundStensland(true);
  /** The 1993 one-piece flat-boundary approximation, as tabulated by Haug (1998) and QuantLib. */
  public static final AmericanBjerksundStensland FLAT_1993 = new AmericanBjerksundStensland(false);

  private static final double GOLDEN_SPLIT = 0.5 * (Math.sqrt(5.0) - 1.0);
  /**
   * The bivariate normals of the 2002 version all have correlation ±√(t₁/T) = ±√GOLDEN_SPLIT ≈ ±0.786.
   * Genz's tiers would use 20 Gauss–Legendre nodes there; 13 already reach rounding level (absolute
   * error below 2e-16 over |a|, |b| ≤ 12 against a 48-node rule; BivariateNormalTest checks it).
   */
  static final int NODES = 13;
  private static final BivariateNormal.FixedCorrelation UPPER =
      new BivariateNormal.FixedCorrelation(Math.sqrt(GOLDEN_SPLIT), NODES);
  private static final BivariateNormal.FixedCorrelation LOWER =
      new BivariateNormal.FixedCorrelation(-Math.sqrt(GOLDEN_SPLIT), NODES);
  /** Largest |ln factor| multiplied out directly (e^700 ≈ 1e304). */
  private static final double MAX_LOG_FACTOR = 700.0;
  private final boolean twoStep;

  private AmericanBjerksundStensland(boolean twoStep) {
    this.twoStep = twoStep;
  }

  @Override
  double earlyExerciseValue(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double european) {
    double b = rate - yield;
    return type == OptionType.CALL
        ? call(spot, strike, years, rate, b, vol)
        : call(strike, spot, years, rate - b, -b, vol);
  }

  /** The call approximation for b &lt; r. */
  private double call(double s, double k, double t, double r, double b, double v) {
    double v2 = v * v;
    double beta = (0.5 - b / v2) + Math.sqrt(Math.pow(b / v2 - 0.5, 2) + 2.0 * r / v2);
    double bInfinity = beta / (beta - 1.0) * k;
    double b0 = Math.max(k, r / (r - b) * k);
    if (!twoStep) {
      double h = -(b * t + 2.0 * v * Math.sqrt(t)) * b0 / (bInfinity - b0);
      double trigger = b0 + (bInfinity - b0) * (1.0 - Math.exp(h));
      if (s >= trigger) {
        return s - k;
      }
      return (trigger - k) * Math.pow(s / trigger, beta)
          - (trigger - k) * phi(s, t, beta, trigger, trigger, trigger, r, b, v)
          + phi(s, t, 1.0, trigger, trigger, 1.0, r, b, v)
          - phi(s, t, 1.0, k, trigger, 1.0, r, b, v)
          - k * phi(s, t, 0.0, trigger, trigger, 1.0, r, b, v)
          + k * phi(s, t, 0.0, k, trigger, 1.0, r, b, v);
    }
    double t1 = GOLDEN_SPLIT * t;
    double sqrtT1 = Math.sqrt(t1);
    double sqrtT = Math.sqrt(t);
    double scale = k * k / ((bInfinity - b0) * b0);
    double i1 = b0 + (bInfinity - b0) * (1.0 - Math.exp(-(b * t1 + 2.0 * v * sqrtT1) * scale));
    double i2 = b0 + (bInfinity - b0) * (1.0 - Math.exp(-(b * t + 2.0 * v * sqrtT) * scale));
    if (s >= i2) {
      return s - k;
    }
    TwoStep two = new TwoStep(s, k, t, t1, r, b, v, i1, i2, sqrtT, sqrtT1);
    // α₂·S^β = (I₂ − K)·(S/I₂)^β and α₁·(S/I₁)^β likewise, so that no power overflows.
    return (i2 - k) * Math.exp(beta * two.y)
        + two.terms(beta, true, i2 - k, i1 - k)
        + s * two.terms(1.0, false, 1.0, 1.0)
        - k * two.terms(0.0, false, 1.0, 1.0);
  }

  /**
   * The 2002 approximation's terms for one power γ of S, all sharing their drift, normal arguments
   * and normal probabilities. With x = ln(S/I₁), y = ln(S/I₂), z = ln(S/K), μ = b + (γ − ½)σ²,
   * λ = −r + γb + ½γ(γ − 1)σ² and κ = 2b/σ² + 2γ − 1:
   * φ(S, t₁ | γ, H, I₂) = e^{λt₁}·S^γ·[N(−d) − e^{−κy}·N(−d + 2y/(σ√t₁))], d = (ln(S/H) + μt₁)/(σ√t₁),
   * and ψ(S, T | γ, H, I₂, I₁, t₁) = e^{λT}·S^γ·[M(−e₁, −f₁; ρ) − e^{−κy}·M(−e₂, −f₂; ρ)
   * − e^{−κx}·M(−e₃, −f₃; −ρ) + e^{κ(y−x)}·M(−e₄, −f₄; −ρ)] with ρ = √(t₁/T) and e, f as in Haug (2007)
   * §3.3.2. Each product of an exponential factor and a probability is formed in log space when the
   * factor alone would overflow, so tiny vols (where κ is huge) price correctly.
   */
  private static final class TwoStep {
    private final double t;
    private final double t1;
    private final double r;
    private final double b;
    private final double v2;
    private final double sd1;
    private final double sd2;
    private final double kappa0;
    private final double x;
    private final double y;
    private final double z;

    TwoStep(double s, double k, double t, double t1, double r, double b, double v, double i1, double i2,
        double sqrtT, double sqrtT1) {
      this.t = t;
      this.t1 = t1;
      this.r = r;
      this.b = b;
      this.v2 = v * v;
      this.sd1 = v * sqrtT1;
      this.sd2 = v * sqrtT;
      this.kappa0 = 2.0 * b / v2 - 1.0;
      this.x = Math.log(s / i1);
      this.y = Math.log(s / i2);
      this.z = Math.log(s / k);
    }

    /**
     * The terms of one power γ. For γ = β ({@code powerScaled}): −α₂·φ(β, I₂) + α₁·[φ(β, I₁) − ψ(β, I₁)]
     * with α₂ = (I₂ − K)/I₂^β and α₁ = (I₁ − K)/I₁^β, the 1/I^β folded into the exponents and
     * {@code c2} = I₂ − K, {@code c1} = I₁ − K. For γ = 0 or 1: c2·φ(γ, I₂) − c1·φ(γ, I₁) + ψ(γ, I₁) − ψ(γ, K)
     * divided by S^γ (the caller multiplies by S or K).
     */
    double terms(double gamma, boolean powerScaled, double c2, double c1) {
      double mu = b + (gamma - 0.5) * v2;
      double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2;
      double kappa = kappa0 + 2.0 * gamma;
      double m1 = mu * t1;
      double m2 = mu * t;
      // φ(γ, H = I₂): d = (y + μt₁)/sd₁, second argument (−y + μt₁)/sd₁
      double logPhiI2 = lambda * t1 + (powerScaled ? gamma * y : 0.0);
      double phiI2 = weighted(logPhiI2, -(y + m1) / sd1) - weighted(logPhiI2 - kappa * y, -(m1 - y) / sd1);
      // φ(γ, H = I₁) shares e₁, e₂ and their probabilities with ψ(γ, ·)
      double e1 = (x + m1) / sd1;
      double e2 = (x - 2.0 * y + m1) / sd1;
      double e3 = (x - m1) / sd1;
      double e4 = (x - 2.0 * y - m1) / sd1;
      double n1 = Normal.cdf(-e1);
      double n2 = Normal.cdf(-e2);
      double n3 = Normal.cdf(-e3);
      double n4 = Normal.cdf(-e4);
      double logPhiI1 = lambda * t1 + (powerScaled ? gamma * x : 0.0);
      double phiI1 = weighted(logPhiI1, -e1, n1) - weighted(logPhiI1 - kappa * y, -e2, n2);
      double logPsi = lambda * t;
      if (powerScaled) {
        double psiI1 = psi(logPsi + gamma * x, kappa, x, m2, e1, e2, e3, e4, n1, n2, n3, n4);
        return -c2 * phiI2 + c1 * (phiI1 - psiI1);
      }
      return c2 * phiI2 - c1 * phiI1 + psi(logPsi, kappa, x, m2, e1, e2, e3, e4, n1, n2, n3, n4)
          - psi(logPsi, kappa, z, m2, e1, e2, e3, e4, n1, n2, n3, n4);
    }

    /** ψ(γ, H) with the S^γ factor as in {@code logPrefix}, for ln(S/H) = logSh and this γ's e's and N(−e)'s. */
    private double psi(double logPrefix, double kappa, double logSh, double m2, double e1, double e2,
        double e3, double e4, double n1, double n2, double n3, double n4) {
      double f1 = (logSh + m2) / sd2;
      double f2 = (logSh - 2.0 * y + m2) / sd2;
      double f3 = (logSh - 2.0 * x + m2) / sd2;
      double f4 = (logSh - 2.0 * x + 2.0 * y + m2) / sd2;
      return weightedProbability(logPrefix, UPPER.cdf(-e1, -f1, n1, Normal.cdf(-f1)))
          - weightedProbability(logPrefix - kappa * y, UPPER.cdf(-e2, -f2, n2, Normal.cdf(-f2)))
          - weightedProbability(logPrefix - kappa * x, LOWER.cdf(-e3, -f3, n3, Normal.cdf(-f3)))
          + weightedProbability(logPrefix + kappa * (y - x), LOWER.cdf(-e4, -f4, n4, Normal.cdf(-f4)));
    }
  }

  /** e^{logFactor}·N(x). */
  private static double weighted(double logFactor, double x) {
    return weighted(logFactor, x, Normal.cdf(x));
  }

  /**
   * e^{logFactor}·N(x) given p = N(x): the plain product while the factor is representable and p is
   * normal, otherwise e^{logFactor + ln N(x)}, which stays finite where the factor overflows and p
   * underflows.
   */
  private static double weighted(double logFactor, double x, double p) {
    if (Math.abs(logFactor) < MAX_LOG_FACTOR && p > Double.MIN_NORMAL) {
      return Math.exp(logFactor) * p;
    }
    return Math.exp(logFactor + AmericanSupport.logCdf(x));
  }

  /** e^{logFactor}·m for a probability m, without overflow when m is tiny; 0 when m is 0. */
  private static double weightedProbability(double logFactor, double m) {
    if (!(m > 0)) {
      return 0.0;
    }
    if (Math.abs(logFactor) < MAX_LOG_FACTOR) {
      return Math.exp(logFactor) * m;
    }
    return Math.exp(logFactor + Math.log(m));
  }

  /**
   * φ(S, t | γ, H, I) / unit^γ = e^{λt}·(S/unit)^γ·[N(−d) − (I/S)^κ·N(−d − 2 ln(I/S)/(σ√t))], each
   * term evaluated as the exponential of a sum of logarithms (the 1993 approximation).
   */
  private static double phi(double s, double t, double gamma, double h, double trigger, double unit, double r,
      double b, double v) {
    double v2 = v * v;
    double sd = v * Math.sqrt(t);
    double lambdaT = (-r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2) * t;
    double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
    double d = (Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / sd;
    double logIs = Math.log(trigger / s);
    double logPrefix = lambdaT + gamma * Math.log(s / unit);
    return Math.exp(logPrefix + AmericanSupport.logCdf(-d))
        - Math.exp(logPrefix + kappa * logIs + AmericanSupport.logCdf(-d - 2.0 * logIs / sd));
  }

  @Override
  public String toString() {
    return twoStep ? "AmericanBjerksundStensland(2002)" : "AmericanBjerksundStensland(1993)";
  }
}
