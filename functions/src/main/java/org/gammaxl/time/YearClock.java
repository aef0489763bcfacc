package org.gammaxl.time;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A clock that turns the time between two date-times into years: a calendar day count
 * ({@link DayCount}) or an exchange's trading hours ({@link TradingHours}). Everything computed on one
 * clock — years to expiry, a theta per year, a realized vol annualised from each return's own time
 * step — is in that clock's years, so choose one clock per ledger and keep to it.
 */
public interface YearClock {
  /** Years from {@code start} to {@code end} on this clock; negative when end is before start. */
  double yearFraction(LocalDateTime start, LocalDateTime end);

  /** The clock's name as a setting shows it, e.g. "ACT/365F" or "TRADING 09:30-16:00". */
  String label();

  /**
   * Parses a BASIS setting: a day count ({@link DayCount#parse}: ACT/365F, ACT/360, BUS/252, or 24/7 for
   * a market that never closes), or {@code TRADING} for the exchange hours 09:30–16:00
   * ({@link TradingHours#NYSE}), or {@code TRADING 08:00-16:30} for other hours.
   *
   * @throws org.gammaxl.InvalidInputException TYPE naming the bad part
   */
  static YearClock parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.toUpperCase(Locale.ROOT).startsWith("TRADING")) {
      String hours = t.substring("TRADING".length()).trim();
      return hours.isEmpty() ? TradingHours.NYSE : TradingHours.parse(hours);
    }
    return DayCount.parse(t);
  }
}
