package org.gammaxl.workbooks.templates;

import static org.gammaxl.workbooks.templates.LedgerTemplate.cell;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.journal.FillJournal;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.gammaxl.workbooks.report.PositionFile;

/**
 * The hedge journal: the fills a desk did (the Excel table {@code Fills}: time, instrument, side, quantity,
 * price, the underlying's mark at the fill, fees, venue, note) read against the option book they hedge (sheet
 * {@code Book}: its legs and implied vol) by {@code GX.JOURNAL} on the hidden {@code Engine} sheet — per fill the
 * book's delta, the position delta before and after, slippage against the mark, the FIFO round-trip scalp P&amp;L
 * and the book's cumulative gamma P&amp;L against theta. Sheet {@code Daily}: fills, bought, sold, net quantity,
 * average prices, fees, net cash, scalp P&amp;L and slippage per calendar day; sheet {@code Charts}: scalp P&amp;L
 * and gamma against theta over the fills. Cash flow is −signed quantity × price − fees.
 */
public final class JournalTemplate {
  public static final int DEFAULT_CAPACITY = 1000;
  public static final int DAYS = 62;
  /** Rows of the book's legs table. */
  public static final int LEGS = LedgerTemplate.LEGS;

  private JournalTemplate() {}

  /** One fill of a filled example. */
  public record Fill(double time, String instrument, String side, double quantity, double price, double mark,
      double fees, String venue, String note) {}

  /** The input columns of the Fills table: heading, number format. */
  private static final String[][] INPUTS = {{"Time", Styles.DATE_TIME}, {"Instrument", Styles.GENERAL},
      {"Side", Styles.GENERAL}, {"Quantity", Styles.QTY}, {"Price", Styles.PRICE}, {"Mark", Styles.PRICE},
      {"Fees", Styles.MONEY}, {"Venue", Styles.GENERAL}, {"Note", Styles.GENERAL}};
  /** Columns computed by plain formulas: heading, number format. */
  private static final String[][] DERIVED = {{"Signed qty", Styles.QTY}, {"Cash flow", Styles.MONEY},
      {"Trade date", Styles.DATE}, {"Notional", Styles.MONEY}};

  public static XSSFWorkbook build(PositionFile book, List<Fill> fills) {
    int capacity = Math.max(DEFAULT_CAPACITY, fills.size());
    XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook());
    Styles st = new Styles(wb);
    XSSFSheet log = wb.createSheet("Fills");
    XSSFSheet bookSheet = wb.createSheet("Book");
    XSSFSheet daily = wb.createSheet("Daily");
    XSSFSheet charts = wb.createSheet("Charts");
    XSSFSheet engine = wb.createSheet("Engine");
    writeBook(wb, bookSheet, st, book);

