package org.gammaxl.sheet;

import java.util.List;
import org.gammaxl.time.DayCount;
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
                + " weekday time only (no holiday calendar).")
            .args(Param.date("start", "Start date-time, e.g. NOW() or a trade date"),
                Param.date("end", "End date-time, e.g. the expiry"),
                Param.keyword("basis", "ACT/365F, ACT/360 or BUS/252", BASIS).optional("ACT/365F"))
            .numeric(a -> YearFraction.fromExcel(a[0], a[1], COUNTS[(int) a[2]]))
            .example(45000, 45091.5)
            .example("2023-03-15", "2023-06-14T16:00", "ACT/360")
            .example(45000, 45091.5, "BUS/252")
            .build());
  }
}
