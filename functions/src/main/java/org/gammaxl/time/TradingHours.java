package org.gammaxl.time;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * The TRADING clock: time passes only while the exchange is open, Monday to Friday from
 * {@link #open()} to {@link #close()} (local wall-clock times, e.g. 09:30–16:00, 6.5 hours), and a
 * year is {@value #SESSIONS_PER_YEAR} such sessions. A minute of a 6.5-hour session is therefore
 * 1 / (252 × 390) years; nights, weekends and the time before the open or after the close count
 * nothing (a time outside the session counts as the nearest session edge). No holiday calendar:
 * every weekday is a session.
 *
 * <p>This is the clock of intraday gamma scalping on an exchange-traded underlying: a realized vol
 * annualised on it from one-minute returns is the vol of the session's moves, comparable with an
 * implied vol quoted on the same clock; on a calendar clock (ACT/365F) the same minutes would be
 * annualised by 525,600 minutes a year instead of 98,280 and read √(525600 / 98280) ≈ 2.3 times too
 * high. A crypto market that never closes uses the calendar clock ({@code 24/7} = ACT/365F).
 */
public final class TradingHours implements YearClock {
  /** Sessions in a trading year. */
  public static final int SESSIONS_PER_YEAR = 252;
  /** The New York Stock Exchange's regular session, 09:30–16:00. */
  public static final TradingHours NYSE = new TradingHours(LocalTime.of(9, 30), LocalTime.of(16, 0));

  private static final double NANOS_PER_HOUR = 3600e9;

  private final LocalTime open;
  private final LocalTime close;
  private final long openNanos;
  private final long sessionNanos;

  private TradingHours(LocalTime open, LocalTime close) {
    this.open = open;
    this.close = close;
    this.openNanos = open.toNanoOfDay();
    this.sessionNanos = close.toNanoOfDay() - openNanos;
  }

  /**
   * A session from {@code open} to {@code close} on the same day.
   *
   * @throws InvalidInputException DOMAIN naming "session" unless open is before close
   */
  public static TradingHours of(LocalTime open, LocalTime close) {
    if (open == null || close == null || !open.isBefore(close)) {
      throw InvalidInputException.domain("session", "the open must be before the close on the same day, was "
          + open + "-" + close);
    }
    return new TradingHours(open, close);
  }

  /**
   * Parses a session such as {@code "09:30-16:00"} (24-hour times, a dash between them).
   *
   * @throws InvalidInputException TYPE naming "session" for anything else
   */
  public static TradingHours parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw InvalidInputException.type("session", "expected open-close such as 09:30-16:00, got '" + text + "'");
    }
    try {
      return of(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInputException.type("session", "expected open-close such as 09:30-16:00, got '" + text + "'");
    }
  }

  private static String pad(String time) {
    return time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time;
  }

  public LocalTime open() { return open; }

  public LocalTime close() { return close; }

  /** The session's length in hours (6.5 for 09:30–16:00). */
  public double hoursPerSession() {
    return sessionNanos / NANOS_PER_HOUR;
  }

  @Override
  public double yearFraction(LocalDateTime start, LocalDateTime end) {
    return (sessions(end) - sessions(start)) / SESSIONS_PER_YEAR;
  }

  /** Sessions (with the fraction of the current one) from a fixed Monday (1969-12-29) to {@code t}. */
  private double sessions(LocalDateTime t) {
    long fromMonday = t.toLocalDate().toEpochDay() + 3; // 1970-01-01 was a Thursday
    long weeks = Math.floorDiv(fromMonday, 7);
    int dayOfWeek = Math.floorMod(fromMonday, 7); // 0 = Monday … 6 = Sunday
    double today = 0;
    if (dayOfWeek < 5) {
      long into = t.toLocalTime().toNanoOfDay() - openNanos;
      today = Math.min(Math.max(into, 0), sessionNanos) / (double) sessionNanos;
    }
    return weeks * 5 + Math.min(dayOfWeek, 5) + today;
  }

  @Override
  public String label() {
    return String.format(Locale.ROOT, "TRADING %s-%s", open, close);
  }

  @Override
  public String toString() {
    return label();
  }
}
