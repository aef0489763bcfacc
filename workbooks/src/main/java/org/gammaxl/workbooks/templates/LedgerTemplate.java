package org.gammaxl.workbooks.templates;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;

/**
 * The rolling hedge ledger a desk fills in by hand. Sheet {@code Ledger}: an inputs block (named cells,
 * drop-downs for option type, hedge rule and hedge instrument), the summary block
 * ({@code GX.LEDGER.SUMMARY}), and the ledger as the Excel table {@code HedgeLedger}: the trader types
 * time and spot, every other column is a formula. Sheet {@code Engine} (hidden) holds the one
 * {@code GX.LEDGER} array formula that computes the whole ledger, and the {@code GX.LEDGER.SUMMARY}
 * array the summary block refers to; the table's formula columns read it
 * by column name, so the sheet shows exactly the engine's numbers (Excel forbids array formulas inside
 * tables). Sheet {@code Charts}: cumulative P&amp;L, and spot against the hedge position.
 *
 * <p>Formula sheets are protected without a password; only the yellow input cells are unlocked.
 */
public final class LedgerTemplate {
  /** Number of ledger rows the table offers. */
  public static final int DEFAULT_CAPACITY = 500;
  /** Rows of the legs table. */
  public static final int LEGS = 4;
  /** Rows of the summary block: one per item of GX.LEDGER.SUMMARY (the book's totals). */
  static final int SUMMARY_ROWS = org.gammaxl.ledger.SummaryItem.values().length;
  /** First row (0-based) of the inputs and summary blocks. */
  static final int BLOCK_ROW = 4;
  /** 0-based row of the legs table's header, below the inputs and summary blocks. */
  static final int LEGS_HEADER_ROW = BLOCK_ROW + SUMMARY_ROWS + 2;
  /** 0-based row of the ledger table's header, below the legs. */
  static final int HEADER_ROW = LEGS_HEADER_ROW + 1 + LEGS + 1;
  static final int FIRST_DATA_ROW = HEADER_ROW + 1;
  /** Width of the time column and of every other column, in characters. */
  static final int TIME_WIDTH = 17;
  static final int COLUMN_WIDTH = 13;
  /** First column of the inputs (label A:B, value C:D) and summary (label F:G, value H:I) blocks: all in A:I. */
  static final int INPUTS_COL = 0;
  static final int SUMMARY_COL = 5;
  static final int TOP_LAST_COL = SUMMARY_COL + 3;

  private LedgerTemplate() {}

  /** The input names, in block order: name, label, number format. */
  private static final String[][] INPUTS = {
      {"Underlying", "Underlying", Styles.GENERAL},
      {"Multiplier", "Multiplier (units/contract)", Styles.QTY},
      {"ImpliedVol", "ATM implied vol", Styles.PERCENT},
      {"HedgeRule", "Hedge rule", Styles.GENERAL},
      {"Threshold", "Rule threshold", Styles.GREEK},
      {"FeeBps", "Fees (bp of notional)", Styles.QTY},
      {"SlippageBps", "Slippage (bp)", Styles.QTY},
      {"RiskFreeRate", "Rate (continuous)", Styles.PERCENT},
      {"DivYield", "Yield (continuous)", Styles.PERCENT},
      {"HedgeInstrument", "Hedge instrument", Styles.GENERAL},
      {"FutureExpiry", "Future delivery (or expiry)", Styles.DATE_TIME},
      {"HedgeLot", "Hedge lot (0 = no rounding)", Styles.QTY},
      {"PricingModel", "Option model", Styles.GENERAL},
      {"Basis", "Clock (BASIS)", Styles.GENERAL},
  };

  /** The legs table: heading and number format of the five input columns GX.BOOK.LEDGER and GX.JOURNAL read. */
  private static final String[][] LEG_INPUTS = {
      {"Type", Styles.GENERAL}, {"Strike", Styles.PRICE}, {"Expiry", Styles.DATE}, {"Quantity", Styles.QTY},
      {"Leg vol", Styles.PERCENT}};

