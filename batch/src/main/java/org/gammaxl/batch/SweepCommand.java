package org.gammaxl.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.gammaxl.workbooks.cli.GammaXl;
import org.gammaxl.workbooks.io.InputFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gammaxl sweep}: the hedging-policy sweep on Spark, embedded ({@code local[*]} by default) or
 * under {@code spark-submit --class org.gammaxl.batch.SweepCommand} (then the master is spark-submit's).
 * Exit codes: 0 done, 1 bad input or books skipped, 2 usage.
 */
@Command(name = "gammaxl sweep", mixinStandardHelpOptions = true, version = "gammaxl 0.1.0",
    description = {"Every (book, policy) pair through the ledger engine on Apache Spark: one row per pair with "
        + "every summary item, a summary workbook ranking the policies, optionally the ledger reports of each book's "
        + "best and worst pairs. OUT appears only when complete. See docs/sweep.md."})
public final class SweepCommand implements Callable<Integer> {
  @Option(names = "--prices", required = true, paramLabel = "P",
      description = "price paths: CSV or Parquet file or directory (columns book|underlying, time, spot[, vol, bid, ask])")
  String prices;
  @Option(names = "--books", required = true, paramLabel = "B", description = "a .position file or a directory of them")
  Path books;
  @Option(names = "--policies", required = true, paramLabel = "G", description = "policy grid CSV (rule, threshold, ...; a|b lists, start:stop:step ranges)")
  Path policies;
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "output directory (must not exist)")
  String out;
  @Option(names = "--master", description = "Spark master (default: local[*], or spark-submit's)")
  String master;
  @Option(names = "--format", defaultValue = "parquet", description = "results format: parquet or csv (default: ${DEFAULT-VALUE})")
  String format;
  @Option(names = "--price-format", description = "csv or parquet (default: from the file names)")
  String priceFormat;
  @Option(names = "--reports", paramLabel = "TOPN", defaultValue = "0",
      description = "write the ledger report of the best and worst TOPN pairs of each book")
  int reports;
  @Option(names = "--skip-bad-books", description = "skip books with bad prices, list them and exit 1, instead of failing")
  boolean skipBadBooks;
  @Option(names = "--overwrite", description = "replace an existing OUT (only once the new one is complete)")
  boolean overwrite;
  @Option(names = "--partitions", defaultValue = "0", description = "tasks of the ledger stage (default: up to 8 per core)")
  int partitions;
  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, repeatable")
  Map<String, String> conf = new LinkedHashMap<>();
  @Option(names = {"-q", "--quiet"}, description = "no progress line")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;
  /** Where the progress line goes (standard error). */
  private PrintStream progress = System.err;

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command and returns its exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    SweepCommand command = new SweepCommand();
    command.progress = err;
    CommandLine cl = new CommandLine(command);
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    CommandLine.IExecutionExceptionHandler otherwise = GammaXl.errorLine("gammaxl sweep");
    cl.setExecutionExceptionHandler((e, cmd, parse) -> {
      String input = SweepInputException.find(e);
      if (input != null || e instanceof InputFileException) {
        err.println(input != null ? input : e.getMessage());
        return 1;
      }
      if (e instanceof IllegalArgumentException) {
        err.println("gammaxl sweep: " + e.getMessage());
        return 2;
      }
      return otherwise.handleExecutionException(e, cmd, parse);
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Sweep.Options options = new Sweep.Options(prices, books, policies, out, format, priceFormat, reports, skipBadBooks,
        overwrite, partitions, quiet ? null : progress, null);
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = session(master, conf);
    try {
      Sweep.Outcome outcome = Sweep.run(spark, options);
      spec.commandLine().getOut().println(outcome);
      return outcome.skipped().isEmpty() ? 0 : 1;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** The Spark session: spark-submit's settings, else embedded; the UI off unless asked for. */
  static SparkSession session(String master, Map<String, String> conf) {
    SparkConf given = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("gammaxl sweep");
    if (master != null || !given.contains("spark.master")) {
      b.master(master != null ? master : "local[*]");
    }
    if (!given.contains("spark.ui.enabled") && !conf.containsKey("spark.ui.enabled")) {
      b.config("spark.ui.enabled", "false");
    }
    b.config("spark.ui.showConsoleProgress", "false");
    b.config("spark.sql.session.timeZone", "UTC");
    b.config("spark.sql.debug.maxToStringFields", "200");
    conf.forEach(b::config);
    return b.getOrCreate();
  }
}
