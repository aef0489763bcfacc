package org.gammaxl.ledger;

/**
 * One leg's values at an event ({@link LedgerRun#leg}), named as the {@link LedgerColumn} of the
 * same meaning for the whole book. Each is the leg's own — quantity × multiplier × the per-unit value —
 * so the book's OPTION_VALUE, GAMMA, VEGA, THETA and the option side of its P&amp;L columns are the sums
 * over the legs. P&amp;L columns are cumulative since the first event; a leg's DELTA_PNL is its own
 * unhedged Σ Δᵢ·ΔS (the hedge's is the book's alone), its CARRY_PNL the financing of its premium.
 */
public enum LegColumn {
  /** Years to this leg's expiry (0 once expired). */
  YEARS_LEFT,
  /** The leg's implied vol at this event (its mark on the smile). */
  VOL,
  /** The leg's value, 0 once expired. */
  OPTION_VALUE,
  /** The leg's model delta, units of underlying. */
  DELTA,
  GAMMA,
  /** Vega per 1.00 of vol. */
  VEGA,
  /** Theta ∂V/∂t per year of the ledger's clock. */
  THETA,
  /** The smile-adjusted delta Δ + vega·∂σ/∂S (equal to DELTA under STICKY_STRIKE). */
  SMILE_DELTA,
  /** Cash received (+) or paid (−) when the leg settled at intrinsic value at this event. */
  SETTLEMENT,
  /** Value + financed settlements − the financed premium paid at the first event. */
  OPTION_PNL,
  /** Σ Δ·ΔS of the leg alone. */
  DELTA_PNL,
  /** Σ ½ΓΔS². */
  GAMMA_PNL,
  /** Σ ΘΔt. */
  THETA_PNL,
  /** Σ vega·Δσ, with Δσ the leg's own vol change. */
  VEGA_PNL,
  /** Σ interest on the leg's premium and settlements. */
  CARRY_PNL,
  /** OPTION_PNL minus the leg's attributed terms. */
  RESIDUAL_PNL;

  private static final LegColumn[] VALUES = values();

  /** The header text (the constant's name). */
  public String header() {
    return name();
  }

  /** The book column of the same name. */
  public LedgerColumn bookColumn() {
    return this == SMILE_DELTA ? null : LedgerColumn.valueOf(name());
  }

  static LegColumn[] all() {
    return VALUES;
  }
}
