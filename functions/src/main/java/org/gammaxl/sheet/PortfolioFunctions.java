package org.gammaxl.sheet;

import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;

/**
 * Greeks of a book of option legs: {@code GX.PORTFOLIO.GREEK}.
 */
final class PortfolioFunctions {
  static final String CATEGORY = "GammaXL Portfolio";
  private static final Greek[] GREEKS = Greek.values();

  /** Element rules for per-leg columns (same keywords and defaults as the single-option functions). */
  private static final Param TYPE = OptionArgs.type();
  private static final Param NUMBER = Param.number("value", "");
  private static final Param RATE = OptionArgs.rate();
  private static final Param YIELD = OptionArgs.dividendYield();
  private static final Param MODEL = OptionArgs.model();

  private PortfolioFunctions() {
  }

  private static Param perLeg(String name, String help) {
    return Param.table(name, help + "; one cell per leg or one value for all");
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.PORTFOLIO.GREEK").category(CATEGORY)
            .description("Sum of quantity * greek over a book of option legs, trader units unless units=RAW;"
                + " rows with a blank quantity are skipped")
            .details("Each per-leg argument is a range with one cell per leg (row by row, the same layout as"
                + " `quantities`) or a single value used for every leg. `rates`, `yields` and `models` may be left"
                + " out. Quantities are signed (negative = short) and include any contract multiplier.")
            .args(Param.keyword("greek", "Greek name, e.g. \"DELTA\", \"VEGA\" (see GX.GREEK)", OptionArgs.GREEK),
                Param.series("quantities", "Signed quantity of each leg in units of underlying (-10 = short 10)"),
                perLeg("types", "Option types: \"C\" or \"P\" (also CALL, PUT, 1, -1)"),
                perLeg("spots", "Underlying prices"),
                perLeg("strikes", "Strikes"),
                perLeg("years", "Times to expiry in years"),
                perLeg("vols", "Annual volatilities, 0.2 = 20%"),
                perLeg("rates", "Continuously compounded rates, default 0").optional(),
                perLeg("yields", "Continuous yields, default 0").optional(),
                perLeg("models", org.gammaxl.pricing.Model.expected() + "; default BSM").optional(),
                OptionArgs.units())
            .body(PortfolioFunctions::portfolioGreek)
            .example("DELTA", new Object[][] {{100.0}, {-50.0}}, new Object[][] {{"C"}, {"P"}}, 100,
                new Object[][] {{100.0}, {95.0}}, 0.5, 0.2, 0.05)
            .build());
  }

  private static Object portfolioGreek(Values v) {
    Greek greek = GREEKS[(int) v.number(0)];
    boolean trader = v.number(10) != OptionArgs.RAW;
    double[] q = v.rawSeries(1);
    int legs = q.length;
    double[] a = new double[8];
    double sum = 0;
    int used = 0;
    for (int k = 0; k < legs; k++) {
      if (Double.isNaN(q[k])) {
        continue;
      }
      a[0] = v.leg(2, TYPE, k, legs);
      a[1] = v.leg(3, NUMBER, k, legs);
      a[2] = v.leg(4, NUMBER, k, legs);
      a[3] = v.leg(5, NUMBER, k, legs);
      a[4] = v.leg(6, NUMBER, k, legs);
      a[5] = v.leg(7, RATE, k, legs);
      a[6] = v.leg(8, YIELD, k, legs);
      a[7] = v.leg(9, MODEL, k, legs);
      if (q[k] != 0) {
        sum += q[k] * OptionArgs.greek(greek, a, 0, trader);
      }
      used++;
    }
    if (used == 0) {
      throw InvalidInputException.notAvailable("quantities", "no legs yet (every quantity is blank)");
    }
    return sum;
  }
}
