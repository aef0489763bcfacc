package org.gammaxl.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.EngineLedger;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.gammaxl.workbooks.templates.LedgerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated rolling hedge ledger, filled with a known price path, opened in LibreOffice with the
 * extension: Calc recalculates GX.LEDGER (on the hidden Engine sheet) on load, and every number it
 * shows equals the ledger engine's own run to 1e-9 relative.
 */
class LedgerTemplateInCalcIT {
  private static final Path OXT = Path.of("target/gammaxl.oxt");
  private static final int ROWS = 120;
  private static HeadlessCalc calc;

  @BeforeAll
  static void installExtension() throws Exception {
    if (!HeadlessCalc.available()) {
      if (System.getenv("CI") != null) {
        fail("LibreOffice is not installed: scripts/install-deps installs libreoffice-calc-nogui");
      }
      Assumptions.abort("LibreOffice is not installed: run scripts/install-deps to run the Calc tests");
    }
    calc = HeadlessCalc.withExtension(OXT);
  }

  @AfterAll
  static void removeProfile() throws Exception {
    if (calc != null) {
      calc.close();
    }
  }

  private Path write(XSSFWorkbook wb, String name) throws Exception {
    Path xlsx = calc.workDir().resolve(name);
    try (wb; OutputStream out = Files.newOutputStream(xlsx)) {
      wb.write(out);
    }
    return xlsx;
  }

  /** The CSV rows of the Engine sheet from its header row on. */
  private List<String[]> engineSheet(Path xlsx) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (String line : calc.valuesAsCsv(xlsx, 2)) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  @Test
  void calcShowsTheLedgerEnginesNumbers() throws Exception {
    PriceSeries path = DemoData.path(ROWS);
    PositionFile position = DemoData.position(path);
    List<Object[]> expected = new ArrayList<>();
    new EngineLedger().run(position, path, expected::add);
    List<String> header = LedgerRow.headers();

    List<String[]> sheet = engineSheet(write(LedgerTemplate.build(position, path, ROWS), "ledger.xlsx"));

    for (int c = 0; c < header.size(); c++) {
      assertEquals(header.get(c), sheet.get(0)[c], "Engine header column " + c);
    }
    int compared = 0;
    for (int i = 0; i < expected.size(); i++) {
      String[] cells = sheet.get(1 + i);
      for (int c = 0; c < header.size(); c++) {
        Object e = expected.get(i)[c];
        String where = header.get(c) + " row " + (i + 1);
        if (e instanceof Double d && Double.isNaN(d)) {
          assertTrue(cells[c].isEmpty() || cells[c].startsWith("#"), where + ": " + cells[c]);
        } else {
          CalcExtensionIT.assertSameValue(e, cells[c], where);
        }
        compared++;
      }
    }
    assertEquals(ROWS * header.size(), compared);
  }

  @Test
  void aBadInputShowsTheCataloguesErrorInEveryLedgerCell() throws Exception {
    PriceSeries path = DemoData.path(10);
    PositionFile position = DemoData.position(path);
    XSSFWorkbook wb = LedgerTemplate.build(position, path, 10);
    wb.getName("Strike").getRefersToFormula();
    var ref = new org.apache.poi.ss.util.CellReference(wb.getName("Strike").getRefersToFormula());
    wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(-5.0);
    ExcelError expected = (ExcelError) Catalogue.standard().find("GX.LEDGER").orElseThrow().invoke(new Object[] {
        new Object[][] {{45000.0}, {45001.0}}, new Object[][] {{100.0}, {101.0}}, "C", -5.0, 45100.0, 1.0, 0.2});

    List<String[]> sheet = engineSheet(write(wb, "bad-strike.xlsx"));

    assertEquals(ExcelError.NUM, expected);
    assertEquals(expected.text(), sheet.get(0)[0]);
    assertEquals(expected.text(), sheet.get(1)[3]);
    assertFalse(sheet.stream().flatMap(java.util.Arrays::stream).anyMatch(s -> s.matches("-?[0-9.]+(E-?[0-9]+)?")),
        "no number is shown for a ledger whose strike is out of domain");
  }
}
