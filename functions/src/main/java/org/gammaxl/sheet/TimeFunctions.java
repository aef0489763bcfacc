package org.gammaxl.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.Holidays;
import org.gammaxl.time.YearFraction;

/** Year fractions between Excel date-times: {@code GX.YEARS} (implemented by {@link YearFraction}). */
final class TimeFunctions {
  static final String CATEGORY = "GammaXL Time";
  static final Keyword BASIS = Keyword.ofEnum(DayCount.class, "ACT365", "ACT_365F", "A365F", "ACT_365F",
      "ACT365FIXED", "ACT_365F", "A360", "ACT_360", "BD252", "BUS_252");
  private static final DayCount[] COUNTS = DayCount.values();

  private TimeFunctions() {
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.YEARS").category(CATEGORY)
            .description("Years from start to end (Excel date-times, time of day counts) under ACT/365F (default),"
                + " ACT/360 or BUS/252 (weekdays); negative when end is before start")
            .details("Use it for `years` in the pricing functions: `=GX.YEARS(NOW(), expiry_cell)`. BUS/252 counts"
                + " weekday time (partial days by the time of day) less the `holidays`, a range of dates on which the"
                + " market is closed (weekend dates and blank cells in it are ignored): with dates at midnight,"
                + " 252 × GX.YEARS(d0, d1, \"BUS/252\", hols) = NETWORKDAYS(d0, d1 - 1, hols). GammaXL ships no"
                + " holiday calendar: paste the exchange's published list. `holidays` with ACT/365F or ACT/360 is"
                + " `#VALUE!`.")
            .args(Param.date("start", "Start date-time, e.g. NOW() or a trade date"),
                Param.date("end", "End date-time, e.g. the expiry"),
                Param.keyword("basis", "ACT/365F, ACT/360 or BUS/252", BASIS).optional("ACT/365F"),
                Param.series("holidays", "BUS/252 only: a range of dates the market is closed").optional())
            .numeric(a -> YearFraction.fromExcel(a[0], a[1], COUNTS[(int) a[2]]))
            .body(TimeFunctions::withHolidays)
            .example(45000, 45091.5)
            .example("2023-03-15", "2023-06-14T16:00", "ACT/360")
            .example(45000, 45091.5, "BUS/252")
            .example(45292, 45658, "BUS/252", new Object[][] {{45292.0}, {45306.0}, {45341.0}})
            .build());
  }

  private static double withHolidays(Values v) {
    DayCount basis = COUNTS[(int) v.number(2)];
    double[] serials = v.series(3);
    if (serials == null) {
      return YearFraction.fromExcel(v.number(0), v.number(1), basis);
    }
    if (basis != DayCount.BUS_252) {
      throw InvalidInputException.type("holidays", "count only under BUS/252, not " + basis);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < serials.length; i++) {
      if (!(serials[i] >= 0 && serials[i] < 2958466)) {
        throw InvalidInputException.domain("holidays", "cell " + (i + 1) + " (" + serials[i]
            + ") is not an Excel date");
      }
      dates.add(YearFraction.fromExcelSerial(serials[i]).toLocalDate());
    }
    return Holidays.of(dates).business252(YearFraction.fromExcelSerial(checked("start", v.number(0))),
        YearFraction.fromExcelSerial(checked("end", v.number(1))));
  }

  private static double checked(String name, double serial) {
    ExcelDates.check(name, serial);
    return serial;
  }
}
