package org.gammaxl.workbooks.templates;

import static org.gammaxl.workbooks.templates.LedgerTemplate.cell;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.poi.GxFunctions;

/**
 * The risk sheet: a multi-leg option position (the Excel table {@code Legs}) with each leg's value and
 * greeks from the GX functions, the position greeks (leg greek × quantity × multiplier), their totals,
 * and the hedge quantity ({@code GX.HEDGE.QTY}) that flattens the total delta. Greeks are in the
 * catalogue's trader units: vega per vol point, theta per calendar day.
 */
public final class RiskTemplate {
  public static final int LEGS = 20;

  private RiskTemplate() {}

  /** One leg of a filled example. */
  public record Leg(String name, String type, double strike, double expiry, double quantity, double multiplier,
      double vol) {}

  public static XSSFWorkbook build(double spot, double valuationDate, double rate, double yield, double lot,
      List<Leg> legs) {
    XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook());
    Styles st = new Styles(wb);
    XSSFSheet s = wb.createSheet("Risk");
    cell(s, 0, 0, st.title).setCellValue("GammaXL risk sheet");
    cell(s, 1, 0, st.note).setCellValue("Yellow cells are inputs. Greeks in trader units: vega per vol point, "
        + "theta per calendar day, rho per 1 %.");
    Object[][] inputs = {
        {"RiskSpot", "Spot", spot, Styles.PRICE}, {"ValuationDate", "Valuation date", valuationDate, Styles.DATE_TIME},
        {"RiskRate", "Rate (continuous)", rate, Styles.PERCENT}, {"RiskYield", "Yield (continuous)", yield, Styles.PERCENT},
        {"HedgeLot", "Hedge lot size", lot, Styles.QTY}};
    for (int i = 0; i < inputs.length; i++) {
      cell(s, 3 + i, 0, st.label).setCellValue((String) inputs[i][1]);
      cell(s, 3 + i, 1, st.input((String) inputs[i][3])).setCellValue((Double) inputs[i][2]);
      LedgerTemplate.name(wb, (String) inputs[i][0], "Risk!$B$" + (4 + i));
    }
    String[] heads = {"Leg", "Type", "Strike", "Expiry", "Quantity", "Multiplier", "Vol", "Years", "Price",
        "Delta", "Gamma", "Vega", "Theta", "Pos delta", "Pos gamma", "Pos vega", "Pos theta", "Market value"};
    String[] inFormats = {Styles.GENERAL, Styles.GENERAL, Styles.PRICE, Styles.DATE, Styles.QTY, Styles.QTY, Styles.PERCENT};
    int headerRow = 10;
    Row h = s.createRow(headerRow);
    h.setHeightInPoints(2 * Layout.LINE_POINTS + 2);
    for (int c = 0; c < heads.length; c++) {
      h.createCell(c).setCellValue(heads[c]);
      h.getCell(c).setCellStyle(st.header);
    }
    CellStyle[] in = new CellStyle[inFormats.length];
    for (int c = 0; c < in.length; c++) {
      in[c] = st.input(inFormats[c]);
    }
    CellStyle greek = st.formula(Styles.GREEK);
    CellStyle money = st.formula(Styles.MONEY);
    CellStyle qty = st.formula(Styles.QTY);
    for (int i = 0; i < LEGS; i++) {
      int r = headerRow + 1 + i;
      int x = r + 1;
      Row row = s.createRow(r);
      for (int c = 0; c < in.length; c++) {
        row.createCell(c).setCellStyle(in[c]);
      }
      if (i < legs.size()) {
        Leg l = legs.get(i);
        row.getCell(0).setCellValue(l.name());
        row.getCell(1).setCellValue(l.type());
        row.getCell(2).setCellValue(l.strike());
        row.getCell(3).setCellValue(l.expiry());
        row.getCell(4).setCellValue(l.quantity());
        row.getCell(5).setCellValue(l.multiplier());
        row.getCell(6).setCellValue(l.vol());
      }
      String blank = "IF($B" + x + "=\"\",\"\",";
      String common = "$B" + x + ",RiskSpot,$C" + x + ",$H" + x + ",$G" + x + ",RiskRate,RiskYield";
      String size = "*$E" + x + "*$F" + x;
      String[] f = {
          blank + GxFunctions.xll("GX.YEARS", "ValuationDate,$D" + x) + ")",
          blank + GxFunctions.xll("GX.PRICE", common) + ")",
          blank + GxFunctions.xll("GX.DELTA", common) + ")",
          blank + GxFunctions.xll("GX.GAMMA", common) + ")",
          blank + GxFunctions.xll("GX.VEGA", common) + ")",
          blank + GxFunctions.xll("GX.THETA", common) + ")",
          blank + "$J" + x + size + ")", blank + "$K" + x + size + ")", blank + "$L" + x + size + ")",
          blank + "$M" + x + size + ")", blank + "$I" + x + size + ")"};
      CellStyle[] fs = {greek, money, greek, greek, greek, greek, qty, qty, money, money, money};
      for (int k = 0; k < f.length; k++) {
        row.createCell(7 + k).setCellFormula(f[k]);
        row.getCell(7 + k).setCellStyle(fs[k]);
      }
    }
    int last = headerRow + LEGS;
    CellRules.oneOf(s, new CellRangeAddressList(headerRow + 1, last, 1, 1), "Type is CALL or PUT", "CALL", "PUT");
    XSSFTable table = s.createTable(new AreaReference(new CellReference(headerRow, 0),
        new CellReference(last, heads.length - 1), SpreadsheetVersion.EXCEL2007));
    table.setName("Legs");
    table.setDisplayName("Legs");
    table.setStyleName("TableStyleMedium4");
    table.updateHeaders();

    int totals = last + 2;
    cell(s, totals, 0, st.label).setCellValue("Total");
    for (int c = 13; c < heads.length; c++) {
      String col = CellReference.convertNumToColString(c);
      cell(s, totals, c, c >= 15 ? money : qty)
          .setCellFormula("SUM(" + col + (headerRow + 2) + ":" + col + (last + 1) + ")");
    }
    LedgerTemplate.name(wb, "TotalDelta", "Risk!$N$" + (totals + 1));
    cell(s, totals + 1, 0, st.label).setCellValue("Hedge quantity (units to trade)");
    cell(s, totals + 1, 13, qty).setCellFormula(GxFunctions.xll("GX.HEDGE.QTY", "TotalDelta,1,HedgeLot"));
    LedgerTemplate.name(wb, "HedgeQuantity", "Risk!$N$" + (totals + 2));

    s.setColumnWidth(0, 30 * 256);
    for (int c = 1; c < heads.length; c++) {
      s.setColumnWidth(c, 12 * 256);
    }
    s.createFreezePane(1, headerRow + 1);
    LedgerTemplate.printSetup(wb, s, 0, heads.length - 1, totals + 1, headerRow);
    LedgerTemplate.protect(s);
    wb.setForceFormulaRecalculation(true);
    return wb;
  }
}
