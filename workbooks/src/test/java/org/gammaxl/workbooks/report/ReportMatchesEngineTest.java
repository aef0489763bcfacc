package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report written by the engine equals POI's evaluation of the report's own formulas, with the
 * real catalogue: every cached value of the GX.LEDGER and GX.LEDGER.SUMMARY array formulas is what
 * POI computes from the formula, the named input cells and the settings table.
 */
class ReportMatchesEngineTest {
  @Test
  void cachedValuesEqualPoiEvaluationWithTheRealEngine(@TempDir Path dir) throws Exception {
    assumeTrue(Catalogue.standard().find("GX.LEDGER").isPresent()
        && Catalogue.standard().find("GX.LEDGER.SUMMARY").isPresent(),
        "GX.LEDGER is not in the catalogue of this build yet; test skipped");
    PriceSeries prices = DemoData.path(60);
    PositionFile position = DemoData.position(prices);
    Path out = dir.resolve("report.xlsx");
    var result = new LedgerReport().write(position, prices, DemoData.PROVENANCE, out);
    assertEquals(60, result.rows());
    int checked = LedgerReportTest.assertCachedEqualsEvaluated(out, GxFunctions.standard());
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      var ledger = wb.getSheet("Ledger");
      int width = ledger.getRow(0).getLastCellNum();
      assertTrue(checked > 61 * width + result.summary().length * result.summary()[0].length, "ledger, summary array and its references");
      assertEquals(CellType.NUMERIC, ledger.getRow(60).getCell(1).getCachedFormulaResultType());
      assertEquals(prices.spots()[59], ledger.getRow(60).getCell(1).getNumericCellValue(), 0.0, "SPOT column is the input");
    }
  }
}
