package org.gammaxl.workbooks.templates;

import static org.gammaxl.workbooks.templates.LedgerTemplate.cell;
import static org.gammaxl.workbooks.templates.LedgerTemplate.name;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.gammaxl.workbooks.report.OptionChainFile;

/**
 * The gamma-exposure workbook: the sheet {@code Chain} is the table a user pastes an option chain into (type,
 * strike, expiry, IV, open interest); {@code GEX} holds the inputs (spot, valuation date-time, rate, yield,
 * multiplier, convention, units, the profile's range) and the results — total GEX, VEX and CEX, the gamma flip,
 * the call and put walls and the regime in words — above two charts: GEX by strike (calls and puts as stacked
 * bars) and the profile over hypothetical spots with the spot and the flip marked. {@code Strikes} and
 * {@code Profile} show the tables the charts draw; they refer to the GX.GEX.STRIKES, GX.GEX.PROFILE and
 * GX.GEX.WALLS array formulas on the hidden sheet {@code Calc}. Units and conventions are the catalogue's
 * (docs/gex.md): by default GEX in currency per 1 % move, dealers long calls and short puts.
 *
 * <p>Build with {@link #build}; a filled workbook is then recalculated ({@link org.gammaxl.workbooks.poi.Recalculator})
 * and finished with {@link #finish}, which draws the charts from the computed values and lets the visible tables
 * keep those values in a viewer without the add-in (see {@link #finish}).
 */
public final class GexTemplate {
  /** Chain rows of the empty template. */
  public static final int CHAIN_CAPACITY = 2000;
  /** Strike rows of the empty template's GEX-by-strike table (rows past the chain's strikes show nothing). */
  public static final int STRIKE_CAPACITY = 400;
  /** Spots on the profile grid. */
  public static final int STEPS = 100;
  static final String NUMBER = "#,##0;[Red]-#,##0";
  /** The hidden sheet of the GX array formulas. */
  public static final String CALC = "Calc";
  /** (row, column) of the Calc sheet's array formulas: GX.GEX.STRIKES, GX.GEX.PROFILE, GX.GEX.WALLS. */
  public static final List<int[]> ARRAY_ANCHORS = List.of(new int[] {0, 0}, new int[] {0, 5}, new int[] {0, 8});
  /** The name of the cell that is TRUE while the chain holds no open interest. */
  static final String EMPTY = "ChainEmpty";
  private static final java.util.regex.Pattern VIEW_REF = java.util.regex.Pattern.compile(CALC + "!\\$[A-Z]+\\$[0-9]+");

  private GexTemplate() {}

  /**
   * The market and conventions of one workbook.
   *
   * @param valuation Excel serial date-time of the valuation
   * @param convention CALLS_LONG or SIGNED
   * @param units PER_1PCT, PER_POINT or SHARES
   * @param source where the chain came from, shown on the sheet
   */
  public record Inputs(double spot, double valuation, double rate, double yield, double multiplier,
      String convention, String units, String source) {}

