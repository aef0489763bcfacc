package org.gammaxl.workbooks.poi;

import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.MissingArgEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.RefEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;

/**
 * Conversion between POI's formula values ({@link ValueEval}) and the catalogue's host-neutral values
 * (Double, Boolean, String, {@link ExcelError}, {@link Empty}, {@code Object[][]}), following the rules
 * every host shares: references become values, a range becomes a rows × columns array, a blank cell is
 * {@link Empty#BLANK}, an omitted argument is {@link Empty#MISSING}. POI's error codes are Excel's C API
 * codes, so errors map one to one.
 */
public final class PoiValues {
  private PoiValues() {}

  /**
   * One argument as the catalogue expects it.
   *
   * @param value what POI passed
   * @param kind the argument's kind; a one-cell range is passed as its value unless the kind is a
   *     series or table (which always receive an array)
   */
  public static Object toNeutral(ValueEval value, ArgKind kind) {
    boolean wantsArray = kind == ArgKind.SERIES || kind == ArgKind.TABLE;
    if (value instanceof AreaEval area) {
      if (!wantsArray && area.getHeight() == 1 && area.getWidth() == 1) {
        return scalar(area.getRelativeValue(0, 0));
      }
      return array(area);
    }
    if (value instanceof RefEval ref) {
      Object inner = scalar(ref.getInnerValueEval(ref.getFirstSheetIndex()));
      return wantsArray ? new Object[][] {{inner}} : inner;
    }
    Object scalar = scalar(value);
    if (wantsArray && !(scalar instanceof Empty) && !(scalar instanceof ExcelError)) {
      return new Object[][] {{scalar}};
    }
    return scalar;
  }

  private static Object[][] array(AreaEval area) {
    int rows = area.getHeight();
    int cols = area.getWidth();
    Object[][] out = new Object[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = scalar(area.getRelativeValue(r, c));
      }
    }
    return out;
  }

  /** A single value; references are dereferenced. */
  static Object scalar(ValueEval value) {
    if (value instanceof NumberEval n) {
      return n.getNumberValue();
    }
    if (value instanceof BoolEval b) {
      return b.getBooleanValue();
    }
    if (value instanceof StringEval s) {
      return s.getStringValue();
    }
    if (value instanceof ErrorEval e) {
      ExcelError error = ExcelError.fromCode(e.getErrorCode());
      return error == null ? ExcelError.VALUE : error;
    }
    if (value == MissingArgEval.instance) {
      return Empty.MISSING;
    }
    if (value == null || value == BlankEval.instance) {
      return Empty.BLANK;
    }
    if (value instanceof RefEval ref) {
      return scalar(ref.getInnerValueEval(ref.getFirstSheetIndex()));
    }
    if (value instanceof AreaEval area && area.getHeight() == 1 && area.getWidth() == 1) {
      return scalar(area.getRelativeValue(0, 0));
    }
    return ExcelError.VALUE;
  }

  /**
   * A catalogue result as a POI value; an array becomes an area anchored at {@code (row, col)} so that
   * POI can distribute it over an array-formula range.
   */
  public static ValueEval fromNeutral(Object result, int row, int col) {
    if (result instanceof Object[][] array) {
      int rows = array.length;
      int cols = rows == 0 ? 0 : array[0].length;
      if (rows == 0 || cols == 0) {
        return ErrorEval.NA;
      }
      ValueEval[] values = new ValueEval[rows * cols];
      for (int r = 0; r < rows; r++) {
        if (array[r].length != cols) {
          return ErrorEval.VALUE_INVALID;
        }
        for (int c = 0; c < cols; c++) {
          values[r * cols + c] = scalarResult(array[r][c]);
        }
      }
      return new CacheAreaEval(row, col, row + rows - 1, col + cols - 1, values);
    }
    return scalarResult(result);
  }

  private static ValueEval scalarResult(Object value) {
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Number n) {
      return number(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return BoolEval.valueOf(b);
    }
    if (value instanceof String s) {
      return new StringEval(s);
    }
    if (value instanceof ExcelError e) {
      return ErrorEval.valueOf(e.code());
    }
    if (value instanceof Empty || value == null) {
      return BlankEval.instance;
    }
    return ErrorEval.VALUE_INVALID;
  }

  /** A number; an error-tagged NaN becomes its error, any other NaN or infinity {@code #NUM!}. */
  public static ValueEval number(double d) {
    if (Double.isFinite(d)) {
      return new NumberEval(d);
    }
    ExcelError error = ExcelError.fromNaN(d);
    return error != null ? ErrorEval.valueOf(error.code()) : ErrorEval.NUM_ERROR;
  }
}
