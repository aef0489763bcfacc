package org.gammaxl.workbooks.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.ResultShape;
import org.junit.jupiter.api.Test;

/**
 * GammaXL's evaluator gives POI's results bit for bit, and stays right when the chain it keeps changes: a chain
 * cell updated, created, given a formula or deleted and told to the evaluator, or changed untold and the caches
 * cleared, gives the results a fresh POI evaluator computes from the new sheet; so does a formula changed (its kept
 * parse dropped), and a function that writes into a kept range does not change it for the next one.
 */
class GxEvaluatorTest {
  private static final int ROWS = 150; // 750 chain cells: kept (more than PlainRanges.MIN_CELLS per range)

  private XSSFWorkbook wb;
  private XSSFSheet chain;
  private XSSFSheet calc;
  private GxEvaluator gx;
  private String args;

  @BeforeEach
  void book() {
    wb = GxFunctions.register(new XSSFWorkbook());
    chain = wb.createSheet("Chain");
    for (int i = 0; i < ROWS; i++) {
      Row r = chain.createRow(i);
      r.createCell(0).setCellValue(i % 40 < 20 ? "P" : "C"); // puts below 100, calls above: a flip
      r.createCell(1).setCellValue(80 + (i % 40));
      r.createCell(2).setCellValue(0.05 + i / 300.0);
      r.createCell(3).setCellValue(0.15 + (i % 7) * 0.02);
      if (i < ROWS - 10) {
        r.createCell(4).setCellValue(100 + 13 * i); // the last 10 rows have a blank open interest: skipped
      }
    }
    calc = wb.createSheet("Calc");
    args = "L1,Chain!A1:A" + ROWS + ",Chain!B1:B" + ROWS + ",Chain!C1:C" + ROWS + ",Chain!D1:D" + ROWS
        + ",Chain!E1:E" + ROWS;
    calc.setArrayFormula("_xll.GX.GEX.PROFILE(" + args + ",0.03,0.01,100,\"CALLS_LONG\",\"PER_1PCT\",,90,110,20)",
        new CellRangeAddress(0, 19, 0, 1));
    calc.getRow(0).createCell(11).setCellValue(100); // L1: spot
    calc.getRow(0).createCell(3).setCellFormula("_xll.GX.GEX(" + args + ")"); // D1: total
    calc.getRow(1).createCell(3).setCellFormula("_xll.GX.GAMMA.FLIP(" + args + ")"); // D2
    gx = GxEvaluator.of(wb);
  }

  @AfterEach
  void close() throws IOException {
    wb.close();
  }

