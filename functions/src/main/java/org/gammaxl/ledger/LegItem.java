package org.gammaxl.ledger;

/**
 * The per-leg entries of a book's summary ({@link LegSummary}), named as the {@link SummaryItem} of the
 * same meaning: a trader reads which leg made the gamma and which paid the theta. Money in the premium
 * currency; the book's items are the sums over its legs (plus the hedge's terms for DELTA_PNL and
 * CARRY_PNL).
 */
public enum LegItem {
  /** The leg's value at the first event (the premium paid, negative when short). */
  INITIAL_OPTION_VALUE,
  /** The leg's value + financed settlements − its financed premium, at the last event. */
  OPTION_PNL,
  /** Σ Δ·ΔS of the leg alone (unhedged). */
  DELTA_PNL,
  GAMMA_PNL,
  THETA_PNL,
  VEGA_PNL,
  /** Interest on the leg's premium and settlements. */
  CARRY_PNL,
  /** OPTION_PNL minus the attributed terms. */
  RESIDUAL_PNL,
  /** Time-weighted root-mean-square of the leg's own vol while it was alive. */
  IMPLIED_VOL,
  /** Σ ½ΓS²(σ_realized² − σ_leg²)Δt with the book's REALIZED_VOL; NaN when that is. */
  EXPECTED_PNL,
  /** √(2|Θ|·MEAN_PERIOD/|Γ|) of the leg at the first event, price units. */
  BREAKEVEN_MOVE;

  /** The summary item of the same name. */
  public SummaryItem summaryItem() {
    return SummaryItem.valueOf(name());
  }

  /** The leg item of the same name as {@code item}, or null when the item is the book's alone. */
  public static LegItem of(SummaryItem item) {
    for (LegItem l : values()) {
      if (l.name().equals(item.name())) {
        return l;
      }
    }
    return null;
  }
}
