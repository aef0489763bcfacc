package org.gammaxl.pricing;

import java.util.Arrays;

/**
 * All greeks of one option, raw units (see {@link Greek} for each definition and unit), immutable.
 * Pricers fill every entry they support; an entry a model cannot define is {@code NaN}.
 */
public final class Greeks {
  private static final int N = Greek.values().length;
  private final double[] values;

  private Greeks(double[] values) {
    this.values = values;
  }

  /**
   * Wraps values given in {@link Greek} order.
   *
   * @param values one value per {@link Greek}, in declaration order; copied
   */
  public static Greeks of(double... values) {
    if (values.length != N) {
      throw new IllegalArgumentException("expected " + N + " greeks, got " + values.length);
    }
    return new Greeks(values.clone());
  }

  /**
   * Wraps {@code values} without copying, for the pricers of this package that hand over a freshly
   * filled array they never touch again.
   */
  static Greeks wrap(double[] values) {
    if (values.length != N) {
      throw new IllegalArgumentException("expected " + N + " greeks, got " + values.length);
    }
    return new Greeks(values);
  }

  /** The raw value of one greek. */
  public double get(Greek greek) {
    return values[greek.ordinal()];
  }

  /** The value of one greek in trader units ({@link Greek#traderScale()}). */
  public double inTraderUnits(Greek greek) {
    return values[greek.ordinal()] * greek.traderScale();
  }

  /** All raw values in {@link Greek} order; a fresh copy. */
  public double[] toArray() {
    return values.clone();
  }

  public double price() { return values[0]; }
  public double delta() { return values[1]; }
  public double gamma() { return values[2]; }
  public double vega() { return values[3]; }
  public double theta() { return values[4]; }
  public double rho() { return values[5]; }
  public double phi() { return values[6]; }
  public double vanna() { return values[7]; }
  public double charm() { return values[8]; }
  public double vomma() { return values[9]; }
  public double speed() { return values[10]; }
  public double zomma() { return values[11]; }
  public double color() { return values[12]; }
  public double veta() { return values[13]; }
  public double ultima() { return values[14]; }
  public double dualDelta() { return values[15]; }
  public double dualGamma() { return values[16]; }
  public double lambda() { return values[17]; }

  @Override
  public boolean equals(Object o) {
    return o instanceof Greeks && Arrays.equals(values, ((Greeks) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Greeks{");
    for (Greek g : Greek.values()) {
      b.append(g.ordinal() == 0 ? "" : ", ").append(g).append('=').append(values[g.ordinal()]);
    }
    return b.append('}').toString();
  }
}
