package org.gammaxl.sheet;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;

/**
 * Greeks of a book of legs and the hedge that flattens several greeks at once:
 * {@code GX.PORTFOLIO.GREEK} and {@code GX.NEUTRALIZE}.
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
    return Param.table(name, help + "; one cell per leg, or one value for all");
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
                perLeg("rates", "Continuously compounded rates; default 0").optional(),
                perLeg("yields", "Continuous yields; default 0").optional(),
                perLeg("models", "BSM, BLACK76, BACHELIER, AMERICAN or INVERSE; default BSM").optional(),
                OptionArgs.units())
            .body(PortfolioFunctions::portfolioGreek)
            .example("DELTA", new Object[][] {{100.0}, {-50.0}}, new Object[][] {{"C"}, {"P"}}, 100, 
                new Object[][] {{100.0}, {95.0}}, 0.5, 0.2, 0.05)
            .build(),
        SheetFunction.builder("GX.NEUTRALIZE").category(CATEGORY)
            .description("Quantities of hedge instruments that flatten several greeks at once: solves"
                + " greeks * qty = -exposures (least squares when not square); returns a column")
            .details("`exposures` lists the book's greeks to flatten, e.g. delta, gamma and vega from"
                + " `GX.PORTFOLIO.GREEK`. `instrument_greeks` has one row per greek, in the same order, and one"
                + " column per hedge instrument, each cell the greek of one unit of that instrument (same units as"
                + " the exposures). With as many instruments as greeks and independent instruments the result is"
                + " exact; otherwise it is the least-squares solution of smallest size. Returns one quantity per"
                + " instrument as a column.")
            .args(Param.series("exposures", "The book's greeks to flatten, e.g. total delta, gamma, vega"),
                Param.table("instrument_greeks", "One row per greek (order of exposures), one column per hedge"
                    + " instrument: greeks per unit"))
            .array()
            .body(PortfolioFunctions::neutralize)
            .example(new Object[][] {{-500.0}, {-30.0}},
                new Object[][] {{1.0, 0.55}, {0.0, 0.02}})
            .build());
  }

  private static Object portfolioGreek(Values v) {
    Greek greek = GREEKS[(int) v.number(0)];
    boolean trader = v.number(10) != OptionArgs.RAW;
    double[] q = (double[]) rawSeries(v, 1);
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

  private static Object rawSeries(Values v, int i) {
    return v.rawSeries(i);
  }

  private static Object neutralize(Values v) {
    double[] g = v.series(0);
    Object[][] t = v.table(1);
    if (g.length == 0) {
      throw InvalidInputException.notAvailable("exposures", "no exposures yet");
    }
    if (t.length != g.length) {
      throw InvalidInputException.type("instrument_greeks", "has " + t.length + " rows but exposures has "
          + g.length + " values; give one row per greek");
    }
    int n = t[0].length;
    double[][] m = new double[g.length][n];
    for (int r = 0; r < g.length; r++) {
      for (int c = 0; c < n; c++) {
        m[r][c] = NUMBER.toNumber(t[r][c]);
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false));
    double[] s = svd.getSingularValues();
    if (s.length == 0 || s[0] == 0) {
      throw InvalidInputException.domain("instrument_greeks", "every greek of every instrument is 0: nothing hedges");
    }
    if (svd.getRank() < Math.min(g.length, n)) {
      throw InvalidInputException.domain("instrument_greeks",
          "the instruments are not independent (rank " + svd.getRank() + "); drop one or add another greek");
    }
    RealVector x = svd.getSolver().solve(new ArrayRealVector(g).mapMultiply(-1));
    Object[][] out = new Object[n][1];
    for (int c = 0; c < n; c++) {
      out[c][0] = x.getEntry(c);
    }
    return out;
  }
}