  /**
   * Writes a legs table from column A: a header row at {@code headerRow} (the five inputs, then
   * {@code extraHeads}), {@code rows} input rows filled with {@code legs}, drop-down type and positive strike;
   * returns the reference of the five input columns (the {@code legs} argument of GX.BOOK.LEDGER and GX.JOURNAL).
   */
  static String legsTable(XSSFSheet sheet, Styles st, int headerRow, List<PositionFile.Leg> legs, int rows,
      String... extraHeads) {
    Row head = sheet.createRow(headerRow);
    head.setHeightInPoints(2 * Layout.LINE_POINTS + 2);
    for (int c = 0; c < LEG_INPUTS.length + extraHeads.length; c++) {
      Cell h = head.createCell(c);
      h.setCellValue(c < LEG_INPUTS.length ? LEG_INPUTS[c][0] : extraHeads[c - LEG_INPUTS.length]);
      h.setCellStyle(st.header);
    }
    CellStyle[] styles = new CellStyle[LEG_INPUTS.length];
    for (int c = 0; c < styles.length; c++) {
      styles[c] = st.input(LEG_INPUTS[c][1]);
    }
    int first = headerRow + 1;
    int last = headerRow + rows;
    for (int i = 0; i < rows; i++) {
      Row row = sheet.createRow(first + i);
      for (int c = 0; c < LEG_INPUTS.length; c++) {
        row.createCell(c).setCellStyle(styles[c]);
      }
      if (i < legs.size()) {
        PositionFile.Leg l = legs.get(i);
        row.getCell(0).setCellValue(l.typeKeyword());
        row.getCell(1).setCellValue(l.strike());
        row.getCell(2).setCellValue(l.expiry());
        row.getCell(3).setCellValue(l.quantity());
        if (!Double.isNaN(l.vol())) {
          row.getCell(4).setCellValue(l.vol());
        }
      }
    }
    CellRules.oneOf(sheet, new CellRangeAddressList(first, last, 0, 0), "Type is CALL or PUT", "CALL", "PUT");
    CellRules.positive(sheet, new CellRangeAddressList(first, last, 1, 1), "Strike must be a number > 0");
    return sheet.getSheetName() + "!$A$" + (first + 1) + ":$E$" + (last + 1);
  }
  /** Each leg's own results beside its inputs: heading and GX.BOOK.LEDGER.SUMMARY item. */
  private static final String[][] LEG_RESULTS = {
      {"Premium", "INITIAL_OPTION_VALUE"}, {"Gamma P&L", "GAMMA_PNL"}, {"Theta P&L", "THETA_PNL"},
      {"Option P&L", "OPTION_PNL"}};

  /** An empty template with a sample position. */
  public static XSSFWorkbook template() {
    return build(PositionFile.demo(100, 46_000), null, DEFAULT_CAPACITY);
  }

  /**
   * The ledger workbook for a position, optionally with its price rows filled in (a filled example).
   * Formula cells carry no cached values; run {@link org.gammaxl.workbooks.poi.Recalculator} to add them.
   */
  public static XSSFWorkbook build(PositionFile position, PriceSeries prices, int capacity) {
    if (prices != null && prices.size() > capacity) {
      capacity = prices.size();
    }
    if (position.legs().size() > LEGS) {
      throw new IllegalArgumentException("the template holds " + LEGS + " legs, the position has " + position.legs().size());
    }
    XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook());
    Styles st = new Styles(wb);
    XSSFSheet sheet = wb.createSheet("Ledger");
    XSSFSheet engine = wb.createSheet("Engine");
    XSSFSheet charts = wb.createSheet("Charts");
    List<String> columns = LedgerColumns.names();
    int width = columns.size();
    sheet.setColumnWidth(0, TIME_WIDTH * 256);
    for (int c = 1; c < Math.max(width, TOP_LAST_COL + 1); c++) {
      sheet.setColumnWidth(c, COLUMN_WIDTH * 256);
    }

