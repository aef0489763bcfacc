package org.gammaxl.workbooks.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.ResultShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An array formula's GX call is computed once for its whole range, and POI's recalculation stays right: a changed
 * input (plain or formula cell, in a range or a scalar argument), told to the evaluator, changes every cell of the
 * range, whichever cell is read first.
 */
class ArrayCallsTest {
  /** GX.TEST.SCALE(k, series) → rows × 2: k·x and k·x + 1 for each x of the series; counts its calls. */
  private final AtomicInteger calls = new AtomicInteger();
  private XSSFWorkbook wb;
  private XSSFSheet s;
  private XSSFFormulaEvaluator ev;

  @BeforeEach
  void book() {
    var scale = new FakeFunction("GX.TEST.SCALE", List.of(
        new Argument("k", "k", ArgKind.NUMBER, false, null),
        new Argument("x", "x", ArgKind.SERIES, false, null)), ResultShape.ARRAY, a -> {
          calls.incrementAndGet();
          double k = (Double) a[0];
          Object[][] x = (Object[][]) a[1];
          Object[][] out = new Object[x.length][2];
          for (int i = 0; i < x.length; i++) {
            out[i][0] = k * (Double) x[i][0];
            out[i][1] = k * (Double) x[i][0] + 1;
          }
          return out;
        });
    wb = new XSSFWorkbook();
    wb.addToolPack(GxFunctions.finder(List.of(scale)));
    s = wb.createSheet("S");
    for (int r = 0; r < 4; r++) {
      s.createRow(r).createCell(0).setCellValue(r + 1);
    }
    s.getRow(3).getCell(0).setCellFormula("B1*2"); // A4 is a formula cell of the series
    s.getRow(0).createCell(1).setCellValue(2); // B1
    s.getRow(1).createCell(1).setCellValue(10); // B2: k
    s.setArrayFormula("_xll.GX.TEST.SCALE(B2,A1:A4)", CellRangeAddress.valueOf("D1:E4"));
    ev = wb.getCreationHelper().createFormulaEvaluator();
  }

  private double value(String address) {
    var ref = new org.apache.poi.ss.util.CellReference(address);
    return ev.evaluate(s.getRow(ref.getRow()).getCell(ref.getCol())).getNumberValue();
  }

  private void set(int row, int col, double v) {
    Cell c = s.getRow(row).getCell(col);
    c.setCellValue(v);
    ev.notifyUpdateCell(c);
  }

  @Test
  void theWholeRangeIsComputedByOneCall() throws IOException {
    ev.evaluateAll();
    assertEquals(1, calls.get());
    assertEquals(10.0, s.getRow(0).getCell(3).getNumericCellValue());
    assertEquals(31.0, s.getRow(2).getCell(4).getNumericCellValue());
    assertEquals(40.0, s.getRow(3).getCell(3).getNumericCellValue(), "10 × (B1·2)");
    wb.close();
  }

  @Test
  void aChangedInputReachesEveryCellWhicheverIsReadFirst() throws IOException {
    assertEquals(21.0, value("E2"), "a cell other than the anchor read first");
    assertEquals(1, calls.get());
    assertEquals(10.0, value("D1"));
    assertEquals(1, calls.get(), "the anchor was evaluated for E2 and is kept by POI");

    set(1, 0, 5); // A2, a plain cell of the range
    assertEquals(51.0, value("E2"));
    assertEquals(50.0, value("D2"));
    assertEquals(2, calls.get());

    set(1, 1, 3); // B2, the scalar argument
    assertEquals(16.0, value("E2"));
    assertEquals(3.0, value("D1"));
    assertEquals(3, calls.get());

    set(0, 1, 7); // B1, which the formula cell A4 of the range reads
    assertEquals(42.0, value("D4"));
    assertEquals(43.0, value("E4"));
    assertEquals(4, calls.get());

    ev.clearAllCachedResultValues();
    assertEquals(43.0, value("E4"));
    assertEquals(9.0, value("D3"));
    assertEquals(5, calls.get());
    wb.close();
  }

  @Test
  void aCallOnAComputedArrayIsNotSharedButStillRight() throws IOException {
    s.setArrayFormula("_xll.GX.TEST.SCALE(B2,A1:A4*2)", CellRangeAddress.valueOf("G1:H4"));
    assertEquals(20.0, value("G1"));
    assertEquals(81.0, value("H4"), "10 × (A4·2) + 1");
    set(1, 1, 1); // B2
    assertEquals(9.0, value("H4"), "1 × 8 + 1");
    wb.close();
  }

  @Test
  void twoRangesWithTheSameCallAreEachComputed() throws IOException {
    s.setArrayFormula("_xll.GX.TEST.SCALE(B2,A1:A4)", CellRangeAddress.valueOf("G1:H4"));
    s.setArrayFormula("_xll.GX.TEST.SCALE(B1,A1:A4)", CellRangeAddress.valueOf("J1:K4"));
    assertEquals(41.0, value("H4"));
    assertEquals(9.0, value("K4"), "k = B1 = 2: 2 × A4 + 1, A4 = B1·2");
    ev.evaluateAll();
    assertEquals(3, calls.get());
    assertEquals(value("E3"), value("H3"));
    wb.close();
  }
}
