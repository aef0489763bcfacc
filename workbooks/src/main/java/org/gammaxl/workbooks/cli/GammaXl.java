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
        GammaXl.Functions.class, CommandLine.HelpCommand.class})
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
    return new CommandLine(new GammaXl())
        .setExecutionExceptionHandler((e, cmd, parse) -> {
          cmd.getErr().println("gammaxl: " + FileErrors.describe(e));
          return 1;
        });
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = {"The main job on built-in data: writes the templates and a filled ledger report for a short "
          + "at-the-money call position hedged on a bundled SIMULATED price path, then prints the summary.",
          "Path provenance: " + DemoData.PROVENANCE})
  static final class Demo implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, description = "output directory (default: ${DEFAULT-VALUE})", defaultValue = "gammaxl-demo")
    Path out;
    @Option(names = "--days", description = "observations in the path (default: ${DEFAULT-VALUE})", defaultValue = "250")
    int days;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
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
      o.println(String.format(Locale.ROOT, "Position: %+.0f %s strike %.2f expiring %s, implied vol %.0f%%; hedge %s %s %s",
          position.quantity(), position.typeKeyword(), position.strike(),
          org.gammaxl.workbooks.io.ExcelDates.dateTime(position.expiry()).toLocalDate(), 100 * position.vol(),
          position.hedge(), position.rule(), position.threshold()));
      o.println("Data: " + DemoData.PROVENANCE);
      o.println();
      printTable(o, result.summary());
      return 0;
    }
  }

  /**
   * Prints a summary as a two-column table, each value in the format of its kind: counts as integers,
   * money with 2 decimals, vols as percentages, years with their unit.
   */
  static void printTable(PrintWriter o, Object[][] rows) {
    int w = 0;
    for (Object[] r : rows) {
      w = Math.max(w, String.valueOf(r[0]).length());
    }
    o.println(String.format(Locale.ROOT, "%-" + w + "s  %18s", "SUMMARY", "VALUE"));
    o.println("-".repeat(w + 20));
    for (Object[] r : rows) {
      Object v = r.length > 1 ? r[1] : "";
      String text = v instanceof Double d ? NumberFormats.of(String.valueOf(r[0])).print(d)
          : v instanceof org.gammaxl.sheet.ExcelError e ? e.text() : String.valueOf(v);
      o.println(String.format(Locale.ROOT, "%-" + w + "s  %18s", r[0], text));
    }
    o.flush();
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Prices CSV + position file -> a filled ledger workbook (values computed by the engine, "
          + "written as GX formulas with cached values; summary sheet; charts).",
          "With --batch: every NAME.csv with a NAME.position beside it in DIR -> OUT/NAME.xlsx, in parallel "
          + "on all cores; a bad book is reported and skipped.",
          "CSV: header time,spot[,vol,bid,ask]; times ISO or Excel serial. Position file: key = value "
          + "(type, strike, expiry, quantity, vol; optional underlying, multiplier, premium, rule, threshold, "
          + "fee_bps, slippage_bps, rate, yield, hedge, future_expiry (required for hedge = FUTURE), lot, model)."})
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
