package org.gammaxl.workbooks.poi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A vol surface in a workbook, evaluated by POI as Excel would: GX.SVI.SURFACE fits the quotes into a table, and
 * GX.PRICE reads its vol from that range (and from a defined name for it).
 */
class SurfaceWorkbookTest {
  private static final double[][] SLICES = {{0.25, 0.01, 0.04, -0.5, 0.02, 0.08}, {1, 0.04, 0.1, -0.4, 0, 0.1}};

  private static double sviVol(double[] p, double strike, double forward) {
    double k = Math.log(strike / forward) - p[4];
    return Math.sqrt((p[1] + p[2] * (p[3] * k + Math.sqrt(k * k + p[5] * p[5]))) / p[0]);
  }

  @Test
  void gxPriceReadsItsVolFromAFittedSurfaceRangeAndFromItsName() throws IOException {
    try (XSSFWorkbook wb = GxFunctions.register(new XSSFWorkbook())) {
      XSSFSheet s = wb.createSheet("Smile");
      double[][] strikes = {{85, 90, 95, 100, 105, 110, 115}, {70, 80, 90, 100, 110, 120, 130, 140, 150}};
      double forward = 100;
      int row = 0;
      for (int e = 0; e < 2; e++) {
        for (double k : strikes[e]) {
          var r = s.createRow(row++);
          r.createCell(0).setCellValue(SLICES[e][0]);
          r.createCell(1).setCellValue(k);
          r.createCell(2).setCellValue(sviVol(SLICES[e], k, forward));
          r.createCell(3).setCellValue(forward);
        }
      }
      int n = row;
      s.setArrayFormula(GxFunctions.xll("GX.SVI.SURFACE", "A1:A" + n + ",B1:B" + n + ",C1:C" + n + ",D1:D" + n),
          CellRangeAddress.valueOf("F1:N3"));
      var name = wb.createName();
      name.setNameName("SURF");
      name.setRefersToFormula("Smile!$F$1:$N$3");
      var out = s.createRow(20);
      // rate = yield: the forward is the spot, 100, as in the fit
      out.createCell(0).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625,F1:N3,0.02,0.02"));
      out.createCell(1).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625,SURF,0.02,0.02"));
      out.createCell(2).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625,F2:K2,0.02,0.02"));
      out.createCell(3).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625,F1:N3,0.02,0.02,\"BACHELIER\""));
      var ev = wb.getCreationHelper().createFormulaEvaluator();
      ev.evaluateAll();
      assertEquals("YEARS", s.getRow(0).getCell(5).getStringCellValue());
      assertEquals(1.0, s.getRow(2).getCell(5).getNumericCellValue(), 0.0);
      double x = (0.625 - 0.25) / 0.75;
      double k = Math.log(0.9);
      double w0 = SLICES[0][0] * Math.pow(sviVol(SLICES[0], 90, 100), 2);
      double w1 = Math.pow(sviVol(SLICES[1], 90, 100), 2);
      double vol = Math.sqrt((w0 + x * (w1 - w0)) / 0.625);
      out.createCell(5).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625," + vol + ",0.02,0.02"));
      ev.evaluateAll();
      double atVol = out.getCell(5).getNumericCellValue();
      assertEquals(atVol, out.getCell(0).getNumericCellValue(), 1e-5, "the fitted surface's vol at k = " + k);
      assertEquals(out.getCell(0).getNumericCellValue(), out.getCell(1).getNumericCellValue(), 0.0, "by name");
      // one row of six cells without a header: one slice (flat beyond it)
      double flat = Math.sqrt(w0 / 0.25);
      out.createCell(6).setCellFormula(GxFunctions.xll("GX.PRICE", "\"P\",100,90,0.625," + flat + ",0.02,0.02"));
      ev.evaluateAll();
      assertEquals(out.getCell(6).getNumericCellValue(), out.getCell(2).getNumericCellValue(), 1e-5);
      assertEquals(FormulaError.VALUE.getCode(), out.getCell(3).getErrorCellValue());
    }
  }
}