  /**
   * The workbook with formulas only (no computed values): an empty template when {@code rows} is empty.
   *
   * @param chainCapacity chain rows the formulas cover (≥ rows.size())
   * @param strikeCapacity rows of the GEX-by-strike table (the chain's distinct strikes for a filled workbook)
   */
  public static XSSFWorkbook build(Inputs in, List<OptionChainFile.Row> rows, int chainCapacity, int strikeCapacity) {
    XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook());
    Styles st = new Styles(wb);
    XSSFSheet gex = wb.createSheet("GEX");
    XSSFSheet chain = wb.createSheet("Chain");
    XSSFSheet strikes = wb.createSheet("Strikes");
    XSSFSheet profile = wb.createSheet("Profile");
    XSSFSheet calc = wb.createSheet(CALC);
    writeChain(wb, st, chain, rows, chainCapacity);
    writeInputs(wb, st, gex, in);
    String args = "GexSpot,ChainTypes,ChainStrikes,ChainExpiries,ChainVols,ChainOI,GexRate,GexYield,GexMultiplier,"
        + "GexConvention,GexUnits,GexDate";
    calc.setArrayFormula(GxFunctions.xll("GX.GEX.STRIKES", args), new CellRangeAddress(0, strikeCapacity - 1, 0, 3));
    calc.setArrayFormula(GxFunctions.xll("GX.GEX.PROFILE", args + ",GexLow,GexHigh," + STEPS),
        new CellRangeAddress(0, STEPS - 1, 5, 6));
    calc.setArrayFormula(GxFunctions.xll("GX.GEX.WALLS", args), new CellRangeAddress(0, 0, 8, 9));
    // an empty chain shows blanks everywhere, decided without the GX functions (a spreadsheet without the add-in)
    calc.getRow(0).createCell(11).setCellFormula("COUNT(ChainOI)=0");
    name(wb, EMPTY, CALC + "!$L$1");
    writeResults(wb, st, gex, args);
    writeView(st, strikes, new String[] {"Strike", "Call GEX", "Put GEX", "Net GEX"}, 0, strikeCapacity,
        new String[] {Styles.PRICE, NUMBER, NUMBER, NUMBER});
    writeView(st, profile, new String[] {"Spot", "Total GEX"}, 5, STEPS, new String[] {Styles.PRICE, NUMBER});
    writeMarkers(st, profile);
    wb.setSheetHidden(wb.getSheetIndex(calc), true);
    for (XSSFSheet s : List.of(gex, strikes, profile)) {
      LedgerTemplate.protect(s);
    }
    gex.getPrintSetup().setLandscape(true);
    gex.setFitToPage(true);
    wb.setPrintArea(wb.getSheetIndex(gex), 0, 17, 0, 56);
    wb.setActiveSheet(0);
    wb.setForceFormulaRecalculation(true);
    return wb;
  }

  private static void writeChain(XSSFWorkbook wb, Styles st, XSSFSheet s, List<OptionChainFile.Row> rows,
      int capacity) {
    String[] heads = {"Type", "Strike", "Expiry", "IV", "Open interest"};
    String[] formats = {Styles.GENERAL, Styles.PRICE, Styles.DATE_TIME, Styles.PERCENT, "#,##0"};
    Row h = s.createRow(0);
    for (int c = 0; c < heads.length; c++) {
      h.createCell(c).setCellValue(heads[c]);
      h.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] in = new CellStyle[formats.length];
    for (int c = 0; c < in.length; c++) {
      in[c] = st.input(formats[c]);
    }
    for (int i = 0; i < capacity; i++) {
      Row r = s.createRow(i + 1);
      for (int c = 0; c < heads.length; c++) {
        r.createCell(c).setCellStyle(in[c]);
      }
      if (i < rows.size()) {
        OptionChainFile.Row o = rows.get(i);
        r.getCell(0).setCellValue(o.call() ? "C" : "P");
        r.getCell(1).setCellValue(o.strike());
        r.getCell(2).setCellValue(o.expiry());
        r.getCell(3).setCellValue(o.iv());
        r.getCell(4).setCellValue(o.openInterest());
      }
    }
    String[] names = {"ChainTypes", "ChainStrikes", "ChainExpiries", "ChainVols", "ChainOI"};
    for (int c = 0; c < names.length; c++) {
      String col = CellReference.convertNumToColString(c);
      name(wb, names[c], "Chain!$" + col + "$2:$" + col + "$" + (capacity + 1));
    }
    XSSFTable table = s.createTable(new AreaReference(new CellReference(0, 0), new CellReference(capacity, 4),
        SpreadsheetVersion.EXCEL2007));
    table.setName("OptionChain");
    table.setDisplayName("OptionChain");
    table.setStyleName("TableStyleLight9");
    table.updateHeaders();
    CellRules.oneOf(s, new CellRangeAddressList(1, capacity, 0, 0), "Type is C (call) or P (put)", "C", "P");
    s.setColumnWidth(2, 18 * 256);
    s.setColumnWidth(4, 18 * 256);
    s.createFreezePane(0, 1);
  }

  private static void writeInputs(XSSFWorkbook wb, Styles st, XSSFSheet s, Inputs in) {
    cell(s, 0, 0, st.title).setCellValue("GammaXL gamma exposure");
    cell(s, 1, 0, st.note).setCellValue("Yellow cells are inputs; paste the chain into the Chain sheet (type C/P,"
        + " strike, expiry, IV as a fraction, open interest in contracts). Source: " + in.source());
    Object[][] inputs = {
        {"GexSpot", "Spot", in.spot(), Styles.PRICE},
        {"GexDate", "Valuation date-time", in.valuation(), Styles.DATE_TIME},
        {"GexRate", "Rate (continuous)", in.rate(), Styles.PERCENT},
        {"GexYield", "Dividend yield (continuous)", in.yield(), Styles.PERCENT},
        {"GexMultiplier", "Contract multiplier", in.multiplier(), "#,##0"},
        {"GexConvention", "Convention", in.convention(), Styles.GENERAL},
        {"GexUnits", "Units", in.units(), Styles.GENERAL},
        {"GexLow", "Profile from spot", "0.8*GexSpot", Styles.PRICE},
        {"GexHigh", "Profile to spot", "1.2*GexSpot", Styles.PRICE}};
    for (int i = 0; i < inputs.length; i++) {
      cell(s, 3 + i, 0, st.label).setCellValue((String) inputs[i][1]);
      Cell c = cell(s, 3 + i, 1, st.input((String) inputs[i][3]));
      Object v = inputs[i][2];
      if (v instanceof Double d) {
        c.setCellValue(d);
      } else if (i >= 7) {
        c.setCellFormula((String) v);
      } else {
        c.setCellValue((String) v);
      }
      name(wb, (String) inputs[i][0], "GEX!$B$" + (4 + i));
    }
    LedgerTemplate.list(s, 8, 1, "CALLS_LONG", "SIGNED");
    LedgerTemplate.list(s, 9, 1, "PER_1PCT", "PER_POINT", "SHARES");
    s.setColumnWidth(0, 28 * 256);
    s.setColumnWidth(1, 18 * 256);
    s.setColumnWidth(3, 34 * 256);
    s.setColumnWidth(4, 20 * 256);
  }

  private static void writeResults(XSSFWorkbook wb, Styles st, XSSFSheet s, String args) {
    CellStyle number = st.formula(NUMBER);
    CellStyle price = st.formula(Styles.PRICE);
    String flip = GxFunctions.xll("GX.GAMMA.FLIP", args + ",GexLow,GexHigh");
    Object[][] results = {
        {"TotalGex", "Total GEX (see units)", GxFunctions.xll("GX.GEX", args), number},
        {"TotalVex", "Total VEX (delta per vol point)", GxFunctions.xll("GX.VEX", args), number},
        {"TotalCex", "Total CEX (delta per day)", GxFunctions.xll("GX.CEX", args), number},
        {"GammaFlip", "Gamma flip", "IF(ISNA(" + flip + "),\"no sign change in range\"," + flip + ")", price},
        {"CallWall", "Call wall (largest call GEX)", CALC + "!$I$1", price},
        {"PutWall", "Put wall (most negative put GEX)", CALC + "!$J$1", price}};
    for (int i = 0; i < results.length; i++) {
      cell(s, 3 + i, 3, st.label).setCellValue((String) results[i][1]);
      // an empty chain (the template as it comes) shows blanks, not the functions' #N/A "no options"
      cell(s, 3 + i, 4, (CellStyle) results[i][3]).setCellFormula(
          "IF(" + EMPTY + ",\"\"," + results[i][2] + ")");
      name(wb, (String) results[i][0], "GEX!$E$" + (4 + i));
    }
    cell(s, 9, 3, st.label).setCellValue("Regime");
    cell(s, 9, 4, st.formula(Styles.GENERAL)).setCellFormula(
        "IF(ISNUMBER(TotalGex),IF(TotalGex>=0,\"Positive gamma at spot: dealer hedging damps moves\","
            + "\"Negative gamma at spot: dealer hedging amplifies moves\"),\"\")");
    // blank while the chain is empty or the flip is an error (#NAME? without the add-in): never a false "no flip"
    cell(s, 10, 4, st.formula(Styles.GENERAL)).setCellFormula("IF(" + EMPTY + ",\"\",IF(ISNUMBER(GammaFlip),"
        + "IF(Profile!$B$2<0,\"positive gamma above the flip, negative below\","
        + "\"negative gamma above the flip, positive below\")&\"; spot is \"&IF(GexSpot>=GammaFlip,\"above\","
        + "\"below\")&\" the flip by \"&TEXT(ABS(GexSpot/GammaFlip-1),\"0.0%\"),"
        + "IF(ISERROR(GammaFlip),\"\",\"no flip between \"&TEXT(GexLow,\"#,##0.00\")&\" and \""
        + "&TEXT(GexHigh,\"#,##0.00\"))))");
    name(wb, "GexRegime", "GEX!$E$10");
    cell(s, 12, 0, st.note).setCellValue("GEX per option = sign x gamma x OI x multiplier x spot^2 x 0.01 (PER_1PCT);"
        + " CALLS_LONG: dealers long calls (+), short puts (-). Gamma is Black-Scholes-Merton at each option's IV.");
  }

  /** A visible table: a header row, then references to the Calc array whose first column is {@code calcCol}. */
  private static void writeView(Styles st, XSSFSheet s, String[] heads, int calcCol, int rows, String[] formats) {
    Row h = s.createRow(0);
    for (int c = 0; c < heads.length; c++) {
      h.createCell(c).setCellValue(heads[c]);
      h.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] styles = new CellStyle[formats.length];
    for (int c = 0; c < formats.length; c++) {
      styles[c] = st.formula(formats[c]);
    }
    for (int r = 0; r < rows; r++) {
      Row row = s.createRow(r + 1);
      for (int c = 0; c < heads.length; c++) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(styles[c]);
        cell.setCellFormula(view(CALC + "!" + new CellReference(r, calcCol + c, true, true).formatAsString(), null));
      }
    }
    for (int c = 0; c < heads.length; c++) {
      s.setColumnWidth(c, 16 * 256);
    }
    s.createFreezePane(0, 1);
  }

  /**
   * A visible cell showing {@code ref}, a cell of a hidden GX array: blank while the chain is empty; blank where
   * the array is #N/A (the rows past its result, the template's spare rows); with a {@code kept} value (a filled
   * workbook), that value where the array is #NAME? — the GX functions unknown, as in a spreadsheet without the
   * add-in, which also drops an array formula's cached results; otherwise the array's value, errors included.
   */
  private static String view(String ref, String kept) {
    String shown = "IF(ISNA(" + ref + "),\"\"," + ref + ")";
    if (kept != null) {
      shown = "IF(ISERROR(" + ref + "),IF(ERROR.TYPE(" + ref + ")=5," + kept + "," + shown + ")," + ref + ")";
    }
    return "IF(" + EMPTY + ",\"\"," + shown + ")";
  }

  /**
   * Vertical lines at the spot and at the flip for the profile chart, from the profile's lowest to its highest
   * value in as many points as the profile has (LibreOffice pads a shorter scatter series with zeros).
   */
  private static void writeMarkers(Styles st, XSSFSheet s) {
    String[] heads = {"Spot line: spot", "GEX", "Flip line: spot", "GEX"};
    for (int c = 0; c < heads.length; c++) {
      cell(s, 0, 3 + c, st.header).setCellValue(heads[c]);
      s.setColumnWidth(3 + c, 20 * 256);
    }
    CellStyle price = st.formula(Styles.PRICE);
    CellStyle number = st.formula(NUMBER);
    String ys = "Profile!$B$2:$B$" + (STEPS + 1);
    for (int r = 1; r <= STEPS; r++) {
      String y = "IF(" + EMPTY + ",\"\",MIN(" + ys + ")+(MAX(" + ys + ")-MIN(" + ys + "))*" + (r - 1) + "/"
          + (STEPS - 1) + ")";
      cell(s, r, 3, price).setCellFormula("GexSpot");
      cell(s, r, 4, number).setCellFormula(y);
      cell(s, r, 5, price).setCellFormula("IF(ISNUMBER(GammaFlip),GammaFlip,NA())");
      cell(s, r, 6, number).setCellFormula(y);
    }
    // the flip line's #N/A (no flip: the chart's gap marker) is not shown in the table
    var formatting = s.getSheetConditionalFormatting();
    var rule = formatting.createConditionalFormattingRule("ISNA($F2)");
    rule.createFontFormatting().setFontColorIndex(org.apache.poi.ss.usermodel.IndexedColors.WHITE.getIndex());
    formatting.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, STEPS, 5, 5)}, rule);
  }

  /**
   * Finishes a workbook whose formulas have been evaluated: draws the two charts with the computed points as
   * their cache, and, when {@code keepValues}, gives each visible reference to the hidden array its computed value
   * as the fallback ({@link #view}; the walls likewise): the computed value where the array cannot be computed
   * because the GX functions are unknown (#NAME?, LibreOffice without the add-in drops an array formula's
   * cached results), the live value everywhere else. The caller clears the recalculate-on-open flag.
   */
  public static void finish(XSSFWorkbook wb, boolean keepValues) {
    XSSFSheet strikes = wb.getSheet("Strikes");
    XSSFSheet profile = wb.getSheet("Profile");
    int k = countNumbers(strikes, 0);
    // a filled workbook's charts cover its strikes; the template's its whole table
    int rows = k > 0 ? k : strikes.getLastRowNum();
    GexCharts.byStrike(wb.getSheet("GEX"), strikes, rows, values(strikes, 0, k), values(strikes, 1, k),
        values(strikes, 2, k));
    int p = countNumbers(profile, 0);
    GexCharts.profile(wb.getSheet("GEX"), profile, STEPS, values(profile, 0, p), values(profile, 1, p),
        values(profile, 3, p), values(profile, 4, p), values(profile, 5, p), values(profile, 6, p));
    if (keepValues) {
      for (XSSFSheet s : List.of(strikes, profile)) {
        for (Row row : s) {
          for (Cell c : row) {
            if (c.getCellType() != CellType.FORMULA || c.getCachedFormulaResultType() != CellType.NUMERIC) {
              continue;
            }
            var ref = VIEW_REF.matcher(c.getCellFormula());
            if (ref.find() && c.getCellFormula().equals(view(ref.group(), null))) {
              double v = c.getNumericCellValue();
              c.setCellFormula(view(ref.group(), literal(v)));
              c.setCellValue(v);
            }
          }
        }
      }
      // the results on GEX: the direct GX calls (totals, flip) and the walls (references to the hidden array)
      for (String n : List.of("TotalGex", "TotalVex", "TotalCex", "GammaFlip", "CallWall", "PutWall")) {
        var ref = new CellReference(wb.getName(n).getRefersToFormula());
        Cell c = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
        String x = c.getCellFormula();
        if (c.getCachedFormulaResultType() == CellType.NUMERIC) {
          double v = c.getNumericCellValue();
          c.setCellFormula(keptOnName(x, literal(v)));
          c.setCellValue(v);
        } else if (c.getCachedFormulaResultType() == CellType.STRING) {
          String v = c.getStringCellValue();
          c.setCellFormula(keptOnName(x, "\"" + v.replace("\"", "\"\"") + "\""));
          c.setCellValue(v);
        }
      }
    }
  }

  /** {@code x}, or {@code kept} where {@code x} is #NAME? (the GX functions unknown: no add-in). */
  private static String keptOnName(String x, String kept) {
    return "IF(ISERROR(" + x + "),IF(ERROR.TYPE(" + x + ")=5," + kept + "," + x + ")," + x + ")";
  }

  private static String literal(double v) {
    return Double.toString(v);
  }

  private static int countNumbers(XSSFSheet s, int col) {
    int n = 0;
    for (int r = 1; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      Cell c = row == null ? null : row.getCell(col);
      if (c == null || !isNumber(c)) {
        break;
      }
      n++;
    }
    return n;
  }

  private static boolean isNumber(Cell c) {
    return c.getCellType() == CellType.NUMERIC
        || c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC;
  }

  /** The cached numbers of {@code n} cells below the header in column {@code col}; an empty cache when any is not. */
  private static Double[] values(XSSFSheet s, int col, int n) {
    Double[] out = new Double[n];
    for (int r = 0; r < n; r++) {
      Row row = s.getRow(r + 1);
      Cell c = row == null ? null : row.getCell(col);
      if (c == null || !isNumber(c)) {
        return new Double[0];
      }
      out[r] = c.getNumericCellValue();
    }
    return out;
  }
}
