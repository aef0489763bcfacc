package org.gammaxl.workbooks.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;
import org.gammaxl.workbooks.io.InputFileException;
import org.gammaxl.workbooks.poi.Recalculator;
import org.gammaxl.workbooks.report.BatchReport;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.LedgerReport;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.gammaxl.workbooks.report.ReportException;
import org.gammaxl.workbooks.templates.NumberFormats;
import org.gammaxl.workbooks.templates.Templates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code gammaxl} command-line tool. Exit codes: 0 done, 1 bad input or partial batch, 2 usage. */
@Command(name = "gammaxl", mixinStandardHelpOptions = true, version = "gammaxl 0.1.0",
    description = "Option-hedging workbooks: templates, ledger reports and recalculation with the GX functions.",
    subcommands = {GammaXl.Demo.class, GammaXl.Report.class, GammaXl.Recalc.class, GammaXl.TemplatesCmd.class,
        GammaXl.Functions.class, Gex.class, CommandLine.HelpCommand.class})
public final class GammaXl implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** POI logs through Log4j, routed to java.util.logging; only its severe messages are shown. */
  private static final java.util.logging.Logger POI_LOG = java.util.logging.Logger.getLogger("org.apache.poi");

  public static void main(String[] args) {
    POI_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The tool's command line: an exception that reaches it prints one line, {@code gammaxl: file: what}. */
  static CommandLine commandLine() {
    return new CommandLine(new GammaXl()).setExecutionExceptionHandler(errorLine("gammaxl"));
  }

  /**
   * What a command of the tool (this one, or {@code gammaxl sweep} in its own jar) does with an exception
   * that reaches it: prints one line, {@code NAME: file: what} (the first line of a longer message), and
   * exits 1.
   */
  public static CommandLine.IExecutionExceptionHandler errorLine(String name) {
    return (e, cmd, parse) -> {
      String m = FileErrors.describe(e);
      cmd.getErr().println(name + ": " + m.lines().findFirst().orElse(m));
      return 1;
    };
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = {"The main job on built-in data: writes the templates and a filled ledger report for a long "
          + "at-the-money straddle scalped (delta-hedged in a band) on a bundled SIMULATED price path, then prints "
          + "the book's summary and how much convexity the scalping harvested against the time decay.",
          "Path provenance: " + DemoData.PROVENANCE})
  static final class Demo implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, description = "output directory (default: ${DEFAULT-VALUE})", defaultValue = "gammaxl-demo")
    Path out;
    @Option(names = "--days", description = "observations in the path, one a day (default: ${DEFAULT-VALUE})", defaultValue = "250")
    int days;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      if (days < 3) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--days must be at least 3, was " + days);
      }
      Files.createDirectories(out);
      for (Path p : Templates.writeAll(out)) {
        o.println("wrote " + p);
      }
      PriceSeries path = DemoData.path(days);
      PositionFile position = DemoData.position(path);
      Path report = out.resolve("gammaxl-demo-report.xlsx");
      var result = new LedgerReport().write(position, path, DemoData.PROVENANCE, report);
      o.println("wrote " + report + " (" + result.rows() + " ledger rows)");
      o.println();
      StringBuilder legs = new StringBuilder();
      for (PositionFile.Leg l : position.legs()) {
        legs.append(legs.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%+.0f %s %s", l.quantity(),
            l.typeKeyword(), NumberFormats.PRICE.print(l.strike())));
      }
      o.println(String.format(Locale.ROOT, "Book: %s expiring %s, bought at %s implied vol; hedged in %s, rule %s %s",
          legs, org.gammaxl.workbooks.io.ExcelDates.dateTime(position.expiry()).toLocalDate(),
          NumberFormats.PERCENT.print(position.vol()), position.hedge(), position.rule(),
          NumberFormats.QUANTITY.print(position.threshold())));
      o.println("Data: " + DemoData.PROVENANCE);
      o.println();
      o.println(harvest(result.summary()));
      o.println();
      printTable(o, result.summary());
      return 0;
    }
  }

  /** The sentence a scalper reads first: convexity harvested (gamma P&L) against the decay paid (theta P&L). */
  static String harvest(Object[][] summary) {
    java.util.Map<String, Double> v = new java.util.HashMap<>();
    for (Object[] r : summary) {
      if (r.length > 1 && r[1] instanceof Double d) {
        v.put(String.valueOf(r[0]), d);
      }
    }
    double gamma = v.getOrDefault("GAMMA_PNL", Double.NaN);
    double theta = v.getOrDefault("THETA_PNL", Double.NaN);
    double years = v.getOrDefault("YEARS", Double.NaN);
    double vegaAndCarry = v.getOrDefault("VEGA_PNL", 0.0) + v.getOrDefault("CARRY_PNL", 0.0);
    return String.format(Locale.ROOT, "Scalping harvested %s of convexity (GAMMA_PNL) against %s of time decay"
        + " (THETA_PNL) over %s: gamma minus decay %s; with the delta P&L between re-hedges %s,%s costs %s and the"
        + " residual %s, TOTAL_PNL %s from %s hedge trades (realized vol %s against %s implied).",
        NumberFormats.MONEY.print(gamma), NumberFormats.MONEY.print(-theta),
        String.format(Locale.ROOT, "%.0f days", years * 365), NumberFormats.MONEY.print(gamma + theta),
        NumberFormats.MONEY.print(v.getOrDefault("DELTA_PNL", Double.NaN)),
        vegaAndCarry == 0 ? "" : " vega and carry " + NumberFormats.MONEY.print(vegaAndCarry) + ",",
        NumberFormats.MONEY.print(v.getOrDefault("COST_PNL", Double.NaN)),
        NumberFormats.MONEY.print(v.getOrDefault("RESIDUAL_PNL", Double.NaN)),
        NumberFormats.MONEY.print(v.getOrDefault("TOTAL_PNL", Double.NaN)),
        NumberFormats.COUNT.print(v.getOrDefault("HEDGE_COUNT", Double.NaN)),
        NumberFormats.PERCENT.print(v.getOrDefault("REALIZED_VOL", Double.NaN)),
        NumberFormats.PERCENT.print(v.getOrDefault("IMPLIED_VOL", Double.NaN)));
  }

  /**
   * Prints a summary as a two-column table, each value in the format of its kind: counts as integers,
   * money with 2 decimals, vols as percentages, years with their unit.
   */
  static void printTable(PrintWriter o, Object[][] rows) {
    int w = 0;
    int columns = 0;
    for (Object[] r : rows) {
      w = Math.max(w, String.valueOf(r[0]).length());
      columns = Math.max(columns, r.length - 1);
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s  %18s", "SUMMARY",
        columns > 1 ? "BOOK" : "VALUE"));
    for (int c = 2; c <= columns; c++) {
      head.append(String.format(Locale.ROOT, "  %14s", "LEG " + (c - 1)));
    }
    o.println(head);
    o.println("-".repeat(head.length()));
    for (Object[] r : rows) {
      NumberFormats kind = NumberFormats.of(String.valueOf(r[0]));
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s  %18s", r[0],
          text(kind, r.length > 1 ? r[1] : "")));
      for (int c = 2; c < r.length; c++) {
        line.append(String.format(Locale.ROOT, "  %14s", text(kind, r[c])));
      }
      o.println(line.toString().stripTrailing());
    }
    o.flush();
  }

  private static String text(NumberFormats kind, Object v) {
    if (v instanceof Double d) {
      return kind == NumberFormats.DATE_TIME ? org.gammaxl.workbooks.io.ExcelDates.dateTime(d).toLocalDate().toString()
          : kind.print(d);
    }
    return v instanceof org.gammaxl.sheet.ExcelError e ? e.text() : String.valueOf(v);
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Prices CSV + position file -> a filled ledger workbook (values computed by the engine, "
          + "written as GX formulas with cached values; summary sheet; charts).",
          "With --batch: every NAME.csv with a NAME.position beside it in DIR -> OUT/NAME.xlsx, in parallel "
          + "on all cores; a bad book is reported and skipped.",
          "CSV: header time,spot[,vol,bid,ask]; times ISO or Excel serial. Position file: key = value "
          + "(type, strike, expiry, quantity, vol; optional underlying, multiplier, premium, rule, threshold, "
          + "fee_bps, slippage_bps, rate, yield, hedge, future_expiry (required for hedge = FUTURE), lot, model, basis); [leg] sections make a book, [dividend] sections (date, amount) add cash dividends."})
  static final class Report implements Callable<Integer> {
    @Option(names = "--prices", description = "price CSV file")
    Path prices;
    @Option(names = "--position", description = "position/policy file")
    Path position;
    @Option(names = "--batch", paramLabel = "DIR", description = "directory of books (NAME.csv + NAME.position)")
    Path batch;
    @Option(names = "--threads", description = "worker threads for --batch (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = {"-o", "--output"}, required = true, description = "output .xlsx (or directory with --batch)")
    Path out;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      if (batch != null) {
        if (prices != null || position != null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--batch takes no --prices/--position");
        }
        var summary = new BatchReport(new LedgerReport(), threads).run(batch, out, err);
        spec.commandLine().getOut().println(summary);
        return summary.failed() == 0 ? 0 : 1;
      }
      if (prices == null || position == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "report needs --prices and --position (or --batch DIR)");
      }
      try {
        Path target = FileErrors.xlsx(out, err);
        PriceSeries p = PriceSeries.read(prices);
        PositionFile pos = PositionFile.read(position);
        FileErrors.warnExpiries(pos, p, position, err);
        var result = new LedgerReport().write(pos, p, prices.getFileName().toString(), target, prices, position);
        out = target;
        spec.commandLine().getOut().println("wrote " + out + " (" + result.rows() + " ledger rows)");
        printTable(spec.commandLine().getOut(), result.summary());
        return 0;
      } catch (InputFileException | ReportException e) {
        err.println("gammaxl: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "recalc", mixinStandardHelpOptions = true,
      description = "Recalculate a workbook with the GX functions and write it with cached values (IN is never overwritten).")
  static final class Recalc implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "workbook to read (.xlsx/.xltx)")
    Path in;
    @Option(names = {"-o", "--output"}, required = true, description = "workbook to write; must differ from IN")
    Path out;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!Files.isReadable(in)) {
        spec.commandLine().getErr().println("gammaxl: " + in + ": " + (Files.exists(in) ? "cannot read the file" : "no such file"));
        return 1;
      }
      try {
        out = FileErrors.xlsx(out, spec.commandLine().getErr());
        Recalculator r = new Recalculator();
        int n = r.recalculate(in, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + n + " formula cells, " + r.failed() + " not evaluated)");
        return r.failed() == 0 ? 0 : 1;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("gammaxl: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "templates", mixinStandardHelpOptions = true,
      description = "Write the ledger, journal and risk templates (.xltx) and their filled examples (.xlsx).")
  static final class TemplatesCmd implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, description = "output directory")
    Path out;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      for (Path p : Templates.writeAll(out)) {
        spec.commandLine().getOut().println("wrote " + p);
      }
      return 0;
    }
  }

  @Command(name = "functions", mixinStandardHelpOptions = true,
      description = "List the GX worksheet functions of the catalogue (the names POI and the add-in register).")
  static final class Functions implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      List<WorksheetFunction> all = Catalogue.standard().functions();
      if (all.isEmpty()) {
        o.println("(the catalogue is empty in this build)");
      }
      for (WorksheetFunction f : all) {
        StringBuilder sig = new StringBuilder(f.name()).append('(');
        for (int i = 0; i < f.arguments().size(); i++) {
          Argument a = f.arguments().get(i);
          sig.append(i == 0 ? "" : ", ").append(a.optional() ? "[" + a.name() + "]" : a.name());
        }
        sig.append(')');
        o.println(String.format(Locale.ROOT, "%-60s %s", sig, f.description()));
      }
      return 0;
    }
  }
}
