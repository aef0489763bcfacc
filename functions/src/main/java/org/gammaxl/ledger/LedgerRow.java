package org.gammaxl.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the ledger: the value of every {@link LedgerColumn} at one event.
 *
 * <p><b>Reuse:</b> to keep the engine free of per-event allocation, the row handed to a row consumer
 * by {@link HedgeLedger#run} is a view that the engine overwrites at the next event. Read it inside
 * the consumer, or keep {@link #snapshot()} (an independent copy) or {@link #toArray()}.
 */
public final class LedgerRow {
  private static final int N = LedgerColumn.all().length;
  final double[] values;

  LedgerRow() {
    this.values = new double[N];
  }

  private LedgerRow(double[] values) {
    this.values = values;
  }

  /** The value of one column (units as documented on {@link LedgerColumn}). */
  public double value(LedgerColumn column) {
    return values[column.ordinal()];
  }

  /** All values in {@link LedgerColumn} order, a fresh array. */
  public double[] toArray() {
    return values.clone();
  }

  /** An independent copy that later events do not change. */
  public LedgerRow snapshot() {
    return new LedgerRow(values.clone());
  }

  /** The column headers in order, for the first row of a worksheet table. */
  public static List<String> headers() {
    List<String> h = new ArrayList<>(N);
    for (LedgerColumn c : LedgerColumn.all()) {
      h.add(c.header());
    }
    return h;
  }

  public double time() { return values[LedgerColumn.TIME.ordinal()]; }

  public double spot() { return values[LedgerColumn.SPOT.ordinal()]; }

  public double hedgePosition() { return values[LedgerColumn.HEDGE_POSITION.ordinal()]; }

  public double tradeQuantity() { return values[LedgerColumn.TRADE_QTY.ordinal()]; }

  public double hedgeCash() { return values[LedgerColumn.HEDGE_CASH.ordinal()]; }

  public double totalPnl() { return values[LedgerColumn.TOTAL_PNL.ordinal()]; }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("LedgerRow{");
    for (LedgerColumn c : LedgerColumn.all()) {
      b.append(c.ordinal() == 0 ? "" : ", ").append(c.header()).append('=').append(values[c.ordinal()]);
    }
    return b.append('}').toString();
  }
}
