package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.ledger.BookColumn;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.LedgerSummary;
import org.gammaxl.ledger.LegColumn;
import org.gammaxl.ledger.LegItem;
import org.gammaxl.ledger.LegSummary;
import org.gammaxl.ledger.Marking;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.Revaluation;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.vol.SviSurface;

/**
 * Runs the ledger engine over a path read from worksheet ranges and lays out what a worksheet shows:
 * the single-leg {@code GX.LEDGER} tables and the book's {@code GX.BOOK.LEDGER} ones. One engine for
 * both; a single leg is a book of one.
 */
final class LedgerSheet {
  /** What to return. */
  enum Output {
    /** GX.LEDGER: header + one row per event of the {@link LedgerColumn}s. */
    LEDGER,
    /** GX.LEDGER.SUMMARY: the {@link SummaryItem}s as name/value. */
    SUMMARY,
    /** GX.BOOK.LEDGER: the LEDGER columns then the {@link BookColumn}s (or, with LEG=n, leg n's own columns). */
    BOOK_LEDGER,
    /** GX.BOOK.LEDGER.SUMMARY: name, book, one column per leg; then what the rule would have done and the setup. */
    BOOK_SUMMARY
  }

  /** The legs of a book with where each came from. */
  static final class Legs {
    final List<OptionLeg> legs = new ArrayList<>();
    /** 1-based row of the legs range of each leg. */
    final List<Integer> rows = new ArrayList<>();
    /** Each leg's expiry as given (a date-time or years). */
    final List<Double> expiries = new ArrayList<>();
  }

  /** Where the arguments are. */
  static final class Path {
    final int times;
    final int spots;
    final int vol;
    final int rate;
    final int yield;
    int bids = -1;
    int asks = -1;
    int fills = -1;
    /** div_times; div_amounts follows it. */
    int divTimes = -1;

    Path(int times, int spots, int vol, int rate, int yield) {
      this.times = times;
      this.spots = spots;
      this.vol = vol;
      this.rate = rate;
      this.yield = yield;
    }
  }

  /** The constants' names joined by ", ", for help text (headers and labels are the names). */
  static String names(Enum<?>[] constants) {
    List<String> names = new ArrayList<>();
    for (Enum<?> c : constants) {
      names.add(c.name());
    }
    return String.join(", ", names);
  }

  /** Reads the legs once the path's origin is known (for date-times to years). */
  @FunctionalInterface
  interface LegReader {
    Legs read(double origin);
  }

  private static final Param VOL_MARK = Param.number("vol", "").optional(Double.NaN, "carry forward");
  private static final Param FILL = Param.number("fills", "").optional(Double.NaN, "none");

  private LedgerSheet() {
  }

