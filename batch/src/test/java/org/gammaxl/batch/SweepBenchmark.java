package org.gammaxl.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.Observation;
import org.gammaxl.ledger.SyntheticPath;
import org.gammaxl.workbooks.report.EngineLedger;
import org.gammaxl.workbooks.report.PositionFile;

/**
 * The sweep benchmark (scripts/bench-sweep; not a test): BOOKS books × 20 policies × EVENTS events, the
 * same pairs run (1) by the raw engine looping the pairs on 2 threads of one JVM over paths held in
 * memory, and (2) by {@code Sweep.run} in local[2] and local[1] over the paths as Parquet (read,
 * shuffled, sorted, swept, results written, summary workbook). After the warm-up, {@code -Drounds=N}
 * rounds of (raw engine, sweep) per core count; prints each round, then the median and spread of events/s
 * for the whole sweep and for its ledger job alone, and the ratios to the raw engine of the same round.
 * Arguments: [books] [events] [work dir].
 */
public final class SweepBenchmark {
  private SweepBenchmark() {}

  static final double ORIGIN = 45352; // 2024-03-01

  public static void main(String[] args) throws Exception {
    int books = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path dir = Path.of(args.length > 2 ? args[2] : "target/bench-sweep");
    Files.createDirectories(dir);
    Path booksDir = dir.resolve("books-" + books);
    Path prices = dir.resolve("prices-" + books + "x" + events);
    Path grid = Files.writeString(dir.resolve("policies.csv"),
        "rule,threshold,fee_bps,slippage_bps\nDELTA,0.5:5:0.5,1,2\nMOVE%,0.0025:0.025:0.0025,1,2\n");
    List<SweepPolicy> policies = PolicyGrid.read(grid);
    double[][] times = new double[books][];
    double[][] spots = new double[books][];
    for (int b = 0; b < books; b++) {
      times[b] = new double[events];
      spots[b] = new double[events];
      int k = 0;
      // hourly for events hours, ACT/365F years on the engine's clock, as Excel serials in the files
      for (Observation o : SyntheticPath.gbm(b, 0, 100, 0, 0.3, 0.25, (events - 1) / (365.0 * 24), events - 1)) {
        times[b][k] = ORIGIN + o.time() * 365;
        spots[b][k++] = o.spot();
      }
    }
    if (!Files.isDirectory(booksDir)) {
      Files.createDirectories(booksDir);
      for (int b = 0; b < books; b++) {
        Files.writeString(booksDir.resolve(String.format(Locale.ROOT, "b%05d.position", b)),
            "underlying = U" + b + "\ntype = C\nstrike = 100\nexpiry = 2024-12-31\nquantity = -100\nvol = 0.25\n");
      }
    }
    List<Book> bookList = Book.read(booksDir);
    String master2 = "local[2]";
    SparkSession spark = SweepCommand.session(master2, java.util.Map.of());
    if (!Files.isDirectory(prices)) {
      StructType schema = new StructType().add("book", DataTypes.StringType).add("time", DataTypes.DoubleType)
          .add("spot", DataTypes.DoubleType).add("vol", DataTypes.DoubleType);
      List<Row> rows = new ArrayList<>();
      for (int b = 0; b < books; b++) {
        for (int i = 0; i < events; i++) {
          rows.add(RowFactory.create(String.format(Locale.ROOT, "b%05d", b), times[b][i], spots[b][i], 0.25));
        }
      }
      spark.createDataFrame(rows, schema).repartition(8).write().parquet(prices.toString());
    }
    String load = load();
    System.out.printf(Locale.ROOT, "sweep benchmark: %d books x %d policies x %d events = %,d ledger events; load %s%n",
        books, policies.size(), events, (long) books * policies.size() * events, load);

    // Warm-up: the JIT compiles Spark's code (planning, Parquet, the codegen'd stages, the shuffle) over
    // several sweeps; one warm-up sweep leaves the compiler threads busy during the measured ones (with 2
    // cores they take CPU from the tasks). -Dwarmups=N (default 3) full local[2] sweeps before measuring.
    raw(bookList, policies, times, spots, 2, books);
    for (int w = Integer.getInteger("warmups", 3); w > 0; w--) {
      sweep(spark, prices, booksDir, grid, dir.resolve("warmup"));
    }
    // Each configuration's wall time (events/s) and the process's CPU time (events per CPU-second, every thread
    // of the JVM: JIT, GC and Spark's own included), which a loaded machine distorts less than the wall time.
    // -Drounds=N (default 2) rounds, each the raw engine then the sweep, so that every ratio compares two runs
    // that saw the same load; the table gives the median and the spread (min-max) of the rounds.
    int rounds = Integer.getInteger("rounds", 2);
    double total = (double) books * policies.size() * events;
    Rounds two = new Rounds();
    for (int r = 0; r < rounds; r++) {
      two.round(total, () -> raw(bookList, policies, times, spots, 2, books),
          () -> sweep(spark, prices, booksDir, grid, dir.resolve("out-local2")));
    }
    spark.stop();
    SparkSession one = SweepCommand.session("local[1]", java.util.Map.of());
    // local[1] plans 8 partitions, not 16: stage code Spark has not generated yet (compiled on the driver and by
    // the JIT), so one warm-up sweep in local[1] too
    sweep(one, prices, booksDir, grid, dir.resolve("warmup"));
    Rounds single = new Rounds();
    for (int r = 0; r < rounds; r++) {
      single.round(total, () -> raw(bookList, policies, times, spots, 1, books),
          () -> sweep(one, prices, booksDir, grid, dir.resolve("out-local1")));
    }
    one.stop();
    System.out.printf(Locale.ROOT, "%d rounds; median (min-max)%n", rounds);
    System.out.printf(Locale.ROOT, "%-30s %-40s %-40s%n", "", "events/s (wall)", "events per CPU-second");
    System.out.printf(Locale.ROOT, "%-30s %-40s %-40s%n", "raw engine, 2 threads", spread(two.raw), spread(two.rawCpu));
    System.out.printf(Locale.ROOT, "%-30s %-40s %-40s%n", "raw engine, 1 thread", spread(single.raw), spread(single.rawCpu));
    two.print("local[2]", "2 threads");
    single.print("local[1]", "1 thread");
    System.out.printf(Locale.ROOT, "scaling local[1] -> local[2] (medians): whole %.2fx, ledger job %.2fx; raw 1 -> 2 threads"
        + " %.2fx; load after: %s%n", median(two.whole) / median(single.whole), median(two.job) / median(single.job),
        median(two.raw) / median(single.raw), load());
  }

