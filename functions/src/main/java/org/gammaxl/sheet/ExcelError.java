package org.gammaxl.sheet;

/**
 * Excel's error values with their C API codes ({@code xlerr*}). A worksheet function returns one of
 * these instead of throwing. For the numeric fast path an error travels inside a double as a quiet
 * NaN whose payload carries the code ({@link #asNaN()}, {@link #fromNaN(double)}).
 */
public enum ExcelError {
  NULL(0, "#NULL!"),
  DIV0(7, "#DIV/0!"),
  VALUE(15, "#VALUE!"),
  REF(23, "#REF!"),
  NAME(29, "#NAME?"),
  NUM(36, "#NUM!"),
  NA(42, "#N/A"),
  GETTING_DATA(43, "#GETTING_DATA");

  /** Quiet-NaN bit pattern with a marker in the high payload bits; the low 8 bits carry the code. */
  private static final long NAN_TAG = 0x7FF8_0E0E_0000_0000L;
  private static final long TAG_MASK = 0xFFFF_FFFF_FFFF_FF00L;

  private final int code;
  private final String text;

  ExcelError(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The C API code (xlerrNull = 0 … xlerrGettingData = 43). */
  public int code() {
    return code;
  }

  /** As shown in a cell, e.g. {@code #NUM!}. */
  public String text() {
    return text;
  }

  /** This error encoded as a tagged quiet NaN. */
  public double asNaN() {
    return Double.longBitsToDouble(NAN_TAG | code);
  }

  /** The error a tagged NaN carries, or {@code null} when {@code value} is not one. */
  public static ExcelError fromNaN(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return (bits & TAG_MASK) == NAN_TAG ? fromCode((int) (bits & 0xFF)) : null;
  }

  /** The error with the given C API code, or {@code null}. */
  public static ExcelError fromCode(int code) {
    for (ExcelError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return null;
  }

  /** The error shown as {@code text} (e.g. "#N/A"), or {@code null}. */
  public static ExcelError fromText(String text) {
    for (ExcelError e : values()) {
      if (e.text.equalsIgnoreCase(text)) {
        return e;
      }
    }
    return null;
  }
}
