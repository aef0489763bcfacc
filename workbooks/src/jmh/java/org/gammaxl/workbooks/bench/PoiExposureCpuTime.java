package org.gammaxl.workbooks.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * {@link PoiExposureBenchmark}'s operations timed in thread CPU time rather than wall time, for a machine shared
 * with other jobs (where a thread waits for a core, wall time grows but CPU time does not): the engine's profile,
 * POI after a spot change and after clearing its caches, and the floor of any POI evaluation — the chain's 50,000
 * cells read once with POI's plain getters. Twelve rounds; the last eight are printed as min–max, in ms per op,
 * and as ratios to the engine's time in the same round (median, min–max).
 *
 * <pre>java -cp workbooks/target/bench-build/gammaxl-workbooks-*-benchmarks.jar \
 *     org.gammaxl.workbooks.bench.PoiExposureCpuTime</pre>
 */
public final class PoiExposureCpuTime {
  private static final int ROUNDS = 12;
  private static final int WARM_UP = 4;

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
    double[][] ms = new double[ops.length][ROUNDS];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < ops.length; k++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < reps[k]; i++) {
          sink += ops[k].getAsDouble();
        }
        ms[k][round] = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps[k];
      }
    }
    System.out.printf("%-42s %21s   %s%n", "", "ms CPU, min – max", "× engine, same round: median (min – max)");
    for (int k = 0; k < ops.length; k++) {
      double[] t = Arrays.copyOfRange(ms[k], WARM_UP, ROUNDS);
      double[] ratio = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        ratio[i] = t[i] / ms[0][WARM_UP + i];
      }
      Arrays.sort(t);
      Arrays.sort(ratio);
      System.out.printf("%-42s %8.1f – %8.1f ms   %5.2f (%5.2f – %5.2f)%n", names[k], t[0], t[t.length - 1],
          ratio[ratio.length / 2], ratio[0], ratio[ratio.length - 1]);
    }
    b.tearDown();
    System.out.println(sink != 0 ? "" : " ");
  }
}