  /** The rounds of one configuration: the raw engine and the sweep, one after the other. */
  private static final class Rounds {
    final List<Double> raw = new ArrayList<>();
    final List<Double> rawCpu = new ArrayList<>();
    final List<Double> whole = new ArrayList<>();
    final List<Double> wholeCpu = new ArrayList<>();
    final List<Double> job = new ArrayList<>();
    final List<Double> summary = new ArrayList<>();
    final List<Double> ratio = new ArrayList<>();
    final List<Double> ratioCpu = new ArrayList<>();
    final List<Double> ratioJob = new ArrayList<>();

    void round(double total, java.util.concurrent.Callable<Double> rawRun,
        java.util.concurrent.Callable<Sweep.Outcome> sweepRun) throws Exception {
      long c = cpu();
      double r = rawRun.call();
      double rc = total / ((cpu() - c) / 1e9);
      c = cpu();
      Sweep.Outcome o = sweepRun.call();
      double wc = total / ((cpu() - c) / 1e9);
      double w = o.events() / o.seconds();
      double j = o.events() / o.phases().get("ledger job");
      raw.add(r);
      rawCpu.add(rc);
      whole.add(w);
      wholeCpu.add(wc);
      job.add(j);
      summary.add(o.phases().get("summary"));
      ratio.add(w / r);
      ratioCpu.add(wc / rc);
      ratioJob.add(j / r);
      System.out.printf(Locale.ROOT, "  round: raw %,.0f events/s, sweep whole %,.0f, ledger job %,.0f: %.2fx / %.2fx"
          + " (ledger job) of the raw engine%n", r, w, j, w / r, j / r);
    }

