package org.gammaxl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the ledger in one JVM, for an A/B on a shared machine: each benchmarks jar (e.g. the base commit's and
 * this one's) is loaded by its own class loader, and {@link BookLedgerBenchmark#book_event}, its peer
 * {@link BookLedgerBenchmark#bsm_greeks_loop} and {@link LedgerBenchmark#ledger_event} of every jar are timed in
 * turn, round after round, by the thread's CPU time; the fastest round of each is kept (a busy neighbour slows a
 * round, it never speeds one up), so both builds are compared under the same conditions, each against its own peer.
 *
 * <pre>java -cp &lt;benchmarks jar&gt; org.gammaxl.bench.BookLedgerJarsInterleaved rounds legs,.. name=jar [name=jar ...]</pre>
 *
 * e.g. {@code 12 1,4,8 base=/tmp/base.jar new=functions/target/bench-build/gammaxl-functions-0.1.0-SNAPSHOT-benchmarks.jar}
 */
public final class BookLedgerJarsInterleaved {
  private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
  private static final int WARMUP = 4;

  private BookLedgerJarsInterleaved() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int[] legs = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    List<String> names = new ArrayList<>();
    List<Object> targets = new ArrayList<>();
    List<Method> methods = new ArrayList<>();
    List<Integer> events = new ArrayList<>();
    for (int a = 2; a < args.length; a++) {
      String[] build = args[a].split("=", 2);
      ClassLoader loader = new URLClassLoader(new URL[] {Paths.get(build[1]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> book = loader.loadClass(BookLedgerBenchmark.class.getName());
      for (int n : legs) {
        Object b = book.getConstructor().newInstance();
        book.getField("legs").setInt(b, n);
        book.getMethod("setUp").invoke(b);
        for (String m : new String[] {"book_event", "bsm_greeks_loop"}) {
          names.add(build[0] + " " + m + " legs=" + n);
          targets.add(b);
          methods.add(book.getMethod(m));
          events.add(BookLedgerBenchmark.EVENTS);
        }
      }
      Class<?> single = loader.loadClass(LedgerBenchmark.class.getName());
      Object s = single.getConstructor().newInstance();
      single.getField("legs").setInt(s, 1);
      single.getMethod("setUp").invoke(s);
      names.add(build[0] + " ledger_event legs=1");
      targets.add(s);
      methods.add(single.getMethod("ledger_event"));
      events.add(LedgerBenchmark.EVENTS);
    }
    double[] best = new double[names.size()];
    Arrays.fill(best, Double.MAX_VALUE);
    double sink = 0;
    for (int round = 0; round < WARMUP + rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        long t0 = CLOCK.getCurrentThreadCpuTime();
        sink += (Double) methods.get(k).invoke(targets.get(k));
        double ns = (CLOCK.getCurrentThreadCpuTime() - t0) / (double) events.get(k);
        if (round >= WARMUP) {
          best[k] = Math.min(best[k], ns);
        }
      }
    }
    for (int k = 0; k < names.size(); k++) {
      System.out.printf("%-36s min %8.1f ns/event (thread CPU time)%n", names.get(k), best[k]);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
