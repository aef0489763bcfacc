package org.gammaxl.workbooks.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;
import org.gammaxl.workbooks.io.ExcelDates;

/**
 * The built-in data of {@code gammaxl demo}: a SIMULATED price path, not market data. Provenance: a
 * geometric Brownian motion with zero drift and 60 % annual volatility, S0 = 100, one observation per
 * calendar day at 16:00 from 2024-01-02, driven by {@code java.util.Random(20240102)} Gaussian draws
 * (the algorithm is specified by the JDK, so every run on every machine gives the same path).
 */
public final class DemoData {
  public static final String PROVENANCE = "SIMULATED path (not market data): GBM, sigma 0.60 a year, zero drift, "
      + "S0 100, daily 16:00 from 2024-01-02, java.util.Random seed 20240102";
  public static final long SEED = 20240102L;
  public static final double SIGMA = 0.60;

  private DemoData() {}

  /** The path with {@code days} observations. */
  public static PriceSeries path(int days) {
    return path(days, SEED, 1.0);
  }

  /** A simulated path; {@code stepDays} between observations. */
  public static PriceSeries path(int n, long seed, double stepDays) {
    Random random = new Random(seed);
    double t0 = ExcelDates.serial(LocalDateTime.of(LocalDate.of(2024, 1, 2), LocalTime.of(16, 0)));
    double dt = stepDays / 365.0;
    double[] times = new double[n];
    double[] spots = new double[n];
    double s = 100.0;
    for (int i = 0; i < n; i++) {
      times[i] = t0 + i * stepDays;
      spots[i] = s;
      s *= Math.exp(-0.5 * SIGMA * SIGMA * dt + SIGMA * Math.sqrt(dt) * random.nextGaussian());
    }
    return new PriceSeries(times, spots, null, null, null);
  }

  /**
   * The demo book: a long at-the-money straddle (100 calls, 100 puts) bought at 50 % implied vol, expiring the
   * day after the last observation.
   */
  public static PositionFile position(PriceSeries path) {
    return PositionFile.demo(path.spots()[0], Math.floor(path.times()[path.size() - 1]) + 1);
  }
}
