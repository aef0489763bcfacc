package org.gammaxl.calc;

import com.sun.star.uno.Any;
import com.sun.star.uno.TypeClass;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;

/**
 * Converts between what Calc passes to and expects from a UNO add-in and the catalogue's
 * host-neutral values.
 *
 * <p>Calc hands an {@code any} argument over as a Double (numbers, dates and booleans alike), a
 * String, a void {@link Any} when the argument was left out, or an {@code Object[][]} for a range,
 * in which an empty cell is an empty string. A result error travels as a NaN whose low 32 bits hold
 * Calc's FormulaError code — the same encoding Calc uses internally — so Calc shows (and writes to
 * .xlsx) the catalogue's Excel error.
 */
public final class CalcValues {
  /** Calc FormulaError codes for Excel's errors. */
  private static final int NO_CODE = 521;            // #NULL!
  private static final int DIVISION_BY_ZERO = 532;   // #DIV/0!
  private static final int NO_VALUE = 519;           // #VALUE!
  private static final int NO_REF = 524;             // #REF!
  private static final int NO_NAME = 525;            // #NAME?
  private static final int ILLEGAL_FP = 503;         // #NUM!
  private static final int NOT_AVAILABLE = 0x7FFF;   // #N/A

  private CalcValues() {
  }

  /** One argument as Calc passed it → a host-neutral value. */
  public static Object fromCalc(Object value) {
    Object v = unwrap(value);
    if (v == null) {
      return Empty.MISSING;
    }
    if (v instanceof Object[][]) {
      Object[][] rows = (Object[][]) v;
      Object[][] out = new Object[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        out[r] = new Object[rows[r].length];
        for (int c = 0; c < rows[r].length; c++) {
          Object cell = unwrap(rows[r][c]);
          out[r][c] = cell == null || "".equals(cell) ? Empty.BLANK : scalar(cell);
        }
      }
      return out;
    }
    return scalar(v);
  }

  private static Object unwrap(Object value) {
    if (value instanceof Any) {
      Any any = (Any) value;
      return any.getType().getTypeClass() == TypeClass.VOID ? null : unwrap(any.getObject());
    }
    return value;
  }

  private static Object scalar(Object v) {
    if (v instanceof Double || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    return ExcelError.VALUE;
  }

  /** A catalogue result → what Calc displays. */
  public static Object toCalc(Object result) {
    if (result instanceof Object[][]) {
      Object[][] rows = (Object[][]) result;
      Object[][] out = new Object[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        out[r] = new Object[rows[r].length];
        for (int c = 0; c < rows[r].length; c++) {
          out[r][c] = scalarToCalc(rows[r][c]);
        }
      }
      return out;
    }
    return scalarToCalc(result);
  }

  private static Object scalarToCalc(Object v) {
    if (v instanceof Double) {
      ExcelError tagged = ExcelError.fromNaN((Double) v);
      return tagged != null ? error(tagged) : v;
    }
    if (v instanceof ExcelError) {
      return error((ExcelError) v);
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1.0 : 0.0;
    }
    if (v instanceof String) {
      return v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    return v == null || v instanceof Empty ? "" : error(ExcelError.VALUE);
  }

  /** The NaN that Calc reads as {@code error}. */
  public static double error(ExcelError error) {
    int code;
    switch (error) {
      case NULL: code = NO_CODE; break;
      case DIV0: code = DIVISION_BY_ZERO; break;
      case VALUE: code = NO_VALUE; break;
      case REF: code = NO_REF; break;
      case NAME: code = NO_NAME; break;
      case NUM: code = ILLEGAL_FP; break;
      default: code = NOT_AVAILABLE; break;
    }
    return Double.longBitsToDouble(0x7FF8_0000_0000_0000L | code);
  }
}
