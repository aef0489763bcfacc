package org.gammaxl.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gammaxl.vol.RealizedVolatility;

/**
 * Realized volatility from price history: {@code GX.RVOL}, {@code GX.RVOL.OHLC}, {@code GX.RVOL.EWMA}
 * (implemented by {@link RealizedVolatility}). Results are annualised decimals, 0.2 = 20%.
 */
final class VolFunctions {
  static final String CATEGORY = "GammaXL Volatility";
  static final Keyword METHOD = methods();

  /** Method codes, in {@link #METHOD}'s order. */
  static final int CC = 0;
  static final int PARKINSON = 1;
  static final int GK = 2;
  static final int RS = 3;
  static final int YZ = 4;

  private static final Object[][] OPEN = {{100.0}, {101.0}, {99.5}, {100.5}, {101.0}};
  private static final Object[][] HIGH = {{101.5}, {102.0}, {100.8}, {101.9}, {102.2}};
  private static final Object[][] LOW = {{99.2}, {100.1}, {98.4}, {99.9}, {100.3}};
  private static final Object[][] CLOSE = {{101.0}, {100.5}, {100.4}, {101.2}, {101.8}};

  private VolFunctions() {
  }

  private static Keyword methods() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("CC", (double) CC);
    m.put("CLOSE", (double) CC);
    m.put("PARKINSON", (double) PARKINSON);
    m.put("GK", (double) GK);
    m.put("GARMANKLASS", (double) GK);
    m.put("RS", (double) RS);
    m.put("ROGERSSATCHELL", (double) RS);
    m.put("YZ", (double) YZ);
    m.put("YANGZHANG", (double) YZ);
    return Keyword.of(m);
  }

  private static Param periods() {
    return Param.number("periods_per_year", "Bars per year: 252 trading days, 365 for 24/7 markets, 52 weeks")
        .optional(252);
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.RVOL").category(CATEGORY)
            .description("Close-to-close realized volatility of a price series, annualised (0.2 = 20%);"
                + " blank cells are skipped")
            .details("Log returns, demeaned, sample variance (n - 1), times `periods_per_year`. Needs at least 3"
                + " prices.")
            .args(Param.series("prices", "Closing prices, oldest first, all > 0"), periods())
            .body(v -> RealizedVolatility.closeToClose(v.series(0), v.number(1)))
            .example((Object) new Object[][] {{100.0}, {101.0}, {99.5}, {100.2}, {102.0}, {101.1}})
            .build(),
        SheetFunction.builder("GX.RVOL.OHLC").category(CATEGORY)
            .description("Realized volatility from open/high/low/close bars, annualised: CC, PARKINSON, GK"
                + " (Garman-Klass), RS (Rogers-Satchell) or YZ (Yang-Zhang, default)")
            .details("The four ranges are read side by side: a row blank in all four is skipped, a row blank in"
                + " only some is `#N/A`. CC uses the closes only; PARKINSON the highs and lows; YZ also uses the"
                + " overnight gap from the previous close.")
            .args(Param.series("open", "Opening prices, oldest first"),
                Param.series("high", "Highs of each bar"),
                Param.series("low", "Lows of each bar"),
                Param.series("close", "Closing prices"),
                Param.keyword("method", "CC, PARKINSON, GK, RS or YZ", METHOD).optional("YZ"),
                periods())
            .body(VolFunctions::ohlc)
            .example(OPEN, HIGH, LOW, CLOSE)
            .example(OPEN, HIGH, LOW, CLOSE, "PARKINSON", 365)
            .build(),
        SheetFunction.builder("GX.RVOL.EWMA").category(CATEGORY)
            .description("Exponentially weighted (RiskMetrics) realized volatility of a price series, annualised")
            .details("Squared log returns weighted by `lambda` per bar back in time (0.94: RiskMetrics daily)."
                + " Blank cells are skipped.")
            .args(Param.series("prices", "Closing prices, oldest first, all > 0"),
                Param.number("lambda", "Decay per bar, 0 < lambda < 1").optional(RealizedVolatility.RISKMETRICS_LAMBDA),
                periods())
            .body(v -> RealizedVolatility.ewma(v.series(0), v.number(1), v.number(2)))
            .example((Object) new Object[][] {{100.0}, {101.0}, {99.5}, {100.2}, {102.0}, {101.1}})
            .build());
  }

  private static Object ohlc(Values v) {
    double[][] b = v.aligned(0, 1, 2, 3);
    double ppy = v.number(5);
    switch ((int) v.number(4)) {
      case CC: return RealizedVolatility.closeToClose(b[3], ppy);
      case PARKINSON: return RealizedVolatility.parkinson(b[1], b[2], ppy);
      case GK: return RealizedVolatility.garmanKlass(b[0], b[1], b[2], b[3], ppy);
      case RS: return RealizedVolatility.rogersSatchell(b[0], b[1], b[2], b[3], ppy);
      default: return RealizedVolatility.yangZhang(b[0], b[1], b[2], b[3], ppy);
    }
  }
}