    cell(sheet, 0, 0, st.title).setCellValue("GammaXL rolling hedge ledger");
    Layout.paragraph(sheet, 1, 0, TOP_LAST_COL, "Yellow cells are inputs: the book's legs, then time and spot in the "
        + "table. Every other cell is computed by the GammaXL add-in (GX.BOOK.LEDGER on the hidden Engine sheet). Greeks "
        + "are the whole book's: delta in units of underlying, vega per 1.00 of vol, theta per year.", st.note);

    // Inputs block: label A:B, value C:D.
    Layout.span(sheet, BLOCK_ROW - 1, INPUTS_COL, INPUTS_COL + 3, st.header).setCellValue("Book and hedge policy");
    Map<String, Object> values = Map.ofEntries(
        Map.entry("Underlying", position.underlying()), Map.entry("Multiplier", position.multiplier()),
        Map.entry("ImpliedVol", position.vol()), Map.entry("HedgeRule", position.rule()),
        Map.entry("Threshold", position.threshold()), Map.entry("FeeBps", position.feeBps()),
        Map.entry("SlippageBps", position.slippageBps()), Map.entry("RiskFreeRate", position.rate()),
        Map.entry("DivYield", position.yield()), Map.entry("HedgeInstrument", position.hedge()),
        Map.entry("FutureExpiry", Double.isNaN(position.futureExpiry()) ? "" : position.futureExpiry()),
        Map.entry("HedgeLot", position.lot()), Map.entry("PricingModel", position.model()),
        Map.entry("Basis", position.basis() == null ? "ACT/365F" : position.basis()));
    for (int i = 0; i < INPUTS.length; i++) {
      int r = BLOCK_ROW + i;
      Layout.span(sheet, r, INPUTS_COL, INPUTS_COL + 1, st.label).setCellValue(INPUTS[i][1]);
      Cell c = Layout.span(sheet, r, INPUTS_COL + 2, INPUTS_COL + 3, st.input(INPUTS[i][2]));
      Object v = values.get(INPUTS[i][0]);
      if (v instanceof Double d) {
        c.setCellValue(d);
      } else if (!"".equals(v)) {
        c.setCellValue(String.valueOf(v));
      }
      name(wb, INPUTS[i][0], "Ledger!" + new CellReference(r, INPUTS_COL + 2, true, true).formatAsString());
    }
    int valueCol = INPUTS_COL + 2;
    list(sheet, inputRow("HedgeRule"), valueCol, "EVERY", "TIME", "DELTA", "MOVE", "WW");
    list(sheet, inputRow("HedgeInstrument"), valueCol, "SPOT", "FUTURE", "PERP", "INVERSE");
    list(sheet, inputRow("PricingModel"), valueCol, java.util.Arrays.stream(org.gammaxl.pricing.Model.values())
        .map(org.gammaxl.pricing.Model::keyword).toArray(String[]::new));
    list(sheet, inputRow("Basis"), valueCol, "ACT/365F", "ACT/360", "BUS/252", "TRADING", "24/7");
    CellRules.positive(sheet, CellRules.cell(inputRow("ImpliedVol"), valueCol), "Implied vol must be > 0 (0.2 = 20 %)");

    // The legs table: five input columns GX.BOOK.LEDGER reads (named Legs), then each leg's own results.
    int legsFirst = LEGS_HEADER_ROW + 1;
    Layout.span(sheet, LEGS_HEADER_ROW - 1, 0, TOP_LAST_COL, st.label)
        .setCellValue("Legs of the book, one row per leg (a blank quantity is no leg, a blank leg vol the ATM vol),"
            + " and each leg's own result");
    String[] resultHeads = new String[LEG_RESULTS.length];
    for (int j = 0; j < resultHeads.length; j++) {
      resultHeads[j] = LEG_RESULTS[j][0];
    }
    name(wb, "Legs", legsTable(sheet, st, LEGS_HEADER_ROW, position.legs(), LEGS, resultHeads));

