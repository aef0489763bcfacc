package org.gammaxl.bench;

import java.util.concurrent.TimeUnit;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.GammaExposure;
import org.gammaxl.exposure.GammaProfile;
import org.gammaxl.exposure.OptionChain;
import org.gammaxl.exposure.SyntheticChain;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 15: the gamma-exposure profile of a 10,000-option chain on 200 spots (2,000,000 gamma evaluations), in
 * milliseconds per profile, against a plain loop of {@link BlackScholesMerton} gamma calls over the same options
 * and spots in the same run. {@code profile_shared} is {@link GammaExposure#profile()} (the per-option work done
 * once) then {@link GammaProfile#over} the grid; {@code profile_sheetFunction} is {@code GX.GEX.PROFILE} through the
 * catalogue with the chain as host ranges ({@code Object[][]}, what every host hands over), reading the rows,
 * building the chain and the profile. The chain is {@link SyntheticChain} of seed 15, the one the workbooks
 * module's {@code PoiExposureBenchmark} writes into worksheet cells.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExposureBenchmark {
  public static final int OPTIONS = 10_000;
  public static final int SPOTS = 200;
  static final double SPOT = 100;

  private OptionType[] type;
  private double[] strike;
  private double[] years;
  private double[] vol;
  private double[] oi;
  private double[] grid;
  private GammaExposure exposure;
  private WorksheetFunction sheetProfile;
  private Object[] sheetArgs;

  @Setup
  public void setUp() {
    OptionChain c = SyntheticChain.of(15, OPTIONS);
    type = new OptionType[OPTIONS];
    strike = new double[OPTIONS];
    years = new double[OPTIONS];
    vol = new double[OPTIONS];
    oi = new double[OPTIONS];
    Object[][][] cells = new Object[5][OPTIONS][1];
    for (int i = 0; i < OPTIONS; i++) {
      type[i] = c.type(i);
      strike[i] = c.strike(i);
      years[i] = c.years(i);
      vol[i] = c.vol(i);
      oi[i] = Math.abs(c.position(i));
      cells[0][i][0] = type[i] == OptionType.CALL ? "C" : "P";
      cells[1][i][0] = strike[i];
      cells[2][i][0] = years[i];
      cells[3][i][0] = vol[i];
      cells[4][i][0] = oi[i];
    }
    exposure = GammaExposure.of(c, 0.04, 0.01, 100, ExposureUnit.PER_1PCT);
    grid = GammaProfile.grid(0.8 * SPOT, 1.2 * SPOT, SPOTS);
    sheetProfile = Catalogue.standard().find("GX.GEX.PROFILE").orElseThrow();
    sheetArgs = new Object[] {SPOT, cells[0], cells[1], cells[2], cells[3], cells[4], 0.04, 0.01, 100.0, "CALLS_LONG",
        "PER_1PCT", org.gammaxl.sheet.Empty.MISSING, 0.8 * SPOT, 1.2 * SPOT, (double) SPOTS};
  }

  /** The profile with the per-option work shared across spots (precomputation included). */
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
        double gamma = bsm.greek(Greek.GAMMA, type[i], s, strike[i], years[i], vol[i], 0.04, 0.01);
        sum += gamma * type[i].sign() * oi[i];
      }
      out[j] = sum * 100 * s * s * 0.01;
    }
    return out;
  }

  /** GX.GEX.PROFILE through the catalogue, the chain as host ranges. */
  @Benchmark
  public Object profile_sheetFunction() {
    return sheetProfile.invoke(sheetArgs);
  }
}
