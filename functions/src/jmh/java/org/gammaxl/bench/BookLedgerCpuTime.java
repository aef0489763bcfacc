package org.gammaxl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link BookLedgerBenchmark} and {@link LedgerBenchmark} timed by the thread's CPU time instead of JMH's wall
 * time, for a machine shared with other work (CPU time counts only this thread's own cycles, though a busy
 * sibling core still slows them a little): each method is invoked {@code warm} times, then {@code reps} times
 * timed, and the min and median ns per event printed. The quiet-machine numbers are JMH's; these are for
 * ratios measured in the same session under load.
 *
 * <pre>java -cp functions/target/bench-build/gammaxl-functions-*-benchmarks.jar org.gammaxl.bench.BookLedgerCpuTime [reps]</pre>
 */
public final class BookLedgerCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static double sink;

  private BookLedgerCpuTime() {
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    for (int legs : new int[] {1, 4, 8}) {
      BookLedgerBenchmark b = new BookLedgerBenchmark();
      b.legs = legs;
      b.setUp();
      time("book_event legs=" + legs, b::book_event, BookLedgerBenchmark.EVENTS, 8, reps);
      time("bsm_greeks_loop legs=" + legs, b::bsm_greeks_loop, BookLedgerBenchmark.EVENTS, 8, reps);
      if (legs == 4) {
        time("american_book_reuse legs=4", b::american_book_reuse, BookLedgerBenchmark.EVENTS, 2, Math.max(3, reps / 3));
      }
    }
    LedgerBenchmark single = new LedgerBenchmark();
    single.legs = 1;
    single.setUp();
    time("ledger_event legs=1", single::ledger_event, LedgerBenchmark.EVENTS, 3, Math.max(3, reps / 2));
    System.out.println("(checksum " + sink + ")");
  }

  private interface Method {
    double run() throws Exception;
  }

  private static void time(String name, Method m, double events, int warm, int reps) throws Exception {
    for (int w = 0; w < warm; w++) {
      sink += m.run();
    }
    double[] t = new double[reps];
    for (int r = 0; r < reps; r++) {
      long c0 = MX.getCurrentThreadCpuTime();
      sink += m.run();
      t[r] = (MX.getCurrentThreadCpuTime() - c0) / events;
    }
    Arrays.sort(t);
    System.out.printf("%-28s min %9.1f  median %9.1f ns/event (thread CPU time)%n", name, t[0], t[reps / 2]);
  }
}