    int journalCols = FillJournal.Column.values().length;
    int derivedCol = INPUTS.length;
    int journalCol = derivedCol + DERIVED.length;
    int width = journalCol + journalCols;
    log.setColumnWidth(0, 17 * 256);
    for (int c = 1; c < width; c++) {
      log.setColumnWidth(c, (c == 7 ? 8 : c == 8 ? 22 : 12) * 256);
    }
    log.setColumnWidth(2, 7 * 256);
    cell(log, 0, 0, st.title).setCellValue("GammaXL hedge journal");
    Layout.paragraph(log, 1, 0, 8, "Type one fill per row in the yellow columns: side BUY or SELL, quantity > 0, the "
        + "price you got and the underlying's mark (mid) at the time. The rest is computed: GX.JOURNAL reads the fills "
        + "against the option book on the Book sheet (position delta before and after, slippage, FIFO scalp P&L, "
        + "gamma P&L against theta).", st.note);
    int headerRow = 3;
    Row h = log.createRow(headerRow);
    h.setHeightInPoints(2 * Layout.LINE_POINTS + 2);
    for (int c = 0; c < width; c++) {
      String head = c < derivedCol ? INPUTS[c][0] : c < journalCol ? DERIVED[c - derivedCol][0]
          : LedgerColumns.display(FillJournal.Column.values()[c - journalCol].name());
      h.createCell(c).setCellValue(head);
      h.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] in = new CellStyle[INPUTS.length];
    for (int c = 0; c < in.length; c++) {
      in[c] = st.input(INPUTS[c][1]);
    }
    CellStyle[] derived = new CellStyle[DERIVED.length];
    for (int c = 0; c < derived.length; c++) {
      derived[c] = st.formula(DERIVED[c][1]);
    }
    CellStyle[] computed = new CellStyle[journalCols];
    for (int c = 0; c < journalCols; c++) {
      computed[c] = st.formula(NumberFormats.of(FillJournal.Column.values()[c].name()).excel());
    }
    int first = headerRow + 1;
    for (int i = 0; i < capacity; i++) {
      int r = first + i;
      Row row = log.createRow(r);
      for (int c = 0; c < INPUTS.length; c++) {
        row.createCell(c).setCellStyle(in[c]);
      }
      if (i < fills.size()) {
        Fill f = fills.get(i);
        row.getCell(0).setCellValue(f.time());
        row.getCell(1).setCellValue(f.instrument());
        row.getCell(2).setCellValue(f.side());
        row.getCell(3).setCellValue(f.quantity());
        row.getCell(4).setCellValue(f.price());
        row.getCell(5).setCellValue(f.mark());
        row.getCell(6).setCellValue(f.fees());
        row.getCell(7).setCellValue(f.venue());
        row.getCell(8).setCellValue(f.note());
      }
      int x = r + 1;
      String blank = "IF($A" + x + "=\"\",\"\",";
      String[] f = {
          blank + "IF($C" + x + "=\"SELL\",-1,1)*$D" + x + ")",
          blank + "-$J" + x + "*$E" + x + "-$G" + x + ")",
          blank + "INT($A" + x + "))",
          blank + "$D" + x + "*$E" + x + ")"};
      for (int c = 0; c < f.length; c++) {
        row.createCell(derivedCol + c).setCellFormula(f[c]);
        row.getCell(derivedCol + c).setCellStyle(derived[c]);
      }
      // GX.JOURNAL's row i + 2 on the Engine sheet (row 1 is its header) is this fill.
      for (int c = 0; c < journalCols; c++) {
        String ref = "Engine!" + CellReference.convertNumToColString(1 + c) + (i + 2);
        row.createCell(journalCol + c).setCellFormula(blank + ref + ")");
        row.getCell(journalCol + c).setCellStyle(computed[c]);
      }
    }
    int last = headerRow + capacity;
    String col = "Fills!$%s$" + (first + 1) + ":$%s$" + (last + 1);
    LedgerTemplate.name(wb, "FillTimes", String.format(col, "A", "A"));
    LedgerTemplate.name(wb, "FillQuantities", String.format(col, "J", "J"));
    LedgerTemplate.name(wb, "FillPrices", String.format(col, "E", "E"));
    LedgerTemplate.name(wb, "FillMarks", String.format(col, "F", "F"));
    String[][] settings = {{"TIME", "\"DATES\""}, {"MULTIPLIER", "JournalMultiplier"}, {"MODEL", "JournalModel"}};
    int settingsCol = journalCols + 3;
    for (int i = 0; i < settings.length; i++) {
      cell(engine, i, settingsCol, st.formula(Styles.GENERAL)).setCellValue(settings[i][0]);
      cell(engine, i, settingsCol + 1, st.formula(Styles.GENERAL)).setCellFormula(settings[i][1]);
    }
    String settingsRef = "Engine!$" + CellReference.convertNumToColString(settingsCol) + "$1:$"
        + CellReference.convertNumToColString(settingsCol + 1) + "$" + settings.length;
    engine.setArrayFormula(GxFunctions.xll("GX.JOURNAL", "FillTimes,FillQuantities,FillPrices,FillMarks,JournalLegs,"
        + "JournalVol,JournalRate,JournalYield," + settingsRef), new CellRangeAddress(0, capacity, 0, journalCols));
    engine.protectSheet("");
    wb.setSheetHidden(wb.getSheetIndex(engine), true);

