package org.gammaxl.time;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * How time between two date-times becomes a year fraction for the pricers. All three count to the
 * nanosecond, so intraday expiries (crypto trades around the clock) are priced with the time that
 * is really left. Date-times are local wall-clock times: every calendar day is 24 hours (no
 * daylight-saving or time-zone shifts). When {@code end} is before {@code start} the fraction is
 * negative (the same magnitude as the other way round); the pricers then reject it as "years".
 */
public enum DayCount implements YearClock {
  /** Actual/365 Fixed: elapsed days (with their fraction) / 365. The default. */
  ACT_365F("ACT/365F") {
    @Override
    public double yearFraction(LocalDateTime start, LocalDateTime end) {
      return elapsedDays(start, end) / 365.0;
    }
  },
  /** Actual/360: elapsed days (with their fraction) / 360, the money-market convention. */
  ACT_360("ACT/360") {
    @Override
    public double yearFraction(LocalDateTime start, LocalDateTime end) {
      return elapsedDays(start, end) / 360.0;
    }
  },
  /**
   * Business/252: the time between start and end that falls on Monday to Friday, in days, / 252.
   * Saturdays and Sundays do not count at all; every weekday counts in full, and the partial days
   * at either end count by the time of day (Friday 16:00 to Monday 10:00 is 8 h + 10 h = 0.75 day).
   * No holiday calendar is applied: every Monday to Friday is a business day.
   */
  BUS_252("BUS/252") {
    @Override
    public double yearFraction(LocalDateTime start, LocalDateTime end) {
      return (weekdayDays(end) - weekdayDays(start)) / 252.0;
    }
  };

  private static final double NANOS_PER_DAY = 86_400e9;

  private final String label;

  DayCount(String label) {
    this.label = label;
  }

  /**
   * The year fraction from {@code start} to {@code end}; negative when end is before start.
   *
   * @throws NullPointerException if either date-time is null
   */
  @Override
  public abstract double yearFraction(LocalDateTime start, LocalDateTime end);

  /** The conventional name: "ACT/365F", "ACT/360" or "BUS/252". */
  @Override
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /**
   * Parses a day-count name, ignoring case, spaces, slashes, dashes and underscores: "ACT/365F",
   * "ACT/365 FIXED", "A365F", "ACT/365" (read as Actual/365 Fixed), "ACT/360", "A360", "BUS/252",
   * "BD/252", and "24/7" (a market that never closes: every hour counts, ACT/365F).
   *
   * @throws InvalidInputException TYPE naming "dayCount" for anything else
   */
  public static DayCount parse(String text) {
    if (text == null) {
      throw InvalidInputException.type("dayCount", "missing day count; expected ACT/365F, ACT/360 or BUS/252");
    }
    String key = text.toUpperCase(Locale.ROOT).replaceAll("[\\s/_\\-]", "");
    switch (key) {
      case "ACT365F": case "ACT365FIXED": case "A365F": case "ACT365": case "ACTUAL365FIXED": case "ACTUAL365F":
      case "247": case "CRYPTO":
        return ACT_365F;
      case "ACT360": case "A360": case "ACTUAL360":
        return ACT_360;
      case "BUS252": case "BD252": case "BUSINESS252":
        return BUS_252;
      default:
        throw InvalidInputException.type("dayCount", "unknown day count '" + text
            + "'; expected ACT/365F, ACT/360 or BUS/252");
    }
  }

  /** Elapsed days, fractional, from start to end. */
  static double elapsedDays(LocalDateTime start, LocalDateTime end) {
    long days = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
    long nanos = end.toLocalTime().toNanoOfDay() - start.toLocalTime().toNanoOfDay();
    return days + nanos / NANOS_PER_DAY;
  }

  /**
   * Weekday time in days from a fixed Monday (1969-12-29) to {@code t}: five per whole week, the
   * whole weekdays before t in its week, and t's time of day if t is a weekday.
   */
  private static double weekdayDays(LocalDateTime t) {
    long fromMonday = t.toLocalDate().toEpochDay() + 3; // 1970-01-01 was a Thursday
    long weeks = Math.floorDiv(fromMonday, 7);
    int dayOfWeek = Math.floorMod(fromMonday, 7); // 0 = Monday … 6 = Sunday
    double intraday = dayOfWeek < 5 ? t.toLocalTime().toNanoOfDay() / NANOS_PER_DAY : 0.0;
    return weeks * 5 + Math.min(dayOfWeek, 5) + intraday;
  }
}
