package org.gammaxl.bench;

import java.util.Locale;
import org.gammaxl.pricing.AmericanAndersenLake;
import org.gammaxl.pricing.AmericanBjerksundStensland;
import org.gammaxl.pricing.OptionPricer;

/**
 * A load-robust cross-check of {@link AmericanBenchmark} for a shared machine: the same batch, each method timed
 * over the whole batch in turn, round after round, and the fastest round of each kept (a busy neighbour slows a
 * round, it never speeds one up), so the ratios compare methods under the same conditions. Rounds are timed in the
 * thread's CPU time ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime}), which leaves out the time
 * the thread waits for a core while other processes run (on a 2-core machine at load 10 the wall clock of a round is
 * up to twice its CPU time); the cache and the other hyperthread are still shared. The error column is each
 * method's largest error on the batch against a solve of degree 64 (96 points, 8 Newton steps). The lattices
 * ({@link AmericanBenchmark#LATTICE_FAST}, {@link AmericanBenchmark#LATTICE_ACCURATE}) are timed on price only, in
 * the same run: the fast one over the batch, the accurate one (about 0.15 s an option) over its first
 * {@value AmericanBenchmark#SLOW} options in three rounds.
 *
 * <p>{@code java -cp <benchmarks jar> org.gammaxl.bench.AmericanInterleaved}
 */
public final class AmericanInterleaved {
  private static final int ROUNDS = 40;
  private static final int WARMUP = 5;
  private static final java.lang.management.ThreadMXBean CLOCK =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private AmericanInterleaved() {
  }

  public static void main(String[] args) {
    AmericanBenchmark.Batch x = AmericanBenchmark.batch();
    OptionPricer[] pricers = {AmericanAndersenLake.ACCURATE, AmericanAndersenLake.FAST,
        AmericanBjerksundStensland.INSTANCE};
    String[] names = {"AMERICAN", "AMERICAN.FAST", "AMERICAN.BS2002"};
    double[][] best = new double[pricers.length][3];
    for (double[] b : best) {
      java.util.Arrays.fill(b, Double.MAX_VALUE);
    }
    double[] out = new double[OptionPricer.FIRST_GREEKS];
    double sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int p = 0; p < pricers.length; p++) {
        for (int task = 0; task < 3; task++) {
          long start = CLOCK.getCurrentThreadCpuTime();
          for (int i = 0; i < AmericanBenchmark.N; i++) {
            OptionPricer pr = pricers[p];
            if (task == 0) {
              sink += pr.price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
            } else if (task == 1) {
              sink += pr.greeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]).vega();
            } else {
              pr.firstGreeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i], out);
              sink += out[3];
            }
          }
          double us = (CLOCK.getCurrentThreadCpuTime() - start) / 1e3 / AmericanBenchmark.N;
          if (round >= WARMUP) {
            best[p][task] = Math.min(best[p][task], us);
          }
        }
      }
    }
    double bs = best[2][0];
    // each method's largest error on the batch against a high-precision solve (as AmericanReport)
    OptionPricer reference = AmericanAndersenLake.of(64, 96, 8, 40, true);
    double[] error = new double[pricers.length];
    for (int i = 0; i < AmericanBenchmark.N; i++) {
      double ref = reference.price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
      for (int p = 0; p < pricers.length; p++) {
        error[p] = Math.max(error[p], Math.abs(pricers[p].price(x.type[i], x.spot[i], x.strike[i], x.years[i],
            x.vol[i], x.rate[i], x.yield[i]) - ref));
      }
    }
    System.out.println("| method | max error on the batch (K = 100) | price µs | × BS2002 | 18 greeks µs | × own price"
        + " | price + 4 greeks µs | × own price |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int p = 0; p < pricers.length; p++) {
      System.out.printf(Locale.ROOT, "| `%s` | %.1e | %.2f | %.1f× | %.2f | %.1f× | %.2f | %.1f× |%n", names[p],
          error[p], best[p][0], best[p][0] / bs, best[p][1], best[p][1] / best[p][0], best[p][2],
          best[p][2] / best[p][0]);
    }
    // the lattices, price only: the fast one over the batch like the others, the accurate one (about 0.15 s an
    // option) over its first SLOW options in a few rounds; their errors on the same options
    OptionPricer[] lattices = {AmericanBenchmark.LATTICE_FAST, AmericanBenchmark.LATTICE_ACCURATE};
    String[] latticeNames = {"lattice, extrapolated 201 + 403 steps", "lattice, extrapolated 8001 + 16003 steps"};
    int[] count = {AmericanBenchmark.N, AmericanBenchmark.SLOW};
    int[] rounds = {ROUNDS / 4, 3};
    double[] latticeTime = new double[lattices.length];
    for (int p = 0; p < lattices.length; p++) {
      double fastest = Double.MAX_VALUE;
      for (int round = 0; round < rounds[p]; round++) {
        long start = CLOCK.getCurrentThreadCpuTime();
        for (int i = 0; i < count[p]; i++) {
          sink += lattices[p].price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
        }
        fastest = Math.min(fastest, (CLOCK.getCurrentThreadCpuTime() - start) / 1e3 / count[p]);
      }
      latticeTime[p] = fastest;
      double worst = 0;
      for (int i = 0; i < count[p]; i++) {
        double ref = reference.price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
        worst = Math.max(worst, Math.abs(lattices[p].price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i],
            x.rate[i], x.yield[i]) - ref));
      }
      System.out.printf(Locale.ROOT, "| %s%s | %.1e | %.2f | %.0f× | — | — | — | — |%n", latticeNames[p],
          count[p] < AmericanBenchmark.N ? " (first " + count[p] + " options)" : "", worst, fastest, fastest / bs);
    }
    System.out.printf(Locale.ROOT, "%nAgainst the lattice of about the same accuracy: `AMERICAN` %.0f× faster than 8001 +"
        + " 16003 steps, `AMERICAN.FAST` %.1f× faster than 201 + 403 steps.%n", latticeTime[1] / best[0][0],
        latticeTime[0] / best[1][0]);
    if (sink == 42) {
      System.out.println();
    }
  }
}
