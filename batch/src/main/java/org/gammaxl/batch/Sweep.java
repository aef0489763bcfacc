package org.gammaxl.batch;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.gammaxl.InvalidInputException;
import org.gammaxl.workbooks.io.InputFileException;

/**
 * A hedging-policy sweep: every (book, policy) pair through the ledger engine on Spark, one row per
 * pair, written so that the directory the user named appears only when everything in it is complete.
 *
 * <p>Output {@code OUT/}: {@code results/} (the pairs, Parquet or CSV part files and Spark's
 * {@code _SUCCESS}), {@code summary.xlsx} (ranking of the policies and P&amp;L against threshold per
 * rule) and, with {@code reports > 0}, {@code reports/BOOK/rank-NNN-policy-P.xlsx}.
 *
 * <p>Atomicity, explicitly: everything is written under a hidden staging directory beside OUT
 * ({@code .OUT.staging-RANDOM}); Spark's file committer writes {@code results/} inside it (task
 * outputs under {@code _temporary}, moved on job commit, then {@code _SUCCESS}). Only when the results,
 * the summary and the reports are all written is the staging directory renamed to OUT, one rename on the
 * same file system. A job that fails deletes its staging directory; a driver that is killed leaves only
 * the hidden staging directory (never OUT), which the next sweep to the same OUT removes. An existing
 * OUT is refused unless {@code overwrite}, and then replaced only after the new one is complete.
 */
final class Sweep {
  /** What to sweep and where the output goes. */
  record Options(String prices, Path books, Path policies, String out, String format, String priceFormat,
      int reports, boolean skipBadBooks, boolean overwrite, int partitions, PrintStream progress,
      String failOnceKey) {
    Options {
      format = format == null ? "parquet" : format.toLowerCase(Locale.ROOT);
      if (!format.equals("parquet") && !format.equals("csv")) {
        throw new IllegalArgumentException("--format must be parquet or csv, was " + format);
      }
    }
  }

