package org.gammaxl.ledger;

/** One leg's summary at the end of a run: one value per {@link LegItem}; immutable. */
public final class LegSummary {
  private final OptionLeg leg;
  private final double[] values;

  LegSummary(OptionLeg leg, double[] values) {
    this.leg = leg;
    this.values = values.clone();
  }

  /** The leg summarised. */
  public OptionLeg leg() {
    return leg;
  }

  /** The value of one item. */
  public double value(LegItem item) {
    return values[item.ordinal()];
  }

  /** All values in {@link LegItem} order, a fresh array. */
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("LegSummary{").append(leg);
    for (LegItem item : LegItem.values()) {
      b.append(", ").append(item.name()).append('=').append(values[item.ordinal()]);
    }
    return b.append('}').toString();
  }
}
