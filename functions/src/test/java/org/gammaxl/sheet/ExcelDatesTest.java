package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Serial numbers as Excel's 1900 date system shows them (DATE(y,m,d) in a cell). */
class ExcelDatesTest {
  @Test
  void serialsMatchExcel() {
    assertEquals(LocalDate.of(1900, 1, 1), ExcelDates.toDate("d", 1));
    assertEquals(LocalDate.of(1900, 2, 28), ExcelDates.toDate("d", 59));
    assertEquals(LocalDate.of(1900, 3, 1), ExcelDates.toDate("d", 61));
    assertEquals(LocalDate.of(2023, 1, 1), ExcelDates.toDate("d", 44927));
    assertEquals(LocalDate.of(2023, 3, 15), ExcelDates.toDate("d", 45000));
    assertEquals(LocalDate.of(9999, 12, 31), ExcelDates.toDate("d", 2958465));
    assertEquals(LocalDateTime.of(2023, 3, 15, 12, 0), ExcelDates.toDateTime("d", 45000.5));
    assertEquals(LocalDateTime.of(2023, 3, 15, 16, 30), ExcelDates.toDateTime("d", 45000 + 16.5 / 24));
  }

  @Test
  void excelsPhantomLeapDayIsTheStartOfMarchAsYearFractionReadsIt() {
    assertEquals(LocalDateTime.of(1900, 3, 1, 0, 0), ExcelDates.toDateTime("d", 60.5));
    assertEquals(LocalDate.of(1899, 12, 31), ExcelDates.toDate("d", 0));
  }

  @Test
  void roundTrips() {
    for (double s : new double[] {1, 59, 61, 44927, 45000, 2958465}) {
      assertEquals(s, ExcelDates.toSerial(ExcelDates.toDate("d", s)));
    }
    assertEquals(45000.75, ExcelDates.toSerial(LocalDateTime.of(2023, 3, 15, 18, 0)), 1e-12);
    assertEquals(45000.0, ExcelDates.parseIso("d", "2023-03-15"));
    assertEquals(45000.5, ExcelDates.parseIso("d", "2023-03-15T12:00"));
  }

  @Test
  void rejectsWhatIsNotADate() {
    assertEquals(InvalidInputException.Kind.DOMAIN,
        assertThrows(InvalidInputException.class, () -> ExcelDates.toDate("start", -1)).kind());
    assertThrows(InvalidInputException.class, () -> ExcelDates.toDate("start", 2958466));
    assertThrows(InvalidInputException.class, () -> ExcelDates.toDate("start", Double.NaN));
    assertEquals(InvalidInputException.Kind.TYPE,
        assertThrows(InvalidInputException.class, () -> ExcelDates.parseIso("start", "15/03/2023")).kind());
  }
}