  /**
   * What a sweep did; {@code phases}: seconds of wall time by phase, in order ("books and policies",
   * "prices", "ledger job" (read, shuffle, sort, engine, results written and committed), "summary",
   * "reports", "commit").
   */
  record Outcome(String out, int books, int policies, long pairs, long events, double seconds,
      Map<String, Double> phases, Map<String, String> skipped) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
          "wrote %s: %,d pairs (%d books x %d policies), %,d ledger events in %.1f s (%,.0f events/s)", out, pairs,
          books - skipped.size(), policies, events, seconds, events / Math.max(seconds, 1e-9)));
      if (!skipped.isEmpty()) {
        s.append(System.lineSeparator()).append("skipped ").append(skipped.size()).append(" book(s) with bad input:");
        skipped.forEach((b, m) -> s.append(System.lineSeparator()).append("  ").append(b).append(": ").append(m));
      }
      return s.toString();
    }
  }

  private static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  private Sweep() {}

  /**
   * Runs a sweep on {@code spark}.
   *
   * @throws InputFileException for a malformed book or policy file
   * @throws SweepInputException for bad prices, or a book and policy the engine rejects
   */
  static Outcome run(SparkSession spark, Options o) throws IOException, InputFileException {
    long t0 = System.nanoTime();
    Map<String, Double> phases = new LinkedHashMap<>();
    long lap = t0;
    List<Book> books = Book.read(o.books());
    List<SweepPolicy> policies = PolicyGrid.read(o.policies());
    check(books, policies);
    lap = lap(phases, "books and policies", lap);
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(o.out());
    FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
    out = fs.makeQualified(out);
    if (fs.exists(out) && !o.overwrite()) {
      throw new SweepInputException(PriceInput.display(out.toString())
          + ":1: output: exists; choose another directory or pass --overwrite");
    }
    removeStaleStaging(fs, out, o.progress());
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(out.getParent(),
        "." + out.getName() + ".staging-" + UUID.randomUUID().toString().substring(0, 8));
    boolean committed = false;
    try {
      PriceInput.Prices prices = PriceInput.read(spark, o.prices(), o.priceFormat(), o.skipBadBooks());
      BookPaths paths = BookPaths.of(books, prices);
      lap = lap(phases, "prices", lap);
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<BookPaths> bcast = jsc.broadcast(paths);
      LongAccumulator events = spark.sparkContext().longAccumulator("ledger events");
      LongAccumulator done = spark.sparkContext().longAccumulator("books done");
      CollectionAccumulator<String> skipped = spark.sparkContext().collectionAccumulator("books skipped");
      CollectionAccumulator<SweepSummary.Pair> swept = spark.sparkContext().collectionAccumulator("pairs swept");
      int partitions = o.partitions() > 0 ? o.partitions()
          : Math.max(1, Math.min(paths.size(), 8 * jsc.defaultParallelism()));
      Dataset<Row> pairs = paths.chunks(spark, prices.rows(), i -> true, partitions)
          .mapPartitions(new PathGroups<>(
              new SweepGroups(bcast, policies, o.skipBadBooks(), events, done, skipped, swept, o.failOnceKey())),
              Encoders.row(SweepColumns.SCHEMA))
          .sortWithinPartitions("book", "policy");
      String results = new org.apache.hadoop.fs.Path(staging, "results").toString();
      // One job of two stages, planned once: adaptive execution would run the shuffle's map stage as a job of
      // its own and plan the rest again after it, serial time for nothing here (the partitions are fixed).
      String adaptive = spark.conf().get(ADAPTIVE, "true");
      spark.conf().set(ADAPTIVE, "false");
      try (Progress p = new Progress(o.progress(), done, events, books.size())) {
        write(pairs.write(), o.format(), results);
      } finally {
        spark.conf().set(ADAPTIVE, adaptive);
      }
      lap = lap(phases, "ledger job", lap);
      // The pairs as the ledger tasks reported them: Spark merges a result task's accumulator updates once, from
      // its successful attempt, so a retried task counts once and the list holds exactly the written rows.
      List<SweepSummary.Pair> written = SweepSummary.Pair.sorted(swept.value());

      Map<String, String> skippedBooks = new TreeMap<>();
      for (String s : skipped.value()) {
        int tab = s.indexOf('\t');
        skippedBooks.putIfAbsent(s.substring(0, tab), s.substring(tab + 1));
      }
      Set<String> present = new HashSet<>();
      for (SweepSummary.Pair pair : written) {
        present.add(pair.book());
      }
      for (Book b : books) {
        if (!present.contains(b.name()) && !skippedBooks.containsKey(b.name())) {
          String why = PriceInput.display(o.prices()) + ":1: " + prices.kind().name().toLowerCase(Locale.ROOT)
              + ": no prices for " + (prices.kind() == PriceInput.KeyKind.BOOK ? b.name() : b.position().underlying());
          if (!o.skipBadBooks()) {
            throw new SweepInputException(why + " (book " + b.name() + ", " + b.file() + ")");
          }
          skippedBooks.put(b.name(), why);
        }
      }
      if (present.isEmpty()) {
        throw new SweepInputException(PriceInput.display(o.prices()) + ":1: prices: no book could be swept");
      }
      SweepSummary.write(written, policies, fs, new org.apache.hadoop.fs.Path(staging, "summary.xlsx"));
      lap = lap(phases, "summary", lap);
      if (o.reports() > 0) {
        SweepReports.write(spark, prices, paths, bcast, policies, written, o.reports(),
            new org.apache.hadoop.fs.Path(staging, "reports").toString());
        lap = lap(phases, "reports", lap);
      }
      long pairCount = written.size();
      commit(fs, staging, out);
      committed = true;
      lap(phases, "commit", lap);
      return new Outcome(PriceInput.display(out.toString()), books.size(), policies.size(), pairCount, events.value(),
          (System.nanoTime() - t0) / 1e9, phases, skippedBooks);
    } finally {
      if (!committed) {
        fs.delete(staging, true);
      }
    }
  }

  /** Records the seconds since {@code since} as {@code phase}; returns now. */
  private static long lap(Map<String, Double> phases, String phase, long since) {
    long now = System.nanoTime();
    phases.put(phase, (now - since) / 1e9);
    return now;
  }

  /** Every (book, policy) pair the engine would refuse whatever the path, refused before the job starts. */
  private static void check(List<Book> books, List<SweepPolicy> policies) {
    for (Book b : books) {
      double origin = b.position().expiry() - 1;
      for (SweepPolicy p : policies) {
        try {
          PairLedger.start(b, p, origin);
        } catch (InvalidInputException e) {
          throw new SweepInputException(p.source() + ": " + e.getMessage() + " (policy " + p.id() + " with book "
              + b.name() + ", " + b.file() + ")");
        }
      }
    }
  }

  private static void write(DataFrameWriter<Row> w, String format, String path) {
    if (format.equals("csv")) {
      w.option("header", "true").csv(path);
    } else {
      w.parquet(path);
    }
  }

  static Dataset<Row> read(SparkSession spark, String format, String path) {
    return format.equals("csv")
        ? spark.read().schema(SweepColumns.SCHEMA).option("header", "true").csv(path)
        : spark.read().schema(SweepColumns.SCHEMA).parquet(path);
  }

  private static void removeStaleStaging(FileSystem fs, org.apache.hadoop.fs.Path out, PrintStream log)
      throws IOException {
    org.apache.hadoop.fs.FileStatus[] stale = fs.globStatus(
        new org.apache.hadoop.fs.Path(out.getParent(), "." + out.getName() + ".staging-*"));
    if (stale != null) {
      for (org.apache.hadoop.fs.FileStatus s : stale) {
        fs.delete(s.getPath(), true);
        if (log != null) {
          log.println("sweep: removed " + PriceInput.display(s.getPath().toString()) + " left by an interrupted run");
        }
      }
    }
  }

  /** Renames the complete staging directory to OUT (an existing OUT, allowed by --overwrite, goes last). */
  private static void commit(FileSystem fs, org.apache.hadoop.fs.Path staging, org.apache.hadoop.fs.Path out)
      throws IOException {
    org.apache.hadoop.fs.Path old = null;
    if (fs.exists(out)) {
      old = new org.apache.hadoop.fs.Path(staging.getParent(), staging.getName() + "-replaced");
      if (!fs.rename(out, old)) {
        throw new IOException("cannot move the old " + out + " aside");
      }
    }
    if (!fs.rename(staging, out)) {
      if (old != null) {
        fs.rename(old, out);
      }
      throw new IOException("cannot rename " + staging + " to " + out);
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }
}
