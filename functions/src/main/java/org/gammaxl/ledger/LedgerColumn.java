package org.gammaxl.ledger;

/**
 * The columns of a ledger row, in the fixed order a worksheet shows them ({@link #header()} is the
 * header text). Money is in the premium currency; quantities in hedge-instrument units; greeks are
 * the whole position's, raw (see {@link org.gammaxl.pricing.Greek}): DELTA in units of underlying,
 * VEGA per 1.00 of vol, THETA per year. P&amp;L columns are cumulative since the first event.
 *
 * <p>Attribution identity, exact by construction of RESIDUAL_PNL:
 * TOTAL_PNL = DELTA_PNL + GAMMA_PNL + THETA_PNL + VEGA_PNL + CARRY_PNL + COST_PNL + RESIDUAL_PNL.
 * Each step's terms use the greeks of the previous event: Δ_net·ΔS, ½ΓΔS², ΘΔt, vega·Δσ.
 */
public enum LedgerColumn {
  /** Event time, years on the observations' clock. */
  TIME,
  /** Spot of the underlying. */
  SPOT,
  /** Years to the nearest expiry among the legs still alive (0 once all have expired). */
  YEARS_LEFT,
  /** Implied vol used to value the options (the mark, or the last one carried forward). */
  VOL,
  /** Value of the live legs: Σ quantity × multiplier × V. */
  OPTION_VALUE,
  /** Position delta, units of underlying. */
  DELTA,
  /** Position gamma. */
  GAMMA,
  /** Position vega per 1.00 of vol. */
  VEGA,
  /** Position theta ∂V/∂t per year of the observations' clock (a trading year on the TRADING clock). */
  THETA,
  /** The delta-neutral hedge quantity at this event (after lot rounding), instrument units. */
  TARGET_HEDGE,
  /** Hedge quantity held after this event's trade, instrument units. */
  HEDGE_POSITION,
  /** Quantity traded at this event (+ buy, − sell, 0 none). */
  TRADE_QTY,
  /** Execution price of this event's trade, NaN when there was none. */
  TRADE_PRICE,
  /** Cash flow of this event's trade, excluding fees (−q·price for SPOT; the slippage only for margined instruments). */
  TRADE_CASH,
  /** Fees charged at this event (positive = paid). */
  FEES,
  /** Cost of trading away from the mark at this event: spread and slippage (positive = paid). */
  SLIPPAGE,
  /** Interest credited to the hedge cash since the previous event (continuously compounded). */
  FINANCING,
  /** Cash received (+) or paid (−) for legs settled at intrinsic value at this event. */
  SETTLEMENT,
  /** Cumulative cash of the hedge: trade cash, fees, variation margin, dividends, funding and financing. */
  HEDGE_CASH,
  /** Mark value of the hedge holding: q·contractSize·S for SPOT, 0 for margined instruments (settled). */
  HEDGE_VALUE,
  /** OPTION_VALUE minus the financed premium paid at the first event, plus financed settlements. */
  OPTION_PNL,
  /** HEDGE_CASH + HEDGE_VALUE. */
  HEDGE_PNL,
  /** OPTION_PNL + HEDGE_PNL. */
  TOTAL_PNL,
  /** Σ (Δ_options + Δ_hedge)·ΔS: the P&amp;L of the unhedged delta. */
  DELTA_PNL,
  /** Σ ½ΓΔS². */
  GAMMA_PNL,
  /** Σ ΘΔt. */
  THETA_PNL,
  /** Σ vega·Δσ. */
  VEGA_PNL,
  /** Σ interest on the hedge cash and the premium, dividends on a SPOT hedge, a future's roll-down, perp funding. */
  CARRY_PNL,
  /** −Σ (fees + slippage). */
  COST_PNL,
  /** TOTAL_PNL minus all the attributed terms: what the greeks do not explain. */
  RESIDUAL_PNL;

  private static final LedgerColumn[] VALUES = values();

  /** The header text shown above the column (the constant's name). */
  public String header() {
    return name();
  }

  /** All columns in order (shared array: do not modify). */
  static LedgerColumn[] all() {
    return VALUES;
  }
}
