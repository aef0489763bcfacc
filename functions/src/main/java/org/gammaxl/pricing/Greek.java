package org.gammaxl.pricing;

/**
 * The greeks GammaXL computes, in the fixed order of {@code GX.GREEKS} and {@link Greeks#toArray()}.
 *
 * <p>Every pricer returns the <b>raw</b> partial derivative named here: per 1.00 of the variable
 * (vol 0.20 → 0.21 is a change of 0.01), time in years, and time-decay greeks taken with respect to
 * calendar time t (that is −∂/∂T where T is the time to expiry). {@link #traderScale()} converts
 * a raw value to the trader units a worksheet shows by default (per vol point, per 1 %, per
 * calendar day). V is the option value in the model's premium currency, S the spot (or forward for
 * Black-76), K the strike, σ the volatility, r the continuously compounded rate, q the yield.
 */
public enum Greek {
  /** V — the option value. Trader units: unchanged. */
  PRICE(1.0),
  /** ∂V/∂S. Trader units: unchanged. */
  DELTA(1.0),
  /** ∂²V/∂S². Trader units: unchanged. */
  GAMMA(1.0),
  /** ∂V/∂σ per 1.00 of vol. Trader units: per vol point (× 0.01). */
  VEGA(0.01),
  /** ∂V/∂t = −∂V/∂T per year. Trader units: per calendar day (÷ 365). */
  THETA(1.0 / 365.0),
  /** ∂V/∂r per 1.00 of rate. Trader units: per 1 % (× 0.01). */
  RHO(0.01),
  /** ∂V/∂q (dividend / foreign-rate rho) per 1.00. Trader units: per 1 % (× 0.01). */
  PHI(0.01),
  /** ∂²V/∂S∂σ. Trader units: per vol point (× 0.01). */
  VANNA(0.01),
  /** ∂Δ/∂t = −∂²V/∂S∂T per year. Trader units: per calendar day (÷ 365). */
  CHARM(1.0 / 365.0),
  /** ∂²V/∂σ² (volga). Trader units: per vol point² (× 0.0001). */
  VOMMA(1e-4),
  /** ∂³V/∂S³. Trader units: unchanged. */
  SPEED(1.0),
  /** ∂Γ/∂σ = ∂³V/∂S²∂σ. Trader units: per vol point (× 0.01). */
  ZOMMA(0.01),
  /** ∂Γ/∂t = −∂³V/∂S²∂T per year. Trader units: per calendar day (÷ 365). */
  COLOR(1.0 / 365.0),
  /** ∂vega/∂t = −∂²V/∂σ∂T per year. Trader units: per vol point per calendar day (× 0.01 ÷ 365). */
  VETA(0.01 / 365.0),
  /** ∂³V/∂σ³. Trader units: per vol point³ (× 1e-6). */
  ULTIMA(1e-6),
  /** ∂V/∂K (dual delta). Trader units: unchanged. */
  DUALDELTA(1.0),
  /** ∂²V/∂K² (dual gamma). Trader units: unchanged. */
  DUALGAMMA(1.0),
  /** Elasticity Λ = Δ·S/V, the percentage change in value per percentage change in spot. Unitless. */
  LAMBDA(1.0);

  private final double traderScale;

  Greek(double traderScale) {
    this.traderScale = traderScale;
  }

  /** Factor that turns the raw derivative into the trader unit stated on each constant. */
  public double traderScale() {
    return traderScale;
  }
}