  static Object run(Values v, Path at, LedgerSettings s, LegReader reader, Output output) {
    double[] times = v.rawSeries(at.times);
    double[] spots = v.rawSeries(at.spots);
    if (times.length != spots.length) {
      throw InvalidInputException.type("spots", "has " + spots.length + " cells but times has " + times.length
          + "; the ranges must be the same size");
    }
    Object[][] volTable = v.table(at.vol);
    int volCells = volTable.length * (volTable.length == 0 ? 0 : volTable[0].length);
    SviSurface surface = isSurface(volTable) ? SurfaceArgs.read(v.name(at.vol), volTable) : null;
    if (surface == null && volCells != 1 && volCells != times.length) {
      throw InvalidInputException.type("vol", "has " + volCells + " cells; give one vol, or one mark per time ("
          + times.length + ")");
    }
    double[] bids = quotes(v, at.bids, times.length);
    double[] asks = quotes(v, at.asks, times.length);
    if ((bids == null) != (asks == null)) {
      throw InvalidInputException.type(bids == null ? "bids" : "asks", "give both bids and asks, or neither");
    }
    Object[][] fills = at.fills < 0 ? null : v.table(at.fills);
    if (fills != null && fills.length != times.length) {
      throw InvalidInputException.type("fills", "has " + fills.length + " rows; give one row per time ("
          + times.length + "): the quantity traded (blank = none) and optionally its price");
    }
    double origin = Double.NaN;
    for (double t : times) {
      if (!Double.isNaN(t)) {
        origin = t;
        break;
      }
    }
    if (Double.isNaN(origin)) {
      throw InvalidInputException.notAvailable("times", "no observations yet");
    }
    Legs legs = reader.read(origin);
    if (surface != null) {
      for (int i = 0; i < legs.legs.size(); i++) {
        if (!Double.isNaN(legs.legs.get(i).vol())) {
          throw InvalidInputException.type("legs row " + legs.rows.get(i) + ": vol", "must be blank when `vol` is a"
              + " vol surface: every leg is marked on the surface");
        }
      }
    }
    if (!Double.isNaN(s.futureExpiry)) {
      s.policy.futureExpiry(s.years(origin, s.futureExpiry, "FUTURE_EXPIRY"));
    }
    s.policy.rate(v.number(at.rate)).yield(v.number(at.yield));
    if (at.divTimes >= 0) {
      double start = origin;
      s.policy.dividends(DividendArgs.readOnClock(v, at.divTimes, t -> s.years(start, t, "div_times")));
    }
    if (bids != null) {
      s.policy.useHalfSpread(true);
    }
    HedgePolicy policy = s.policy.build();
    int legIndex = legIndex(s, legs, output);
    Marking marking = surface == null ? s.marking() : s.marking().onSurface(surface);
    LedgerRun run = HedgeLedger.of(s.model.pricer(), Position.of(legs.legs), policy, marking).start();
    boolean table = output == Output.LEDGER || output == Output.BOOK_LEDGER;
    boolean book = output == Output.BOOK_LEDGER;
    List<Object[]> rows = new ArrayList<>();
    if (table) {
      rows.add(header(book));
    }
    for (int p = 0; p < times.length; p++) {
      boolean noTime = Double.isNaN(times[p]);
      boolean noSpot = Double.isNaN(spots[p]);
      if (noTime && noSpot) {
        continue;
      }
      if (noTime || noSpot) {
        throw InvalidInputException.notAvailable(noTime ? "times" : "spots", "cell " + (p + 1)
            + " is blank while the other range has a value there");
      }
      double years = s.years(origin, times[p], "times");
      double mark = surface != null ? surfaceMark(surface, legs, years)
          : volCells == 1 ? v.leg(at.vol, VOL_MARK, 0, 1) : v.leg(at.vol, VOL_MARK, p, times.length);
      double fill = Double.NaN;
      double fillPrice = Double.NaN;
      if (fills != null) {
        Object[] f = fills[p];
        fill = Values.read(FILL, f.length > 0 ? f[0] : Empty.BLANK, "fills row " + (p + 1));
        fill = Double.isNaN(fill) ? 0 : fill;
        fillPrice = f.length > 1 ? Values.read(FILL, f[1], "fills row " + (p + 1) + " price") : Double.NaN;
      }
      LedgerRow row = run.step(years, spots[p], mark,
          bids == null ? Double.NaN : bids[p], asks == null ? Double.NaN : asks[p], fill, fillPrice);
      if (table) {
        Object[] out = book ? new Object[LedgerColumn.values().length + BookColumn.values().length]
            : new Object[LedgerColumn.values().length];
        if (legIndex < 0) {
          double[] values = row.toArray();
          for (int c = 0; c < values.length; c++) {
            out[c] = cell(values[c]);
          }
          if (book) {
            for (BookColumn c : BookColumn.values()) {
              out[values.length + c.ordinal()] = cell(run.book(c));
            }
          }
        } else {
          legRow(run, legIndex, row, out);
        }
        if (s.dates) {
          out[LedgerColumn.TIME.ordinal()] = times[p];
        }
        rows.add(out);
      }
    }
    if (table) {
      return rows.toArray(new Object[0][]);
    }
    return output == Output.SUMMARY ? summary(run.summary()) : bookSummary(run, s, legs, surface != null);
  }

  /**
   * Whether the {@code vol} range is a vol surface ({@link SurfaceArgs}) rather than marks: at least its six columns
   * and either a header row or more than one row (one row of marks per time stays marks).
   */
  static boolean isSurface(Object[][] vol) {
    return vol.length > 0 && vol[0].length >= SurfaceArgs.COLUMNS && (vol.length > 1 || vol[0][0] instanceof String);
  }

  /**
   * The VOL column of a surface-marked book: the surface's at-the-money-forward vol √(w(0, τ)/τ) at the nearest
   * live expiry τ (the first slice's when no leg is left).
   */
  private static double surfaceMark(SviSurface surface, Legs legs, double time) {
    double tau = Double.POSITIVE_INFINITY;
    for (OptionLeg leg : legs.legs) {
      double left = leg.expiry() - time;
      if (left > 0) {
        tau = Math.min(tau, left);
      }
    }
    if (tau == Double.POSITIVE_INFINITY) {
      tau = surface.years(0);
    }
    return Math.sqrt(surface.totalVariance(0, tau) / tau);
  }

  private static double[] quotes(Values v, int at, int n) {
    if (at < 0 || v.isAbsent(at)) {
      return null;
    }
    double[] q = v.rawSeries(at);
    if (q.length != n) {
      throw InvalidInputException.type(v.name(at), "has " + q.length + " cells but times has " + n
          + "; the ranges must be the same size");
    }
    return q;
  }

  /** The 0-based leg the LEG setting names, or −1 for the book. */
  private static int legIndex(LedgerSettings s, Legs legs, Output output) {
    if (s.leg == 0 || output != Output.BOOK_LEDGER) {
      return -1;
    }
    int i = legs.rows.indexOf(s.leg);
    if (i < 0) {
      throw InvalidInputException.domain("LEG", "row " + s.leg + " of legs is not a leg of the book (legs rows "
          + legs.rows + ")");
    }
    return i;
  }

  private static Object[] header(boolean book) {
    List<String> h = new ArrayList<>(LedgerRow.headers());
    if (book) {
      for (BookColumn c : BookColumn.values()) {
        h.add(c.header());
      }
    }
    return h.toArray();
  }