    // Settings: the name/value table GX.BOOK.LEDGER reads, on the Engine sheet, from the inputs above.
    String[][] settings = {{"RULE", "HedgeRule"}, {"THRESHOLD", "Threshold"}, {"TIME", "\"DATES\""},
        {"FEE_BPS", "FeeBps"}, {"SLIPPAGE_BPS", "SlippageBps"}, {"MULTIPLIER", "Multiplier"},
        {"HEDGE", "HedgeInstrument"},
        // A blank delivery means the hedge future delivers at the first leg's expiry (used only with FUTURE).
        {"FUTURE_EXPIRY", "IF(FutureExpiry=\"\",Ledger!$C$" + (legsFirst + 1) + ",FutureExpiry)"}, {"LOT", "HedgeLot"},
        {"MODEL", "PricingModel"}, {"BASIS", "Basis"}};
    CellStyle plain = st.formula(Styles.GENERAL);
    int settingsCol = width + 1;
    for (int i = 0; i < settings.length; i++) {
      cell(engine, i, settingsCol, plain).setCellValue(settings[i][0]);
      cell(engine, i, settingsCol + 1, plain).setCellFormula(settings[i][1]);
    }
    name(wb, "LedgerSettings", "Engine!$" + col(settingsCol) + "$1:$" + col(settingsCol + 1) + "$" + settings.length);

    // Ranges of the table's input columns, whole capacity (blank rows are skipped by GX.BOOK.LEDGER).
    int last = FIRST_DATA_ROW + capacity - 1;
    name(wb, "LedgerTimes", "Ledger!$A$" + (FIRST_DATA_ROW + 1) + ":$A$" + (last + 1));
    name(wb, "LedgerSpots", "Ledger!$B$" + (FIRST_DATA_ROW + 1) + ":$B$" + (last + 1));
    String args = "LedgerTimes,LedgerSpots,Legs,ImpliedVol,RiskFreeRate,DivYield,LedgerSettings";

    // Summary block F:I. The GX.BOOK.LEDGER.SUMMARY array sits on the hidden Engine sheet (name, book, one
    // column per leg); the visible block shows the item labels as text and the book's value as a reference to
    // the array, the legs table each leg's. A viewer without the add-in that drops the array's cached results
    // (LibreOffice shows #NAME?) keeps the references'.
    Layout.span(sheet, BLOCK_ROW - 1, SUMMARY_COL, SUMMARY_COL + 3, st.header).setCellValue("Book summary (GX.BOOK.LEDGER.SUMMARY)");
    int summaryCol = settingsCol + 3;
    int summaryRows = LedgerColumns.bookSummaryRows();
    engine.setArrayFormula(GxFunctions.xll("GX.BOOK.LEDGER.SUMMARY", args),
        new CellRangeAddress(0, summaryRows - 1, summaryCol, summaryCol + 1 + LEGS));
    org.gammaxl.ledger.SummaryItem[] items = org.gammaxl.ledger.SummaryItem.values();
    for (int i = 0; i < SUMMARY_ROWS; i++) {
      int r = BLOCK_ROW + i;
      Layout.span(sheet, r, SUMMARY_COL, SUMMARY_COL + 1, plain).setCellValue(items[i].label());
      // Blank until the table has an observation (GX.BOOK.LEDGER.SUMMARY is #N/A without one).
      Layout.span(sheet, r, SUMMARY_COL + 2, SUMMARY_COL + 3, st.formula(NumberFormats.of(items[i].label()).excel()))
          .setCellFormula("IF(COUNT(LedgerTimes)=0,\"\",Engine!" + new CellReference(i, summaryCol + 1, true, true)
              .formatAsString() + ")");
    }
    // Each leg's results: the k-th leg with a quantity is column 2 + k of the summary (blank rows are skipped).
    for (int i = 0; i < LEGS; i++) {
      int r = legsFirst + i;
      String q = "$D$" + (r + 1);
      String k = "COUNT($D$" + (legsFirst + 1) + ":" + q + ")";
      for (int j = 0; j < LEG_RESULTS.length; j++) {
        int item = org.gammaxl.ledger.SummaryItem.valueOf(LEG_RESULTS[j][1]).ordinal();
        StringBuilder choose = new StringBuilder("CHOOSE(" + k);
        for (int leg = 0; leg < LEGS; leg++) {
          choose.append(",Engine!").append(new CellReference(item, summaryCol + 2 + leg, true, true).formatAsString());
        }
        choose.append(')');
        Cell c = cell(sheet, r, LEG_INPUTS.length + j, st.formula(Styles.MONEY));
        c.setCellFormula("IF(AND(ISNUMBER(" + q + "),COUNT(LedgerTimes)>0)," + choose + ",\"\")");
      }
    }

