package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.rate;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.journal.FillJournal;

/**
 * The hedge journal: {@code GX.JOURNAL} reads the fills a desk did against the option book they hedge
 * (implemented in {@link FillJournal}).
 */
final class JournalFunctions {
  static final String CATEGORY = "GammaXL Ledger";

  private static final int TIMES = 0;
  private static final int QUANTITIES = 1;
  private static final int PRICES = 2;
  private static final int MARKS = 3;
  private static final int LEGS = 4;
  private static final int VOL = 5;
  private static final int RATE = 6;
  private static final int YIELD = 7;
  private static final int SETTINGS = 8;

  private JournalFunctions() {
  }

  static List<SheetFunction> functions() {
    Object[][] times = {{0.0}, {1.0 / 365}, {2.0 / 365}, {3.0 / 365}};
    Object[][] quantities = {{-50.0}, {10.0}, {-8.0}, {12.0}};
    Object[][] prices = {{100.0}, {98.1}, {101.9}, {99.4}};
    Object[][] marks = {{100.0}, {98.0}, {102.0}, {99.5}};
    Object[][] legs = {{"C", 100.0, 0.25, 100.0}};
    Object[][] settings = {{"TIME", "YEARS"}};
    return List.of(
        SheetFunction.builder("GX.JOURNAL").category(CATEGORY)
            .description("A journal of hedge fills read against the option book: per fill the book's delta, the"
                + " position delta before and after, slippage against the mark, FIFO round-trip scalp P&L, and the"
                + " book's cumulative gamma P&L against theta between fills")
            .details("One output row per row of the inputs, under a header row: " + columns() + ". A row whose time,"
                + " quantity, price or mark is blank is not a fill (its results are blank), so the ranges may be sized"
                + " ahead of the journal. Quantities are signed units of underlying (+ bought); `marks` is the"
                + " underlying's mid at each fill; `legs` is the book as in `GX.BOOK.LEDGER` (type, strike, expiry,"
                + " quantity, [vol]) and `vol` the implied vol of legs without their own. Delta in units of"
                + " underlying; between fills GAMMA_PNL_CUM adds ½Γ(ΔS)² and THETA_PNL_CUM ΘΔt (greeks of the"
                + " earlier fill, theta per year); SCALP_PNL is what the fill realised by closing the oldest open"
                + " hedge lots first (FIFO), SLIPPAGE (price − mark) × quantity, positive = paid. Settings: TIME,"
                + " BASIS, SESSION, MULTIPLIER and MODEL as in `GX.LEDGER`.")
            .args(Param.series("times", "Time of each fill, oldest first: Excel date-times (or years with TIME=YEARS)"),
                Param.table("quantities", "Signed quantity of each fill, units of underlying: + bought, - sold"),
                Param.table("prices", "Execution price of each fill"),
                Param.table("marks", "The underlying's mark (mid) at each fill"),
                Param.table("legs", "The option book: one row per leg, type, strike, expiry, quantity, [vol]"),
                Param.table("vol", "Implied vol of the legs without their own, 0.2 = 20%"),
                rate(), dividendYield(),
                Param.table("settings", "Name/value pairs: TIME, BASIS, MULTIPLIER, MODEL").optional())
            .array()
            .body(JournalFunctions::journal)
            .example(times, quantities, prices, marks, legs, 0.2, 0.0, 0.0, settings)
            .build());
  }

  private static String columns() {
    List<String> names = new ArrayList<>();
    names.add("TIME");
    for (FillJournal.Column c : FillJournal.Column.values()) {
      names.add(c.name());
    }
    return String.join(", ", names);
  }

  /**
   * A range read cell by cell beside {@code times}: a number, or NaN for a blank or an empty text (a formula's
   * {@code ""}, e.g. a signed quantity in a row not yet filled).
   */
  private static double[] column(Values v, int k, int n) {
    Object[][] t = v.table(k);
    int cells = t.length == 0 ? 0 : t.length * t[0].length;
    if (cells != n) {
      throw InvalidInputException.type(v.name(k), "has " + cells + " cells but times has " + n
          + "; the ranges must be the same size");
    }
    double[] out = new double[n];
    int i = 0;
    for (Object[] row : t) {
      for (Object x : row) {
        if (x instanceof Double d) {
          out[i] = d;
        } else if (x == null || x instanceof Empty || "".equals(x)) {
          out[i] = Double.NaN;
        } else if (x instanceof ExcelError e) {
          throw new PropagatedError(v.name(k) + " cell " + (i + 1), e);
        } else {
          throw InvalidInputException.type(v.name(k), "cell " + (i + 1) + " is " + Param.describe(x)
              + ", expected a number or a blank");
        }
        i++;
      }
    }
    return out;
  }

  private static Object journal(Values v) {
    LedgerSettings s = LedgerSettings.parse(v.table(SETTINGS), false);
    double[] times = v.rawSeries(TIMES);
    int n = times.length;
    double[] quantities = column(v, QUANTITIES, n);
    double[] prices = column(v, PRICES, n);
    double[] marks = column(v, MARKS, n);
    Object[][] volTable = v.table(VOL);
    if (volTable.length != 1 || volTable[0].length != 1 || !(volTable[0][0] instanceof Double)) {
      throw InvalidInputException.type("vol", "give one implied vol, e.g. 0.2");
    }
    double vol = Require.positive("vol", (Double) volTable[0][0]);
    double origin = Double.NaN;
    for (double t : times) {
      if (!Double.isNaN(t)) {
        origin = t;
        break;
      }
    }
    Object[] header = new Object[1 + FillJournal.Column.values().length];
    header[0] = "TIME";
    for (FillJournal.Column c : FillJournal.Column.values()) {
      header[1 + c.ordinal()] = c.name();
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(header);
    if (Double.isNaN(origin)) {
      throw InvalidInputException.notAvailable("times", "no fills yet");
    }
    LedgerSheet.Legs legs = BookLedgerFunctions.legs(v.table(LEGS), s, origin);
    FillJournal journal = new FillJournal(s.model.pricer(), legs.legs, vol, v.number(RATE), v.number(YIELD));
    for (int p = 0; p < n; p++) {
      Object[] out = new Object[header.length];
      java.util.Arrays.fill(out, "");
      if (!Double.isNaN(times[p]) && !Double.isNaN(quantities[p]) && !Double.isNaN(prices[p]) && !Double.isNaN(marks[p])) {
        double[] values = journal.fill(s.years(origin, times[p], "times"), quantities[p], prices[p], marks[p]);
        out[0] = times[p];
        for (int c = 0; c < values.length; c++) {
          out[1 + c] = values[c];
        }
      }
      rows.add(out);
    }
    return rows.toArray(new Object[0][]);
  }
}
