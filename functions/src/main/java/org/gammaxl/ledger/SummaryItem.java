package org.gammaxl.ledger;

/**
 * The entries of a {@link LedgerSummary}, in the fixed order a worksheet shows them. Money in the
 * premium currency, vols as decimals, times in years.
 */
public enum SummaryItem {
  /** Number of observations processed. */
  EVENTS,
  /** Time from the first to the last observation, years. */
  YEARS,
  /** Value of the position at the first event (the premium paid, negative when short). */
  INITIAL_OPTION_VALUE,
  /** Total P&amp;L (the last row's TOTAL_PNL). */
  TOTAL_PNL,
  OPTION_PNL,
  HEDGE_PNL,
  DELTA_PNL,
  GAMMA_PNL,
  THETA_PNL,
  VEGA_PNL,
  CARRY_PNL,
  COST_PNL,
  RESIDUAL_PNL,
  /** Number of hedge trades (events with a non-zero trade). */
  HEDGE_COUNT,
  /** Σ |trade quantity|, instrument units. */
  TURNOVER,
  /** Σ |trade notional|, currency. */
  TURNOVER_NOTIONAL,
  /** Σ fees paid. */
  FEES,
  /** Σ spread and slippage paid. */
  SLIPPAGE,
  /** Σ interest credited to the hedge cash. */
  FINANCING,
  /**
   * Close-to-close realized vol of the path's spots, each log return scaled by its own time step
   * (demeaned, n − 1, as {@code RealizedVolatility.closeToClose(times, closes)}); NaN with fewer than 3 events.
   */
  REALIZED_VOL,
  /** Time-weighted root-mean-square of the vol used over the path (while options were alive). */
  IMPLIED_VOL,
  /**
   * The theoretical expectation Σ ½ΓS²(σ_realized² − σ_implied²)Δt over the path (Γ, S, σ_implied
   * at the start of each step), with σ_realized the path's REALIZED_VOL; NaN when that is.
   */
  EXPECTED_PNL,
  /** Mean time between observations, years. */
  MEAN_PERIOD,
  /** Breakeven move √(2|Θ|·MEAN_PERIOD/|Γ|) at the first event, price units (NaN without gamma). */
  BREAKEVEN_MOVE,
  /**
   * Σ cash dividends the hedge's stock received (+, long) or paid (−, short) on the ex-dates inside the path:
   * shares held × amount. Included in HEDGE_PNL and in DELTA_PNL, which takes the cum-dividend move S − S₀ + D
   * for the hedge and for the options alike (the options' escrowed value does not drop with the ex-date's spot).
   */
  DIVIDENDS;

  /** The text shown next to the value (the constant's name). */
  public String label() {
    return name();
  }
}
