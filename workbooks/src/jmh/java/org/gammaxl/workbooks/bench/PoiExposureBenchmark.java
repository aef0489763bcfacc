package org.gammaxl.workbooks.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.exposure.ExposureConvention;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.GammaExposure;
import org.gammaxl.exposure.GammaProfile;
import org.gammaxl.exposure.OptionChain;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.workbooks.poi.GxFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 15: {@code GX.GEX.PROFILE} of a 10,000-option chain on 200 spots evaluated by Apache POI from a worksheet
 * (the chain in cells, the formula an array over 200 × 2 cells), against the exposure engine's shared-work profile
 * and a plain loop of {@link BlackScholesMerton} gamma calls in the same run. {@code poi_profileFormula} clears
 * POI's cache and evaluates the array's anchor cell: one call of the function, which reads the five 10,000-cell
 * ranges through POI, builds the chain and computes the whole profile. The chain is the one of the functions
 * module's {@code ExposureBenchmark} (same seed and ranges).
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
  private Cell anchor;
  private OptionType[] type;
  private double[] strike;
  private double[] years;
  private double[] vol;
  private double[] oi;
  private double[] grid;
  private GammaExposure exposure;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(15);
    type = new OptionType[OPTIONS];
    strike = new double[OPTIONS];
    years = new double[OPTIONS];
    vol = new double[OPTIONS];
    oi = new double[OPTIONS];
    wb = GxFunctions.register(new XSSFWorkbook());
    XSSFSheet chain = wb.createSheet("Chain");
    OptionChain.Builder b = OptionChain.builder(ExposureConvention.CALLS_LONG);
    for (int i = 0; i < OPTIONS; i++) {
      type[i] = rng.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      strike[i] = 60 + 0.5 * rng.nextInt(161);
      years[i] = (1 + rng.nextInt(365)) / 365.0;
      vol[i] = 0.1 + 0.5 * rng.nextDouble();
      oi[i] = rng.nextInt(5001);
      b.add(type[i], strike[i], years[i], vol[i], oi[i]);
      Row r = chain.createRow(i);
      r.createCell(0).setCellValue(type[i] == OptionType.CALL ? "C" : "P");
      r.createCell(1).setCellValue(strike[i]);
      r.createCell(2).setCellValue(years[i]);
      r.createCell(3).setCellValue(vol[i]);
      r.createCell(4).setCellValue(oi[i]);
    }
    exposure = GammaExposure.of(b.build(), 0.04, 0.01, 100, ExposureUnit.PER_1PCT);
    grid = GammaProfile.grid(0.8 * SPOT, 1.2 * SPOT, SPOTS);
    XSSFSheet calc = wb.createSheet("Calc");
    String n = Integer.toString(OPTIONS);
    calc.setArrayFormula(GxFunctions.xll("GX.GEX.PROFILE", SPOT + ",Chain!A1:A" + n + ",Chain!B1:B" + n
        + ",Chain!C1:C" + n + ",Chain!D1:D" + n + ",Chain!E1:E" + n + ",0.04,0.01,100,\"CALLS_LONG\",\"PER_1PCT\",,"
        + 0.8 * SPOT + "," + 1.2 * SPOT + "," + SPOTS), new CellRangeAddress(0, SPOTS - 1, 0, 1));
    anchor = calc.getRow(0).getCell(0);
    evaluator = wb.getCreationHelper().createFormulaEvaluator();
    CellValue v = evaluator.evaluate(anchor);
    if (v.getNumberValue() != grid[0]) {
      throw new IllegalStateException("the formula did not evaluate: " + v);
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    wb.close();
  }

  /** GX.GEX.PROFILE evaluated by POI from the worksheet. */
  @Benchmark
  public double poi_profileFormula() {
    evaluator.clearAllCachedResultValues();
    return evaluator.evaluate(anchor).getNumberValue();
  }

  /** The exposure engine's profile, per-option work shared across spots. */
  @Benchmark
  public double[] profile_shared() {
    return exposure.profile().over(grid);
  }

  /** The peer: one {@code BlackScholesMerton.greek(GAMMA, …)} call per option and spot. */
  @Benchmark
  public double[] profile_plainBsmLoop() {
    BlackScholesMerton bsm = BlackScholesMerton.INSTANCE;
    double[] out = new double[grid.length];
    for (int j = 0; j < grid.length; j++) {
      double s = grid[j];
      double sum = 0;
      for (int i = 0; i < OPTIONS; i++) {
        sum += bsm.greek(Greek.GAMMA, type[i], s, strike[i], years[i], vol[i], 0.04, 0.01) * type[i].sign() * oi[i];
      }
      out[j] = sum * 100 * s * s * 0.01;
    }
    return out;
  }
}
