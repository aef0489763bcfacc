package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.ResultShape;
import org.gammaxl.sheet.WorksheetFunction;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's wiring: the cached value of every cell equals what POI computes from the cell's formula.
 * Test-only ledger functions stand in for the engine here (the arithmetic is irrelevant; the named
 * ranges, settings table, array formula and streaming are what is tested); {@link ReportMatchesEngineTest}
 * does the same with the real catalogue.
 */
class LedgerReportTest {
  static final List<Argument> ARGS = List.of(new Argument("times", "", ArgKind.SERIES, false, null),
      new Argument("spots", "", ArgKind.SERIES, false, null), new Argument("type", "", ArgKind.NUMBER_OR_TEXT, false, null),
      new Argument("strike", "", ArgKind.NUMBER, false, null), new Argument("expiry", "", ArgKind.DATE, false, null),
      new Argument("quantity", "", ArgKind.NUMBER, false, null), new Argument("vol", "", ArgKind.NUMBER, false, null),
      new Argument("rate", "", ArgKind.NUMBER, true, "0"), new Argument("yield", "", ArgKind.NUMBER, true, "0"),
      new Argument("settings", "", ArgKind.TABLE, true, ""));

  /** A stand-in ledger whose numbers depend on every argument, so a mis-wired formula shows. */
  static final WorksheetFunction FAKE_LEDGER = new Fake("GX.LEDGER", a -> {
    Object[][] t = (Object[][]) a[0];
    Object[][] s = (Object[][]) a[1];
    double k = (Double) a[3];
    double q = (Double) a[5];
    double mult = setting((Object[][]) a[9], "MULTIPLIER");
    double sign = "CALL".equals(a[2]) ? 1 : -1;
    Object[][] out = new Object[t.length + 1][];
    out[0] = new Object[] {"TIME", "SPOT", "HEDGE_POSITION", "TOTAL_PNL", "NOTE"};
    double pnl = 0;
    for (int i = 0; i < t.length; i++) {
      double spot = (Double) s[i][0];
      pnl += i == 0 ? 0 : (spot - (Double) s[i - 1][0]) * q * mult * sign / k * (Double) a[6] + (Double) a[7];
      out[i + 1] = new Object[] {t[i][0], spot, -q * mult * (spot / k) + (Double) a[4] - (Double) a[8],
          pnl, i == 1 ? ExcelError.NA : (Object) (i % 2 == 0)};
    }
    return out;
  });

  static final WorksheetFunction FAKE_SUMMARY = new Fake("GX.LEDGER.SUMMARY", a -> new Object[][] {
      {"ROWS", (double) ((Object[][]) a[0]).length}, {"MULTIPLIER", setting((Object[][]) a[9], "MULTIPLIER")},
      {"RULE", settingText((Object[][]) a[9], "RULE")}});

  static double setting(Object[][] table, String name) {
    for (Object[] row : table) {
      if (name.equals(row[0])) {
        return (Double) row[1];
      }
    }
    throw new AssertionError("no setting " + name);
  }

  static String settingText(Object[][] table, String name) {
    for (Object[] row : table) {
      if (name.equals(row[0])) {
        return (String) row[1];
      }
    }
    throw new AssertionError("no setting " + name);
  }

  record Fake(String name, java.util.function.Function<Object[], Object> body) implements WorksheetFunction {
    @Override public String category() { return "Test"; }
    @Override public String description() { return "test"; }
    @Override public List<Argument> arguments() { return ARGS; }
    @Override public ResultShape resultShape() { return ResultShape.ARRAY; }
    @Override public boolean threadSafe() { return true; }
    @Override public boolean isVolatile() { return false; }
    @Override public Object invoke(Object[] args) { return body.apply(args); }
    @Override public boolean numericFastPath() { return false; }
    @Override public double invokeNumeric(double[] args, int count, long missing) { return Double.NaN; }
  }

