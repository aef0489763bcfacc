package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.workbooks.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cash dividends in a position file: read with file:line errors, and the report's ledger pays them. */
class DividendPositionTest {
  @TempDir
  Path dir;

  private static final String BOOK = """
      underlying = XYZ
      vol = 0.3
      rate = 0.05
      [leg]
      type = C
      strike = 100
      expiry = 2024-06-28
      quantity = 10
      [dividend]
      date = 2024-02-15
      amount = 0.75
      [dividend]
      date = 2024-05-15   # quarterly
      amount = 0.75
      """;

  private String error(String text) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.position"), text);
    return f + ": " + assertThrows(InputFileException.class, () -> PositionFile.read(f)).getMessage();
  }

  @Test
  void eachDividendIsASectionWithItsDateAndAmount() throws Exception {
    PositionFile p = PositionFile.read(Files.writeString(dir.resolve("d.position"), BOOK));
    assertEquals(2, p.dividends().size());
    assertEquals(org.gammaxl.workbooks.io.ExcelDates.parse("2024-05-15"), p.dividends().get(1).date());
    assertEquals(0.75, p.dividends().get(1).amount());
    assertEquals(12, p.dividends().get(1).line());
    assertEquals(1, p.legs().size(), "[dividend] sections are not legs");
  }

  @Test
  void aBadDividendIsNamedByFileAndLine() throws Exception {
    String negative = error(BOOK.replace("amount = 0.75\n[dividend]", "amount = -1\n[dividend]"));
    assertTrue(negative.contains(":11: amount: must be a cash amount >= 0"), negative);
    String unsorted = error(BOOK.replace("2024-05-15", "2024-01-15"));
    assertTrue(unsorted.contains(":13: date: is before the [dividend] on line 9"), unsorted);
    String missing = error(BOOK.replace("date = 2024-02-15\n", ""));
    assertTrue(missing.contains(":9: date: missing"), missing);
    String key = error(BOOK.replace("amount = 0.75\n[dividend]", "amount = 0.75\nstrike = 5\n[dividend]"));
    assertTrue(key.contains(":12: strike: unknown key in [dividend] (line 9)"), key);
    String future = error("hedge = FUTURE\nfuture_expiry = 2024-09-27\n" + BOOK);
    assertTrue(future.contains(":11: [dividend]: cash dividends need hedge = SPOT"), future);
  }

  /** The streamed engine and the catalogue's GX.BOOK.LEDGER / GX.LEDGER give the same table with dividends. */
  @Test
  void theReportsLedgerPaysTheDividendsAsTheWorksheetFunctionsDo() throws Exception {
    PriceSeries path = DemoData.path(60);
    PositionFile demo = DemoData.position(path);
    List<PositionFile.Dividend> dividends = List.of(new PositionFile.Dividend(path.times()[12] + 0.25, 0.6, 0),
        new PositionFile.Dividend(path.times()[40] + 0.25, 0.6, 0));
    PositionFile single = new PositionFile(demo.underlying(), "C", 100, demo.expiry(), 10, 1, 0.5, null, "EVERY", 0,
        0, 0, 0.03, 0, "SPOT").withDividends(dividends);
    for (PositionFile p : List.of(demo.withDividends(dividends), single)) {
      String f = p.isBook() ? "GX.BOOK.LEDGER" : "GX.LEDGER";
      CatalogueLedger catalogue = new CatalogueLedger(Catalogue.standard().find(f).orElseThrow(),
          Catalogue.standard().find(f + ".SUMMARY").orElseThrow());
      List<Object[]> engineRows = new ArrayList<>();
      Object[][] engineSummary = new EngineLedger().run(p, path, engineRows::add);
      List<Object[]> catalogueRows = new ArrayList<>();
      Object[][] catalogueSummary = catalogue.run(p, path, catalogueRows::add);
      for (int r = 0; r < engineRows.size(); r++) {
        assertArrayEquals(catalogueRows.get(r), engineRows.get(r), f + " row " + r);
      }
      double paid = Double.NaN;
      for (int r = 0; r < engineSummary.length; r++) {
        assertArrayEquals(catalogueSummary[r], engineSummary[r], f + " summary row " + r);
        if (engineSummary[r][0].equals("DIVIDENDS")) {
          paid = (Double) engineSummary[r][1];
        }
      }
      assertTrue(Math.abs(paid) > 0.1, f + ": the short stock hedge pays the dividends: " + paid);
      Path out = dir.resolve(f + ".xlsx");
      new LedgerReport(new EngineLedger()).write(p, path, "test", out);
      // the report's formulas read the dividends from the Inputs sheet: POI's evaluation gives the engine's values
      assertTrue(LedgerReportTest.assertCachedEqualsEvaluated(out, org.gammaxl.workbooks.poi.GxFunctions.standard())
          > 60, f);
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
        var times = new org.apache.poi.ss.util.AreaReference(wb.getName("DivTimes").getRefersToFormula(),
            org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getAllReferencedCells();
        var amounts = new org.apache.poi.ss.util.AreaReference(wb.getName("DivAmounts").getRefersToFormula(),
            org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getAllReferencedCells();
        assertEquals(2, times.length);
        for (int i = 0; i < 2; i++) {
          var inputs = wb.getSheet("Inputs");
          assertEquals(dividends.get(i).date(), inputs.getRow(times[i].getRow()).getCell(times[i].getCol())
              .getNumericCellValue());
          assertEquals(0.6, inputs.getRow(amounts[i].getRow()).getCell(amounts[i].getCol()).getNumericCellValue());
        }
      }
    }
  }
}
