package org.gammaxl.workbooks.templates;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
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
  /** Rows of the summary block: one per item of GX.LEDGER.SUMMARY. */
  static final int SUMMARY_ROWS = org.gammaxl.ledger.SummaryItem.values().length;
  static final int HEADER_ROW = 3 + SUMMARY_ROWS + 2; // 0-based row of the table header, below the summary block
  static final int FIRST_DATA_ROW = HEADER_ROW + 1;

  private LedgerTemplate() {}

  /** The input names, in block order: name, label, number format. */
  private static final String[][] INPUTS = {
      {"Underlying", "Underlying", Styles.GENERAL},
      {"OptType", "Option type (CALL/PUT)", Styles.GENERAL},
      {"Strike", "Strike", Styles.PRICE},
      {"Expiry", "Expiry", Styles.DATE_TIME},
      {"Contracts", "Contracts (signed, − = short)", Styles.QTY},
      {"Multiplier", "Multiplier (units per contract)", Styles.QTY},
      {"EntryPremium", "Entry premium per option", Styles.PRICE},
      {"ImpliedVol", "Implied vol", Styles.PERCENT},
      {"HedgeRule", "Hedge rule", Styles.GENERAL},
      {"Threshold", "Rule threshold", Styles.GREEK},
      {"FeeBps", "Fees (bp of notional)", Styles.QTY},
      {"SlippageBps", "Slippage (bp)", Styles.QTY},
      {"RiskFreeRate", "Rate (continuous)", Styles.PERCENT},
      {"DivYield", "Yield (continuous)", Styles.PERCENT},
      {"HedgeInstrument", "Hedge instrument", Styles.GENERAL},
      {"FutureExpiry", "Hedge future delivery (blank = expiry)", Styles.DATE_TIME},
      {"HedgeLot", "Hedge lot size (0 = no rounding)", Styles.QTY},
      {"PricingModel", "Option model", Styles.GENERAL},
  };

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
    XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook());
    Styles st = new Styles(wb);
    XSSFSheet sheet = wb.createSheet("Ledger");
    XSSFSheet engine = wb.createSheet("Engine");
    XSSFSheet charts = wb.createSheet("Charts");

    cell(sheet, 0, 0, st.title).setCellValue("GammaXL rolling hedge ledger");
    cell(sheet, 1, 0, st.note).setCellValue("Yellow cells are inputs: type time and spot into the table. Every other "
        + "column is computed by the GammaXL add-in (GX.LEDGER on the hidden Engine sheet).");

    // Inputs block A3:B21
    cell(sheet, 2, 0, st.header).setCellValue("Inputs");
    Map<String, Object> values = Map.ofEntries(
        Map.entry("Underlying", position.underlying()), Map.entry("OptType", position.typeKeyword()),
        Map.entry("Strike", position.strike()), Map.entry("Expiry", position.expiry()),
        Map.entry("Contracts", position.quantity()), Map.entry("Multiplier", position.multiplier()),
        Map.entry("EntryPremium", position.premium() == null ? "" : position.premium()),
        Map.entry("ImpliedVol", position.vol()), Map.entry("HedgeRule", position.rule()),
        Map.entry("Threshold", position.threshold()), Map.entry("FeeBps", position.feeBps()),
        Map.entry("SlippageBps", position.slippageBps()), Map.entry("RiskFreeRate", position.rate()),
        Map.entry("DivYield", position.yield()), Map.entry("HedgeInstrument", position.hedge()),
        Map.entry("FutureExpiry", Double.isNaN(position.futureExpiry()) ? "" : position.futureExpiry()),
        Map.entry("HedgeLot", position.lot()), Map.entry("PricingModel", position.model()));
    for (int i = 0; i < INPUTS.length; i++) {
      int r = 3 + i;
      cell(sheet, r, 0, st.label).setCellValue(INPUTS[i][1]);
      Cell c = cell(sheet, r, 1, st.input(INPUTS[i][2]));
      Object v = values.get(INPUTS[i][0]);
      if (v instanceof Double d) {
        c.setCellValue(d);
      } else if (!"".equals(v)) {
        c.setCellValue(String.valueOf(v));
      }
      name(wb, INPUTS[i][0], "Ledger!$B$" + (r + 1));
    }
    DataValidationHelper dv = sheet.getDataValidationHelper();
    list(sheet, dv, 4, "CALL", "PUT");
    list(sheet, dv, 11, "EVERY", "TIME", "DELTA", "MOVE", "WW");
    list(sheet, dv, 17, "SPOT", "FUTURE", "PERP", "INVERSE");
    list(sheet, dv, 21, java.util.Arrays.stream(org.gammaxl.pricing.Model.values())
        .map(org.gammaxl.pricing.Model::keyword).toArray(String[]::new));
    positive(sheet, dv, 5, "Strike must be a number > 0");
    positive(sheet, dv, 10, "Implied vol must be > 0 (0.2 = 20 %)");

    // Settings block D3:E13: the name/value table GX.LEDGER reads.
    cell(sheet, 2, 3, st.header).setCellValue("GX.LEDGER settings");
    String[][] settings = {{"RULE", "HedgeRule"}, {"THRESHOLD", "Threshold"}, {"TIME", "\"DATES\""},
        {"FEE_BPS", "FeeBps"}, {"SLIPPAGE_BPS", "SlippageBps"}, {"MULTIPLIER", "Multiplier"},
        {"HEDGE", "HedgeInstrument"},
        // A blank delivery means the hedge future delivers at the option's expiry (used only with FUTURE).
        {"FUTURE_EXPIRY", "IF(FutureExpiry=\"\",Expiry,FutureExpiry)"}, {"LOT", "HedgeLot"}, {"MODEL", "PricingModel"}};
    CellStyle plain = st.formula(Styles.GENERAL);
    for (int i = 0; i < settings.length; i++) {
      cell(sheet, 3 + i, 3, plain).setCellValue(settings[i][0]);
      cell(sheet, 3 + i, 4, plain).setCellFormula(settings[i][1]);
    }
    name(wb, "LedgerSettings", "Ledger!$D$4:$E$" + (3 + settings.length));

    // Ranges of the table's input columns, whole capacity (blank rows are skipped by GX.LEDGER).
    int last = FIRST_DATA_ROW + capacity - 1;
    String times = "Ledger!$A$" + (FIRST_DATA_ROW + 1) + ":$A$" + (last + 1);
    String spots = "Ledger!$B$" + (FIRST_DATA_ROW + 1) + ":$B$" + (last + 1);
    name(wb, "LedgerTimes", times);
    name(wb, "LedgerSpots", spots);
    String args = "LedgerTimes,LedgerSpots,OptType,Strike,Expiry,Contracts,ImpliedVol,RiskFreeRate,DivYield,LedgerSettings";

    // Summary block G3:H20
    cell(sheet, 2, 6, st.header).setCellValue("Summary (GX.LEDGER.SUMMARY)");
    // The GX.LEDGER.SUMMARY array sits on the hidden Engine sheet, right of the ledger; the visible block
    // shows the item labels as text and each value as a reference to the array. A viewer without the
    // add-in that drops the array's cached results (LibreOffice shows #NAME?) keeps the references'.
    List<String> columns = LedgerColumns.names();
    int width = columns.size();
    int summaryCol = width + 1;
    engine.setArrayFormula(GxFunctions.xll("GX.LEDGER.SUMMARY", args),
        new CellRangeAddress(0, SUMMARY_ROWS - 1, summaryCol, summaryCol + 1));
    CellStyle summaryNumber = st.formula("#,##0.00##;[Red]-#,##0.00##");
    org.gammaxl.ledger.SummaryItem[] items = org.gammaxl.ledger.SummaryItem.values();
    for (int i = 0; i < SUMMARY_ROWS; i++) {
      cell(sheet, 3 + i, 6, plain).setCellValue(items[i].label());
      cell(sheet, 3 + i, 7, summaryNumber).setCellFormula("Engine!" + new CellReference(i, summaryCol + 1, true, true).formatAsString());
    }

    // Engine sheet: the one ledger array formula.
    engine.setArrayFormula(GxFunctions.xll("GX.LEDGER", args), new CellRangeAddress(0, capacity, 0, width - 1));
    String engineData = "Engine!$A$2:$" + CellReference.convertNumToColString(width - 1) + "$" + (capacity + 1);
    String engineHead = "Engine!$A$1:$" + CellReference.convertNumToColString(width - 1) + "$1";

    // The table.
    Row header = sheet.createRow(HEADER_ROW);
    CellStyle timeIn = st.input(Styles.DATE_TIME);
    CellStyle spotIn = st.input(Styles.PRICE);
    header.createCell(0).setCellValue("Time");
    header.createCell(1).setCellValue("Spot");
    int tableCol = 2;
    int[] engineIndexOfTableCol = new int[width + 2];
    for (int k = 0; k < width; k++) {
      String n = columns.get(k);
      if (n.equalsIgnoreCase("TIME") || n.equalsIgnoreCase("SPOT")) {
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
    for (int c = 2; c <= lastCol; c++) {
      formats[c] = st.formula(formatFor(columns.get(engineIndexOfTableCol[c])));
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
      for (int c = 2; c <= lastCol; c++) {
        Cell f = row.createCell(c);
        f.setCellStyle(formats[c]);
        f.setCellFormula("IF($A" + (r + 1) + "=\"\",\"\",INDEX(" + engineData + "," + (i + 1) + ",MATCH(\""
            + columns.get(engineIndexOfTableCol[c]) + "\"," + engineHead + ",0)))");
      }
    }
    XSSFTable table = sheet.createTable(new AreaReference(new CellReference(HEADER_ROW, 0),
        new CellReference(last, lastCol), SpreadsheetVersion.EXCEL2007));
    table.setName("HedgeLedger");
    table.setDisplayName("HedgeLedger");
    table.setStyleName("TableStyleMedium2");
    table.updateHeaders();

    sheet.setColumnWidth(0, 36 * 256);
    for (int c = 1; c <= Math.max(lastCol, 7); c++) {
      sheet.setColumnWidth(c, 14 * 256);
    }
    sheet.setColumnWidth(0, 30 * 256);
    sheet.setColumnWidth(6, 22 * 256);
    sheet.createFreezePane(2, FIRST_DATA_ROW);
    printSetup(wb, sheet, 0, lastCol, last, HEADER_ROW);
    protect(sheet);

    engine.protectSheet("");
    wb.setSheetHidden(wb.getSheetIndex(engine), true);

    // Charts over the table columns.
    XSSFDrawing drawing = charts.createDrawingPatriarch();
    cell(charts, 0, 0, st.title).setCellValue("Ledger charts");
    CellRangeAddress x = new CellRangeAddress(FIRST_DATA_ROW, last, 0, 0);
    int pnl = tableColumnOf(columns, engineIndexOfTableCol, lastCol, "TOTAL", "PNL");
    int hedge = tableColumnOf(columns, engineIndexOfTableCol, lastCol, "HEDGE", "POS");
    Charts.lineChart(drawing, sheet, "Cumulative P&L", "Time", x, new Double[0], 0, 2, 12, 22,
        new Charts.Series("Total P&L", new CellRangeAddress(FIRST_DATA_ROW, last, pnl, pnl), PresetColor.DARK_GREEN, false));
    Charts.lineChart(drawing, sheet, "Spot and hedge position", "Time", x, new Double[0], 0, 24, 12, 44,
        new Charts.Series("Spot", new CellRangeAddress(FIRST_DATA_ROW, last, 1, 1), PresetColor.DARK_BLUE, false),
        new Charts.Series("Hedge position", new CellRangeAddress(FIRST_DATA_ROW, last, hedge, hedge), PresetColor.ORANGE_RED, true));
    charts.getPrintSetup().setLandscape(true);
    charts.setFitToPage(true);
    charts.getPrintSetup().setFitWidth((short) 1);
    charts.getPrintSetup().setFitHeight((short) 1);
    wb.setPrintArea(wb.getSheetIndex(charts), 0, 12, 0, 44);

    wb.setActiveSheet(0);
    wb.setForceFormulaRecalculation(true);
    return wb;
  }

  private static int tableColumnOf(List<String> columns, int[] engineIndexOfTableCol, int lastCol, String... fragments) {
    for (int c = 2; c <= lastCol; c++) {
      String n = columns.get(engineIndexOfTableCol[c]).toUpperCase(java.util.Locale.ROOT);
      boolean all = true;
      for (String f : fragments) {
        all &= n.contains(f);
      }
      if (all) {
        return c;
      }
    }
    return lastCol;
  }

  /** The number format a ledger column needs, from its engine name. */
  static String formatFor(String engineName) {
    String n = engineName.toUpperCase(java.util.Locale.ROOT);
    if (n.contains("TIME") || n.contains("DATE")) {
      return Styles.DATE_TIME;
    }
    if (n.equals("VOL")) {
      return Styles.PERCENT;
    }
    if (n.contains("PNL") || n.contains("CASH") || n.contains("COST") || n.contains("FEE") || n.contains("VALUE")
        || n.contains("SLIPPAGE") || n.contains("FINANCING") || n.contains("SETTLEMENT")) {
      return Styles.MONEY;
    }
    if (n.contains("GAMMA") || n.contains("VEGA") || n.contains("THETA") || n.contains("YEARS")) {
      return Styles.GREEK;
    }
    if (n.contains("SPOT") || n.contains("PRICE")) {
      return Styles.PRICE;
    }
    return Styles.QTY;
  }

  static void printSetup(XSSFWorkbook wb, XSSFSheet sheet, int firstCol, int lastCol, int lastRow, int headerRow) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setLandscape(true);
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    sheet.setFitToPage(true);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
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

  /** A drop-down list on the input in 1-based row {@code row1}, column B. */
  static void list(XSSFSheet sheet, DataValidationHelper dv, int row1, String... items) {
    DataValidationConstraint c = dv.createExplicitListConstraint(items);
    DataValidation v = dv.createValidation(c, new CellRangeAddressList(row1 - 1, row1 - 1, 1, 1));
    v.setSuppressDropDownArrow(true);
    v.setShowErrorBox(true);
    v.createErrorBox("Not allowed", "Choose one of: " + String.join(", ", items));
    sheet.addValidationData(v);
  }

  static void positive(XSSFSheet sheet, DataValidationHelper dv, int row1, String message) {
    DataValidationConstraint c = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "0", null);
    DataValidation v = dv.createValidation(c, new CellRangeAddressList(row1 - 1, row1 - 1, 1, 1));
    v.setShowErrorBox(true);
    v.createErrorBox("Not allowed", message);
    sheet.addValidationData(v);
  }
}
