package org.gammaxl.workbooks.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.ResultShape;
import org.gammaxl.sheet.WorksheetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GxFunctionsTest {
  /** What the last call of GX.TEST.ECHO received, to check the argument conversion. */
  private final List<Object[]> calls = new ArrayList<>();

  private final List<WorksheetFunction> functions = List.of(
      new FakeFunction("GX.TEST.ADD",
          List.of(arg("a", ArgKind.NUMBER, false), arg("b", ArgKind.NUMBER, true)), ResultShape.SCALAR,
          a -> {
            if (!(a[0] instanceof Double x)) {
              return a[0] instanceof ExcelError e ? e : ExcelError.VALUE;
            }
            Object b = a.length > 1 ? a[1] : Empty.MISSING;
            return b == Empty.MISSING ? x + 100 : b instanceof Double y ? x + y : ExcelError.VALUE;
          }),
      new FakeFunction("GX.TEST.ECHO",
          List.of(arg("x", ArgKind.NUMBER_OR_TEXT, true), arg("y", ArgKind.NUMBER, true),
              arg("s", ArgKind.SERIES, true)), ResultShape.SCALAR,
          a -> {
            calls.add(a.clone());
            return "ok";
          }),
      new FakeFunction("GX.TEST.GRID",
          List.of(arg("rows", ArgKind.NUMBER, false), arg("cols", ArgKind.NUMBER, false)), ResultShape.ARRAY,
          a -> {
            int rows = ((Double) a[0]).intValue();
            int cols = ((Double) a[1]).intValue();
            Object[][] out = new Object[rows][cols];
            for (int r = 0; r < rows; r++) {
              for (int c = 0; c < cols; c++) {
                out[r][c] = r == 0 ? "H" + c : (Object) (10.0 * r + c);
              }
            }
            return out;
          }),
      new FakeFunction("GX.TEST.ERR", List.of(), ResultShape.SCALAR, a -> ExcelError.NUM.asNaN()),
      new FakeFunction("GX.TEST.THROWS", List.of(), ResultShape.SCALAR, a -> {
        throw new IllegalStateException("bug");
      }));

  private final UDFFinder finder = GxFunctions.finder(functions);

  private static Argument arg(String name, ArgKind kind, boolean optional) {
    return new Argument(name, name, kind, optional, optional ? "0" : null);
  }

  private XSSFWorkbook book() {
    XSSFWorkbook wb = new XSSFWorkbook();
    wb.addToolPack(finder);
    XSSFSheet s = wb.createSheet("S");
    s.createRow(0).createCell(0).setCellValue(2.0);
    s.getRow(0).createCell(1).setCellValue(3.0);
    return wb;
  }

  private static Object eval(XSSFWorkbook wb, String formula) {
    var cell = wb.getSheet("S").createRow(10).createCell(0);
    cell.setCellFormula(formula);
    var v = wb.getCreationHelper().createFormulaEvaluator().evaluate(cell);
    return switch (v.getCellType()) {
      case NUMERIC -> v.getNumberValue();
      case STRING -> v.getStringValue();
      case BOOLEAN -> v.getBooleanValue();
      case ERROR -> FormulaError.forInt(v.getErrorValue()).getString();
      default -> v.getCellType().toString();
    };
  }

  @Test
  void bothTheTypedNameAndExcelsStoredXllNameEvaluate() throws IOException {
    try (XSSFWorkbook wb = book()) {
      assertEquals(5.0, eval(wb, "GX.TEST.ADD(A1,B1)"));
      assertEquals(5.0, eval(wb, "_xll.GX.TEST.ADD(A1,B1)"));
      assertEquals(102.0, eval(wb, "_xll.GX.TEST.ADD(A1)"), "missing optional is passed as missing");
    }
  }

  @Test
  void xllFormulaIsStoredVerbatimSoExcelBindsItToTheAddIn() throws IOException {
    try (XSSFWorkbook wb = book()) {
      var cell = wb.getSheet("S").createRow(5).createCell(0);
      cell.setCellFormula("_xll.GX.TEST.ADD(A1,B1)");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      wb.write(bytes);
      try (XSSFWorkbook back = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        assertEquals("_xll.GX.TEST.ADD(A1,B1)", back.getSheet("S").getRow(5).getCell(0).getCellFormula());
      }
    }
  }

  @Test
  void argumentsAreConvertedToHostNeutralValues() throws IOException {
    try (XSSFWorkbook wb = book()) {
      var s = wb.getSheet("S");
      s.createRow(1).createCell(0).setCellValue("put");
      s.getRow(1).createCell(1).setCellValue(true);
      s.createRow(2).createCell(0).setCellValue(7.0);
      // row 3 col 0 blank; rows 1..3 column A form a series with a blank
      s.createRow(3);
      s.createRow(4).createCell(0).setCellValue(8.0);
      assertEquals("ok", eval(wb, "GX.TEST.ECHO(A2,,A3:A5)"));
      Object[] a = calls.get(calls.size() - 1);
      assertEquals("put", a[0]);
      assertEquals(Empty.MISSING, a[1]);
      Object[][] series = (Object[][]) a[2];
      assertEquals(3, series.length);
      assertEquals(7.0, series[0][0]);
      assertEquals(Empty.BLANK, series[1][0]);
      assertEquals(8.0, series[2][0]);

      eval(wb, "GX.TEST.ECHO(B2,A1:A1,A1)");
      a = calls.get(calls.size() - 1);
      assertEquals(Boolean.TRUE, a[0]);
      assertEquals(2.0, a[1], "a one-cell range is a scalar for a NUMBER argument");
      assertTrue(a[2] instanceof Object[][], "a series always receives an array");

      eval(wb, "GX.TEST.ECHO(1/0,A4)");
      a = calls.get(calls.size() - 1);
      assertEquals(ExcelError.DIV0, a[0], "an error argument reaches the function as its ExcelError");
      assertEquals(Empty.BLANK, a[1]);
      assertEquals(2, a.length, "trailing omitted arguments are not passed");
    }
  }

  @Test
  void errorsMapBothWays() throws IOException {
    try (XSSFWorkbook wb = book()) {
      assertEquals("#N/A", eval(wb, "GX.TEST.ADD(NA(),1)"));
      assertEquals("#VALUE!", eval(wb, "GX.TEST.ADD(\"x\",1)"));
      assertEquals("#NUM!", eval(wb, "GX.TEST.ERR()"), "a NaN-tagged error is shown as that error");
      assertEquals("#VALUE!", eval(wb, "GX.TEST.THROWS()"), "a throwing function never crashes the host");
      assertEquals("#VALUE!", eval(wb, "GX.TEST.ADD(1,2,3)"), "too many arguments");
    }
  }

  @Test
  void arrayResultsFillAnArrayFormulaRange() throws IOException {
    try (XSSFWorkbook wb = book()) {
      XSSFSheet s = wb.getSheet("S");
      s.setArrayFormula("_xll.GX.TEST.GRID(3,2)", CellRangeAddress.valueOf("D5:E7"));
      var ev = wb.getCreationHelper().createFormulaEvaluator();
      ev.evaluateAll();
      assertEquals("H0", s.getRow(4).getCell(3).getStringCellValue());
      assertEquals("H1", s.getRow(4).getCell(4).getStringCellValue());
      assertEquals(10.0, s.getRow(5).getCell(3).getNumericCellValue());
      assertEquals(21.0, s.getRow(6).getCell(4).getNumericCellValue());
    }
  }

  @Test
  void recalculateWritesCachedValuesAndNeverOverwritesTheInput(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.xlsx");
    try (XSSFWorkbook wb = book()) {
      wb.getSheet("S").createRow(3).createCell(0).setCellFormula("_xll.GX.TEST.ADD(A1,B1)");
      try (var out = Files.newOutputStream(in)) {
        wb.write(out);
      }
    }
    byte[] before = Files.readAllBytes(in);
    Recalculator recalc = new Recalculator(finder);
    assertThrows(IllegalArgumentException.class, () -> recalc.recalculate(in, in));
    assertThrows(IllegalArgumentException.class, () -> recalc.recalculate(in, dir.resolve("./x/../in.xlsx")));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));

    Path out = dir.resolve("out.xlsx");
    assertEquals(1, recalc.recalculate(in, out));
    try (XSSFWorkbook back = new XSSFWorkbook(Files.newInputStream(out))) {
      var cell = back.getSheet("S").getRow(3).getCell(0);
      assertEquals(CellType.NUMERIC, cell.getCachedFormulaResultType());
      assertEquals(5.0, cell.getNumericCellValue());
      assertFalse(back.getForceFormulaRecalculation(), "cached values are shown, not recomputed without the add-in");
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }
}
