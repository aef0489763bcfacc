package org.gammaxl.sheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.gammaxl.InvalidInputException;

/**
 * Excel serial date-times in the 1900 date system: serial 1 is 1900-01-01, the integer part counts
 * days and the fraction is the time of day (0.5 = noon). Excel keeps Lotus 1-2-3's fictitious
 * 1900-02-29 as serial 60, so serials from 61 on are days since 1899-12-30; serial 60 is rejected.
 */
public final class ExcelDates {
  /** Day zero for serials ≥ 61. */
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
  /** The largest serial Excel accepts, 9999-12-31. */
  public static final double MAX_SERIAL = 2_958_465.999_999;

  private ExcelDates() {
  }

  /**
   * The date-time of an Excel serial number.
   *
   * @param argument the argument name for the error message
   * @throws InvalidInputException DOMAIN when the serial is not a valid Excel date
   */
  public static LocalDateTime toDateTime(String argument, double serial) {
    LocalDate date = toDate(argument, serial);
    double fraction = serial - Math.floor(serial);
    long nanos = Math.round(fraction * 86_400_000.0) * 1_000_000L;
    return date.atStartOfDay().plusNanos(nanos);
  }

  /** The calendar date of an Excel serial number (time of day dropped). */
  public static LocalDate toDate(String argument, double serial) {
    if (!(serial >= 1) || serial > MAX_SERIAL) {
      throw InvalidInputException.domain(argument,
          "is not an Excel date (serial " + serial + "; 1 = 1900-01-01, 2958465 = 9999-12-31)");
    }
    long day = (long) Math.floor(serial);
    if (day == 60) {
      throw InvalidInputException.domain(argument, "serial 60 is Excel's nonexistent 1900-02-29");
    }
    return day < 60 ? EPOCH.plusDays(day + 1) : EPOCH.plusDays(day);
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
