package org.gammaxl.workbooks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * The ledger computed by calling the worksheet functions themselves through the host-neutral path —
 * by construction what POI's evaluation of the report's formulas gives. The whole table is held in
 * memory, so this is for small ledgers and tests; {@link EngineLedger} streams.
 */
public final class CatalogueLedger implements LedgerSource {
  private final WorksheetFunction ledger;
  private final WorksheetFunction summary;

  public CatalogueLedger(WorksheetFunction ledger, WorksheetFunction summary) {
    this.ledger = ledger;
    this.summary = summary;
  }

  @Override
  public List<String> header(PositionFile position, PriceSeries prices) throws ReportException {
    Object[][] table = table(ledger, arguments(position, prices));
    List<String> names = new ArrayList<>();
    for (Object o : table[0]) {
      names.add(String.valueOf(o));
    }
    return names;
  }

  @Override
  public Object[][] run(PositionFile position, PriceSeries prices, Consumer<Object[]> rows) throws ReportException {
    Object[] args = arguments(position, prices);
    Object[][] table = table(ledger, args);
    for (int r = 1; r < table.length; r++) {
      rows.accept(table[r]);
    }
    return table(summary, args);
  }

  private static Object[][] table(WorksheetFunction f, Object[] args) throws ReportException {
    Object result = f.invoke(args);
    if (result instanceof Object[][] t && t.length > 0) {
      return t;
    }
    String text = result instanceof ExcelError e ? e.text()
        : result instanceof Double d && ExcelError.fromNaN(d) != null ? ExcelError.fromNaN(d).text() : String.valueOf(result);
    throw new ReportException(f.name() + " returned " + text + " for these inputs");
  }

  /** GX.BOOK.LEDGER.SUMMARY of a book, from the standard catalogue. */
  static Object[][] bookSummary(PositionFile position, PriceSeries prices) throws ReportException {
    var f = org.gammaxl.sheet.Catalogue.standard().find("GX.BOOK.LEDGER.SUMMARY").orElseThrow();
    return table(f, arguments(position, prices));
  }

  /** The legs table of GX.BOOK.LEDGER: type, strike, expiry, quantity, vol (blank = the book's mark). */
  static Object[][] legs(PositionFile position) {
    Object[][] t = new Object[position.legs().size()][];
    for (int i = 0; i < t.length; i++) {
      PositionFile.Leg l = position.legs().get(i);
      t[i] = new Object[] {l.typeKeyword(), l.strike(), l.expiry(), l.quantity(),
          Double.isNaN(l.vol()) ? org.gammaxl.sheet.Empty.BLANK : (Object) l.vol()};
    }
    return t;
  }

  /**
   * The host-neutral arguments of GX.LEDGER (one leg) or GX.BOOK.LEDGER (a book) for these inputs, matching
   * {@link LedgerReport#args}.
   */
  static Object[] arguments(PositionFile position, PriceSeries prices) {
    int n = prices.size();
    Object[][] times = new Object[n][1];
    Object[][] spots = new Object[n][1];
    Object[][] vols = prices.vols() == null ? null : new Object[n][1];
    for (int i = 0; i < n; i++) {
      times[i][0] = prices.times()[i];
      spots[i][0] = prices.spots()[i];
      if (vols != null) {
        vols[i][0] = Double.isNaN(prices.vols()[i]) ? org.gammaxl.sheet.Empty.BLANK : (Object) prices.vols()[i];
      }
    }
    Map<String, Object> settings = position.settings();
    Object[][] table = new Object[settings.size()][2];
    int i = 0;
    for (var e : settings.entrySet()) {
      table[i][0] = e.getKey();
      table[i][1] = e.getValue();
      i++;
    }
    Object vol = vols == null ? (Object) position.vol() : vols;
    Object[] args = position.isBook()
        ? new Object[] {times, spots, legs(position), vol, position.rate(), position.yield(), table}
        : new Object[] {times, spots, position.typeKeyword(), position.strike(), position.expiry(),
            position.quantity(), vol, position.rate(), position.yield(), table};
    if (position.dividends().isEmpty()) {
      return args;
    }
    List<Object> all = new ArrayList<>(List.of(args));
    if (position.isBook()) {
      Object missing = org.gammaxl.sheet.Empty.MISSING;
      all.addAll(List.of(missing, missing, missing)); // bids, asks, fills
    }
    Object[][][] dividends = dividends(position);
    all.add(dividends[0]);
    all.add(dividends[1]);
    return all.toArray();
  }

  /** The div_times and div_amounts ranges of a position's dividends: ex-dates as Excel serials, amounts. */
  static Object[][][] dividends(PositionFile position) {
    int n = position.dividends().size();
    Object[][] dates = new Object[n][1];
    Object[][] amounts = new Object[n][1];
    for (int i = 0; i < n; i++) {
      dates[i][0] = position.dividends().get(i).date();
      amounts[i][0] = position.dividends().get(i).amount();
    }
    return new Object[][][] {dates, amounts};
  }

  /** The two functions as a POI tool pack, so that the report's formulas parse against them. */
  org.apache.poi.ss.formula.udf.UDFFinder finder() {
    return org.gammaxl.workbooks.poi.GxFunctions.finder(List.of(ledger, summary));
  }
}
