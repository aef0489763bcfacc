package org.gammaxl.sheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.gammaxl.InvalidInputException;
import org.gammaxl.time.YearFraction;

/**
 * Excel serial date-times in the 1900 date system, as {@link YearFraction} reads them: serial 1 is
 * 1900-01-01, the integer part counts days and the fraction is the time of day (0.5 = noon); Excel's
 * phantom 1900-02-29 (serial 60) is the instant 1900-03-01 00:00 and serial 0 is 1899-12-31. Adds
 * what the worksheet layer needs on top: validation naming the argument, and ISO text.
 */
public final class ExcelDates {
  /** Day zero for serials ≥ 61. */
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
  /** The first serial after the last day Excel accepts (10000-01-01). */
  public static final double END_SERIAL = 2_958_466;

  private ExcelDates() {
  }

  /**
   * The date-time of an Excel serial number.
   *
   * @param argument the argument name for the error message
   * @throws InvalidInputException DOMAIN when the serial is not a valid Excel date
   */
  public static LocalDateTime toDateTime(String argument, double serial) {
    check(argument, serial);
    return YearFraction.fromExcelSerial(serial);
  }

  /** The calendar date of an Excel serial number (time of day dropped). */
  public static LocalDate toDate(String argument, double serial) {
    return toDateTime(argument, serial).toLocalDate();
  }

  /** Checks that {@code serial} is an Excel date-time, naming the argument otherwise. */
  public static double check(String argument, double serial) {
    if (!(serial >= 0 && serial < END_SERIAL)) {
      throw InvalidInputException.domain(argument,
          "is not an Excel date (serial " + serial + "; 1 = 1900-01-01, 2958465 = 9999-12-31)");
    }
    return serial;
  }

  /** The Excel serial number of a date. */
  public static double toSerial(LocalDate date) {
    long days = ChronoUnit.DAYS.between(EPOCH, date);
    return days < 61 ? days - 1 : days;
  }

  /** The Excel serial number of a date-time, with the time of day as a fraction. */
  public static double toSerial(LocalDateTime dateTime) {
    double fraction = dateTime.toLocalTime().toNanoOfDay() / 86_400e9;
    return toSerial(dateTime.toLocalDate()) + fraction;
  }

  /**
   * Parses ISO text ({@code 2024-03-15} or {@code 2024-03-15T16:30}) into a serial number, so that
   * dates typed as text work too.
   *
   * @throws InvalidInputException TYPE when the text is not an ISO date
   */
  public static double parseIso(String argument, String text) {
    String t = text.trim();
    try {
      if (t.length() <= 10) {
        return toSerial(LocalDate.parse(t));
      }
      return toSerial(LocalDateTime.parse(t.replace(' ', 'T')));
    } catch (DateTimeParseException e) {
      throw InvalidInputException.type(argument,
          "expected a date (an Excel date or ISO text such as 2024-03-15), got text '" + text + "'");
    }
  }
}