    // Engine sheet: the one ledger array formula.
    engine.setArrayFormula(GxFunctions.xll("GX.BOOK.LEDGER", args), new CellRangeAddress(0, capacity, 0, width - 1));

    // The table: time and spot typed in, every other column a reference to the Engine cell of the same event.
    Row header = sheet.createRow(HEADER_ROW);
    header.setHeightInPoints(2 * Layout.LINE_POINTS + 2);
    CellStyle timeIn = st.input(Styles.DATE_TIME);
    CellStyle spotIn = st.input(Styles.PRICE);
    header.createCell(0).setCellValue("Time");
    header.createCell(1).setCellValue("Spot");
    int tableCol = 2;
    int[] engineIndexOfTableCol = new int[width + 2];
    for (int k = 0; k < width; k++) {
      String n = columns.get(k);
      if (n.equalsIgnoreCase("TIME") || n.equalsIgnoreCase("SPOT") || !LedgerColumns.shownInTemplate(n)) {
        continue;
      }
      header.createCell(tableCol).setCellValue(LedgerColumns.display(n));
      engineIndexOfTableCol[tableCol] = k;
      tableCol++;
    }
    int lastCol = tableCol - 1;
    for (int c = 0; c <= lastCol; c++) {
      header.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] formats = new CellStyle[lastCol + 1];
    String[] engineCols = new String[lastCol + 1];
    boolean[] mayBeBlank = new boolean[lastCol + 1];
    for (int c = 2; c <= lastCol; c++) {
      String n = columns.get(engineIndexOfTableCol[c]);
      formats[c] = st.formula(NumberFormats.of(n).excel());
      engineCols[c] = "Engine!" + col(engineIndexOfTableCol[c]);
      mayBeBlank[c] = LedgerColumns.mayBeBlank(n);
    }
    for (int i = 0; i < capacity; i++) {
      int r = FIRST_DATA_ROW + i;
      Row row = sheet.createRow(r);
      Cell t = row.createCell(0);
      t.setCellStyle(timeIn);
      Cell s = row.createCell(1);
      s.setCellStyle(spotIn);
      if (prices != null && i < prices.size()) {
        t.setCellValue(prices.times()[i]);
        s.setCellValue(prices.spots()[i]);
      }
      String blank = "IF($A" + (r + 1) + "=\"\",\"\",";
      for (int c = 2; c <= lastCol; c++) {
        Cell f = row.createCell(c);
        f.setCellStyle(formats[c]);
        // Event i is row i + 2 of the Engine sheet (its row 1 is GX.BOOK.LEDGER's header).
        String x = engineCols[c] + (i + 2);
        // A cell that may be blank (TRADE_PRICE without a trade) caches an empty text, which LibreOffice recomputes
        // on load; without the add-in the Engine cell is #NAME? there, so the guard shows the documented blank.
        f.setCellFormula(blank + (mayBeBlank[c]
            ? "IF(ISERROR(" + x + "),IF(ERROR.TYPE(" + x + ")=5,\"\"," + x + ")," + x + ")" : x) + ")");
      }
    }
    XSSFTable table = sheet.createTable(new AreaReference(new CellReference(HEADER_ROW, 0),
        new CellReference(last, lastCol), SpreadsheetVersion.EXCEL2007));
    table.setName("HedgeLedger");
    table.setDisplayName("HedgeLedger");
    table.setStyleName("TableStyleMedium2");
    table.updateHeaders();

