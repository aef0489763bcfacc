package org.gammaxl.sheet;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;

/**
 * The coerced arguments of one call, as a general function body reads them (see {@link Param} for
 * the coercion rules). Positions are argument indexes.
 */
public final class Values {
  private final Param[] params;
  private final Object[] values;

  Values(Param[] params, Object[] values) {
    this.params = params;
    this.values = values;
  }

  /** A number, date serial, boolean (1/0) or keyword code. */
  public double number(int i) {
    return (Double) values[i];
  }

  /** A boolean argument. */
  public boolean bool(int i) {
    return number(i) != 0;
  }

  /** A keyword argument as the enum constant whose ordinal is its code. */
  public <E extends Enum<E>> E choice(int i, E[] constants) {
    return constants[(int) number(i)];
  }

  /** Whether an optional series or table was left out. */
  public boolean isAbsent(int i) {
    return values[i] == null;
  }

  /** The argument's name, for error messages. */
  public String name(int i) {
    return params[i].name();
  }

  /** A series with blank cells skipped (a fresh array; empty when every cell is blank). */
  public double[] series(int i) {
    double[] raw = (double[]) values[i];
    if (raw == null) {
      return null;
    }
    int n = 0;
    for (double x : raw) {
      if (!Double.isNaN(x)) {
        n++;
      }
    }
    double[] out = new double[n];
    int k = 0;
    for (double x : raw) {
      if (!Double.isNaN(x)) {
        out[k++] = x;
      }
    }
    return out;
  }

  /** A series as given, blank cells as {@code NaN} (positions kept). */
  public double[] rawSeries(int i) {
    return (double[]) values[i];
  }

  /**
   * Several series read side by side (e.g. open, high, low, close): they must have the same number
   * of cells; a position blank in every series is skipped (a range sized ahead of the data), a
   * position blank in some but not all is {@code #N/A}.
   *
   * @return one array per argument, equal lengths
   */
  public double[][] aligned(int... indexes) {
    double[][] raw = new double[indexes.length][];
    for (int j = 0; j < indexes.length; j++) {
      raw[j] = (double[]) values[indexes[j]];
      if (raw[j].length != raw[0].length) {
        throw InvalidInputException.type(name(indexes[j]), "has " + raw[j].length + " cells but "
            + name(indexes[0]) + " has " + raw[0].length + "; the ranges must be the same size");
      }
    }
    int n = raw[0].length;
    double[][] out = new double[indexes.length][n];
    int k = 0;
    for (int p = 0; p < n; p++) {
      int blanks = 0;
      for (double[] s : raw) {
        if (Double.isNaN(s[p])) {
          blanks++;
        }
      }
      if (blanks == indexes.length) {
        continue;
      }
      if (blanks > 0) {
        for (int j = 0; j < indexes.length; j++) {
          if (Double.isNaN(raw[j][p])) {
            throw InvalidInputException.notAvailable(name(indexes[j]), "cell " + (p + 1)
                + " is blank while the other ranges have a value there");
          }
        }
      }
      for (int j = 0; j < indexes.length; j++) {
        out[j][k] = raw[j][p];
      }
      k++;
    }
    for (int j = 0; j < indexes.length; j++) {
      out[j] = Arrays.copyOf(out[j], k);
    }
    return out;
  }

  /** A text argument ({@link Param#text}). */
  public String text(int i) {
    return (String) values[i];
  }

  /** A pass-through argument as the host gave it ({@link Param#any}). */
  public Object raw(int i) {
    return values[i];
  }

  /**
   * One cell of a per-leg argument (a table argument holding either one value for every leg or one
   * cell per leg, read row by row), read with the scalar rules of {@code rule}.
   *
   * @param legs how many legs there are (cells of the argument that defines the legs)
   */
  public double leg(int i, Param rule, int leg, int legs) {
    Object[][] t = (Object[][]) values[i];
    if (t == null) {
      return rule.toNumber(Empty.MISSING);
    }
    int cols = t.length == 0 ? 0 : t[0].length;
    int n = t.length * cols;
    if (n != 1 && n != legs) {
      throw InvalidInputException.type(name(i), "has " + n + " cells; give one value for all legs or one per leg ("
          + legs + ")");
    }
    Object cell = n == 1 ? t[0][0] : t[leg / cols][leg % cols];
    return read(rule, cell, name(i) + " leg " + (leg + 1));
  }

  /**
   * One cell of a table argument read as a number ({@link Param#number} rules), errors naming the
   * argument, row and column.
   */
  public double tableNumber(int i, int row, int column) {
    Object[][] t = (Object[][]) values[i];
    Object cell = column < t[row].length ? t[row][column] : Empty.BLANK;
    return read(CELL_NUMBER, cell, name(i) + " row " + (row + 1) + " column " + (column + 1));
  }

  private static final Param CELL_NUMBER = Param.number("cell", "");

  /** Reads {@code cell} with {@code rule}, naming {@code where} in any error. */
  static double read(Param rule, Object cell, String where) {
    try {
      return rule.toNumber(cell);
    } catch (InvalidInputException e) {
      String msg = e.getMessage().substring(e.argument().length() + 2);
      switch (e.kind()) {
        case DOMAIN: throw InvalidInputException.domain(where, msg);
        case NOT_AVAILABLE: throw InvalidInputException.notAvailable(where, msg);
        default: throw InvalidInputException.type(where, msg);
      }
    } catch (PropagatedError e) {
      throw new PropagatedError(where, e.error());
    }
  }

  /** A table argument as rows × columns, or {@code null} when an optional table was left out. */
  public Object[][] table(int i) {
    return (Object[][]) values[i];
  }
}
