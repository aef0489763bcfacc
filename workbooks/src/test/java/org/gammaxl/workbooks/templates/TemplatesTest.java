package org.gammaxl.workbooks.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk conventions of the generated templates, read back from the written files. */
class TemplatesTest {
  @TempDir
  static Path dir;
  static List<Path> files;

  @BeforeAll
  static void write() throws Exception {
    files = Templates.writeAll(dir);
  }

  static XSSFWorkbook open(String name) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      return new XSSFWorkbook(in);
    }
  }

  @Test
  void fourTemplatesAndFourFilledExamples() throws Exception {
    assertEquals(8, files.size());
    for (String t : List.of("gammaxl-ledger.xltx", "gammaxl-journal.xltx", "gammaxl-risk.xltx", "gammaxl-gex.xltx")) {
      try (OPCPackage pkg = OPCPackage.open(dir.resolve(t).toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
        assertEquals(1, pkg.getPartsByContentType(XSSFRelation.TEMPLATE_WORKBOOK.getContentType()).size(), t + " is an Excel template");
      }
    }
  }

  @Test
  void ledgerHasNamedInputsDropDownsTableProtectionFrozenPanesAndPrintSetup() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-ledger.xltx")) {
      Set<String> names = wb.getAllNames().stream().map(n -> n.getNameName()).collect(Collectors.toSet());
      assertTrue(names.containsAll(Set.of("Legs", "Multiplier", "ImpliedVol", "HedgeRule", "Threshold", "FeeBps",
          "SlippageBps", "RiskFreeRate", "DivYield", "Basis", "LedgerSettings")), names.toString());
      XSSFSheet s = wb.getSheet("Ledger");
      assertTrue(s.getProtect(), "formula sheet protected");
      var lists = s.getDataValidations().stream()
          .map(v -> String.join(",", v.getValidationConstraint().getExplicitListValues() == null ? new String[0]
              : v.getValidationConstraint().getExplicitListValues())).collect(Collectors.toSet());
      assertTrue(lists.containsAll(Set.of("CALL,PUT", "EVERY,TIME,DELTA,MOVE,WW")), lists.toString());
      assertEquals("HedgeLedger", s.getTables().get(0).getName());
      assertNotNull(s.getPaneInformation());
      assertTrue(s.getPaneInformation().isFreezePane());
      assertNotNull(wb.getPrintArea(wb.getSheetIndex(s)));
      assertTrue(s.getPrintSetup().getLandscape());
      // Strike input is unlocked; table formula cells are locked and call the add-in as Excel stores it.

      var vol = new org.apache.poi.ss.util.CellReference(wb.getName("ImpliedVol").getRefersToFormula());
      assertFalse(s.getRow(vol.getRow()).getCell(vol.getCol()).getCellStyle().getLocked(), "input cell unlocked");
      var legs = new org.apache.poi.ss.util.AreaReference(wb.getName("Legs").getRefersToFormula(),
          org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
      assertEquals(LedgerTemplate.LEGS, legs.getLastCell().getRow() - legs.getFirstCell().getRow() + 1, "a legs table");
      assertEquals(5, legs.getLastCell().getCol() - legs.getFirstCell().getCol() + 1, "type, strike, expiry, quantity, vol");
      assertFalse(s.getRow(legs.getFirstCell().getRow()).getCell(1).getCellStyle().getLocked(), "legs are inputs");
      Cell time = s.getRow(LedgerTemplate.FIRST_DATA_ROW).getCell(0);
      Cell formula = s.getRow(LedgerTemplate.FIRST_DATA_ROW).getCell(2);
      assertFalse(time.getCellStyle().getLocked(), "time column is typed by the trader");
      assertEquals(CellType.FORMULA, formula.getCellType());
      assertTrue(formula.getCellStyle().getLocked(), "formula columns are locked");
      Cell engine = wb.getSheet("Engine").getRow(0).getCell(0);
      assertTrue(engine.isPartOfArrayFormulaGroup());
      assertTrue(engine.getCellFormula().startsWith("_xll.GX.BOOK.LEDGER("), engine.getCellFormula());
      assertTrue(wb.isSheetHidden(wb.getSheetIndex("Engine")));
      // The summary block shows labels as text and refers to the GX.LEDGER.SUMMARY array on Engine.
      Cell summary = wb.getSheet("Engine").getRow(0).getCell(LedgerColumns.names().size() + 4);
      assertTrue(summary.getCellFormula().startsWith("_xll.GX.BOOK.LEDGER.SUMMARY("), summary.getCellFormula());
      int first = LedgerTemplate.BLOCK_ROW;
      Cell label = wb.getSheet("Ledger").getRow(first).getCell(LedgerTemplate.SUMMARY_COL);
      assertEquals(org.gammaxl.ledger.SummaryItem.values()[0].label(), label.getStringCellValue());
      String ref = "Engine!" + new org.apache.poi.ss.util.CellReference(0, LedgerColumns.names().size() + 5, true, true)
          .formatAsString();
      String shown = wb.getSheet("Ledger").getRow(first).getCell(LedgerTemplate.SUMMARY_COL + 2).getCellFormula();
      assertTrue(shown.contains(ref), shown);
      assertTrue(wb.getForceFormulaRecalculation(), "a template recalculates when opened");
    }
  }

  @Test
  void gexTemplateHasTheChainTableNamedInputsAndGxFormulas() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-gex.xltx")) {
      Set<String> names = wb.getAllNames().stream().map(n -> n.getNameName()).collect(Collectors.toSet());
      assertTrue(names.containsAll(Set.of("GexSpot", "GexDate", "GexConvention", "GexUnits", "ChainTypes", "ChainOI",
          "TotalGex", "GammaFlip", "CallWall", "PutWall")), names.toString());
      assertEquals("OptionChain", wb.getSheet("Chain").getTables().get(0).getName());
      assertEquals(GexTemplate.CHAIN_CAPACITY, wb.getSheet("Chain").getLastRowNum());
      assertFalse(wb.getSheet("Chain").getRow(1).getCell(1).getCellStyle().getLocked(), "the chain is typed in");
      Cell total = wb.getSheet("GEX").getRow(3).getCell(4);
      assertTrue(total.getCellFormula().startsWith("IF(ChainEmpty,\"\",_xll.GX.GEX(GexSpot,ChainTypes,"),
          total.getCellFormula());
      assertEquals(2, wb.getSheet("GEX").getDrawingPatriarch().getCharts().size());
      assertTrue(wb.getForceFormulaRecalculation(), "a template recalculates when opened");
    }
  }

  @Test
  void chartSeriesHaveExplicitLineProperties() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-ledger.xltx")) {
      List<XSSFChart> charts = wb.getSheet("Charts").getDrawingPatriarch().getCharts();
      assertEquals(2, charts.size());
      for (XSSFChart chart : charts) {
        for (var data : chart.getChartSeries()) {
          for (int i = 0; i < data.getSeriesCount(); i++) {
            var line = data.getSeries(i).getShapeProperties().getLineProperties();
            assertNotNull(line, "explicit line properties, or LibreOffice draws nothing");
            assertNotNull(line.getFillProperties());
            assertTrue(line.getWidth() > 0);
          }
        }
      }
    }
  }

  @Test
  void riskSheetComputesPositionGreeksAndHedgeQuantityWithGxFunctions() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-risk.xltx")) {
      XSSFSheet s = wb.getSheet("Risk");
      String row = String.join(" ", java.util.stream.IntStream.rangeClosed(7, 12)
          .mapToObj(c -> s.getRow(11).getCell(c).getCellFormula()).toList());
      for (String f : List.of("_xll.GX.YEARS(", "_xll.GX.PRICE(", "_xll.GX.DELTA(", "_xll.GX.GAMMA(", "_xll.GX.VEGA(", "_xll.GX.THETA(")) {
        assertTrue(row.contains(f), f + " in " + row);
      }
      var hedge = wb.getName("HedgeQuantity");
      Cell h = s.getRow(new org.apache.poi.ss.util.CellReference(hedge.getRefersToFormula()).getRow())
          .getCell(new org.apache.poi.ss.util.CellReference(hedge.getRefersToFormula()).getCol());
      assertEquals("_xll.GX.HEDGE.QTY(TotalDelta,1,HedgeLot)", h.getCellFormula());
    }
  }

  @Test
  void journalDailySummaryIsComputedFromTheFills() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-journal-example.xlsx")) {
      XSSFSheet fills = wb.getSheet("Fills");
      XSSFSheet daily = wb.getSheet("Daily");
      // Recompute day 1 by hand from the log and compare with the cached formula results.
      double day = daily.getRow(4).getCell(0).getNumericCellValue();
      double bought = 0;
      double sold = 0;
      double cash = 0;
      for (int r = 4; r <= fills.getLastRowNum(); r++) {
        var row = fills.getRow(r);
        if (row.getCell(0).getCellType() != CellType.NUMERIC || Math.floor(row.getCell(0).getNumericCellValue()) != day) {
          continue;
        }
        double q = row.getCell(3).getNumericCellValue();
        double px = row.getCell(4).getNumericCellValue();
        double fee = row.getCell(6).getNumericCellValue();
        boolean buy = row.getCell(2).getStringCellValue().equals("BUY");
        bought += buy ? q : 0;
        sold += buy ? 0 : q;
        cash += (buy ? -q : q) * px - fee;
      }
      assertTrue(bought + sold > 0, "the example has fills on its first day");
      assertEquals(bought, daily.getRow(4).getCell(2).getNumericCellValue(), 1e-9);
      assertEquals(sold, daily.getRow(4).getCell(3).getNumericCellValue(), 1e-9);
      assertEquals(cash, daily.getRow(4).getCell(8).getNumericCellValue(), 1e-6);
      assertFalse(wb.getForceFormulaRecalculation(), "a filled example shows its cached values");
    }
  }

  /**
   * The journal computes through GX.JOURNAL: the example's fills are the demo book's hedge trades, and every
   * computed column equals the journal engine run on the same fills against the same book.
   */
  @Test
  void journalReadsEachFillAgainstTheBookThroughGxJournal() throws Exception {
    try (XSSFWorkbook wb = open("gammaxl-journal-example.xlsx")) {
      Cell anchor = wb.getSheet("Engine").getRow(0).getCell(0);
      assertTrue(anchor.getCellFormula().startsWith("_xll.GX.JOURNAL("), anchor.getCellFormula());
      var path = org.gammaxl.workbooks.report.DemoData.path(120);
      var book = org.gammaxl.workbooks.report.DemoData.position(path);
      double origin = path.times()[0];
      java.util.List<org.gammaxl.ledger.OptionLeg> legs = new java.util.ArrayList<>();
      for (var l : book.legs()) {
        legs.add(org.gammaxl.ledger.OptionLeg.of(l.typeKeyword().equals("CALL") ? org.gammaxl.pricing.OptionType.CALL
            : org.gammaxl.pricing.OptionType.PUT, l.strike(), org.gammaxl.time.YearFraction.fromExcel(origin,
            l.expiry(), org.gammaxl.time.DayCount.ACT_365F), l.quantity(), book.multiplier()));
      }
      XSSFSheet fills = wb.getSheet("Fills");
      int journalCol = 13;
      var head = fills.getRow(3);
      assertEquals("Option delta", head.getCell(journalCol).getStringCellValue());
      org.gammaxl.journal.FillJournal journal = null;
      int checked = 0;
      for (int r = 4; fills.getRow(r).getCell(0).getCellType() == CellType.NUMERIC; r++) {
        var row = fills.getRow(r);
        double t = row.getCell(0).getNumericCellValue();
        if (journal == null) {
          origin = t;
          // The journal's clock starts at its first fill.
          legs.replaceAll(l -> l);
          journal = new org.gammaxl.journal.FillJournal(org.gammaxl.pricing.Model.BSM.pricer(), reanchor(legs,
              path.times()[0], t), book.vol(), book.rate(), book.yield());
        }
        double q = row.getCell(9).getNumericCellValue();
        double[] expected = journal.fill(org.gammaxl.time.YearFraction.fromExcel(origin, t,
            org.gammaxl.time.DayCount.ACT_365F), q, row.getCell(4).getNumericCellValue(), row.getCell(5).getNumericCellValue());
        for (int c = 0; c < expected.length; c++) {
          assertEquals(expected[c], row.getCell(journalCol + c).getNumericCellValue(),
              1e-9 * Math.max(1, Math.abs(expected[c])), head.getCell(journalCol + c).getStringCellValue() + " row " + r);
          checked++;
        }
      }
      assertTrue(checked > 50, "fills checked: " + checked / 10);
    }
  }

  /** Legs with expiries measured from {@code from} re-measured from {@code to} (years, ACT/365F). */
  private static java.util.List<org.gammaxl.ledger.OptionLeg> reanchor(java.util.List<org.gammaxl.ledger.OptionLeg> legs,
      double from, double to) {
    java.util.List<org.gammaxl.ledger.OptionLeg> out = new java.util.ArrayList<>();
    for (var l : legs) {
      out.add(org.gammaxl.ledger.OptionLeg.of(l.type(), l.strike(), l.expiry() - (to - from) / 365.0, l.quantity(),
          l.multiplier()));
    }
    return out;
  }

  /** The desk's workbook and the server's engine show the same numbers. */
  @Test
  void ledgerExampleTableShowsTheEnginesNumbers() throws Exception {
    var path = org.gammaxl.workbooks.report.DemoData.path(120);
    var position = org.gammaxl.workbooks.report.DemoData.position(path);
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    new org.gammaxl.workbooks.report.EngineLedger().run(position, path, rows::add);
    try (XSSFWorkbook wb = open("gammaxl-ledger-example.xlsx")) {
      assertTableEqualsEngine(wb, rows, new org.gammaxl.workbooks.report.EngineLedger().header(position, path));
    }
  }

  /**
   * A future hedge with lot rounding and another pricer, chosen in the template's inputs (hedge future
   * delivery, lot size, option model): POI's recalculation of the template gives the engine's ledger
   * for the same position file.
   */
  @Test
  void ledgerTemplateHedgesWithAFutureInLotsWithTheChosenModel() throws Exception {
    var path = org.gammaxl.workbooks.report.DemoData.path(60);
    var d = org.gammaxl.workbooks.report.DemoData.position(path);
    var future = new org.gammaxl.workbooks.report.PositionFile(d.underlying(), d.type(), d.strike(), d.expiry(),
        d.quantity(), d.multiplier(), d.vol(), null, d.rule(), d.threshold(), d.feeBps(), d.slippageBps(), d.rate(),
        d.yield(), "FUTURE", d.expiry() + 30, 2.0, "BLACK76");
    java.util.List<Object[]> rows = new java.util.ArrayList<>();
    new org.gammaxl.workbooks.report.EngineLedger().run(future, path, rows::add);
    try (XSSFWorkbook wb = LedgerTemplate.build(future, path, path.size())) {
      new org.gammaxl.workbooks.poi.Recalculator().recalculate(wb);
      assertTableEqualsEngine(wb, rows, new org.gammaxl.workbooks.report.EngineLedger().header(future, path));
      var model = new org.apache.poi.ss.util.CellReference(wb.getName("PricingModel").getRefersToFormula());
      assertEquals("BLACK76", wb.getSheet("Ledger").getRow(model.getRow()).getCell(model.getCol()).getStringCellValue());
    }
  }

  /**
   * Every computed cell of the template's ledger table equals the engine's row for the same event; the engine's
   * {@code header} names its columns (a single-leg run has no HEDGE_DELTA, which the book's table adds).
   */
  private static void assertTableEqualsEngine(XSSFWorkbook wb, java.util.List<Object[]> rows, java.util.List<String> header) {
    {
      XSSFSheet s = wb.getSheet("Ledger");
      var head = s.getRow(LedgerTemplate.HEADER_ROW);
      int checked = 0;
      for (int c = 2; c < head.getLastCellNum(); c++) {
        String display = head.getCell(c).getStringCellValue();
        int k = -1;
        for (int j = 0; j < header.size(); j++) {
          if (LedgerColumns.display(header.get(j)).equals(display)) {
            k = j;
          }
        }
        if (k < 0 && header.size() == org.gammaxl.ledger.LedgerColumn.values().length) {
          continue;
        }
        assertTrue(k >= 0, display);
        for (int i = 0; i < rows.size(); i++) {
          Cell cell = s.getRow(LedgerTemplate.FIRST_DATA_ROW + i).getCell(c);
          Object expected = rows.get(i)[k];
          if (expected instanceof Double d) {
            assertEquals(d, cell.getNumericCellValue(), 1e-9 * Math.max(1, Math.abs(d)), display + " row " + i);
          } else {
            assertEquals(expected, cell.getStringCellValue(), display + " row " + i);
          }
          checked++;
        }
      }
      long shown = header.stream().filter(LedgerColumns::shownInTemplate).count();
      assertEquals(rows.size() * (shown - 2), checked);
    }
  }
}
