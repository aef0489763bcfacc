package org.gammaxl.batch;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.util.LongAccumulator;

/**
 * The progress line of a running sweep, redrawn every second on one terminal line:
 * {@code sweep: 340/1000 books, 13,600,000 ledger events, 2,410,000 events/s}. It reads the job's accumulators,
 * which Spark merges on the driver as each task ends.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final LongAccumulator books;
  private final LongAccumulator events;
  private final long total;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  Progress(PrintStream out, LongAccumulator books, LongAccumulator events, long total) {
    this.out = out;
    this.books = books;
    this.events = events;
    this.total = total;
    this.thread = new Thread(this::loop, "gammaxl-sweep-progress");
    thread.setDaemon(true);
    if (out != null) {
      thread.start();
    }
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        print();
      }
    }
  }

  /** The line as it stands now. */
  String line() {
    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
    long e = events.value();
    return String.format(Locale.ROOT, "sweep: %d/%d books, %,d ledger events, %,.0f events/s", books.value(), total, e,
        e / seconds);
  }

  private synchronized void print() {
    out.print("\r" + line());
    out.flush();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (out != null) {
      print();
      out.println();
      out.flush();
    }
  }
}
