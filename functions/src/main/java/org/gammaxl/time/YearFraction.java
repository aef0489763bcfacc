package org.gammaxl.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gammaxl.InvalidInputException;

/**
 * Time to expiry in years, from date-times or from Excel serial numbers, under a {@link DayCount}
 * (ACT/365F unless stated).
 *
 * <p><b>Excel serial numbers</b> (1900 date system, the Windows default): the integer part counts
 * days with serial 1 = 1900-01-01, and the fraction is the time of day (0.5 = noon). Excel also
 * counts a 29 February 1900 that never existed (serial 60, a bug inherited from Lotus 1-2-3), so
 * serials from 61 on are 1899-12-30 + serial days while serials 1 to 59 are 1899-12-31 + serial
 * days. The phantom day [60, 61) maps to the instant 1900-03-01 00:00, so it has zero length in any
 * year fraction; serial 0 is 1899-12-31 00:00 (Excel's "1900-01-00"). Serials are accepted from 0
 * to 2958465.99999… (9999-12-31); the time of day is rounded to the microsecond.
 */
public final class YearFraction {

  private static final LocalDate BEFORE_SERIAL_ONE = LocalDate.of(1899, 12, 31);
  private static final LocalDate AFTER_PHANTOM_DAY_ORIGIN = LocalDate.of(1899, 12, 30);
  private static final double MAX_SERIAL = 2958466.0; // 10000-01-01

  private YearFraction() {
  }

  /** Years from start to end under ACT/365F; negative when end is before start. */
  public static double between(LocalDateTime start, LocalDateTime end) {
    return between(start, end, DayCount.ACT_365F);
  }

  /** Years from start to end on {@code dayCount} (a day count or trading hours); negative when end is before start. */
  public static double between(LocalDateTime start, LocalDateTime end, YearClock dayCount) {
    if (start == null) {
      throw InvalidInputException.type("start", "missing date-time");
    }
    if (end == null) {
      throw InvalidInputException.type("end", "missing date-time");
    }
    return dayCount.yearFraction(start, end);
  }

  /**
   * Years between two Excel serial date-times (for example =NOW() and an expiry cell).
   *
   * @throws InvalidInputException DOMAIN naming "start" or "end" for a serial outside [0, 2958466)
   */
  public static double fromExcel(double startSerial, double endSerial, YearClock dayCount) {
    return between(excelToDateTime("start", startSerial), excelToDateTime("end", endSerial), dayCount);
  }

  /** The local date-time of an Excel 1900-system serial (see the class description). */
  public static LocalDateTime fromExcelSerial(double serial) {
    return excelToDateTime("serial", serial);
  }

  private static LocalDateTime excelToDateTime(String argument, double serial) {
    if (!(serial >= 0 && serial < MAX_SERIAL)) {
      throw InvalidInputException.domain(argument,
          "must be an Excel date serial between 0 and 2958465 (9999-12-31), was " + serial);
    }
    long day = (long) Math.floor(serial);
    if (day == 60) {
      return LocalDate.of(1900, 3, 1).atStartOfDay();
    }
    long micros = Math.round((serial - day) * 86_400e6);
    LocalDate date = day < 60 ? BEFORE_SERIAL_ONE.plusDays(day) : AFTER_PHANTOM_DAY_ORIGIN.plusDays(day);
    return date.atStartOfDay().plusNanos(micros * 1000L);
  }
}
