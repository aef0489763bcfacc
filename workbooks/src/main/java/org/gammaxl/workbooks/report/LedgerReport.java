package org.gammaxl.workbooks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;
import org.gammaxl.workbooks.io.AtomicOutput;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.gammaxl.workbooks.templates.Charts;
import org.gammaxl.workbooks.templates.Layout;
import org.gammaxl.workbooks.templates.NumberFormats;
import org.gammaxl.workbooks.templates.Styles;

/**
 * A filled ledger report: sheets {@code Summary} (GX.LEDGER.SUMMARY), {@code Ledger} (the ledger
 * table), {@code Charts}, {@code Inputs} (the position and policy as named cells) and {@code Prices}
 * (the observations, and the vol marks when the CSV has them). The one GX.LEDGER array formula over the
 * whole ledger sits on the hidden sheet {@code LedgerCalc} (the summary's on {@code SummaryCalc}); every
 * visible ledger and summary number is a plain reference to it, {@code =LedgerCalc!B5}. Every formula
 * is written with its cached value, computed by the engine, so the file shows numbers in any viewer and
 * Excel with the add-in recomputes the same numbers. A viewer without the add-in that drops the cached
 * results of array formulas calling an unknown function (LibreOffice replaces them with #NAME?) still
 * shows the references' cached values, in the table and in the charts drawn from it. The ledger and price sheets are
 * streamed (SXSSF) and the engine streams its rows, so memory does not grow with the ledger.
 */
public final class LedgerReport {
  /** Ledgers up to this many rows carry their points in the chart cache. */
  private static final int CHART_CACHE_ROWS = 10_000;
  /** The hidden sheet holding the one GX.LEDGER array formula; the visible {@code Ledger} sheet refers to it. */
  static final String CALC_SHEET = "LedgerCalc";
  /** Last column of the summary sheet's text (the Source line wraps over at least A:D). */
  private static int summaryLastCol(Object[][] rows) {
    return Math.max(3, rows[0].length - 1);
  }

  private final LedgerSource source;

  /** A report writer computing with the ledger engine, streamed. */
  public LedgerReport() {
    this(new EngineLedger());
  }

  /** A report writer computing with the given worksheet functions (a test may pass its own). */
  public LedgerReport(WorksheetFunction ledger, WorksheetFunction summary) {
    this(new CatalogueLedger(ledger, summary));
  }

  public LedgerReport(LedgerSource source) {
    this.source = source;
  }

  /** The arguments of both functions as they appear in the formulas (named ranges of the report). */
  static String args(PositionFile position, PriceSeries prices) {
    String vol = prices.vols() == null ? "ImpliedVol" : "LedgerVols";
    // with dividends, the book's bids, asks and fills are left out before them
    String dividends = position.dividends().isEmpty() ? "" : (position.isBook() ? ",,,," : ",") + "DivTimes,DivAmounts";
    if (position.isBook()) {
      return "LedgerTimes,LedgerSpots,Legs," + vol + ",RiskFreeRate,DivYield,LedgerSettings" + dividends;
    }
    return "LedgerTimes,LedgerSpots,OptType,Strike,Expiry,Contracts," + vol + ",RiskFreeRate,DivYield,LedgerSettings"
        + dividends;
  }

  /** The ledger function of the report: GX.LEDGER for one option, GX.BOOK.LEDGER for a book. */
  static String ledgerFunction(PositionFile position) {
    return position.isBook() ? "GX.BOOK.LEDGER" : "GX.LEDGER";
  }

  /** What a written report holds. */
  public record Result(Path file, int rows, Object[][] summary) {}