  /** Every result cell as evaluated by {@code ev}, in a fixed order. */
  private double[] results(FormulaEvaluator ev) {
    double[] out = new double[42];
    int k = 0;
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 2; c++) {
        out[k++] = ev.evaluate(calc.getRow(r).getCell(c)).getNumberValue();
      }
    }
    out[k++] = ev.evaluate(calc.getRow(0).getCell(3)).getNumberValue();
    out[k] = ev.evaluate(calc.getRow(1).getCell(3)).getNumberValue();
    return out;
  }

  /** What POI alone computes from the sheet as it is now. */
  private double[] poi() {
    return results(XSSFFormulaEvaluator.create(wb, null, null));
  }

  private void assertSameAsPoi() {
    double[] expected = poi();
    double[] actual = results(gx);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
          "result " + i + ": POI " + expected[i] + ", GxEvaluator " + actual[i]);
    }
  }

  private Cell chainCell(int row, int col) {
    Row r = chain.getRow(row);
    return r.getCell(col) != null ? r.getCell(col) : r.createCell(col);
  }

  @Test
  void givesPoisResults() {
    assertSameAsPoi();
    assertSameAsPoi(); // from its caches
  }

  @Test
  void aChainCellUpdatedAndToldGivesNewResults() {
    double before = results(gx)[40];
    Cell oi = chainCell(5, 4);
    oi.setCellValue(90_000);
    gx.notifyUpdateCell(oi);
    assertNotEquals(before, results(gx)[40]);
    assertSameAsPoi();
    Cell vol = chainCell(77, 3);
    vol.setCellValue(0.9);
    gx.notifyUpdateCell(vol);
    assertSameAsPoi();
  }

  @Test
  void aChainCellCreatedInABlankRowAndToldCounts() {
    results(gx);
    Cell oi = chainCell(ROWS - 3, 4); // was blank: the row was skipped
    oi.setCellValue(50_000);
    gx.notifyUpdateCell(oi);
    assertSameAsPoi();
  }

  @Test
  void aChainCellChangedUntoldCountsAfterTheCachesAreCleared() {
    results(gx);
    chainCell(10, 1).setCellValue(101);
    chainCell(11, 0).setCellValue("C");
    gx.clearAllCachedResultValues();
    assertSameAsPoi();
  }

  @Test
  void aFormulaInTheChainIsReadThroughPoiAndFollowsItsInputs() {
    results(gx);
    Cell strike = chainCell(3, 1);
    strike.setCellFormula("Calc!L2+1");
    calc.getRow(1).createCell(11).setCellValue(104); // L2
    gx.notifySetFormula(strike);
    assertSameAsPoi();
    Cell l2 = calc.getRow(1).getCell(11);
    l2.setCellValue(96);
    gx.notifyUpdateCell(l2); // L2 is outside every kept range: POI's own tracking must see it
    assertSameAsPoi();
  }

  @Test
  void aChainCellDeletedAndToldGivesNewResults() {
    results(gx);
    Cell oi = chainCell(20, 4);
    gx.notifyDeleteCell(oi);
    chain.getRow(20).removeCell(oi);
    assertSameAsPoi();
  }

  @Test
  void theSpotChangedAndToldRecomputesWithTheKeptChain() {
    double before = results(gx)[40];
    Cell spot = calc.getRow(0).getCell(11);
    spot.setCellValue(103);
    gx.notifyUpdateCell(spot);
    assertNotEquals(before, results(gx)[40]);
    assertSameAsPoi();
  }

  @Test
  void aFormulaChangedAndToldIsParsedAgain() {
    double[] before = results(gx);
    Cell total = calc.getRow(0).getCell(3);
    total.setCellFormula(total.getCellFormula().replace("GX.GEX(", "GX.VEX("));
    gx.notifySetFormula(total);
    assertNotEquals(before[40], results(gx)[40]);
    assertSameAsPoi();
    total.setCellFormula(total.getCellFormula().replace("GX.VEX(", "GX.CEX("));
    gx.notifyUpdateCell(total); // POI takes an update for a formula change too
    assertSameAsPoi();
  }

  @Test
  void anArrayFormulaGivenNewArgumentsAndToldIsParsedAgain() {
    double before = results(gx)[2];
    calc.removeArrayFormula(calc.getRow(0).getCell(0));
    calc.setArrayFormula("_xll.GX.GEX.PROFILE(" + args + ",0.03,0.01,100,\"CALLS_LONG\",\"PER_1PCT\",,80,120,20)", new CellRangeAddress(0, 19, 0, 1));
    for (int r = 0; r < 20; r++) {
      gx.notifySetFormula(calc.getRow(r).getCell(0));
      gx.notifySetFormula(calc.getRow(r).getCell(1));
    }
    assertNotEquals(before, results(gx)[2]); // the grid now starts at 80
    assertSameAsPoi();
  }

  @Test
  void aFormulaChangedUntoldCountsAfterTheCachesAreCleared() {
    results(gx);
    Cell flip = calc.getRow(1).getCell(3);
    flip.setCellFormula(flip.getCellFormula().replace("GX.GAMMA.FLIP(", "GX.GEX("));
    gx.clearAllCachedResultValues();
    assertSameAsPoi();
  }

  @Test
  void aDefinedNameRemovedIsNoticedWithoutACall() {
    for (String[] n : new String[][] {{"First", "Calc!$L$1"}, {"Second", "Calc!$L$2"}}) {
      var name = wb.createName();
      name.setNameName(n[0]);
      name.setRefersToFormula(n[1]);
    }
    Cell l2 = calc.getRow(1).createCell(11);
    l2.setCellValue(7);
    Cell twice = calc.getRow(2).createCell(3);
    twice.setCellFormula("Second*2");
    assertEquals(14, gx.evaluate(twice).getNumberValue());
    wb.removeName(wb.getName("First")); // Second moves to the first place: a kept parse would now read First's
    l2.setCellValue(8);
    gx.notifyUpdateCell(l2);
    assertEquals(16, gx.evaluate(twice).getNumberValue());
  }

  @Test
  void aCellReplacedByANewCellObjectAndToldCounts() {
    double before = results(gx)[40];
    Cell spot = calc.getRow(0).createCell(11); // a new XSSFCell in place of the old one
    spot.setCellValue(97);
    gx.notifyUpdateCell(spot);
    assertNotEquals(before, results(gx)[40]);
    assertSameAsPoi();
  }

  @Test
  void aFunctionWritingIntoAKeptRangeDoesNotChangeItForTheNextOne() throws IOException {
    var vandal = new FakeFunction("GX.TEST.VANDAL", List.of(new Argument("x", "x", ArgKind.TABLE, false, null)),
        ResultShape.SCALAR, a -> {
          Object[][] x = (Object[][]) a[0];
          x[0][0] = 1e6;
          x[1] = new Object[] {2e6};
          return 0.0;
        });
    var sum = new FakeFunction("GX.TEST.SUM", List.of(new Argument("x", "x", ArgKind.TABLE, false, null)),
        ResultShape.SCALAR, a -> {
          double total = 0;
          for (Object[] row : (Object[][]) a[0]) {
            total += (Double) row[0];
          }
          return total;
        });
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.addToolPack(GxFunctions.finder(List.of(vandal, sum)));
      XSSFSheet s = book.createSheet("S");
      for (int r = 0; r < 200; r++) {
        s.createRow(r).createCell(0).setCellValue(r);
      }
      Cell first = s.getRow(0).createCell(2);
      first.setCellFormula("_xll.GX.TEST.VANDAL(A1:A200)");
      Cell then = s.getRow(1).createCell(2);
      then.setCellFormula("_xll.GX.TEST.SUM(A1:A200)");
      GxEvaluator ev = GxEvaluator.of(book);
      ev.evaluate(first);
      assertEquals(199 * 200 / 2.0, ev.evaluate(then).getNumberValue());
    }
  }
}
