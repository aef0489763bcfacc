package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GX.YEARS(start, end, "BUS/252", holidays)} against NETWORKDAYS-style counting. */
@ExtendWith(SheetCalls.class)
class HolidayYearsTest {
  /** NYSE holidays 2024 (nyse.com, "Holidays and trading hours"), test data only: GammaXL ships no calendar. */
  private static final List<LocalDate> NYSE_2024 = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15),
      LocalDate.of(2024, 2, 19), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 5, 27), LocalDate.of(2024, 6, 19),
      LocalDate.of(2024, 7, 4), LocalDate.of(2024, 9, 2), LocalDate.of(2024, 11, 28), LocalDate.of(2024, 12, 25),
      LocalDate.of(2024, 12, 28) /* a Saturday: ignored */);
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final WorksheetFunction YEARS = Catalogue.standard().find("GX.YEARS").orElseThrow();

  private static double serial(LocalDate d) {
    return d.toEpochDay() - EXCEL_EPOCH.toEpochDay();
  }

  /** NETWORKDAYS(start, end, holidays): business days from start to end, both included. */
  private static int networkDays(LocalDate start, LocalDate end, Set<LocalDate> holidays) {
    int n = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      n += weekend || holidays.contains(d) ? 0 : 1;
    }
    return n;
  }

  @Test
  void businessYearsAreNetworkDaysOver252OnAYearOfDates() {
    Object[][] range = new Object[NYSE_2024.size()][1];
    for (int i = 0; i < range.length; i++) {
      range[i][0] = serial(NYSE_2024.get(i));
    }
    Set<LocalDate> set = Set.copyOf(NYSE_2024);
    LocalDate first = LocalDate.of(2024, 1, 1);
    int checked = 0;
    for (int i = 0; i < 366; i += 1) {
      LocalDate d0 = first.plusDays(i);
      for (int len : new int[] {1, 2, 3, 7, 30, 91, 200, 366 - i}) {
        LocalDate d1 = d0.plusDays(len);
        double years = (Double) YEARS.invoke(new Object[] {serial(d0), serial(d1), "BUS/252", range});
        assertEquals(networkDays(d0, d1.minusDays(1), set), years * 252, 1e-9, d0 + " to " + d1);
        checked++;
      }
    }
    assertTrue(checked > 2500);
  }

  @Test
  void partOfAHolidayCountsByTheTimeOfDay() {
    Object[][] independenceDay = {{serial(LocalDate.of(2024, 7, 4))}};
    double wednesdayNoon = serial(LocalDate.of(2024, 7, 3)) + 0.5;
    double fridayNoon = serial(LocalDate.of(2024, 7, 5)) + 0.5;
    // Wednesday 12:00 to Friday 12:00 is two weekdays, one of them the holiday
    assertEquals(1.0 / 252, (Double) YEARS.invoke(new Object[] {wednesdayNoon, fridayNoon, "BUS/252",
        independenceDay}), 1e-15);
    assertEquals(-1.0 / 252, (Double) YEARS.invoke(new Object[] {fridayNoon, wednesdayNoon, "BUS/252",
        independenceDay}), 1e-15);
  }

  @Test
  void holidaysOnlyCountUnderBus252() {
    Object[][] one = {{45000.0}};
    assertEquals(ExcelError.VALUE, YEARS.invoke(new Object[] {45000.0, 45100.0, "ACT/365F", one}));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("holidays"));
    assertEquals(ExcelError.NUM, YEARS.invoke(new Object[] {45000.0, 45100.0, "BUS/252", new Object[][] {{-3.0}}}));
    // without holidays the numeric path is unchanged
    assertTrue(YEARS.numericFastPath());
  }
}
