package org.gammaxl.workbooks.templates;

import static org.gammaxl.workbooks.templates.LedgerTemplate.cell;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hedge journal: a log of fills (the Excel table {@code Fills}: time, instrument, side, quantity,
 * price, fees, venue, note; signed quantity, cash flow and trade date by formula) and a daily summary
 * (sheet {@code Daily}: fills, bought, sold, net quantity, average buy and sell price, fees and net cash
 * per calendar day, by SUMIFS/COUNTIFS over the log). Cash flow is −signed quantity × price − fees.
 */
public final class JournalTemplate {
  public static final int DEFAULT_CAPACITY = 1000;
  public static final int DAYS = 62;

  private JournalTemplate() {}

  /** One fill of a filled example. */
  public record Fill(double time, String instrument, String side, double quantity, double price, double fees,
      String venue, String note) {}

  public static XSSFWorkbook build(java.util.List<Fill> fills) {
    int capacity = Math.max(DEFAULT_CAPACITY, fills.size());
    XSSFWorkbook wb = new XSSFWorkbook();
    Styles st = new Styles(wb);
    XSSFSheet log = wb.createSheet("Fills");
    XSSFSheet daily = wb.createSheet("Daily");
    cell(log, 0, 0, st.title).setCellValue("GammaXL hedge journal");
    cell(log, 1, 0, st.note).setCellValue("Type one fill per row in the yellow columns; Side is BUY or SELL, "
        + "quantity is positive. Signed quantity, cash flow and trade date are formulas.");
    String[] heads = {"Time", "Instrument", "Side", "Quantity", "Price", "Fees", "Venue", "Note",
        "Signed qty", "Cash flow", "Trade date", "Notional"};
    String[] formats = {Styles.DATE_TIME, Styles.GENERAL, Styles.GENERAL, Styles.QTY, Styles.PRICE, Styles.MONEY,
        Styles.GENERAL, Styles.GENERAL};
    int headerRow = 3;
    Row h = log.createRow(headerRow);
    for (int c = 0; c < heads.length; c++) {
      h.createCell(c).setCellValue(heads[c]);
      h.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] in = new CellStyle[formats.length];
    for (int c = 0; c < formats.length; c++) {
      in[c] = st.input(formats[c]);
    }
    CellStyle qty = st.formula(Styles.QTY);
    CellStyle money = st.formula(Styles.MONEY);
    CellStyle date = st.formula(Styles.DATE);
    for (int i = 0; i < capacity; i++) {
      int r = headerRow + 1 + i;
      Row row = log.createRow(r);
      for (int c = 0; c < formats.length; c++) {
        row.createCell(c).setCellStyle(in[c]);
      }
      if (i < fills.size()) {
        Fill f = fills.get(i);
        row.getCell(0).setCellValue(f.time());
        row.getCell(1).setCellValue(f.instrument());
        row.getCell(2).setCellValue(f.side());
        row.getCell(3).setCellValue(f.quantity());
        row.getCell(4).setCellValue(f.price());
        row.getCell(5).setCellValue(f.fees());
        row.getCell(6).setCellValue(f.venue());
        row.getCell(7).setCellValue(f.note());
      }
      int x = r + 1;
      row.createCell(8).setCellFormula("IF($A" + x + "=\"\",\"\",IF($C" + x + "=\"SELL\",-1,1)*$D" + x + ")");
      row.getCell(8).setCellStyle(qty);
      row.createCell(9).setCellFormula("IF($A" + x + "=\"\",\"\",-$I" + x + "*$E" + x + "-$F" + x + ")");
      row.getCell(9).setCellStyle(money);
      row.createCell(10).setCellFormula("IF($A" + x + "=\"\",\"\",INT($A" + x + "))");
      row.getCell(10).setCellStyle(date);
      row.createCell(11).setCellFormula("IF($A" + x + "=\"\",\"\",$D" + x + "*$E" + x + ")");
      row.getCell(11).setCellStyle(money);
    }
    int last = headerRow + capacity;
    DataValidationHelper dv = log.getDataValidationHelper();
    DataValidation side = dv.createValidation(dv.createExplicitListConstraint(new String[] {"BUY", "SELL"}),
        new CellRangeAddressList(headerRow + 1, last, 2, 2));
    side.setShowErrorBox(true);
    side.createErrorBox("Not allowed", "Side is BUY or SELL");
    log.addValidationData(side);
    DataValidation q = dv.createValidation(
        dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "0", null),
        new CellRangeAddressList(headerRow + 1, last, 3, 4));
    q.setShowErrorBox(true);
    q.createErrorBox("Not allowed", "Quantity and price are numbers > 0");
    log.addValidationData(q);
    XSSFTable table = log.createTable(new AreaReference(new CellReference(headerRow, 0),
        new CellReference(last, heads.length - 1), SpreadsheetVersion.EXCEL2007));
    table.setName("Fills");
    table.setDisplayName("Fills");
    table.setStyleName("TableStyleMedium9");
    table.updateHeaders();
    int[] widths = {18, 14, 8, 12, 12, 10, 12, 28, 12, 14, 12, 14};
    for (int c = 0; c < widths.length; c++) {
      log.setColumnWidth(c, widths[c] * 256);
    }
    log.createFreezePane(1, headerRow + 1);
    LedgerTemplate.printSetup(wb, log, 0, heads.length - 1, last, headerRow);
    LedgerTemplate.protect(log);

    String dates = "Fills!$K$" + (headerRow + 2) + ":$K$" + (last + 1);
    String sides = "Fills!$C$" + (headerRow + 2) + ":$C$" + (last + 1);
    String qtys = "Fills!$D$" + (headerRow + 2) + ":$D$" + (last + 1);
    String notional = "Fills!$L$" + (headerRow + 2) + ":$L$" + (last + 1);
    String fees = "Fills!$F$" + (headerRow + 2) + ":$F$" + (last + 1);
    String cash = "Fills!$J$" + (headerRow + 2) + ":$J$" + (last + 1);
    String times = "Fills!$A$" + (headerRow + 2) + ":$A$" + (last + 1);
    LedgerTemplate.name(wb, "FillDates", dates);
    cell(daily, 0, 0, st.title).setCellValue("Daily summary");
    cell(daily, 1, 0, st.note).setCellValue("One row per calendar day from the first fill; computed from the Fills log.");
    String[] dh = {"Date", "Fills", "Bought", "Sold", "Net qty", "Avg buy", "Avg sell", "Fees", "Net cash"};
    Row dr = daily.createRow(3);
    for (int c = 0; c < dh.length; c++) {
      dr.createCell(c).setCellValue(dh[c]);
      dr.getCell(c).setCellStyle(st.header);
    }
    CellStyle price = st.formula(Styles.PRICE);
    CellStyle[] fmt = {date, qty, qty, qty, qty, price, price, money, money};
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
          "IF(" + d + "=\"\",\"\",SUMIFS(" + cash + "," + dates + "," + d + "))"};
      for (int c = 0; c < f.length; c++) {
        row.createCell(c).setCellFormula(f[c]);
        row.getCell(c).setCellStyle(fmt[c]);
      }
    }
    for (int c = 0; c < dh.length; c++) {
      daily.setColumnWidth(c, 13 * 256);
    }
    daily.createFreezePane(1, 4);
    LedgerTemplate.printSetup(wb, daily, 0, dh.length - 1, 4 + DAYS, 3);
    LedgerTemplate.protect(daily);
    wb.setForceFormulaRecalculation(true);
    return wb;
  }
}
