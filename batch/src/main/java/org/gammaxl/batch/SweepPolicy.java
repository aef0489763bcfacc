package org.gammaxl.batch;

import java.io.Serializable;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.HedgeTarget;
import org.gammaxl.workbooks.report.PositionFile;

/**
 * One hedging policy of a sweep, a row of the expanded policy grid. Every setting is optional: a
 * {@code null} keeps the book's own value from its position file (the book's default, NEUTRAL target,
 * no half-spread and no fee per contract for the settings a position file does not have).
 *
 * @param id 1-based number in the expanded grid, the {@code policy} column of the output
 * @param source where the policy was read from, {@code file:line}, for messages
 * @param rule rebalancing rule keyword ({@code RebalanceRule} name: EVERY, TIME, DELTA, MOVE, MOVE_PERCENT, WW)
 * @param threshold the rule's threshold, unit as on {@code RebalanceRule}
 * @param target NEUTRAL or BAND_EDGE
 * @param feeBps fee in basis points of traded notional
 * @param feePerContract fixed fee per hedge-instrument unit traded, currency
 * @param slippageBps slippage in basis points of the mark
 * @param halfSpread whether trades pay the quoted half-spread when the prices have bid and ask
 * @param hedge hedge instrument: SPOT, FUTURE, PERP or INVERSE
 * @param futureExpiry delivery of the hedge future, Excel serial date-time
 * @param lot hedge lot size in instrument units, 0 = no rounding
 * @param rate continuously compounded rate
 * @param yield continuous dividend / borrow / foreign rate
 */
record SweepPolicy(int id, String source, String rule, Double threshold, String target, Double feeBps,
    Double feePerContract, Double slippageBps, Boolean halfSpread, String hedge, Double futureExpiry, Double lot,
    Double rate, Double yield) implements Serializable {

  /** The book's position file with this policy's settings in place of its own. */
  PositionFile applyTo(PositionFile b) {
    String h = hedge == null ? b.hedge() : hedge;
    double fx = futureExpiry != null ? futureExpiry : h.equals("FUTURE") ? b.futureExpiry() : Double.NaN;
    return new PositionFile(b.underlying(), b.type(), b.strike(), b.expiry(), b.quantity(), b.multiplier(), b.vol(),
        b.premium(), or(rule, b.rule()), or(threshold, b.threshold()), or(feeBps, b.feeBps()),
        or(slippageBps, b.slippageBps()), or(rate, b.rate()), or(yield, b.yield()), h, fx, or(lot, b.lot()),
        b.model(), b.legs(), b.basis());
  }

  /** Sets the policy settings a position file does not carry. */
  HedgePolicy.Builder extraSettings(HedgePolicy.Builder b) {
    return b.target(target == null ? HedgeTarget.NEUTRAL : HedgeTarget.valueOf(target))
        .feePerContract(feePerContract == null ? 0 : feePerContract)
        .useHalfSpread(halfSpread != null && halfSpread);
  }

  private static <T> T or(T value, T dflt) {
    return value == null ? dflt : value;
  }
}