  @Test
  void everyCachedValueEqualsPoisEvaluationOfItsFormula(@TempDir Path dir) throws Exception {
    PriceSeries prices = DemoData.path(40);
    PositionFile position = TestLedgers.shortCall(prices);
    Path out = dir.resolve("report.xlsx");
    var result = new LedgerReport(FAKE_LEDGER, FAKE_SUMMARY).write(position, prices, "test", out);
    assertEquals(40, result.rows());
    int checked = assertCachedEqualsEvaluated(out, GxFunctions.finder(List.of(FAKE_LEDGER, FAKE_SUMMARY)));
    assertEquals(41 * 5 + 40 * 5 + 3 * 2 + 2, checked,
        "ledger array, its visible references, summary array and its visible number references");
  }

  @Test
  void theVisibleLedgerRefersToTheHiddenGxLedgerArray(@TempDir Path dir) throws Exception {
    PriceSeries prices = DemoData.path(40);
    Path out = dir.resolve("report.xlsx");
    new LedgerReport(FAKE_LEDGER, FAKE_SUMMARY).write(TestLedgers.shortCall(prices), prices, "test", out);
    try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
      var calc = wb.getSheet("LedgerCalc");
      assertTrue(wb.isSheetHidden(wb.getSheetIndex(calc)));
      Cell anchor = calc.getRow(0).getCell(0);
      assertTrue(anchor.isPartOfArrayFormulaGroup());
      assertEquals("A1:E41", anchor.getArrayFormulaRange().formatAsString());
      assertTrue(anchor.getCellFormula().startsWith("_xll.GX.LEDGER(LedgerTimes,LedgerSpots,"), anchor.getCellFormula());
      var ledger = wb.getSheet("Ledger");
      assertEquals("HEDGE_POSITION", ledger.getRow(0).getCell(2).getStringCellValue());
      assertEquals(CellType.STRING, ledger.getRow(0).getCell(2).getCellType(), "the header is text, not a formula");
      Cell spot = ledger.getRow(5).getCell(1);
      assertEquals("LedgerCalc!B6", spot.getCellFormula());
      assertEquals(prices.spots()[4], spot.getNumericCellValue(), 0.0);
      assertEquals(prices.spots()[4], calc.getRow(5).getCell(1).getNumericCellValue(), 0.0, "the array's cached value");
      // A value that is not a number: LibreOffice recalculates such cells on load, so the reference is
      // guarded — the cached value when the array is #NAME? (no add-in), the array's own value otherwise.
      Cell na = ledger.getRow(2).getCell(4);
      assertEquals("IF(ISERROR(LedgerCalc!E3),IF(ERROR.TYPE(LedgerCalc!E3)=5,#N/A,LedgerCalc!E3),LedgerCalc!E3)",
          na.getCellFormula());
      assertEquals(ExcelError.NA.code(), na.getErrorCellValue());
      assertEquals("IF(ISERROR(LedgerCalc!E4),IF(ERROR.TYPE(LedgerCalc!E4)=5,TRUE,LedgerCalc!E4),LedgerCalc!E4)",
          ledger.getRow(3).getCell(4).getCellFormula());
    }
  }

  /** Compares every formula cell's cached value with POI's evaluation; returns how many cells. */
  static int assertCachedEqualsEvaluated(Path file, org.apache.poi.ss.formula.udf.UDFFinder finder) throws IOException {
    int checked = 0;
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      wb.addToolPack(finder);
      var ev = wb.getCreationHelper().createFormulaEvaluator();
      for (var sheet : wb) {
        for (var row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() != CellType.FORMULA) {
              continue;
            }
            CellValue v = ev.evaluate(cell);
            String where = sheet.getSheetName() + "!" + cell.getAddress();
            assertEquals(cell.getCachedFormulaResultType(), v.getCellType(), where);
            switch (v.getCellType()) {
              case NUMERIC -> assertEquals(cell.getNumericCellValue(), v.getNumberValue(), 0.0, where);
              case STRING -> assertEquals(cell.getStringCellValue(), v.getStringValue(), where);
              case BOOLEAN -> assertEquals(cell.getBooleanCellValue(), v.getBooleanValue(), where);
              case ERROR -> assertEquals(cell.getErrorCellValue(), v.getErrorValue(), where);
              default -> throw new AssertionError(where + ": " + v);
            }
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 0);
    return checked;
  }
}
