package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SheetCalls.class)
class TimeFunctionsTest {
  private static Object years(Object... args) {
    return Catalogue.standard().find("GX.YEARS").orElseThrow().invoke(args);
  }

  @Test
  void actualDaysOverTheBasis() {
    // 2023-03-15 00:00 (serial 45000) to 2023-06-14 12:00: 91.5 days
    assertEquals(91.5 / 365, (Double) years(45000.0, 45091.5), 1e-15);
    assertEquals(91.5 / 360, (Double) years(45000.0, 45091.5, "act/360"), 1e-15);
    assertEquals(91.5 / 365, (Double) years("2023-03-15", "2023-06-14T12:00", "ACT/365F"), 1e-15);
    assertEquals(-91.5 / 365, (Double) years(45091.5, 45000.0), 1e-15);
  }

  @Test
  void businessDaysMatchTheJavaApi() {
    assertEquals(YearFraction.fromExcel(45000, 45091.5, DayCount.BUS_252), (Double) years(45000.0, 45091.5, "BUS/252"),
        0.0);
    // Friday 2023-03-17 to Monday 2023-03-20: one weekday
    assertEquals(1.0 / 252, (Double) years(45002.0, 45005.0, "BUS/252"), 1e-15);
  }

  @Test
  void badDatesAndBases() {
    assertEquals(ExcelError.NUM, years(-1.0, 45000.0));
    assertEquals(ExcelError.VALUE, years("15/03/2023", 45000.0));
    assertEquals(ExcelError.VALUE, years(45000.0, 45001.0, "30/360"));
    assertEquals(ExcelError.NA, years(Empty.BLANK, 45001.0));
    assertEquals(ExcelError.NA, years(ExcelError.NA, 45001.0));
  }
}