    CellRules.oneOf(log, new CellRangeAddressList(first, last, 2, 2), "Side is BUY or SELL", "BUY", "SELL");
    CellRules.positive(log, new CellRangeAddressList(first, last, 3, 5), "Quantity, price and mark are numbers > 0");
    XSSFTable table = log.createTable(new AreaReference(new CellReference(headerRow, 0),
        new CellReference(last, width - 1), SpreadsheetVersion.EXCEL2007));
    table.setName("Fills");
    table.setDisplayName("Fills");
    table.setStyleName("TableStyleMedium9");
    table.updateHeaders();
    log.createFreezePane(1, first);
    // A filled example prints its fills; a template the whole table a desk will fill.
    LedgerTemplate.printSetup(wb, log, 0, width - 1, fills.isEmpty() ? last : first + fills.size() - 1, headerRow);
    log.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
    // Pages: the fills as typed, then what was computed from them.
    log.setColumnBreak(derivedCol - 1);
    log.setColumnBreak(journalCol + 4);
    log.getPrintSetup().setScale((short) 85);
    LedgerTemplate.protect(log);

    writeDaily(wb, daily, st, first, last, journalCol);
    // A filled example charts its fills (blank rows would plot at time 0); a template the whole table.
    writeCharts(wb, charts, st, log, first, fills.isEmpty() ? last : first + fills.size() - 1, journalCol,
        fills.stream().mapToDouble(Fill::time).toArray());
    wb.setForceFormulaRecalculation(true);
    return wb;
  }

  /** The Book sheet: the legs the fills hedge (named JournalLegs) and the inputs of their greeks. */
  private static void writeBook(XSSFWorkbook wb, XSSFSheet s, Styles st, PositionFile book) {
    s.setColumnWidth(0, 36 * 256);
    for (int c = 1; c < 6; c++) {
      s.setColumnWidth(c, 13 * 256);
    }
    cell(s, 0, 0, st.title).setCellValue("The option book the fills hedge");
    Layout.paragraph(s, 1, 0, 5, "GX.JOURNAL values these legs at each fill's mark and time (delta in units of "
        + "underlying, gamma and theta for the P&L between fills). A blank quantity is no leg; a blank leg vol is the"
        + " implied vol above.", st.note);
    Object[][] inputs = {{"JournalVol", "Implied vol (legs without their own)", book.vol(), Styles.PERCENT},
        {"JournalRate", "Rate (continuous)", book.rate(), Styles.PERCENT},
        {"JournalYield", "Yield (continuous)", book.yield(), Styles.PERCENT},
        {"JournalMultiplier", "Multiplier (units/contract)", book.multiplier(), Styles.QTY},
        {"JournalModel", "Option model", book.model(), Styles.GENERAL}};
    for (int i = 0; i < inputs.length; i++) {
      cell(s, 3 + i, 0, st.label).setCellValue((String) inputs[i][1]);
      var c = cell(s, 3 + i, 1, st.input((String) inputs[i][3]));
      if (inputs[i][2] instanceof Double d) {
        c.setCellValue(d);
      } else {
        c.setCellValue(String.valueOf(inputs[i][2]));
      }
      LedgerTemplate.name(wb, (String) inputs[i][0], "Book!$B$" + (4 + i));
    }
    int head = 3 + inputs.length + 1;
    LedgerTemplate.name(wb, "JournalLegs", LedgerTemplate.legsTable(s, st, head, book.legs(), LEGS));
    s.getPrintSetup().setLandscape(true);
    s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    LedgerTemplate.protect(s);
  }

  private static void writeDaily(XSSFWorkbook wb, XSSFSheet daily, Styles st, int first, int last, int journalCol) {
    String range = "Fills!$%s$" + (first + 1) + ":$%s$" + (last + 1);
    java.util.function.Function<Integer, String> col = c -> {
      String n = CellReference.convertNumToColString(c);
      return String.format(range, n, n);
    };
    String dates = col.apply(11);
    String sides = col.apply(2);
    String qtys = col.apply(3);
    String notional = col.apply(12);
    String fees = col.apply(6);
    String cash = col.apply(10);
    String times = col.apply(0);
    String scalp = col.apply(journalCol + FillJournal.Column.SCALP_PNL.ordinal());
    String slippage = col.apply(journalCol + FillJournal.Column.SLIPPAGE.ordinal());
    LedgerTemplate.name(wb, "FillDates", dates);
    cell(daily, 0, 0, st.title).setCellValue("Daily summary");
    cell(daily, 1, 0, st.note).setCellValue("One row per calendar day from the first fill; computed from the Fills log.");
    String[] dh = {"Date", "Fills", "Bought", "Sold", "Net qty", "Avg buy", "Avg sell", "Fees", "Net cash", "Scalp P&L",
        "Slippage"};
    Row dr = daily.createRow(3);
    for (int c = 0; c < dh.length; c++) {
      dr.createCell(c).setCellValue(dh[c]);
      dr.getCell(c).setCellStyle(st.header);
    }
    CellStyle date = st.formula(Styles.DATE);
    CellStyle count = st.formula(Styles.COUNT);
    CellStyle qty = st.formula(Styles.QTY);
    CellStyle price = st.formula(Styles.PRICE);
    CellStyle money = st.formula(Styles.MONEY);
    CellStyle[] fmt = {date, count, qty, qty, qty, price, price, money, money, money, money};
    for (int i = 0; i < DAYS; i++) {
      int r = 4 + i;
      int x = r + 1;
      Row row = daily.createRow(r);
      String d = "$A" + x;
      String[] f = {
          i == 0 ? "IF(COUNT(" + times + ")=0,\"\",INT(MIN(" + times + ")))" : "IF($A" + (x - 1) + "=\"\",\"\",$A" + (x - 1) + "+1)",
          "IF(" + d + "=\"\",\"\",COUNTIFS(" + dates + "," + d + "))",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + qtys + "," + dates + "," + d + "," + sides + ",\"BUY\"))",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + qtys + "," + dates + "," + d + "," + sides + ",\"SELL\"))",
          "IF(" + d + "=\"\",\"\",C" + x + "-D" + x + ")",
          "IF(OR(" + d + "=\"\",C" + x + "=0),\"\",SUMIFS(" + notional + "," + dates + "," + d + "," + sides + ",\"BUY\")/C" + x + ")",
          "IF(OR(" + d + "=\"\",D" + x + "=0),\"\",SUMIFS(" + notional + "," + dates + "," + d + "," + sides + ",\"SELL\")/D" + x + ")",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + fees + "," + dates + "," + d + "))",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + cash + "," + dates + "," + d + "))",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + scalp + "," + dates + "," + d + "))",
          "IF(" + d + "=\"\",\"\",SUMIFS(" + slippage + "," + dates + "," + d + "))"};
      for (int c = 0; c < f.length; c++) {
        row.createCell(c).setCellFormula(f[c]);
        row.getCell(c).setCellStyle(fmt[c]);
      }
    }
    for (int c = 0; c < dh.length; c++) {
      daily.setColumnWidth(c, 12 * 256);
    }
    daily.createFreezePane(1, 4);
    LedgerTemplate.printSetup(wb, daily, 0, dh.length - 1, 4 + DAYS, 3);
    daily.getPrintSetup().setScale((short) Math.min(100, Math.floor(100 * LedgerTemplate.PAGE_CHARS / (dh.length * 12.0))));
    LedgerTemplate.protect(daily);
  }

  private static void writeCharts(XSSFWorkbook wb, XSSFSheet charts, Styles st, XSSFSheet log, int first, int last,
      int journalCol, double[] times) {
    cell(charts, 0, 0, st.title).setCellValue("Journal charts");
    var drawing = charts.createDrawingPatriarch();
    CellRangeAddress x = new CellRangeAddress(first, last, 0, 0);
    int scalp = journalCol + FillJournal.Column.SCALP_PNL_CUM.ordinal();
    int gamma = journalCol + FillJournal.Column.GAMMA_PNL_CUM.ordinal();
    int theta = journalCol + FillJournal.Column.THETA_PNL_CUM.ordinal();
    var chart = Charts.lineChart(drawing, log, "Scalps against the book: cumulative P&L", "Time", x, new Double[0],
        Charts.intraday(times) ? Styles.DATE_TIME : Styles.DATE,
        0, 2, 12, 24,
        new Charts.Series("Scalp P&L (FIFO round trips)", new CellRangeAddress(first, last, scalp, scalp),
            PresetColor.DARK_GREEN, false),
        new Charts.Series("Gamma P&L", new CellRangeAddress(first, last, gamma, gamma), PresetColor.ROYAL_BLUE, false),
        new Charts.Series("Theta P&L", new CellRangeAddress(first, last, theta, theta), PresetColor.CRIMSON, false));
    Charts.spanTimes(chart, times);
    charts.getPrintSetup().setLandscape(true);
    charts.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    wb.setPrintArea(wb.getSheetIndex(charts), 0, 12, 0, 25);
  }
}
