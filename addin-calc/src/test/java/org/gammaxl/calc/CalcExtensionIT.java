package org.gammaxl.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;

/**
 * The extension in a real LibreOffice: the .oxt built by this module is installed with unopkg into a
 * throw-away profile, Calc opens .xlsx files whose formulas are spelled as a user types them
 * ({@code GX.NAME}) and as Excel stores add-in calls ({@code _xll.GX.NAME}), recalculates on load,
 * and the values it exports are the catalogue's — numbers, arrays and error values alike.
 */
class CalcExtensionIT {
  private static final Path OXT = Path.of("target/gammaxl.oxt");
  private static HeadlessCalc calc;

  @BeforeAll
  static void installExtension() throws Exception {
    if (!HeadlessCalc.available()) {
      if (System.getenv("CI") != null) {
        fail("LibreOffice is not installed: scripts/install-deps installs libreoffice-calc-nogui");
      }
      Assumptions.abort("LibreOffice is not installed: run scripts/install-deps to run the Calc tests");
    }
    assertTrue(Files.isRegularFile(OXT), "the build made " + OXT);
    calc = HeadlessCalc.withExtension(OXT);
  }

  @AfterAll
  static void removeProfile() throws Exception {
    if (calc != null) {
      calc.close();
    }
  }

  /** One formula: the GX function, its arguments as a host passes them, and how they are written. */
  private record Call(String function, Object[] args, String wrappedIn) {
    String formula(String prefix, String rangeRef) {
      StringBuilder b = new StringBuilder(prefix).append(function).append('(');
      for (int i = 0; i < args.length; i++) {
        b.append(i == 0 ? "" : ",");
        Object a = args[i];
        if (a instanceof String) {
          b.append('"').append(a).append('"');
        } else if (a instanceof Double) {
          b.append(java.math.BigDecimal.valueOf((Double) a).toPlainString());
        } else if (a instanceof Object[][]) {
          b.append(rangeRef);
        }
      }
      String call = b.append(')').toString();
      return wrappedIn == null ? call : wrappedIn.replace("@", call);
    }
  }

  private static Call call(String function, Object... args) {
    return new Call(function, args, null);
  }

  private static Object[] with(Object... args) {
    return args;
  }

  private static final Object M = Empty.MISSING;

  @Test
  void coreFunctionsGiveTheCatalogueValuesUnderBothSpellings() throws Exception {
    double[] closes = {100, 101.5, 99.8, 102.3, 103.1, 101.9, 104.2, 105.0, 103.7, 106.1, 107.4, 106.8};
    Object[][] series = new Object[closes.length][1];
    for (int i = 0; i < closes.length; i++) {
      series[i][0] = closes[i];
    }
    List<Call> calls = Stream.of(
        call("GX.PRICE", "C", 100.0, 105.0, 0.5, 0.25, 0.03, 0.01),
        call("GX.DELTA", "P", 100.0, 95.0, 0.25, 0.3),
        call("GX.GAMMA", 1.0, 100.0, 100.0, 1.0, 0.2, 0.05, 0.0, "BLACK76"),
        call("GX.VEGA", "CALL", 100.0, 110.0, 2.0, 0.4),
        call("GX.THETA", "put", 50.0, 55.0, 0.1, 0.6, 0.02, 0.01),
        call("GX.RHO", "C", 100.0, 100.0, 1.0, 0.2, 0.05),
        call("GX.IMPLIEDVOL", "C", 10.45, 100.0, 100.0, 1.0, 0.05),
        call("GX.GREEK", "VANNA", "C", 100.0, 100.0, 1.0, 0.2),
        call("GX.YEARS", 45000.0, 45365.5),
        call("GX.BREAKEVEN", "C", 100.0, 100.0, 0.5, 0.2),
        call("GX.HEDGE.QTY", 1234.5, 1.0, 100.0),
        new Call("GX.GREEKS", with("C", 100.0, 100.0, 1.0, 0.2), "INDEX(@,1,3)"),
        call("GX.RVOL", (Object) series),
        // bad input: the catalogue's error values
        call("GX.DELTA", "X", 100.0, 100.0, 1.0, 0.2),
        call("GX.DELTA", "C", 100.0, 100.0, 1.0, -0.2),
        call("GX.IMPLIEDVOL", "C", 200.0, 100.0, 100.0, 1.0),
        call("GX.DELTA", "C", "abc", 100.0, 1.0, 0.2)).toList();

    Path xlsx = calc.workDir().resolve("core.xlsx");
    List<Object> expected = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("Calls");
      for (int i = 0; i < closes.length; i++) {
        s.createRow(i).createCell(3).setCellValue(closes[i]);
      }
      String rangeRef = "D1:D" + closes.length;
      for (int i = 0; i < calls.size(); i++) {
        Call c = calls.get(i);
        Row row = s.getRow(i) != null ? s.getRow(i) : s.createRow(i);
        setRawFormula(row.createCell(0), c.formula("", rangeRef));
        setRawFormula(row.createCell(1), c.formula("_xll.", rangeRef));
        Object v = Catalogue.standard().find(c.function()).orElseThrow().invoke(c.args());
        if (c.wrappedIn() != null) {
          v = ((Object[][]) v)[0][2];
        }
        expected.add(v);
      }
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }

    List<String> lines = calc.valuesAsCsv(xlsx, 1);

    for (int i = 0; i < calls.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      for (int col = 0; col < 2; col++) {
        String where = calls.get(i).formula(col == 0 ? "" : "_xll.", "range") + " in Calc";
        assertSameValue(expected.get(i), cells[col], where);
      }
    }
  }

  /**
   * Stores a formula as written, the way Excel stores it, without POI's parser (which reads a name
   * such as GX.RHO as a range of columns GX:RHO).
   */
  static void setRawFormula(Cell cell, String formula) {
    CTCellFormula f = CTCellFormula.Factory.newInstance();
    f.setStringValue(formula);
    ((XSSFCell) cell).getCTCell().setF(f);
  }

  static void assertSameValue(Object expected, String actual, String where) {
    if (expected instanceof ExcelError) {
      assertEquals(((ExcelError) expected).text(), actual, where);
    } else if (expected instanceof Double) {
      double e = (Double) expected;
      double a;
      try {
        a = Double.parseDouble(actual);
      } catch (NumberFormatException ex) {
        throw new AssertionError(where + ": expected " + e + " but Calc shows '" + actual + "'");
      }
      assertEquals(e, a, 1e-9 * Math.max(1.0, Math.abs(e)), where);
    } else {
      assertEquals(String.valueOf(expected), actual, where);
    }
  }
}
