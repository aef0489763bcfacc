package org.gammaxl.workbooks.bench;

import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.GammaExposure;
import org.gammaxl.exposure.GammaProfile;
import org.gammaxl.exposure.OptionChain;
import org.gammaxl.exposure.SyntheticChain;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.workbooks.poi.GxEvaluator;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 15: {@code GX.GEX.PROFILE} of a 10,000-option chain on 200 spots evaluated by Apache POI from a worksheet,
 * against the exposure engine's shared-work profile in the same run. The chain ({@link SyntheticChain} of seed 15,
 * the one of the functions module's {@code ExposureBenchmark}) is in 50,000 cells of the sheet {@code Chain}, the
 * spot in {@code Calc!L1}, the formula an array over {@code Calc!A1:B200} (spot, total GEX).
 *
 * <p>The POI benchmarks do what a user's program does to get the numbers, with POI's {@code XSSFFormulaEvaluator}
 * ({@code poi_}) and with GammaXL's {@link GxEvaluator} ({@code gx_}): evaluate every one of the 400 cells of
 * the array. {@code _spotChanged}: the spot cell is set (alternately 100 and 100.5), the evaluator told
 * ({@code notifyUpdateCell}), the 400 cells evaluated — the formula is recomputed (POI reads the chain again
 * through its evaluator; GxEvaluator uses the chain it kept). {@code _firstEvaluation}: the caches cleared ({@code clearAllCachedResultValues}, as after opening the file
 * or {@code evaluateAll}), the 400 cells evaluated. Opening the .xlsx file itself is not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PoiExposureBenchmark {
  static final int OPTIONS = 10_000;
  static final int SPOTS = 200;
  static final double SPOT = 100;

  private XSSFWorkbook wb;
  private XSSFFormulaEvaluator evaluator;
  private GxEvaluator gx;
  private Cell spot;
  private Cell[] array;
  private int changes;
  private double[] grid;
  private GammaExposure exposure;

  @Setup
  public void setUp() {
    OptionChain c = SyntheticChain.of(15, OPTIONS);
    wb = GxFunctions.register(new XSSFWorkbook());
    XSSFSheet chain = wb.createSheet("Chain");
    for (int i = 0; i < OPTIONS; i++) {
      Row r = chain.createRow(i);
      r.createCell(0).setCellValue(c.type(i) == OptionType.CALL ? "C" : "P");
      r.createCell(1).setCellValue(c.strike(i));
      r.createCell(2).setCellValue(c.years(i));
      r.createCell(3).setCellValue(c.vol(i));
      r.createCell(4).setCellValue(Math.abs(c.position(i)));
    }
    exposure = GammaExposure.of(c, 0.04, 0.01, 100, ExposureUnit.PER_1PCT);
    grid = GammaProfile.grid(0.8 * SPOT, 1.2 * SPOT, SPOTS);
    XSSFSheet calc = wb.createSheet("Calc");
    String n = Integer.toString(OPTIONS);
    calc.setArrayFormula(GxFunctions.xll("GX.GEX.PROFILE", "L1,Chain!A1:A" + n + ",Chain!B1:B" + n
        + ",Chain!C1:C" + n + ",Chain!D1:D" + n + ",Chain!E1:E" + n + ",0.04,0.01,100,\"CALLS_LONG\",\"PER_1PCT\",,"
        + 0.8 * SPOT + "," + 1.2 * SPOT + "," + SPOTS), new CellRangeAddress(0, SPOTS - 1, 0, 1));
    spot = calc.getRow(0).createCell(11);
    spot.setCellValue(SPOT);
    array = new Cell[2 * SPOTS];
    for (int r = 0; r < SPOTS; r++) {
      array[2 * r] = calc.getRow(r).getCell(0);
      array[2 * r + 1] = calc.getRow(r).getCell(1);
    }
    evaluator = wb.getCreationHelper().createFormulaEvaluator();
    gx = GxEvaluator.of(wb);
    double[] expected = exposure.profile().over(grid);
    evaluateArray(gx);
    double[] byGx = new double[array.length];
    for (int i = 0; i < array.length; i++) {
      byGx[i] = array[i].getNumericCellValue();
    }
    evaluateArray(evaluator);
    for (int i = 0; i < array.length; i++) {
      if (Double.doubleToLongBits(byGx[i]) != Double.doubleToLongBits(array[i].getNumericCellValue())) {
        throw new IllegalStateException("cell " + i + ": GxEvaluator " + byGx[i] + ", POI "
            + array[i].getNumericCellValue());
      }
    }
    for (int r = 0; r < SPOTS; r++) {
      double v = array[2 * r + 1].getNumericCellValue();
      if (array[2 * r].getNumericCellValue() != grid[r] || Math.abs(v - expected[r]) > 1e-9 * Math.abs(expected[r])) {
        throw new IllegalStateException("row " + r + " of the array is not the engine's profile: " + v);
      }
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    wb.close();
  }

  /** The chain's 50,000 cells read once with POI's plain cell getters, no evaluator (for {@link PoiExposureCpuTime}). */
  double readChainCells() {
    double sum = 0;
    for (Row r : wb.getSheet("Chain")) {
      for (Cell cell : r) {
        sum += cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? cell.getNumericCellValue()
            : cell.getStringCellValue().length();
      }
    }
    return sum;
  }

  private double evaluateArray(FormulaEvaluator ev) {
    double sum = 0;
    for (Cell cell : array) {
      ev.evaluateFormulaCell(cell);
      sum += cell.getNumericCellValue();
    }
    return sum;
  }

  /** The spot changed: set, told to the evaluator, the 400 cells of the array evaluated. */
  private double spotChanged(FormulaEvaluator ev) {
    spot.setCellValue(SPOT + 0.5 * (++changes & 1));
    ev.notifyUpdateCell(spot);
    return evaluateArray(ev);
  }

  /** The evaluator's caches cleared, the 400 cells of the array evaluated. */
  private double firstEvaluation(FormulaEvaluator ev) {
    ev.clearAllCachedResultValues();
    return evaluateArray(ev);
  }

  /** POI's own evaluator, after a spot change. */
  @Benchmark
  public double poi_spotChanged() {
    return spotChanged(evaluator);
  }

  /** POI's own evaluator, its caches cleared. */
  @Benchmark
  public double poi_firstEvaluation() {
    return firstEvaluation(evaluator);
  }

  /** GammaXL's evaluator (what {@code gammaxl recalc}, report and gex use), after a spot change. */
  @Benchmark
  public double gx_spotChanged() {
    return spotChanged(gx);
  }

  /** GammaXL's evaluator, its caches cleared: the chain is read from the sheet again. */
  @Benchmark
  public double gx_firstEvaluation() {
    return firstEvaluation(gx);
  }

  /** The peer: the exposure engine's profile, per-option work shared across spots. */
  @Benchmark
  public double[] engine_profile() {
    return exposure.profile().over(grid);
  }
}
