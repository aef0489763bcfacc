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
public final class AmericanBjerksundStensland implements OptionPricer {
  /** The 2002 two-piece flat-boundary approximation (the default American model). */
  public static final AmericanBjerksundStensland INSTANCE = new AmericanBjerksundStensland(true);
  /** The 1993 one-piece flat-boundary approximation, as tabulated by Haug (1998) and QuantLib. */
  public static final AmericanBjerksundStensland FLAT_1993 = new AmericanBjerksundStensland(false);

  private static final double GOLDEN_SPLIT = 0.5 * (Math.sqrt(5.0) - 1.0);
  private final boolean twoStep;

  private AmericanBjerksundStensland(boolean twoStep) {
    this.twoStep = twoStep;
  }

  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return value(type, spot, strike, years, vol, rate, yield);
  }

  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    AmericanSupport.checkInputs(type, spot, strike, years, vol, rate, yield);
    return AmericanGreeks.of(this::value, type, spot, strike, years, vol, rate, yield);
  }

  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    AmericanSupport.checkImpliedInputs(type, price, spot, strike, years, rate, yield);
    return AmericanImpliedVol.solve(this::value, type, price, spot, strike, years, rate, yield);
  }

  /** The value for inputs already checked. */
  double value(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    double intrinsic = type.intrinsic(spot, strike);
    if (years == 0.0) {
      return intrinsic;
    }
    if (vol == 0.0) {
      return AmericanSupport.zeroVol(type, spot, strike, years, rate, yield);
    }
    double european = AmericanSupport.european(type, spot, strike, years, vol, rate, yield);
    double b = rate - yield;
    double approx;
    if (type == OptionType.CALL) {
      approx = b >= rate ? european : call(spot, strike, years, rate, b, vol);
    } else {
      approx = rate <= 0 ? european : call(strike, spot, years, rate - b, -b, vol);
    }
    if (Double.isNaN(approx)) {
      return Math.max(european, intrinsic);
    }
    return Math.max(approx, Math.max(european, intrinsic));
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
    double scale = k * k / ((bInfinity - b0) * b0);
    double i1 = b0 + (bInfinity - b0) * (1.0 - Math.exp(-(b * t1 + 2.0 * v * Math.sqrt(t1)) * scale));
    double i2 = b0 + (bInfinity - b0) * (1.0 - Math.exp(-(b * t + 2.0 * v * Math.sqrt(t)) * scale));
    if (s >= i2) {
      return s - k;
    }
    // α₂·S^β = (I₂ − K)·(S/I₂)^β and α₁·φ(…β…) likewise, so that no power overflows.
    return (i2 - k) * Math.pow(s / i2, beta)
        - (i2 - k) * phi(s, t1, beta, i2, i2, i2, r, b, v)
        + phi(s, t1, 1.0, i2, i2, 1.0, r, b, v)
        - phi(s, t1, 1.0, i1, i2, 1.0, r, b, v)
        - k * phi(s, t1, 0.0, i2, i2, 1.0, r, b, v)
        + k * phi(s, t1, 0.0, i1, i2, 1.0, r, b, v)
        + (i1 - k) * phi(s, t1, beta, i1, i2, i1, r, b, v)
        - (i1 - k) * psi(s, t, beta, i1, i2, i1, t1, i1, r, b, v)
        + psi(s, t, 1.0, i1, i2, i1, t1, 1.0, r, b, v)
        - psi(s, t, 1.0, k, i2, i1, t1, 1.0, r, b, v)
        - k * psi(s, t, 0.0, i1, i2, i1, t1, 1.0, r, b, v)
        + k * psi(s, t, 0.0, k, i2, i1, t1, 1.0, r, b, v);
  }

  /**
   * φ(S, t | γ, H, I) / unit^γ = e^{λt}·(S/unit)^γ·[N(−d) − (I/S)^κ·N(−d − 2 ln(I/S)/(σ√t))], each
   * term evaluated as the exponential of a sum of logarithms.
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

  /**
   * ψ(S, T | γ, H, I₂, I₁, t₁) / unit^γ, the two-period term of the 2002 approximation, each of its
   * four bivariate terms evaluated as the exponential of a sum of logarithms.
   */
  private static double psi(double s, double t2, double gamma, double h, double i2, double i1, double t1,
      double unit, double r, double b, double v) {
    double v2 = v * v;
    double drift = b + (gamma - 0.5) * v2;
    double sd1 = v * Math.sqrt(t1);
    double sd2 = v * Math.sqrt(t2);
    double logSi1 = Math.log(s / i1);
    double logI2sq = Math.log(i2 * i2 / (s * i1));
    double e1 = (logSi1 + drift * t1) / sd1;
    double e2 = (logI2sq + drift * t1) / sd1;
    double e3 = (logSi1 - drift * t1) / sd1;
    double e4 = (logI2sq - drift * t1) / sd1;
    double f1 = (Math.log(s / h) + drift * t2) / sd2;
    double f2 = (Math.log(i2 * i2 / (s * h)) + drift * t2) / sd2;
    double f3 = (Math.log(i1 * i1 / (s * h)) + drift * t2) / sd2;
    double f4 = (Math.log(s * i1 * i1 / (h * i2 * i2)) + drift * t2) / sd2;
    double rho = Math.sqrt(t1 / t2);
    double lambdaT = (-r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2) * t2;
    double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
    double logPrefix = lambdaT + gamma * Math.log(s / unit);
    return scaled(logPrefix, BivariateNormal.cdf(-e1, -f1, rho))
        - scaled(logPrefix + kappa * Math.log(i2 / s), BivariateNormal.cdf(-e2, -f2, rho))
        - scaled(logPrefix + kappa * Math.log(i1 / s), BivariateNormal.cdf(-e3, -f3, -rho))
        + scaled(logPrefix + kappa * Math.log(i1 / i2), BivariateNormal.cdf(-e4, -f4, -rho));
  }

  /** e^{logFactor}·m without overflow when m is tiny; 0 when m is 0. */
  private static double scaled(double logFactor, double m) {
    return m > 0 ? Math.exp(logFactor + Math.log(m)) : 0.0;
  }

  @Override
  public String toString() {
    return twoStep ? "AmericanBjerksundStensland(2002)" : "AmericanBjerksundStensland(1993)";
  }
}
