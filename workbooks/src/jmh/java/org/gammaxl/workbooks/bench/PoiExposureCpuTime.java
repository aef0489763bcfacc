package org.gammaxl.workbooks.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleSupplier;

/**
 * {@link PoiExposureBenchmark}'s operations timed in thread CPU time rather than wall time, for a machine shared
 * with other jobs (where a thread waits for a core, wall time grows but CPU time does not): the engine's profile,
 * POI after a spot change and after clearing its caches, and the floor of any POI evaluation — the chain's 50,000
 * cells read once with POI's plain getters. Eight rounds; the last five are printed as min–max, in ms per op.
 *
 * <pre>java -cp workbooks/target/bench-build/gammaxl-workbooks-*-benchmarks.jar \
 *     org.gammaxl.workbooks.bench.PoiExposureCpuTime</pre>
 */
public final class PoiExposureCpuTime {
  private PoiExposureCpuTime() {}

  public static void main(String[] args) throws Exception {
    PoiExposureBenchmark b = new PoiExposureBenchmark();
    b.setUp();
    String[] names = {"engine profile", "POI, spot changed (400 cells)", "POI, caches cleared (400 cells)",
        "GxEvaluator, spot changed (400 cells)", "GxEvaluator, caches cleared (400 cells)",
        "chain cells read with XSSFCell getters"};
    DoubleSupplier[] ops = {() -> b.engine_profile()[0], b::poi_spotChanged, b::poi_firstEvaluation,
        b::gx_spotChanged, b::gx_firstEvaluation, b::readChainCells};
    int[] reps = {50, 5, 5, 20, 10, 5};
    double[][] ms = new double[ops.length][8];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int round = 0; round < 8; round++) {
      for (int k = 0; k < ops.length; k++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < reps[k]; i++) {
          sink += ops[k].getAsDouble();
        }
        ms[k][round] = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps[k];
      }
    }
    for (int k = 0; k < ops.length; k++) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (int round = 3; round < 8; round++) {
        lo = Math.min(lo, ms[k][round]);
        hi = Math.max(hi, ms[k][round]);
      }
      System.out.printf("%-42s %8.1f – %8.1f ms CPU%n", names[k], lo, hi);
    }
    b.tearDown();
    System.out.println(sink != 0 ? "" : " ");
  }
}
