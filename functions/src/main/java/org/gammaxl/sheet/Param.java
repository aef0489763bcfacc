package org.gammaxl.sheet;

import java.util.Objects;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * One argument of a catalogue function: its {@link Argument} description plus the coercion every host
 * shares. A host value (see the package documentation) becomes
 * <ul>
 *   <li>a {@code double} for numbers, dates (Excel serials), booleans (1 or 0) and keywords (the
 *       keyword's code, see {@link Keyword});</li>
 *   <li>a {@code double[]} for a series, blank cells kept as {@code NaN} until the body asks
 *       ({@link Values#series}, {@link Values#aligned});</li>
 *   <li>an {@code Object[][]} for a table.</li>
 * </ul>
 * Rules: an {@link ExcelError} anywhere in the argument propagates; {@link Empty#MISSING} takes the
 * default (an error for a required argument); a blank cell where one value is required is {@code #N/A}
 * (nothing to compute yet) unless the argument is optional, when it takes the default; a one-cell
 * range counts as its value; text where a number is expected, or an unknown keyword, is {@code #VALUE!};
 * a number that is not finite is {@code #NUM!}.
 */
public final class Param {

  /** How the host value is read. */
  enum Form { NUMBER, NUMBER_OR_TABLE, DATE, BOOLEAN, KEYWORD, SERIES, TABLE, ANY, TEXT }

  private final Argument argument;
  private final Form form;
  private final Keyword keyword;
  private final double numericDefault;

  private Param(Argument argument, Form form, Keyword keyword, double numericDefault) {
    this.argument = argument;
    this.form = form;
    this.keyword = keyword;
    this.numericDefault = numericDefault;
  }

  /** A required number. */
  public static Param number(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.NUMBER, false, null), Form.NUMBER, null, Double.NaN);
  }

  /**
   * A required number that may instead be given as a range of more than one cell (a vol or a vol surface): on
   * the numeric fast path it is a number; a general body sees a Double, or an {@code Object[][]} for such a range
   * ({@link Values#raw}). A call that gives the range takes the function's general body.
   */
  public static Param numberOrTable(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.NUMBER, false, null), Form.NUMBER_OR_TABLE, null, Double.NaN);
  }

  /** A required date-time: an Excel serial (1900 system) or ISO text such as {@code 2024-03-15}. */
  public static Param date(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.DATE, false, null), Form.DATE, null, Double.NaN);
  }

  /** A required TRUE/FALSE (a number counts as TRUE unless 0). */
  public static Param bool(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.BOOLEAN, false, null), Form.BOOLEAN, null, Double.NaN);
  }

  /** A required keyword from {@code keyword}; the help lists the accepted keywords. */
  public static Param keyword(String name, String help, Keyword keyword) {
    ArgKind kind = keyword.acceptsNumber(1) || keyword.acceptsNumber(-1) || keyword.acceptsNumber(0)
        ? ArgKind.NUMBER_OR_TEXT : ArgKind.TEXT;
    return new Param(new Argument(name, help, kind, false, null), Form.KEYWORD, keyword, Double.NaN);
  }

  /** A required series: a 1-D or 2-D range of numbers read row by row. */
  public static Param series(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.SERIES, false, null), Form.SERIES, null, Double.NaN);
  }

  /** A required table: a 2-D range of any values. */
  public static Param table(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.TABLE, false, null), Form.TABLE, null, Double.NaN);
  }

  /** A required free text (a name, not a keyword); a number is read as its text. */
  public static Param text(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.TEXT, false, null), Form.TEXT, null, Double.NaN);
  }

  /**
   * An optional argument passed to the body exactly as the host gave it (scalar, error, array or
   * {@link Empty}); registered as a table so that hosts pass ranges as values.
   */
  public static Param any(String name, String help) {
    return new Param(new Argument(name, help, ArgKind.TABLE, true, ""), Form.ANY, null, Double.NaN);
  }

  /**
   * This number, date or boolean argument made optional with a default; "; default TEXT" is
   * appended to the help.
   */
  public Param optional(double defaultValue, String defaultText) {
    if (form == Form.KEYWORD || form == Form.SERIES || form == Form.TABLE || form == Form.ANY) {
      throw new IllegalStateException(argument.name() + ": use optional(keyword) or optional()");
    }
    return new Param(withDefault(defaultText), form, keyword, defaultValue);
  }

  /** This number argument made optional, the default written as the number itself. */
  public Param optional(double defaultValue) {
    String text = defaultValue == Math.rint(defaultValue) && Math.abs(defaultValue) < 1e15
        ? Long.toString((long) defaultValue) : Double.toString(defaultValue);
    return optional(defaultValue, text);
  }

  /** This keyword argument made optional with a default keyword. */
  public Param optional(String defaultKeyword) {
    if (form != Form.KEYWORD) {
      throw new IllegalStateException(argument.name() + ": not a keyword");
    }
    return new Param(withDefault(defaultKeyword), form, keyword, keyword.code(argument.name(), defaultKeyword));
  }

  /** This series or table argument made optional; when left out the body sees {@code null}. */
  public Param optional() {
    if (form != Form.SERIES && form != Form.TABLE) {
      throw new IllegalStateException(argument.name() + ": give a default value");
    }
    return new Param(new Argument(argument.name(), argument.help(), argument.kind(), true, ""), form, keyword,
        Double.NaN);
  }

  private Argument withDefault(String defaultText) {
    String help = argument.help() + "; default " + defaultText;
    return new Argument(argument.name(), help, argument.kind(), true, defaultText);
  }

  /** The description hosts register. */
  public Argument argument() {
    return argument;
  }

  /** The keyword table, or {@code null} when this is not a keyword argument. */
  public Keyword keyword() {
    return keyword;
  }

  String name() {
    return argument.name();
  }

  /** Whether the argument may be left out. */
  public boolean isOptional() {
    return argument.optional();
  }

  /** Whether this argument can travel as a double on the numeric fast path. */
  boolean hasNumericForm() {
    switch (form) {
      case NUMBER: case NUMBER_OR_TABLE: case DATE: case BOOLEAN: return true;
      case KEYWORD: return isOptional() || argument.kind() == ArgKind.NUMBER_OR_TEXT;
      default: return false;
    }
  }

  /** Whether {@link #coerce} produces a double. */
  boolean isScalar() {
    return form != Form.SERIES && form != Form.TABLE && form != Form.ANY && form != Form.TEXT;
  }

  /** The default as a double (numeric forms only). */
  double numericDefault() {
    return numericDefault;
  }

  /**
   * The smallest number {@link #fromNumber} returns unchanged when it lies in
   * [{@code asIsLow()}, {@link #asIsHigh()}]: every finite number for a plain number, the Excel
   * serials for a date; an empty interval ({@code +∞} here) for keywords and booleans, whose numbers
   * that pass unchanged are {@link #asIsValues()}.
   */
  double asIsLow() {
    switch (form) {
      case NUMBER: case NUMBER_OR_TABLE: return -Double.MAX_VALUE;
      case DATE: return 0;
      default: return Double.POSITIVE_INFINITY;
    }
  }

  /** The largest number of the interval of {@link #asIsLow()} ({@code −∞}, an empty interval, where there is none). */
  double asIsHigh() {
    switch (form) {
      case NUMBER: case NUMBER_OR_TABLE: return Double.MAX_VALUE;
      case DATE: return Math.nextDown(ExcelDates.END_SERIAL);
      default: return Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * The numbers outside that interval which {@link #fromNumber} returns unchanged, bit for bit: the
   * keyword's numeric forms (option type 1 and −1), {@code 1} and {@code +0} for a boolean (which maps
   * every other number, −0 included, to 1 or +0); empty otherwise.
   */
  double[] asIsValues() {
    switch (form) {
      case BOOLEAN: return new double[] {1.0, 0.0};
      case KEYWORD: return keyword.numericForms();
      default: return new double[0];
    }
  }

  /**
   * Checks a number passed on the fast path and returns it in normalized form.
   *
   * @throws InvalidInputException when the number is not acceptable here
   */
  double fromNumber(double x) {
    switch (form) {
      case NUMBER: case NUMBER_OR_TABLE:
        return Require.finite(name(), x);
      case DATE:
        ExcelDates.check(name(), x);
        return x;
      case BOOLEAN:
        Require.finite(name(), x);
        return x != 0 ? 1.0 : 0.0;
      case KEYWORD:
        if (keyword.acceptsNumber(x)) {
          return x;
        }
        throw InvalidInputException.type(name(), "expected " + keyword.expected() + ", got the number " + number(x));
      default:
        throw InvalidInputException.type(name(), "expected a range, got the number " + number(x));
    }
  }

  /**
   * The numeric-path form of text given for this argument ({@link WorksheetFunction#textAsNumber}),
   * or an untagged NaN when there is none.
   */
  double textAsNumber(String text) {
    if (form == Form.KEYWORD) {
      Double code = keyword.codeOrNull(text);
      if (code == null) {
        return Double.NaN;
      }
      if (keyword.acceptsNumber(code)) {
        return code;
      }
      double c = code;
      return c >= -128 && c <= 127 && c == Math.rint(c) ? Keyword.asNaN((int) c) : Double.NaN;
    }
    if (form == Form.DATE) {
      try {
        return ExcelDates.parseIso(name(), text);
      } catch (InvalidInputException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * Reads a number given on the fast path: a keyword-tagged NaN is a keyword code (from
   * {@link #textAsNumber}); anything else goes through {@link #fromNumber}.
   */
  double fromFastNumber(double x) {
    if (x != x && Keyword.isCode(x)) {
      if (form == Form.KEYWORD) {
        return Keyword.fromNaN(x);
      }
      throw InvalidInputException.type(name(), "expected " + expected() + ", got a keyword");
    }
    return fromNumber(x);
  }

  /** The default for a missing (or blank, when optional) argument; throws for a required one. */
  double missingNumber(boolean blank) {
    if (isOptional()) {
      return numericDefault;
    }
    throw blank ? InvalidInputException.notAvailable(name(), "the cell is blank")
        : InvalidInputException.type(name(), "is required but was left out");
  }

  /**
   * Reads a host value as a double (numbers, dates, booleans, keywords).
   *
   * @throws PropagatedError when the value is an Excel error
   * @throws InvalidInputException when it cannot be read
   */
  double toNumber(Object value) {
    Object v = single(value);
    if (v == null || v == Empty.MISSING) {
      return missingNumber(false);
    }
    if (v == Empty.BLANK) {
      return missingNumber(true);
    }
    if (v instanceof ExcelError) {
      throw new PropagatedError(name(), (ExcelError) v);
    }
    if (v instanceof Double) {
      double x = (Double) v;
      ExcelError tagged = ExcelError.fromNaN(x);
      if (tagged != null) {
        throw new PropagatedError(name(), tagged);
      }
      return fromNumber(x);
    }
    if (v instanceof Boolean) {
      if (form == Form.BOOLEAN) {
        return ((Boolean) v) ? 1.0 : 0.0;
      }
      throw InvalidInputException.type(name(), "expected " + expected() + ", got " + (((Boolean) v) ? "TRUE" : "FALSE"));
    }
    if (v instanceof String) {
      String s = (String) v;
      switch (form) {
        case KEYWORD:
          return keyword.code(name(), s);
        case DATE:
          return ExcelDates.parseIso(name(), s);
        case BOOLEAN:
          if (s.trim().equalsIgnoreCase("TRUE")) {
            return 1.0;
          }
          if (s.trim().equalsIgnoreCase("FALSE")) {
            return 0.0;
          }
          break;
        default:
          break;
      }
      throw InvalidInputException.type(name(), "expected " + expected() + ", got the text '" + s + "'");
    }
    if (v instanceof Number) {
      return toNumber(((Number) v).doubleValue());
    }
    throw InvalidInputException.type(name(), "expected " + expected() + ", got " + v.getClass().getSimpleName());
  }

  /**
   * Reads a host value for a general body: a Double, a series ({@code double[]}, NaN for blanks),
   * a table ({@code Object[][]}), or {@code null} for an optional series or table left out.
   */
  Object coerce(Object value) {
    switch (form) {
      case SERIES:
        return series(value);
      case TABLE:
        return table(value);
      case ANY:
        return value == null ? Empty.MISSING : value;
      case NUMBER_OR_TABLE:
        return isRange(value) ? table(value) : toNumber(value);
      case TEXT:
        return text(value);
      default:
        return toNumber(value);
    }
  }

  private double[] series(Object value) {
    if (value == null || value == Empty.MISSING) {
      if (isOptional()) {
        return null;
      }
      throw InvalidInputException.type(name(), "is required but was left out");
    }
    Object[][] cells = value instanceof Object[][] ? (Object[][]) value : new Object[][] {{value}};
    int n = 0;
    for (Object[] row : cells) {
      n += row.length;
    }
    double[] out = new double[n];
    int k = 0;
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < cells[r].length; c++) {
        Object cell = cells[r][c];
        double x;
        if (cell == null || cell instanceof Empty) {
          x = Double.NaN;
        } else if (cell instanceof ExcelError) {
          throw new PropagatedError(name() + " cell " + (k + 1), (ExcelError) cell);
        } else if (cell instanceof Double || cell instanceof Number) {
          x = ((Number) cell).doubleValue();
          ExcelError tagged = ExcelError.fromNaN(x);
          if (tagged != null) {
            throw new PropagatedError(name() + " cell " + (k + 1), tagged);
          }
          if (!Double.isFinite(x)) {
            throw InvalidInputException.domain(name(), "cell " + (k + 1) + " is not a finite number");
          }
        } else {
          throw InvalidInputException.type(name(), "cell " + (k + 1) + " (row " + (r + 1) + ", column " + (c + 1)
              + ") is " + describe(cell) + ", expected a number or a blank");
        }
        out[k++] = x;
      }
    }
    return out;
  }

  private String text(Object value) {
    Object v = single(value);
    if (v == null || v == Empty.MISSING) {
      throw InvalidInputException.type(name(), "is required but was left out");
    }
    if (v == Empty.BLANK) {
      throw InvalidInputException.notAvailable(name(), "the cell is blank");
    }
    if (v instanceof ExcelError) {
      throw new PropagatedError(name(), (ExcelError) v);
    }
    if (v instanceof String) {
      return ((String) v).trim();
    }
    throw InvalidInputException.type(name(), "expected text, got " + describe(v));
  }

  private Object[][] table(Object value) {
    if (value == null || value == Empty.MISSING) {
      if (isOptional()) {
        return null;
      }
      throw InvalidInputException.type(name(), "is required but was left out");
    }
    if (value instanceof ExcelError) {
      throw new PropagatedError(name(), (ExcelError) value);
    }
    return value instanceof Object[][] ? (Object[][]) value : new Object[][] {{value}};
  }

  /** Whether a host value is a range of more than one cell. */
  static boolean isRange(Object value) {
    if (!(value instanceof Object[][])) {
      return false;
    }
    Object[][] a = (Object[][]) value;
    return a.length > 1 || a.length == 1 && a[0].length > 1;
  }

  /** Whether a general body may receive a range for this argument where the numeric body takes a number. */
  boolean takesTable() {
    return form == Form.NUMBER_OR_TABLE;
  }

  /** A one-cell range counts as its value; a larger range is an error where one value is expected. */
  private Object single(Object value) {
    if (value instanceof Object[][]) {
      Object[][] a = (Object[][]) value;
      if (a.length == 1 && a[0].length == 1) {
        return a[0][0];
      }
      int cols = a.length == 0 ? 0 : a[0].length;
      throw InvalidInputException.type(name(), "expected one value, got a " + a.length + "x" + cols + " range");
    }
    return value;
  }

  private String expected() {
    switch (form) {
      case NUMBER: return "a number";
      case NUMBER_OR_TABLE: return "a number or a range";
      case DATE: return "a date";
      case BOOLEAN: return "TRUE or FALSE";
      case KEYWORD: return keyword.expected();
      case SERIES: return "a range of numbers";
      case TEXT: return "text";
      default: return "a range";
    }
  }

  static String describe(Object cell) {
    if (cell instanceof String) {
      return "the text '" + cell + "'";
    }
    if (cell instanceof Boolean) {
      return ((Boolean) cell) ? "TRUE" : "FALSE";
    }
    return String.valueOf(cell);
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  @Override
  public String toString() {
    return Objects.toString(argument);
  }
}
