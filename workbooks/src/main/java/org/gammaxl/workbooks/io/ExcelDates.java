package org.gammaxl.workbooks.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.gammaxl.time.YearFraction;

/**
 * Excel serial date-times as the input files give them. The conversions themselves are the
 * catalogue's ({@link org.gammaxl.sheet.ExcelDates}, {@link YearFraction}), so a file, a worksheet and
 * the engine read a date the same way; this class adds the text forms a CSV may use.
 */
public final class ExcelDates {
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private ExcelDates() {}

  /** The serial number of a date-time. */
  public static double serial(LocalDateTime t) {
    return org.gammaxl.sheet.ExcelDates.toSerial(t);
  }

  /** The date-time of a serial number, to the microsecond. */
  public static LocalDateTime dateTime(double serial) {
    return YearFraction.fromExcelSerial(serial);
  }

  /**
   * Parses an ISO date ({@code 2024-03-15}), an ISO date-time ({@code 2024-03-15T16:00[:00]}, a space
   * may replace the {@code T}) or an Excel serial number.
   *
   * @throws IllegalArgumentException with a user-readable reason
   */
  public static double parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("is empty; expected a date, date-time or Excel serial number");
    }
    if (Character.isDigit(s.charAt(0)) && s.indexOf('-') < 0) {
      try {
        double v = Double.parseDouble(s);
        if (!(v > 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException("Excel serial date must be > 0, was " + s);
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a date, date-time or Excel serial number");
      }
    }
    try {
      if (s.length() == 10) {
        return serial(LocalDate.parse(s).atStartOfDay());
      }
      if (s.indexOf('T') > 0) {
        return serial(LocalDateTime.parse(s));
      }
      return serial(LocalDateTime.parse(s, SPACED));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date (yyyy-MM-dd), date-time (yyyy-MM-ddTHH:mm[:ss]) or Excel serial number");
    }
  }
}
