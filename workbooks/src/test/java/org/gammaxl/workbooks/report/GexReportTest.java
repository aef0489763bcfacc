package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.exposure.ExposureConvention;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.GammaExposure;
import org.gammaxl.exposure.GammaProfile;
import org.gammaxl.exposure.OptionChain;
import org.gammaxl.exposure.StrikeExposure;
import org.gammaxl.exposure.Walls;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearFraction;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.gammaxl.workbooks.poi.Recalculator;
import org.gammaxl.workbooks.templates.GexTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filled gamma-exposure workbook: its cached numbers are the exposure engine's for the same chain, and POI
 * recalculating every formula of the written file (the GX array formulas included) gives the same numbers.
 */
class GexReportTest {
  @TempDir
  static Path dir;
  static List<OptionChainFile.Row> rows;
  static GexTemplate.Inputs in;
  static GexReport.Result result;
  static Path file;

  @BeforeAll
  static void write() throws Exception {
    // every seventh option of the bundled sample: a chain with both sides around the spot, small enough to
    // recalculate with POI cell by cell
    List<OptionChainFile.Row> all = GexReport.sample().rows();
    rows = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 7 == 0).mapToObj(all::get).toList();
    in = new GexTemplate.Inputs(GexReport.SAMPLE_SPOT, ExcelDates.serial(GexReport.SAMPLE_VALUATION), 0.0431, 0.0137,
        100, "CALLS_LONG", "PER_1PCT", "test");
    OptionChainFile chain = new OptionChainFile(rows, null, null, "GammaXL");
    file = dir.resolve("gex.xlsx");
    result = GexReport.write(chain, Path.of("chain.csv"), in, false, file);
  }

  static GammaExposure engine() {
    OptionChain.Builder b = OptionChain.builder(ExposureConvention.CALLS_LONG);
    for (OptionChainFile.Row r : rows) {
      b.add(r.call() ? OptionType.CALL : OptionType.PUT, r.strike(),
          YearFraction.fromExcel(in.valuation(), r.expiry(), DayCount.ACT_365F), r.iv(), r.openInterest());
    }
    return GammaExposure.of(b.build(), in.rate(), in.yield(), in.multiplier(), ExposureUnit.PER_1PCT);
  }

  static XSSFWorkbook open(Path p) throws Exception {
    try (InputStream s = Files.newInputStream(p)) {
      return new XSSFWorkbook(s);
    }
  }

  static double number(XSSFSheet s, int r, int c) {
    Cell cell = s.getRow(r).getCell(c);
    assertEquals(CellType.NUMERIC, cell.getCachedFormulaResultType(), s.getSheetName() + " " + cell.getAddress());
    return cell.getNumericCellValue();
  }

  @Test
  void cachedNumbersAreTheEnginesForTheSameChain() throws Exception {
    GammaExposure x = engine();
    double s = in.spot();
    assertEquals(x.gex(s), result.totalGex(), 1e-12 * Math.abs(x.gex(s)));
    assertEquals(x.vex(s), result.totalVex(), 1e-12 * Math.abs(x.vex(s)));
    assertEquals(x.cex(s), result.totalCex(), 1e-12 * Math.abs(x.cex(s)));
    Walls w = x.walls(s);
    assertEquals(w.call(), result.callWall());
    assertEquals(w.put(), result.putWall());
    double flip = x.profile().flip(s, 0.8 * s, 1.2 * s, GexTemplate.STEPS).orElseThrow();
    assertEquals(flip, result.flip(), 1e-9 * s);
    try (XSSFWorkbook wb = open(file)) {
      XSSFSheet strikes = wb.getSheet("Strikes");
      List<StrikeExposure> table = x.byStrike(s);
      assertEquals(table.size(), strikes.getLastRowNum());
      for (int j = 0; j < table.size(); j++) {
        assertEquals(table.get(j).strike(), number(strikes, j + 1, 0));
        assertEquals(table.get(j).net(), number(strikes, j + 1, 3), 1e-12 * Math.abs(result.totalGex()));
      }
      XSSFSheet profile = wb.getSheet("Profile");
      double[] grid = GammaProfile.grid(0.8 * s, 1.2 * s, GexTemplate.STEPS);
      double[] y = x.profile().over(grid);
      for (int j = 0; j < grid.length; j++) {
        assertEquals(grid[j], number(profile, j + 1, 0));
        assertEquals(y[j], number(profile, j + 1, 1), 1e-12 * Math.abs(y[j]));
      }
    }
  }

  @Test
  void withoutTheAddInTheResultsShowTheWrittenNumbers() throws Exception {
    // a spreadsheet without the add-in: every GX call is #NAME? (as in LibreOffice recalculating on load)
    org.apache.poi.ss.formula.udf.UDFFinder unknown = name -> name.startsWith(GxFunctions.XLL_PREFIX)
        ? (args, ec) -> org.apache.poi.ss.formula.eval.ErrorEval.NAME_INVALID : null;
    try (XSSFWorkbook wb = open(file)) {
      var ev = org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator.create(wb, null, unknown);
      for (String n : List.of("TotalGex", "TotalVex", "TotalCex", "GammaFlip", "CallWall", "PutWall")) {
        var ref = new org.apache.poi.ss.util.CellReference(wb.getName(n).getRefersToFormula());
        Cell c = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
        double written = c.getNumericCellValue();
        var value = ev.evaluate(c);
        assertEquals(CellType.NUMERIC, value.getCellType(), n + " = " + value.formatAsString());
        assertEquals(written, value.getNumberValue(), n);
      }
      var total = new org.apache.poi.ss.util.CellReference(wb.getName("TotalGex").getRefersToFormula());
      String f = wb.getSheet(total.getSheetName()).getRow(total.getRow()).getCell(total.getCol()).getCellFormula();
      assertTrue(f.contains("ERROR.TYPE(") && f.contains("_xll.GX.GEX("), f);
    }
  }

  @Test
  void poiRecalculatingTheWrittenFileGivesTheSameNumbers() throws Exception {
    Path again = dir.resolve("again.xlsx");
    Recalculator r = new Recalculator();
    int formulas = r.recalculate(file, again);
    assertEquals(0, r.failed());
    assertTrue(formulas > 400, formulas + " formula cells");
    try (XSSFWorkbook a = open(file); XSSFWorkbook b = open(again)) {
      for (String sheet : List.of("GEX", "Strikes", "Profile", "Calc")) {
        XSSFSheet sa = a.getSheet(sheet);
        XSSFSheet sb = b.getSheet(sheet);
        int compared = 0;
        for (var row : sa) {
          for (Cell ca : row) {
            if (ca.getCellType() == CellType.FORMULA && ca.getCachedFormulaResultType() == CellType.NUMERIC) {
              double va = ca.getNumericCellValue();
              double vb = sb.getRow(ca.getRowIndex()).getCell(ca.getColumnIndex()).getNumericCellValue();
              assertEquals(va, vb, 1e-12 * Math.abs(va), sheet + "!" + ca.getAddress());
              compared++;
            }
          }
        }
        assertTrue(compared > 0, sheet);
      }
    }
  }

  @Test
  void workbookHasTheChartsInputsAndRegimeInWords() throws Exception {
    try (XSSFWorkbook wb = open(file)) {
      assertEquals(List.of("GEX", "Chain", "Strikes", "Profile", "Calc"),
          java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
      assertTrue(wb.isSheetHidden(wb.getSheetIndex("Calc")));
      assertTrue(wb.getSheet("Calc").getRow(0).getCell(0).isPartOfArrayFormulaGroup(), "the array formula is kept");
      assertTrue(wb.getSheet("Calc").getRow(0).getCell(0).getCellFormula().startsWith("_xll.GX.GEX.STRIKES("));
      List<XSSFChart> charts = wb.getSheet("GEX").getDrawingPatriarch().getCharts();
      assertEquals(List.of("Gamma exposure by strike", "Total GEX at hypothetical spots"),
          charts.stream().map(c -> c.getTitleText().getString()).toList());
      for (XSSFChart chart : charts) {
        for (var data : chart.getChartSeries()) {
          for (int i = 0; i < data.getSeriesCount(); i++) {
            var shape = data.getSeries(i).getShapeProperties();
            assertNotNull(shape, "explicit series properties, or LibreOffice draws nothing");
          }
        }
      }
      assertTrue(result.regime().startsWith("Positive gamma at spot"), result.regime());
      assertTrue(result.flipRegime().contains("above the flip"), result.flipRegime());
      assertEquals(rows.size(), wb.getSheet("Chain").getLastRowNum());
      assertEquals(false, wb.getForceFormulaRecalculation(), "cached values are shown as written");
    }
  }
}
