package org.gammaxl.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A holiday calendar the user supplies: the dates on which a Monday-to-Friday market is closed. GammaXL ships no
 * built-in calendar (exchange calendars change every year and a stale one misprices quietly); pass the exchange's
 * published list, e.g. as a range of dates in the workbook. Holidays on a Saturday or Sunday change nothing (the
 * weekend does not count anyway); a date listed twice counts once. Immutable.
 */
public final class Holidays {
  /** No holidays: every weekday is a business day. */
  public static final Holidays NONE = new Holidays(new long[0]);

  /** Epoch days of the weekday holidays, ascending, distinct. */
  private final long[] days;

  private Holidays(long[] days) {
    this.days = days;
  }

  /** The calendar closed on each of {@code dates}. */
  public static Holidays of(Collection<LocalDate> dates) {
    TreeSet<Long> set = new TreeSet<>();
    for (LocalDate d : dates) {
      DayOfWeek w = d.getDayOfWeek();
      if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
        set.add(d.toEpochDay());
      }
    }
    return new Holidays(set.stream().mapToLong(Long::longValue).toArray());
  }

  /** How many weekday holidays the calendar lists. */
  public int size() {
    return days.length;
  }

  /**
   * Business/252 with this calendar: the weekday time from start to end that does not fall on a holiday, in days,
   * / 252 (see {@link DayCount#BUS_252}: partial days at either end count by the time of day). Negative when end is
   * before start.
   */
  public double business252(LocalDateTime start, LocalDateTime end) {
    if (end.isBefore(start)) {
      return -business252(end, start);
    }
    double open = DayCount.BUS_252.yearFraction(start, end) * 252.0;
    double startDay = start.toLocalDate().toEpochDay() + start.toLocalTime().toNanoOfDay() / 86_400e9;
    double endDay = end.toLocalDate().toEpochDay() + end.toLocalTime().toNanoOfDay() / 86_400e9;
    int from = Arrays.binarySearch(days, (long) Math.floor(startDay));
    from = from >= 0 ? from : -from - 1;
    for (int i = from; i < days.length && days[i] < endDay; i++) {
      double overlap = Math.min(days[i] + 1.0, endDay) - Math.max((double) days[i], startDay);
      if (overlap > 0) {
        open -= overlap;
      }
    }
    return open / 252.0;
  }
}
