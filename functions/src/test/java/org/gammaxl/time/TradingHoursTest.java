package org.gammaxl.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class TradingHoursTest {
  private static final double MINUTE = 1.0 / (252 * 390);

  private static LocalDateTime at(String iso) {
    return LocalDateTime.parse(iso);
  }

  private static double years(String from, String to) {
    return YearClock.parse("TRADING").yearFraction(at(from), at(to));
  }

  @Test
  void onlyTheSessionCountsAndAYearIs252Sessions() {
    // 2026-01-05 is a Monday
    assertEquals(MINUTE, years("2026-01-05T09:30", "2026-01-05T09:31"), 1e-18);
    assertEquals(1.0 / 252, years("2026-01-05T09:30", "2026-01-05T16:00"), 1e-16);
    assertEquals(0.0, years("2026-01-05T16:00", "2026-01-06T09:30"), "the night counts nothing");
    assertEquals(MINUTE, years("2026-01-09T15:59", "2026-01-12T09:30"), 1e-18, "nor the weekend");
    assertEquals(5.0 / 252, years("2026-01-05T00:00", "2026-01-12T00:00"), 1e-15);
    assertEquals(0.0, years("2026-01-05T06:00", "2026-01-05T09:30"), "before the open is the open");
    assertEquals(1.0, years("2026-01-05T09:30", "2027-01-04T09:30") * 252 / 260, 1e-12, "260 weekdays");
    assertEquals(-MINUTE, years("2026-01-05T09:31", "2026-01-05T09:30"), 1e-18);
  }

  @Test
  void otherHoursAndTheCalendarClocks() {
    YearClock lse = YearClock.parse("TRADING 8:00-16:30");
    assertEquals(8.5, ((TradingHours) lse).hoursPerSession(), 1e-12);
    assertEquals(1.0 / (252 * 510), lse.yearFraction(at("2026-01-05T08:00"), at("2026-01-05T08:01")), 1e-18);
    assertEquals("TRADING 08:00-16:30", lse.label());
    assertSame(DayCount.ACT_365F, YearClock.parse("24/7"));
    assertSame(DayCount.BUS_252, YearClock.parse("bus/252"));
    assertThrows(InvalidInputException.class, () -> YearClock.parse("TRADING 16:00-09:30"));
    assertThrows(InvalidInputException.class, () -> YearClock.parse("TRADING all day"));
    assertThrows(InvalidInputException.class, () -> YearClock.parse("LUNAR"));
  }
}
