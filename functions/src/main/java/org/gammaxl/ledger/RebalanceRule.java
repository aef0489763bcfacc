package org.gammaxl.ledger;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * When the ledger engine rebalances the delta hedge. The meaning of {@link HedgePolicy#threshold()}
 * depends on the rule and is given on each constant. Every rule hedges at the first observation and
 * closes the hedge when the last option leg has expired.
 */
public enum RebalanceRule {
  /** At every observation; threshold ignored. */
  EVERY,
  /** When at least {@code threshold} years have passed since the last rebalance (1/52 = weekly). */
  TIME,
  /** When the net delta |Δ_options + Δ_hedge| exceeds {@code threshold} units of underlying. */
  DELTA,
  /** When the spot has moved by at least {@code threshold} price units since the last rebalance. */
  MOVE,
  /** When the spot has moved by at least {@code threshold} as a fraction (0.01 = 1 %) since the last rebalance. */
  MOVE_PERCENT,
  /**
   * When the net delta leaves the Whalley–Wilmott band (see
   * {@link org.gammaxl.hedge.HedgeBands#whalleyWilmott}); {@code threshold} is the risk aversion γ
   * per unit of currency, and the proportional cost λ is the policy's fee bps + slippage bps, plus
   * the quoted relative half-spread when the policy uses it.
   */
  WW;

  /** Parses a worksheet keyword, case-insensitive: EVERY, TIME, DELTA, MOVE, MOVE% (MOVE_PERCENT), WW. */
  public static RebalanceRule parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "_");
    switch (key) {
      case "EVERY": case "ALL": return EVERY;
      case "TIME": case "INTERVAL": return TIME;
      case "DELTA": case "BAND": return DELTA;
      case "MOVE": return MOVE;
      case "MOVE%": case "MOVE_PERCENT": case "MOVEPCT": case "MOVE_PCT": return MOVE_PERCENT;
      case "WW": case "WHALLEYWILMOTT": case "WHALLEY_WILMOTT": return WW;
      default: throw InvalidInputException.type("rule", "unknown rebalancing rule '" + text
          + "'; expected EVERY, TIME, DELTA, MOVE, MOVE% or WW");
    }
  }
}
