package org.gammaxl.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gammaxl.ledger.HedgeTarget;
import org.gammaxl.ledger.LedgerSummary;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.workbooks.report.PositionFile;

/**
 * The sweep's output row, one per (book, policy) pair: {@code book}, {@code underlying}, {@code policy}
 * (the policy's number in the expanded grid), the settings the pair ran with (the policy's, or the
 * book's where the policy leaves one empty), then every {@link SummaryItem} under its label, in the
 * units documented there ({@code EVENTS} and {@code HEDGE_COUNT} as integers; a NaN item is null).
 */
final class SweepColumns {
  static final StructType SCHEMA;
  static final List<String> POLICY_COLUMNS = List.of("rule", "threshold", "target", "fee_bps", "fee_per_contract",
      "slippage_bps", "half_spread", "hedge", "lot", "rate", "yield");
  static final int FIRST_ITEM;

  static {
    StructType s = new StructType()
        .add("book", DataTypes.StringType, false)
        .add("underlying", DataTypes.StringType, false)
        .add("policy", DataTypes.IntegerType, false)
        .add("rule", DataTypes.StringType, false)
        .add("threshold", DataTypes.DoubleType, false)
        .add("target", DataTypes.StringType, false)
        .add("fee_bps", DataTypes.DoubleType, false)
        .add("fee_per_contract", DataTypes.DoubleType, false)
        .add("slippage_bps", DataTypes.DoubleType, false)
        .add("half_spread", DataTypes.BooleanType, false)
        .add("hedge", DataTypes.StringType, false)
        .add("lot", DataTypes.DoubleType, false)
        .add("rate", DataTypes.DoubleType, false)
        .add("yield", DataTypes.DoubleType, false);
    FIRST_ITEM = s.size();
    for (SummaryItem item : SummaryItem.values()) {
      s = s.add(item.label(), integral(item) ? DataTypes.LongType : DataTypes.DoubleType, true);
    }
    SCHEMA = s;
  }

  private SweepColumns() {}

  private static boolean integral(SummaryItem item) {
    return item == SummaryItem.EVENTS || item == SummaryItem.HEDGE_COUNT;
  }

  /** The output row of a pair. */
  static Row row(Book book, SweepPolicy policy, LedgerSummary summary) {
    PositionFile p = policy.applyTo(book.position());
    List<Object> v = new ArrayList<>(SCHEMA.size());
    v.add(book.name());
    v.add(p.underlying());
    v.add(policy.id());
    v.add(RebalanceRule.parse(p.rule()).name());
    v.add(p.threshold());
    v.add(policy.target() == null ? HedgeTarget.NEUTRAL.name() : policy.target());
    v.add(p.feeBps());
    v.add(policy.feePerContract() == null ? 0.0 : policy.feePerContract());
    v.add(p.slippageBps());
    v.add(policy.halfSpread() != null && policy.halfSpread());
    v.add(p.hedge());
    v.add(p.lot());
    v.add(p.rate());
    v.add(p.yield());
    for (SummaryItem item : SummaryItem.values()) {
      double x = summary.value(item);
      v.add(Double.isNaN(x) ? null : integral(item) ? (Object) Math.round(x) : (Object) x);
    }
    return RowFactory.create(v.toArray());
  }
}
