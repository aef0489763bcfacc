package org.gammaxl.workbooks.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Excel serial date-times in the 1900 date system: whole days since 1899-12-30 (which absorbs
 * Excel's fictitious 29 February 1900 for every date from March 1900 on), fractional days for the
 * time of day.
 */
public final class ExcelDates {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private ExcelDates() {}

  /** The serial number of a date-time. */
  public static double serial(LocalDateTime t) {
    long seconds = ChronoUnit.SECONDS.between(EPOCH, t);
    return seconds / 86_400.0;
  }

  /** The date-time of a serial number, to the second. */
  public static LocalDateTime dateTime(double serial) {
    return EPOCH.plusSeconds(Math.round(serial * 86_400.0));
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
