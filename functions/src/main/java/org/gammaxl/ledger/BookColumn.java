package org.gammaxl.ledger;

/**
 * What a book ledger shows at each event beyond the {@link LedgerColumn}s ({@link LedgerRun#book}).
 * The RULE_ columns follow the policy's own rule over the same events when the run books the user's
 * fills (see {@link LedgerRun#step(double, double, double, double, double, double, double)}); when
 * the rule itself trades they repeat HEDGE_POSITION, TRADE_QTY and TOTAL_PNL.
 */
public enum BookColumn {
  /**
   * The options' delta the hedge neutralises, units of underlying: the model delta (HEDGE_DELTA=BS),
   * the smile-adjusted delta (SMILE), or the model delta at the policy's hedge vol.
   */
  HEDGE_DELTA,
  /** The hedge quantity the rule would hold after this event. */
  RULE_HEDGE_POSITION,
  /** The quantity the rule would trade at this event. */
  RULE_TRADE_QTY,
  /** The book's total P&amp;L had the rule done the hedging (same options, the rule's hedge account). */
  RULE_TOTAL_PNL;

  /** The header text (the constant's name). */
  public String header() {
    return name();
  }
}