  /**
   * Computes the ledger and writes the report to {@code out} (temporary file, then rename).
   *
   * @param inputs files the report was read from; {@code out} may not be one of them
   * @throws ReportException when the engine rejects the inputs (its message names the argument)
   */
  public Result write(PositionFile position, PriceSeries prices, String sourceName, Path out, Path... inputs)
      throws IOException, ReportException {
    List<String> header = source.header(position, prices);
    int n = prices.size();
    int width = header.size();
    String args = args(position, prices);
    XSSFWorkbook template = new XSSFWorkbook();
    template.addToolPack(GxFunctions.standard());
    if (source instanceof CatalogueLedger c) {
      template.addToolPack(c.finder());
    }
    Styles st = new Styles(template);
    XSSFSheet summarySheet = template.createSheet("Summary");
    XSSFSheet charts = template.createSheet("Charts");
    XSSFSheet inputsSheet = template.createSheet("Inputs");
    template.createSheet("Prices");
    name(template, "LedgerTimes", "Prices!$A$2:$A$" + (n + 1));
    name(template, "LedgerSpots", "Prices!$B$2:$B$" + (n + 1));
    if (prices.vols() != null) {
      name(template, "LedgerVols", "Prices!$C$2:$C$" + (n + 1));
    }
    writeInputs(template, inputsSheet, st, position, sourceName);

    boolean cache = n <= CHART_CACHE_ROWS;
    // The chart series: total P&L and its attribution, then the hedge position; their cached points.
    String[] charted = {"TOTAL_PNL", "GAMMA_PNL", "THETA_PNL", "VEGA_PNL", "COST_PNL", "HEDGE_POSITION"};
    int[] chartedCol = new int[charted.length];
    Double[][] chartCache = new Double[charted.length][];
    for (int k = 0; k < charted.length; k++) {
      chartedCol[k] = header.indexOf(charted[k]);
      chartCache[k] = new Double[cache && chartedCol[k] >= 0 ? n : 0];
    }
    Object[][] summaryRows;
    try (ArrayFormulaWorkbook wb = new ArrayFormulaWorkbook(template)) {
      SXSSFSheet priceSheet = wb.getSheet("Prices");
      CellStyle timeStyle = wb.createCellStyle();
      timeStyle.setDataFormat(wb.createDataFormat().getFormat(Styles.DATE_TIME));
      CellStyle spotStyle = wb.createCellStyle();
      spotStyle.setDataFormat(wb.createDataFormat().getFormat(Styles.PRICE));
      CellStyle volStyle = wb.createCellStyle();
      volStyle.setDataFormat(wb.createDataFormat().getFormat(Styles.PERCENT));
      Row ph = priceSheet.createRow(0);
      String[] priceHeads = prices.vols() == null ? new String[] {"Time", "Spot"} : new String[] {"Time", "Spot", "Vol"};
      for (int c = 0; c < priceHeads.length; c++) {
        ph.createCell(c).setCellValue(priceHeads[c]);
        ph.getCell(c).setCellStyle(st.header);
      }
      for (int i = 0; i < n; i++) {
        Row r = priceSheet.createRow(i + 1);
        Cell t = r.createCell(0);
        t.setCellValue(prices.times()[i]);
        t.setCellStyle(timeStyle);
        Cell spot = r.createCell(1);
        spot.setCellValue(prices.spots()[i]);
        spot.setCellStyle(spotStyle);
        if (prices.vols() != null && !Double.isNaN(prices.vols()[i])) {
          Cell v = r.createCell(2);
          v.setCellValue(prices.vols()[i]);
          v.setCellStyle(volStyle);
        }
      }
      priceSheet.setColumnWidth(0, 18 * 256);
      priceSheet.createFreezePane(0, 1);

      String ref = "A1:" + CellReference.convertNumToColString(width - 1) + (n + 1);
      wb.createSheetWithArrayFormula(CALC_SHEET, 0, 0, GxFunctions.xll(ledgerFunction(position), args), ref);
      SXSSFSheet sheet = wb.createViewOfArraySheet("Ledger", 1);
      CellStyle[] styles = new CellStyle[width];
      Row head = sheet.createRow(0);
      for (int c = 0; c < width; c++) {
        styles[c] = wb.createCellStyle();
        styles[c].setDataFormat(wb.createDataFormat().getFormat(NumberFormats.of(header.get(c)).excel()));
        head.createCell(c).setCellValue(header.get(c));
        head.getCell(c).setCellStyle(st.header);
      }
      int[] next = {1};
      String[] problem = {null};
      summaryRows = source.run(position, prices, values -> {
        int r = next[0]++;
        if (values.length != width && problem[0] == null) {
          problem[0] = "row " + r + " has " + values.length + " columns, the header " + width;
        }
        Row row = sheet.createRow(r);
        for (int c = 0; c < width && c < values.length; c++) {
          Cell cell = row.createCell(c);
          set(cell, values[c]);
          cell.setCellStyle(styles[c]);
        }
        if (cache && r - 1 < n) {
          for (int k = 0; k < charted.length; k++) {
            if (chartedCol[k] >= 0) {
              chartCache[k][r - 1] = values[chartedCol[k]] instanceof Double d ? d : null;
            }
          }
        }
      });
      if (problem[0] != null || next[0] != n + 1) {
        throw new ReportException(problem[0] != null ? problem[0]
            : "the ledger has " + (next[0] - 1) + " rows for " + n + " observations");
      }
      if (summaryRows.length == 0) {
        throw new ReportException(ledgerFunction(position) + ".SUMMARY returned no rows");
      }
      for (int c = 0; c < width; c++) {
        sheet.setColumnWidth(c, Math.max(c == 0 ? 17 : 12, header.get(c).length() + 3) * 256);
      }
      sheet.createFreezePane(1, 1);
      writeSummary(wb.getXSSFWorkbook(), summarySheet, st, summaryRows, position, sourceName, args);

      XSSFSheet ledgerXssf = wb.getXSSFWorkbook().getSheet("Ledger");
      XSSFSheet pricesXssf = wb.getXSSFWorkbook().getSheet("Prices");
      var drawing = charts.createDrawingPatriarch();
      CellRangeAddress x = new CellRangeAddress(1, n, 0, 0);
      Double[] xs = new Double[cache ? n : 0];
      Double[] spots = new Double[cache ? n : 0];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = prices.times()[i];
        spots[i] = prices.spots()[i];
      }
      String xFormat = Charts.intraday(prices.times()) ? Styles.DATE_TIME : Styles.DATE;
      List<Charts.Series> attribution = new java.util.ArrayList<>();
      String[] names = {"Total P&L", "Gamma P&L", "Theta P&L", "Vega P&L", "Costs"};
      PresetColor[] colors = {PresetColor.DARK_GREEN, PresetColor.ROYAL_BLUE, PresetColor.CRIMSON,
          PresetColor.DARK_ORANGE, PresetColor.GRAY};
      for (int k = 0; k < names.length; k++) {
        if (chartedCol[k] >= 0) {
          attribution.add(new Charts.Series(names[k], new CellRangeAddress(1, n, chartedCol[k], chartedCol[k]), colors[k],
              false, chartCache[k], ledgerXssf));
        }
      }
      int hedge = chartedCol[charted.length - 1] >= 0 ? chartedCol[charted.length - 1] : width - 1;
      var pnlChart = Charts.lineChart(drawing, pricesXssf, "Cumulative P&L attribution", "Time", x, xs, xFormat, 0, 1, 12, 23,
          attribution.toArray(new Charts.Series[0]));
      var spotChart = Charts.lineChart(drawing, pricesXssf, "Spot and hedge position", "Time", x, xs, xFormat, 0, 25, 12, 47,
          // Spot is read from the Prices sheet (plain numbers): it draws even where GX formulas cannot be computed.
          new Charts.Series("Spot", new CellRangeAddress(1, n, 1, 1), PresetColor.DARK_BLUE, false, spots, pricesXssf),
          new Charts.Series("Hedge position", new CellRangeAddress(1, n, hedge, hedge), PresetColor.ORANGE_RED, true,
              chartCache[charted.length - 1], ledgerXssf));
      Charts.spanTimes(pnlChart, prices.times());
      Charts.spanTimes(spotChart, prices.times());
      charts.getPrintSetup().setLandscape(true);
      charts.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      charts.setRowBreak(24);
      wb.setPrintArea(wb.getSheetIndex("Charts"), 0, 12, 0, 47);
      wb.setPrintArea(wb.getSheetIndex("Summary"), 0, summaryLastCol(summaryRows), 0, summaryRows.length + 4);
      for (XSSFSheet s : List.of(summarySheet, inputsSheet, wb.getXSSFWorkbook().getSheet("Prices"))) {
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      }
      ledgerPrintSetup(wb.getXSSFWorkbook(), ledgerXssf, header, n);
      String[] order = {"Summary", "Ledger", "Charts", "Inputs", "Prices", "SummaryCalc", CALC_SHEET};
      for (int i = 0; i < order.length; i++) {
        wb.setSheetOrder(order[i], i);
      }
      wb.setSheetHidden(wb.getSheetIndex(CALC_SHEET), true);
      wb.setForceFormulaRecalculation(false);
      wb.setActiveSheet(0);
      wb.setSelectedTab(0);
      AtomicOutput.write(out, wb::write, inputs);
      wb.dispose();
    }
    return new Result(out, n, summaryRows);
  }

  private static void writeInputs(XSSFWorkbook wb, XSSFSheet s, Styles st, PositionFile p, String source) {
    Object[][] option = {
        {"OptType", "Option type", p.typeKeyword(), Styles.GENERAL},
        {"Strike", "Strike", p.strike(), Styles.PRICE}, {"Expiry", "Expiry", p.expiry(), Styles.DATE_TIME},
        {"Contracts", "Quantity (options, signed)", p.quantity(), Styles.QTY}};
    Object[][] common = {
        {"Underlying", "Underlying", p.underlying(), Styles.GENERAL},
        {"ImpliedVol", p.isBook() ? "ATM implied vol" : "Implied vol", p.vol(), Styles.PERCENT},
        {"RiskFreeRate", "Rate (continuous)", p.rate(), Styles.PERCENT},
        {"DivYield", "Yield (continuous)", p.yield(), Styles.PERCENT},
        {"EntryPremium", "Entry premium per option", p.premium() == null ? "" : p.premium(), Styles.PRICE}};
    java.util.List<Object[]> list = new java.util.ArrayList<>(java.util.List.of(common));
    if (!p.isBook()) {
      list.addAll(1, java.util.List.of(option));
    }
    Object[][] inputs = list.toArray(new Object[0][]);
    s.setColumnWidth(0, 28 * 256);
    s.setColumnWidth(1, 18 * 256);
    s.setColumnWidth(2, 18 * 256);
    s.setColumnWidth(3, 22 * 256);
    s.setColumnWidth(4, 18 * 256);
    cell(s, 0, 0, st.title).setCellValue("Inputs");
    Layout.paragraph(s, 1, 0, 4, "Source: " + source, st.note);
    for (int i = 0; i < inputs.length; i++) {
      cell(s, 3 + i, 0, st.label).setCellValue((String) inputs[i][1]);
      Cell c = cell(s, 3 + i, 1, st.input((String) inputs[i][3]));
      if (inputs[i][2] instanceof Double d) {
        c.setCellValue(d);
      } else {
        c.setCellValue(String.valueOf(inputs[i][2]));
      }
      name(wb, (String) inputs[i][0], "Inputs!$B$" + (4 + i));
    }
    cell(s, 2, 3, st.header).setCellValue("GX.LEDGER settings");
    int r = 3;
    for (var e : p.settings().entrySet()) {
      cell(s, r, 3, st.label).setCellValue(e.getKey());
      Cell c = cell(s, r, 4, st.input(NumberFormats.of(e.getKey()) == NumberFormats.DATE_TIME ? Styles.DATE : Styles.GENERAL));
      if (e.getValue() instanceof Double d) {
        c.setCellValue(d);
      } else {
        c.setCellValue(String.valueOf(e.getValue()));
      }
      r++;
    }
    name(wb, "LedgerSettings", "Inputs!$D$4:$E$" + r);
    int next = 3 + Math.max(inputs.length, r - 3) + 1;
    if (p.isBook()) {
      writeLegs(wb, s, st, p, next);
      next += p.legs().size() + 3;
    }
    if (!p.dividends().isEmpty()) {
      writeDividends(wb, s, st, p, next);
    }
  }

  /** The cash dividends the ledger reads (named {@code DivTimes} and {@code DivAmounts}): ex-date, amount. */
  private static void writeDividends(XSSFWorkbook wb, XSSFSheet s, Styles st, PositionFile p, int headerRow) {
    cell(s, headerRow - 1, 0, st.label).setCellValue("Cash dividends (div_times, div_amounts)");
    cell(s, headerRow, 0, st.header).setCellValue("Ex-date");
    cell(s, headerRow, 1, st.header).setCellValue("Amount");
    for (int i = 0; i < p.dividends().size(); i++) {
      cell(s, headerRow + 1 + i, 0, st.input(Styles.DATE)).setCellValue(p.dividends().get(i).date());
      cell(s, headerRow + 1 + i, 1, st.input(Styles.PRICE)).setCellValue(p.dividends().get(i).amount());
    }
    int first = headerRow + 2;
    int last = headerRow + 1 + p.dividends().size();
    name(wb, "DivTimes", "Inputs!$A$" + first + ":$A$" + last);
    name(wb, "DivAmounts", "Inputs!$B$" + first + ":$B$" + last);
  }

  /** The legs table GX.BOOK.LEDGER reads (named {@code Legs}): type, strike, expiry, quantity, vol. */
  private static void writeLegs(XSSFWorkbook wb, XSSFSheet s, Styles st, PositionFile p, int headerRow) {
    String[] heads = {"Type", "Strike", "Expiry", "Quantity", "Leg vol"};
    String[] formats = {Styles.GENERAL, Styles.PRICE, Styles.DATE_TIME, Styles.QTY, Styles.PERCENT};
    cell(s, headerRow - 1, 0, st.label).setCellValue("Legs (GX.BOOK.LEDGER; a blank leg vol is the ATM vol)");
    for (int c = 0; c < heads.length; c++) {
      cell(s, headerRow, c, st.header).setCellValue(heads[c]);
    }
    Object[][] legs = CatalogueLedger.legs(p);
    for (int i = 0; i < legs.length; i++) {
      for (int c = 0; c < heads.length; c++) {
        Cell cell = cell(s, headerRow + 1 + i, c, st.input(formats[c]));
        set(cell, legs[i][c]);
      }
    }
    name(wb, "Legs", "Inputs!$A$" + (headerRow + 2) + ":$E$" + (headerRow + 1 + legs.length));
  }

  /**
   * The summary: the GX.LEDGER.SUMMARY array formula sits on the hidden sheet {@code SummaryCalc}; the
   * visible number cells are references to it (labels and text are values). Excel computes the summary once; a viewer without the
   * add-in that drops the cached results of array formulas it cannot compute (LibreOffice does) still
   * shows the visible cells' cached values.
   */
  private static void writeSummary(XSSFWorkbook wb, XSSFSheet s, Styles st, Object[][] rows, PositionFile p,
      String source, String args) {
    XSSFSheet calc = wb.createSheet("SummaryCalc");
    int width = Math.max(1, rows[0].length);
    calc.setArrayFormula(GxFunctions.xll(ledgerFunction(p) + ".SUMMARY", args),
        new CellRangeAddress(0, rows.length - 1, 0, width - 1));
    int lastCol = summaryLastCol(rows);
    s.setColumnWidth(0, 34 * 256);
    for (int c = 1; c <= lastCol; c++) {
      s.setColumnWidth(c, 18 * 256);
    }
    cell(s, 0, 0, st.title).setCellValue((p.isBook() ? "Book" : "Hedge ledger") + " summary — " + p.underlying());
    Layout.paragraph(s, 1, 0, lastCol, "Source: " + source, st.note);
    int first = 3;
    if (p.isBook()) {
      // The book's totals, then each leg's own premium and P&L attribution (the hedge is the book's).
      CellStyle head = st.header;
      Row headRow = s.getRow(first - 1) == null ? s.createRow(first - 1) : s.getRow(first - 1);
      headRow.setHeightInPoints(2 * 15f + 2);
      cell(s, first - 1, 0, head).setCellValue("Item");
      cell(s, first - 1, 1, head).setCellValue("Book");
      for (int i = 0; i < p.legs().size() && 2 + i < width; i++) {
        PositionFile.Leg l = p.legs().get(i);
        cell(s, first - 1, 2 + i, head).setCellValue(String.format(java.util.Locale.ROOT, "Leg %d: %+.0f %s %s",
            i + 1, l.quantity(), l.typeKeyword(), NumberFormats.PRICE.print(l.strike())));
      }
    }
    CellStyle label = st.formula(Styles.GENERAL);
    java.util.Map<NumberFormats, CellStyle> numbers = new java.util.EnumMap<>(NumberFormats.class);
    for (int r = 0; r < rows.length; r++) {
      NumberFormats kind = NumberFormats.of(String.valueOf(rows[r][0]));
      CellStyle number = numbers.computeIfAbsent(kind, k -> st.formula(k.excel()));
      for (int c = 0; c < rows[r].length; c++) {
        set(calc.getRow(r).getCell(c), rows[r][c]);
        Cell cell = cell(s, first + r, c, c > 0 ? number : label);
        if (!(rows[r][c] instanceof String)) {
          // LibreOffice recomputes formulas whose cached result is text, so labels and text values are
          // written as values; numbers are references with cached values.
          cell.setCellFormula("SummaryCalc!" + new CellReference(r, c).formatAsString());
        }
        set(cell, rows[r][c]);
      }
    }
    calc.protectSheet("");
    wb.setSheetHidden(wb.getSheetIndex(calc), true);
  }

  /** Writes a host-neutral value into a cell (the cached value when the cell holds a formula). */
  static void set(Cell cell, Object v) {
    if (v instanceof Double d) {
      ExcelError e = Double.isFinite(d) ? null : ExcelError.fromNaN(d);
      if (Double.isFinite(d)) {
        cell.setCellValue(d);
      } else {
        cell.setCellErrorValue((byte) (e == null ? ExcelError.NUM.code() : e.code()));
      }
    } else if (v instanceof Number num) {
      cell.setCellValue(num.doubleValue());
    } else if (v instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (v instanceof String s) {
      cell.setCellValue(s);
    } else if (v instanceof ExcelError e) {
      cell.setCellErrorValue((byte) e.code());
    } else if (v == null || v instanceof Empty) {
      cell.setBlank();
    }
  }

  /**
   * The ledger sheet prints landscape in column groups a trader reads together (the option and its greeks, the
   * hedge and its cash, the P&amp;L attribution), the time column and the header repeated on every page.
   */
  private static void ledgerPrintSetup(XSSFWorkbook wb, XSSFSheet ledger, List<String> header, int rows) {
    var ps = ledger.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    ps.setScale(org.gammaxl.workbooks.templates.LedgerTemplate.printScale(ledger, header));
    ledger.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.4);
    ledger.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.4);
    ledger.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    ledger.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
    for (String startOfGroup : org.gammaxl.workbooks.templates.LedgerTemplate.PRINT_GROUPS) {
      int c = header.indexOf(startOfGroup);
      if (c > 0) {
        ledger.setColumnBreak(c - 1);
      }
    }
    ledger.getHeader().setCenter("Ledger");
    ledger.getFooter().setRight("Page &P of &N");
  }

  private static Cell cell(XSSFSheet sheet, int r, int c, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    cell.setCellStyle(style);
    return cell;
  }

  private static void name(XSSFWorkbook wb, String name, String ref) {
    var n = wb.createName();
    n.setNameName(name);
    n.setRefersToFormula(ref);
  }
}