    void print(String master, String threads) {
      System.out.printf(Locale.ROOT, "%-30s %-40s %-40s ratio to raw on %s (wall / CPU): %s / %s%n",
          "sweep, " + master + ", whole", spread(whole), spread(wholeCpu), threads, spreadX(ratio), spreadX(ratioCpu));
      System.out.printf(Locale.ROOT, "%-30s %-40s %-40s ratio to raw on %s (wall): %s%n",
          "sweep, " + master + ", ledger job", spread(job), "", threads, spreadX(ratioJob));
      System.out.printf(Locale.ROOT, "%-30s %.2f s (%.2f-%.2f)%n", "  of which summary workbook", median(summary),
          java.util.Collections.min(summary), java.util.Collections.max(summary));
    }
  }

  static double median(List<Double> x) {
    List<Double> s = new ArrayList<>(x);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String spread(List<Double> x) {
    return String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", median(x), java.util.Collections.min(x),
        java.util.Collections.max(x));
  }

  private static String spreadX(List<Double> x) {
    return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median(x), java.util.Collections.min(x),
        java.util.Collections.max(x));
  }

  /** CPU time of the whole JVM so far, in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The raw engine: each (book, policy) pair looped over its in-memory path, books spread over threads; the
   * same work per event as the sweep's (the years on the book's clock once per observation, the summary).
   */
  static double raw(List<Book> books, List<SweepPolicy> policies, double[][] times, double[][] spots, int threads,
      int count) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> parts = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      int book = b;
      parts.add(pool.submit(() -> {
        long n = 0;
        double sink = 0;
        double[] t = times[book];
        double[] s = spots[book];
        PositionFile base = books.get(book).position();
        // the book's clock once per event, as the sweep computes it once per row for all policies
        double[] years = new double[t.length];
        for (int i = 0; i < t.length; i++) {
          years[i] = EngineLedger.years(t[0], t[i], "time");
        }
        for (SweepPolicy p : policies) {
          LedgerRun run = EngineLedger.start(p.applyTo(base), t[0], p::extraSettings);
          for (int i = 0; i < t.length; i++) {
            run.step(years[i], s[i], 0.25, Double.NaN, Double.NaN);
          }
          sink += run.summary().toArray()[3];
          n += t.length;
        }
        return sink == sink ? n : n;
      }));
    }
    long events = 0;
    for (Future<Long> f : parts) {
      events += f.get();
    }
    pool.shutdown();
    double s = (System.nanoTime() - t0) / 1e9;
    return events / s;
  }

  /** One whole sweep (read to committed output and summary workbook); prints its phases, stages and CPU by thread. */
  static Sweep.Outcome sweep(SparkSession spark, Path prices, Path books, Path grid, Path out) throws Exception {
    deleteTree(out);
    StageTimes stages = new StageTimes();
    spark.sparkContext().addSparkListener(stages);
    ThreadCpu before = ThreadCpu.now();
    long from = System.currentTimeMillis();
    Sweep.Outcome o = Sweep.run(spark, new Sweep.Options(prices.toString(), books, grid, out.toString(), "parquet",
        null, 0, false, false, 0, null, null));
    StringBuilder phases = new StringBuilder();
    o.phases().forEach((k, v) -> phases.append(String.format(Locale.ROOT, ", %s %.2f", k, v)));
    System.out.printf(Locale.ROOT, "  %s %s (%s to %s UTC): %,d events, whole sweep %.2f s = %,.0f events/s; phases (s)%s%n",
        spark.sparkContext().master(), out.getFileName(), java.time.Instant.ofEpochMilli(from),
        java.time.Instant.now(), o.events(), o.seconds(), o.events() / o.seconds(), phases);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().removeSparkListener(stages);
    System.out.println(stages.report());
    System.out.println(ThreadCpu.now().since(before));
    return o;
  }

  private static void deleteTree(Path p) throws Exception {
    if (Files.exists(p)) {
      try (var s = Files.walk(p)) {
        for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
