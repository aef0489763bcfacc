package org.gammaxl.hedge;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * No-trade bands and transaction-cost adjusted volatilities for delta hedging with proportional
 * costs. A proportional cost λ means that trading n units at price S costs λ·|n|·S.
 *
 * <p>Powers and cube roots use {@link StrictMath}, so a band is the same to the last bit on every Java
 * runtime (an add-in on Java 25 and a report server on Java 17 agree; {@code Math.cbrt} differs by
 * an ulp between them).
 */
public final class HedgeBands {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  private HedgeBands() {
  }

  /**
   * Whalley–Wilmott half-width of the no-trade band around the Black–Scholes delta:
   * H = (3/2 · e^{−rτ} · λ · S · Γ² / γ)^{1/3}, in units of underlying (the same unit as the
   * position delta). Rebalance when |Δ_hedge − Δ_BS| &gt; H.
   *
   * <p>Source: A. E. Whalley and P. Wilmott, "An asymptotic analysis of an optimal hedging model for
   * option pricing with transaction costs", Mathematical Finance 7(3), 1997, 307–324.
   *
   * @param rate continuously compounded rate r
   * @param years time to expiry τ in years, ≥ 0
   * @param costFraction proportional cost λ (0.001 = 10 bp of the traded value), ≥ 0
   * @param spot S &gt; 0
   * @param gamma the position gamma Γ = ∂²V/∂S² (units of underlying per unit of price)
   * @param riskAversion the hedger's exponential-utility risk aversion γ &gt; 0, per unit of currency
   */
  public static double whalleyWilmott(double rate, double years, double costFraction, double spot, double gamma,
      double riskAversion) {
    Require.finite("rate", rate);
    Require.nonNegative("years", years);
    Require.nonNegative("costFraction", costFraction);
    Require.positive("spot", spot);
    Require.finite("gamma", gamma);
    Require.positive("riskAversion", riskAversion);
    return StrictMath.cbrt(1.5 * Math.exp(-rate * years) * costFraction * spot * gamma * gamma / riskAversion);
  }

  /**
   * Zakamouline's half-width of the no-trade band, H₀ + H₁ with
   * H₀ = λ / (γ S σ² τ) and H₁ = 1.12 λ^0.31 τ^0.05 (e^{−rτ}/σ)^0.25 (|Γ|/γ)^0.5, in units of
   * underlying. The band is centred on the delta computed at {@link #zakamoulineVol}.
   *
   * <p>Source: V. I. Zakamouline, "Efficient analytic approximation of the optimal hedging strategy
   * for a European call option with transaction costs", Quantitative Finance 6(5), 2006, 435–445.
   *
   * @param costFraction proportional cost λ ≥ 0
   * @param riskAversion γ &gt; 0
   * @param spot S &gt; 0
   * @param vol σ &gt; 0
   * @param years τ &gt; 0
   * @param rate r
   * @param gamma the position gamma Γ
   */
  public static double zakamouline(double costFraction, double riskAversion, double spot, double vol, double years,
      double rate, double gamma) {
    checkZakamouline(costFraction, riskAversion, spot, vol, years, rate, gamma);
    double h0 = costFraction / (riskAversion * spot * vol * vol * years);
    double h1 = 1.12 * StrictMath.pow(costFraction, 0.31) * StrictMath.pow(years, 0.05)
        * StrictMath.pow(Math.exp(-rate * years) / vol, 0.25) * Math.sqrt(Math.abs(gamma) / riskAversion);
    return h0 + h1;
  }

  /**
   * Zakamouline's modified volatility at which the band's central delta is computed:
   * σ_m = σ·√(1 + K) for a long option and σ·√(1 − K) for a short one, with
   * K = −4.76 λ^0.78 τ^−0.02 (e^{−rτ}/σ)^0.25 (γ S² |Γ|)^0.15 (K ≤ 0, so a long option is hedged
   * at a lower vol, like Leland). Source as {@link #zakamouline}.
   *
   * @throws InvalidInputException DOMAIN when 1 + K ≤ 0 (costs too large for the approximation)
   */
  public static double zakamoulineVol(double costFraction, double riskAversion, double spot, double vol, double years,
      double rate, double gamma, boolean longOption) {
    checkZakamouline(costFraction, riskAversion, spot, vol, years, rate, gamma);
    double k = -4.76 * StrictMath.pow(costFraction, 0.78) / StrictMath.pow(years, 0.02)
        * StrictMath.pow(Math.exp(-rate * years) / vol, 0.25)
        * StrictMath.pow(riskAversion * spot * spot * Math.abs(gamma), 0.15);
    double factor = longOption ? 1 + k : 1 - k;
    if (!(factor > 0)) {
      throw InvalidInputException.domain("costFraction", "Zakamouline adjustment 1 + K = " + factor
          + " is not positive: costs too large for the approximation");
    }
    return vol * Math.sqrt(factor);
  }

  private static void checkZakamouline(double costFraction, double riskAversion, double spot, double vol, double years,
      double rate, double gamma) {
    Require.nonNegative("costFraction", costFraction);
    Require.positive("riskAversion", riskAversion);
    Require.positive("spot", spot);
    Require.positive("vol", vol);
    Require.positive("years", years);
    Require.finite("rate", rate);
    Require.finite("gamma", gamma);
  }

  /**
   * Leland's number Le = √(2/π) · k / (σ √Δt), the ratio of expected transaction costs to the
   * option's gamma rent when rebalancing every Δt.
   *
   * <p>Source: H. E. Leland, "Option pricing and replication with transactions costs", Journal of
   * Finance 40(5), 1985, 1283–1301. Here k is the round-trip proportional cost (buying and selling
   * one unit at S costs k·S in total; a half-spread of s each way gives k = 2s).
   *
   * @param roundTripCost k ≥ 0
   * @param vol σ &gt; 0
   * @param rebalanceYears Δt &gt; 0, the rebalancing interval in years
   */
  public static double lelandNumber(double roundTripCost, double vol, double rebalanceYears) {
    Require.nonNegative("roundTripCost", roundTripCost);
    Require.positive("vol", vol);
    Require.positive("rebalanceYears", rebalanceYears);
    return SQRT_2_OVER_PI * roundTripCost / (vol * Math.sqrt(rebalanceYears));
  }

  /**
   * Leland's transaction-cost adjusted volatility: σ² scaled by (1 + Le) for a short option (the
   * writer charges for hedging costs) and by (1 − Le) for a long option.
   *
   * @throws InvalidInputException DOMAIN for a long option when Le ≥ 1 (costs exceed the gamma rent:
   *     no positive adjusted variance exists), naming {@code roundTripCost}
   */
  public static double lelandVol(double vol, double roundTripCost, double rebalanceYears, boolean longOption) {
    double le = lelandNumber(roundTripCost, vol, rebalanceYears);
    double factor = longOption ? 1 - le : 1 + le;
    if (!(factor > 0)) {
      throw InvalidInputException.domain("roundTripCost", "Leland number " + le
          + " >= 1: hedging costs exceed the long option's gamma rent at this rebalancing interval");
    }
    return vol * Math.sqrt(factor);
  }
}