    sheet.createFreezePane(2, FIRST_DATA_ROW);
    printSetup(wb, sheet, 0, lastCol, last, HEADER_ROW);
    // Two print ranges: the blocks above the table on one page, then the table in its column groups.
    wb.setPrintArea(wb.getSheetIndex(sheet), "$A$1:$" + col(TOP_LAST_COL) + "$" + HEADER_ROW + ",$A$" + (HEADER_ROW + 1)
        + ":$" + col(lastCol) + "$" + (last + 1));
    printGroups(sheet, columns, engineIndexOfTableCol, lastCol);
    List<String> tableOrder = new java.util.ArrayList<>(List.of("TIME", "SPOT"));
    for (int c = 2; c <= lastCol; c++) {
      tableOrder.add(columns.get(engineIndexOfTableCol[c]));
    }
    sheet.getPrintSetup().setScale(printScale(sheet, tableOrder));
    protect(sheet);

    engine.protectSheet("");
    wb.setSheetHidden(wb.getSheetIndex(engine), true);

    // Charts over the table columns.
    XSSFDrawing drawing = charts.createDrawingPatriarch();
    cell(charts, 0, 0, st.title).setCellValue("Ledger charts");
    // A filled example charts its table (cached values every viewer keeps); a template charts the Engine array,
    // whose cells past the last observation are #N/A, which charts skip — the table's blank rows would plot at 0.
    boolean example = prices != null;
    XSSFSheet data = example ? sheet : engine;
    int firstRow = example ? FIRST_DATA_ROW : 1;
    int lastRow = example ? last : capacity;
    java.util.function.ToIntFunction<String> colOf = example
        ? n -> n.equals("SPOT") ? 1 : tableColumnOf(columns, engineIndexOfTableCol, lastCol, n) : columns::indexOf;
    CellRangeAddress x = new CellRangeAddress(firstRow, lastRow, 0, 0);
    int hedge = colOf.applyAsInt("HEDGE_POSITION");
    int spot = colOf.applyAsInt("SPOT");
    String xFormat = example && Charts.intraday(prices.times()) ? Styles.DATE_TIME : Styles.DATE;
    Double[] xs = new Double[0];
    var pnlChart = Charts.lineChart(drawing, data, "Cumulative P&L attribution: gamma against theta", "Time", x, xs,
        xFormat, 0, 2, 12, 24, attribution(colOf, firstRow, lastRow));
    var spotChart = Charts.lineChart(drawing, data, "Spot and hedge position", "Time", x, xs, xFormat, 0, 26, 12, 48,
        new Charts.Series("Spot", new CellRangeAddress(firstRow, lastRow, spot, spot), PresetColor.DARK_BLUE, false),
        new Charts.Series("Hedge position", new CellRangeAddress(firstRow, lastRow, hedge, hedge), PresetColor.ORANGE_RED, true));
    if (prices != null) {
      // A filled example's times bound the time axis (a template's axis scales itself).
      Charts.spanTimes(pnlChart, prices.times());
      Charts.spanTimes(spotChart, prices.times());
    }
    charts.getPrintSetup().setLandscape(true);
    charts.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    charts.setRowBreak(24);
    wb.setPrintArea(wb.getSheetIndex(charts), 0, 12, 0, 48);

