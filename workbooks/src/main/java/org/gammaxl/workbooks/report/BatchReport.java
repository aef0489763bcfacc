package org.gammaxl.workbooks.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reports for a directory of books, in parallel. A book is {@code NAME.csv} (prices) with
 * {@code NAME.position} beside it; its report is {@code OUT/NAME.xlsx}. A bad book is reported and
 * skipped; the others are still written.
 */
public final class BatchReport {
  private final LedgerReport report;
  private final int threads;

  public BatchReport(LedgerReport report, int threads) {
    this.report = report;
    this.threads = Math.max(1, threads);
  }

  /** The end-of-run summary. */
  public record Summary(int books, int written, int failed, long rows, double seconds, List<String> failures) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
          "%d books: %d written, %d failed; %,d ledger rows in %.1f s (%.1f books/s, %,.0f rows/s)",
          books, written, failed, rows, seconds, written / Math.max(seconds, 1e-9), rows / Math.max(seconds, 1e-9)));
      for (String f : failures) {
        s.append(System.lineSeparator()).append("  FAILED ").append(f);
      }
      return s.toString();
    }
  }

  public Summary run(Path in, Path out, PrintWriter progress) throws IOException, InterruptedException {
    List<Path> books = new ArrayList<>();
    try (Stream<Path> files = Files.list(in)) {
      files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(books::add);
    }
    Files.createDirectories(out);
    long start = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicLong rows = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (Path csv : books) {
      pool.execute(() -> {
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        Path position = csv.resolveSibling(name + ".position");
        try {
          if (!Files.exists(position)) {
            throw new ReportException(position + ": missing (each NAME.csv needs a NAME.position)");
          }
          var result = report.write(PositionFile.read(position), PriceSeries.read(csv), csv.getFileName().toString(),
              out.resolve(name + ".xlsx"), csv, position);
          rows.addAndGet(result.rows());
          ok.incrementAndGet();
        } catch (Exception | OutOfMemoryError e) {
          failures.add(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        bar(progress, done.incrementAndGet(), books.size(), failures.size());
      });
    }
    pool.shutdown();
    pool.awaitTermination(365, TimeUnit.DAYS);
    if (progress != null) {
      progress.println();
      progress.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> f = new ArrayList<>(failures);
    f.sort(null);
    return new Summary(books.size(), ok.get(), f.size(), rows.get(), seconds, f);
  }

  private static synchronized void bar(PrintWriter out, int done, int total, int failed) {
    if (out == null) {
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d books%s", "#".repeat(filled), " ".repeat(width - filled),
        done, total, failed > 0 ? ", " + failed + " failed" : ""));
    out.flush();
  }
}