  /** One leg's own columns in the ledger's layout; the hedge's columns (not the leg's) blank. */
  private static void legRow(LedgerRun run, int leg, LedgerRow row, Object[] out) {
    Arrays.fill(out, "");
    out[LedgerColumn.TIME.ordinal()] = row.time();
    out[LedgerColumn.SPOT.ordinal()] = row.spot();
    for (LegColumn c : LegColumn.values()) {
      LedgerColumn target = c.bookColumn();
      if (target != null) {
        out[target.ordinal()] = cell(run.leg(leg, c));
      }
    }
    out[LedgerColumn.TOTAL_PNL.ordinal()] = cell(run.leg(leg, LegColumn.OPTION_PNL));
  }

  private static Object cell(double x) {
    return Double.isNaN(x) ? "" : (Object) x;
  }

  private static Object[][] summary(LedgerSummary summary) {
    SummaryItem[] items = SummaryItem.values();
    Object[][] out = new Object[items.length][2];
    for (SummaryItem item : items) {
      out[item.ordinal()][0] = item.label();
      out[item.ordinal()][1] = na(summary.value(item));
    }
    return out;
  }

  private static Object na(double x) {
    return Double.isNaN(x) ? ExcelError.NA : (Object) x;
  }

  /** Rows after the summary items, in order. */
  static final List<String> BOOK_ROWS = List.of("RULE_TOTAL_PNL", "RULE_HEDGE_COUNT", "RULE_COST_PNL",
      "USER_FILLS", "HEDGE_DELTA", "SMILE", "BASIS", "MODEL", "REVALUE", "PRICER_CALLS", "LEG", "TYPE", "STRIKE",
      "EXPIRY", "QUANTITY", "VOL");

  private static Object[][] bookSummary(LedgerRun run, LedgerSettings s, Legs legs, boolean onSurface) {
    int n = legs.legs.size();
    SummaryItem[] items = SummaryItem.values();
    LedgerSummary book = run.summary();
    LedgerSummary rule = run.ruleSummary();
    List<Object[]> rows = new ArrayList<>();
    LegSummary[] per = new LegSummary[n];
    for (int i = 0; i < n; i++) {
      per[i] = run.legSummary(i);
    }
    for (SummaryItem item : items) {
      Object[] r = blankRow(n, item.label(), na(book.value(item)));
      LegItem legItem = LegItem.of(item);
      for (int i = 0; legItem != null && i < n; i++) {
        r[2 + i] = na(per[i].value(legItem));
      }
      rows.add(r);
    }
    rows.add(blankRow(n, "RULE_TOTAL_PNL", rule.value(SummaryItem.TOTAL_PNL)));
    rows.add(blankRow(n, "RULE_HEDGE_COUNT", rule.value(SummaryItem.HEDGE_COUNT)));
    rows.add(blankRow(n, "RULE_COST_PNL", rule.value(SummaryItem.COST_PNL)));
    rows.add(blankRow(n, "USER_FILLS", run.booksUserFills() ? (Object) (double) run.userTrades() : "NONE"));
    rows.add(blankRow(n, "HEDGE_DELTA", s.hedgeDeltaText()));
    rows.add(blankRow(n, "SMILE", s.smile.name()));
    rows.add(blankRow(n, "BASIS", s.dates ? s.clock.label() : "YEARS"));
    rows.add(blankRow(n, "MODEL", s.model.name()));
    rows.add(blankRow(n, "REVALUE", s.marking().revaluation() == Revaluation.REUSE ? "REUSE"
        : "EVERY"));
    rows.add(blankRow(n, "PRICER_CALLS", s.marking().revaluation() == Revaluation.REUSE
        ? (Object) (double) run.revaluations() : (Object) (double) (run.events() * n)));
    Object[] leg = blankRow(n, "LEG", "");
    Object[] type = blankRow(n, "TYPE", "");
    Object[] strike = blankRow(n, "STRIKE", "");
    Object[] expiry = blankRow(n, "EXPIRY", "");
    Object[] quantity = blankRow(n, "QUANTITY", "");
    Object[] vol = blankRow(n, "VOL", "");
    for (int i = 0; i < n; i++) {
      OptionLeg l = legs.legs.get(i);
      leg[2 + i] = (double) legs.rows.get(i);
      type[2 + i] = l.type().name();
      strike[2 + i] = l.strike();
      expiry[2 + i] = legs.expiries.get(i);
      quantity[2 + i] = l.quantity();
      vol[2 + i] = onSurface ? "SURFACE" : Double.isNaN(l.vol()) ? "MARK" : (Object) l.vol();
    }
    rows.add(leg);
    rows.add(type);
    rows.add(strike);
    rows.add(expiry);
    rows.add(quantity);
    rows.add(vol);
    return rows.toArray(new Object[0][]);
  }

  private static Object[] blankRow(int legs, String name, Object value) {
    Object[] r = new Object[2 + legs];
    Arrays.fill(r, "");
    r[0] = name;
    r[1] = value instanceof Double ? na((Double) value) : value;
    return r;
  }
}