    wb.setActiveSheet(0);
    wb.setForceFormulaRecalculation(true);
    return wb;
  }

  /** The cumulative P&L attribution series: total, gamma, theta, vega, costs (whichever columns exist). */
  static Charts.Series[] attribution(java.util.function.ToIntFunction<String> colOf, int firstRow, int lastRow) {
    java.util.List<Charts.Series> series = new java.util.ArrayList<>();
    Object[][] parts = {{"TOTAL_PNL", "Total P&L", PresetColor.DARK_GREEN}, {"GAMMA_PNL", "Gamma P&L", PresetColor.ROYAL_BLUE},
        {"THETA_PNL", "Theta P&L", PresetColor.CRIMSON}, {"VEGA_PNL", "Vega P&L", PresetColor.DARK_ORANGE},
        {"COST_PNL", "Costs", PresetColor.GRAY}};
    for (Object[] p : parts) {
      int c = colOf.applyAsInt((String) p[0]);
      if (c >= 0) {
        series.add(new Charts.Series((String) p[1], new CellRangeAddress(firstRow, lastRow, c, c), (PresetColor) p[2], false));
      }
    }
    return series.toArray(new Charts.Series[0]);
  }

  /** The 0-based row of an input of the inputs block. */
  private static int inputRow(String name) {
    for (int i = 0; i < INPUTS.length; i++) {
      if (INPUTS[i][0].equals(name)) {
        return BLOCK_ROW + i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static String col(int c) {
    return CellReference.convertNumToColString(c);
  }

  /**
   * Page breaks between the column groups a trader reads together — the option and its greeks, the hedge
   * and its cash, the P&amp;L attribution — with the time column repeated on every page.
   */
  /** The first column of each printed column group after the first (at most 8 columns beside the time). */
  public static final List<String> PRINT_GROUPS = List.of("TARGET_HEDGE", "SETTLEMENT", "DELTA_PNL");

  /** Characters of column width a landscape A4 page holds at 100 % (0.4 in side margins). */
  static final double PAGE_CHARS = 103;

  /**
   * The print scale at which the widest column group, with the repeated time column, fits a landscape page:
   * {@code header} is the sheet's columns in order (engine names), the groups start at {@link #PRINT_GROUPS}.
   */
  public static short printScale(XSSFSheet sheet, List<String> header) {
    double widest = 0;
    int start = 1;
    for (int g = 0; g <= PRINT_GROUPS.size(); g++) {
      int end = g < PRINT_GROUPS.size() ? header.indexOf(PRINT_GROUPS.get(g)) : header.size();
      if (end < 0) {
        continue;
      }
      widest = Math.max(widest, Layout.width(sheet, 0, 0) + (end > start ? Layout.width(sheet, start, end - 1) : 0));
      start = end;
    }
    return (short) Math.max(40, Math.min(100, Math.floor(100 * PAGE_CHARS / widest)));
  }

  static void printGroups(XSSFSheet sheet, List<String> columns, int[] engineIndexOfTableCol, int lastCol) {
    sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 0));
    for (String startOfGroup : PRINT_GROUPS) {
      int c = tableColumnOf(columns, engineIndexOfTableCol, lastCol, startOfGroup);
      if (c > 0) {
        sheet.setColumnBreak(c - 1);
      }
    }
  }

  /** The table column showing the engine column {@code name}, or -1. */
  private static int tableColumnOf(List<String> columns, int[] engineIndexOfTableCol, int lastCol, String name) {
    for (int c = 2; c <= lastCol; c++) {
      if (columns.get(engineIndexOfTableCol[c]).equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }

  static void printSetup(XSSFWorkbook wb, XSSFSheet sheet, int firstCol, int lastCol, int lastRow, int headerRow) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    // Pages hold whole column groups at a readable scale (see printGroups) rather than the whole width shrunk.
    ps.setScale((short) 85);
    sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.4);
    sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.4);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    wb.setPrintArea(wb.getSheetIndex(sheet), firstCol, lastCol, 0, lastRow);
    sheet.getHeader().setCenter(sheet.getSheetName());
    sheet.getFooter().setRight("Page &P of &N");
  }

  static void protect(XSSFSheet sheet) {
    sheet.protectSheet("");
    sheet.lockFormatColumns(false);
    sheet.lockFormatRows(false);
    sheet.lockSelectLockedCells(false);
    sheet.lockSelectUnlockedCells(false);
    sheet.lockSort(false);
    sheet.lockAutoFilter(false);
  }

  static Cell cell(XSSFSheet sheet, int r, int c, CellStyle style) {
    Row row = sheet.getRow(r);
    if (row == null) {
      row = sheet.createRow(r);
    }
    Cell cell = row.getCell(c);
    if (cell == null) {
      cell = row.createCell(c);
    }
    cell.setCellStyle(style);
    return cell;
  }

  static void name(XSSFWorkbook wb, String name, String ref) {
    Name n = wb.createName();
    n.setNameName(name);
    n.setRefersToFormula(ref);
  }

  /** A drop-down list on the input in 0-based row {@code row}, column {@code col}. */
  static void list(XSSFSheet sheet, int row, int col, String... items) {
    CellRules.oneOf(sheet, CellRules.cell(row, col), "Choose one of: " + String.join(", ", items), items);
  }
}
