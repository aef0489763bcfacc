package org.gammaxl.hedge;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * Formulas option traders keep at hand for gamma scalping. Greeks are raw (see
 * {@link org.gammaxl.pricing.Greek}): Γ = ∂²V/∂S², Θ = ∂V/∂t per year (negative for a long option),
 * vega per 1.00 of vol; times in years; vols as decimals.
 */
public final class GammaScalping {
  private static final double SQRT_PI_OVER_4 = Math.sqrt(Math.PI / 4.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();
  private static final int PANELS = 16;
  private static final int POINTS = 16;

  private GammaScalping() {
  }

  /**
   * The breakeven move over one period: the spot move |ΔS| at which the gamma gain ½ΓΔS² pays the
   * theta ΘΔt, i.e. √(2|Θ|Δt / |Γ|), in price units. (With Θ = −½σ²S²Γ it is σ·S·√Δt: the
   * implied one-period standard deviation.) Source: the discrete delta-hedged P&amp;L
   * ½ΓΔS² + ΘΔt, e.g. E. Sinclair, <i>Volatility Trading</i>, Wiley 2008, ch. 3.
   *
   * @param theta Θ per year
   * @param gamma Γ, non-zero
   * @param periodYears Δt in years (1/365 for a calendar day, 1/252 for a trading day)
   */
  public static double breakevenMove(double theta, double gamma, double periodYears) {
    Require.finite("theta", theta);
    Require.finite("gamma", gamma);
    if (gamma == 0) {
      throw InvalidInputException.domain("gamma", "must be non-zero: without gamma no move breaks even");
    }
    Require.nonNegative("periodYears", periodYears);
    return Math.sqrt(2 * Math.abs(theta) * periodYears / Math.abs(gamma));
  }

  /**
   * The P&amp;L of one step of a delta-hedged option: ½ΓΔS² + ΘΔt (the Taylor expansion of the
   * option value with the delta term hedged away, rates and vol changes ignored).
   */
  public static double scalpPnl(double gamma, double spotMove, double theta, double periodYears) {
    return 0.5 * gamma * spotMove * spotMove + theta * periodYears;
  }

  /**
   * Expected P&amp;L of one step when hedging at implied vol σ_i while the spot realises σ_r:
   * ½ΓS²(σ_r² − σ_i²)Δt. Summed over a path this is the ledger summary's theoretical expectation.
   */
  public static double expectedStepPnl(double gamma, double spot, double realizedVol, double impliedVol,
      double periodYears) {
    return 0.5 * gamma * spot * spot * (realizedVol * realizedVol - impliedVol * impliedVol) * periodYears;
  }

  /**
   * The P&amp;L locked in by buying one option at implied vol σ_i and delta hedging it continuously at
   * the realized vol σ_r: V(σ_r) − V(σ_i), a deterministic amount, present value at the start.
   * Source: R. Ahmad and P. Wilmott, "Which free lunch would you like today, Sir?: Delta hedging,
   * volatility arbitrage and optimal portfolios", Wilmott Magazine, November 2005, 64–79, §2.
   */
  public static double realizedVolHedgePnl(OptionPricer pricer, OptionType type, double spot, double strike,
      double years, double realizedVol, double impliedVol, double rate, double yield) {
    return pricer.price(type, spot, strike, years, realizedVol, rate, yield)
        - pricer.price(type, spot, strike, years, impliedVol, rate, yield);
  }

  /**
   * Expected present value of the P&amp;L of one long European option (call or put: same gamma) bought
   * at implied vol σ_i and delta hedged continuously at σ_i while the spot follows a geometric
   * Brownian motion with real-world drift μ and volatility σ_r (Ahmad &amp; Wilmott 2005, §3):
   * <pre>
   *   E[PV] = ½ (σ_r² − σ_i²) ∫₀ᵀ e^{−rs} E[S_s² Γ_i(S_s, s)] ds
   * </pre>
   * where Γ_i is the Black–Scholes gamma at σ_i. The inner expectation has the closed form
   * e^{−q(T−s)} · n(m; ln K − a, v + c²) · e^{m′ + v′/2} with m = ln S + (μ − σ_r²/2)s, v = σ_r²s,
   * c² = σ_i²(T−s), a = (r − q + σ_i²/2)(T−s), m′ = (m c² + (ln K − a) v)/(v + c²),
   * v′ = v c²/(v + c²), n(x; μ, s²) the normal density; the outer integral is evaluated by
   * composite Gauss–Legendre quadrature (16 panels × 16 points; the integrand is smooth on [0, T], including at expiry). Negate for a short option.
   *
   * @param drift μ, the real-world drift of the spot price (continuously compounded, excluding the yield)
   */
  public static double expectedPnlHedgedAtImplied(double spot, double strike, double years, double realizedVol,
      double impliedVol, double rate, double yield, double drift) {
    Require.positive("spot", spot);
    Require.positive("strike", strike);
    Require.positive("years", years);
    Require.positive("realizedVol", realizedVol);
    Require.positive("impliedVol", impliedVol);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
    Require.finite("drift", drift);
    double integral = 0;
    double panel = years / PANELS;
    for (int p = 0; p < PANELS; p++) {
      GaussIntegrator rule = GAUSS.legendre(POINTS, p * panel, (p + 1) * panel);
      integral += rule.integrate(
          s -> Math.exp(-rate * s) * expectedCashGamma(s, spot, strike, years, realizedVol, impliedVol, rate, yield, drift));
    }
    return 0.5 * (realizedVol * realizedVol - impliedVol * impliedVol) * integral;
  }

  /** E[S_s² Γ_i(S_s, s)] at time s under the real-world GBM, in closed form (see above). */
  static double expectedCashGamma(double s, double spot, double strike, double years, double realizedVol,
      double impliedVol, double rate, double yield, double drift) {
    double sr2 = realizedVol * realizedVol;
    double si2 = impliedVol * impliedVol;
    double tau = years - s;
    double m = Math.log(spot) + (drift - 0.5 * sr2) * s;
    double v = sr2 * s;
    double c2 = si2 * tau;
    double centre = Math.log(strike) - (rate - yield + 0.5 * si2) * tau;
    double total = v + c2;
    double density = INV_SQRT_2PI / Math.sqrt(total) * Math.exp(-(m - centre) * (m - centre) / (2 * total));
    double mean = (m * c2 + centre * v) / total;
    double variance = v * c2 / total;
    return Math.exp(-yield * tau) * density * Math.exp(mean + 0.5 * variance);
  }

  /**
   * Standard deviation of the P&amp;L of a delta hedge rebalanced N times over the option's life
   * (hedging error from discrete rebalancing): ≈ √(π/4) · vega · σ / √N, where vega is per 1.00 of
   * vol (raw). For an at-the-money option this is ≈ 0.89 / √N of the premium.
   * Source: E. Derman and M. Kamal, "When you cannot hedge continuously: the corrections to
   * Black–Scholes", Goldman Sachs Quantitative Strategies Research Notes, 1999 (also E. Derman,
   * <i>Risk</i> 12(1), 1999, 82–85).
   *
   * @param vega ∂V/∂σ per 1.00 of vol
   * @param vol σ
   * @param rebalances N ≥ 1
   */
  public static double hedgingErrorStdev(double vega, double vol, double rebalances) {
    Require.finite("vega", vega);
    Require.positive("vol", vol);
    if (!(rebalances >= 1) || rebalances == Double.POSITIVE_INFINITY) {
      throw InvalidInputException.domain("rebalances", "must be a finite number >= 1, was " + rebalances);
    }
    return SQRT_PI_OVER_4 * Math.abs(vega) * vol / Math.sqrt(rebalances);
  }
}
