package org.gammaxl.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class YearFractionTest {

  private static LocalDateTime at(String iso) {
    return LocalDateTime.parse(iso);
  }

  @Test
  void actual365FixedAndActual360CountElapsedTimeToTheSecond() {
    assertEquals(30 / 365.0, YearFraction.between(at("2026-03-01T08:00"), at("2026-03-31T08:00")), 1e-15);
    assertEquals(366 / 365.0, YearFraction.between(at("2028-01-01T00:00"), at("2029-01-01T00:00")), 1e-15);
    assertEquals(90 / 360.0,
        YearFraction.between(at("2026-01-01T00:00"), at("2026-04-01T00:00"), DayCount.ACT_360), 1e-15);
    // 8 hours to a crypto expiry at 08:00 UTC
    assertEquals(8.0 / 24 / 365, YearFraction.between(at("2026-06-26T00:00"), at("2026-06-26T08:00")), 1e-17);
    // one second, and the time of day at both ends
    assertEquals(1.0 / 86400 / 365, YearFraction.between(at("2026-06-26T07:59:59"), at("2026-06-26T08:00")), 1e-20);
    assertEquals((2 + 3.5 / 24) / 365,
        YearFraction.between(at("2026-06-24T20:30"), at("2026-06-27T00:00")), 1e-16);
  }

  @Test
  void endBeforeStartGivesANegativeFraction() {
    assertEquals(-1 / 365.0, YearFraction.between(at("2026-01-02T00:00"), at("2026-01-01T00:00")), 1e-16);
    assertEquals(-5 / 252.0,
        YearFraction.between(at("2026-01-12T00:00"), at("2026-01-05T00:00"), DayCount.BUS_252), 1e-16);
  }

  @Test
  void business252SkipsWeekendsAndCountsPartialWeekdays() {
    // 2026-01-05 is a Monday; Monday 00:00 to next Monday 00:00 is five business days
    assertEquals(5 / 252.0,
        YearFraction.between(at("2026-01-05T00:00"), at("2026-01-12T00:00"), DayCount.BUS_252), 1e-16);
    // Friday 16:00 to Monday 10:00: 8 h on Friday and 10 h on Monday
    assertEquals(0.75 / 252,
        YearFraction.between(at("2026-01-09T16:00"), at("2026-01-12T10:00"), DayCount.BUS_252), 1e-16);
    // all weekend: nothing
    assertEquals(0.0,
        YearFraction.between(at("2026-01-10T09:00"), at("2026-01-11T17:00"), DayCount.BUS_252), 0);
    // Saturday noon to Tuesday noon: Monday and half of Tuesday
    assertEquals(1.5 / 252,
        YearFraction.between(at("2026-01-10T12:00"), at("2026-01-13T12:00"), DayCount.BUS_252), 1e-16);
    // a year: 2026 has 261 weekdays
    assertEquals(261 / 252.0,
        YearFraction.between(at("2026-01-01T00:00"), at("2027-01-01T00:00"), DayCount.BUS_252), 1e-14);
    // across the 1970 epoch the count is continuous: Mon 1969-12-29 to Mon 1970-01-05
    assertEquals(5 / 252.0,
        YearFraction.between(at("1969-12-29T00:00"), at("1970-01-05T00:00"), DayCount.BUS_252), 1e-16);
  }

  @Test
  void excelSerialsUseThe1900SystemWithItsPhantomLeapDay() {
    assertEquals(at("1900-01-01T00:00"), YearFraction.fromExcelSerial(1));
    assertEquals(at("1900-02-28T00:00"), YearFraction.fromExcelSerial(59));
    assertEquals(at("1900-03-01T00:00"), YearFraction.fromExcelSerial(60));
    assertEquals(at("1900-03-01T00:00"), YearFraction.fromExcelSerial(60.75));
    assertEquals(at("1900-03-01T00:00"), YearFraction.fromExcelSerial(61));
    assertEquals(at("1899-12-31T00:00"), YearFraction.fromExcelSerial(0));
    // Excel: DATE(2026,6,26) = 46199; 08:00 is 1/3 of a day
    assertEquals(at("2026-06-26T08:00"), YearFraction.fromExcelSerial(46199 + 1 / 3.0));
    assertEquals(at("2026-06-26T08:00:01"), YearFraction.fromExcelSerial(46199 + (8 * 3600 + 1) / 86400.0));
    assertEquals(at("9999-12-31T00:00"), YearFraction.fromExcelSerial(2958465));
    assertEquals(7.5 / 365, YearFraction.fromExcel(46192.25, 46199.75, DayCount.ACT_365F), 1e-15);
    // the phantom day has no length: 1900-02-28 to 1900-03-01 is one real day although the serials differ by 2
    assertEquals(1 / 365.0, YearFraction.fromExcel(59, 61, DayCount.ACT_365F), 1e-16);
  }

  @Test
  void dayCountNamesParse() {
    assertEquals(DayCount.ACT_365F, DayCount.parse("ACT/365F"));
    assertEquals(DayCount.ACT_365F, DayCount.parse("act/365 fixed"));
    assertEquals(DayCount.ACT_365F, DayCount.parse("A365F"));
    assertEquals(DayCount.ACT_360, DayCount.parse(" Act/360 "));
    assertEquals(DayCount.BUS_252, DayCount.parse("BUS/252"));
    assertEquals(DayCount.BUS_252, DayCount.parse("bd_252"));
    assertEquals("ACT/365F", DayCount.ACT_365F.toString());
    for (String bad : new String[] {"30/360", "", "ACT"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> DayCount.parse(bad));
      assertEquals(InvalidInputException.Kind.TYPE, e.kind());
      assertEquals("dayCount", e.argument());
    }
  }

  @Test
  void badSerialsAreDomainErrorsNamingTheArgument() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> YearFraction.fromExcel(-1, 46199, DayCount.ACT_365F));
    assertEquals("start", e.argument());
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
    e = assertThrows(InvalidInputException.class, () -> YearFraction.fromExcel(46199, Double.NaN, DayCount.ACT_360));
    assertEquals("end", e.argument());
    e = assertThrows(InvalidInputException.class, () -> YearFraction.fromExcel(46199, 3e6, DayCount.ACT_360));
    assertEquals("end", e.argument());
  }
}
