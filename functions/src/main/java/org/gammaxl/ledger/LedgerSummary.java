package org.gammaxl.ledger;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The summary of a ledger run: one value per {@link SummaryItem}; immutable. */
public final class LedgerSummary {
  private final double[] values;

  LedgerSummary(double[] values) {
    this.values = values.clone();
  }

  /** The value of one item. */
  public double value(SummaryItem item) {
    return values[item.ordinal()];
  }

  /** All values in {@link SummaryItem} order, a fresh array. */
  public double[] toArray() {
    return values.clone();
  }

  /** Ordered (label, value) pairs, for a two-column worksheet table. */
  public List<Map.Entry<String, Double>> entries() {
    List<Map.Entry<String, Double>> list = new ArrayList<>();
    for (SummaryItem item : SummaryItem.values()) {
      list.add(new AbstractMap.SimpleImmutableEntry<>(item.label(), values[item.ordinal()]));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("LedgerSummary{");
    for (SummaryItem item : SummaryItem.values()) {
      b.append(item.ordinal() == 0 ? "" : ", ").append(item.label()).append('=').append(values[item.ordinal()]);
    }
    return b.append('}').toString();
  }
}
