package org.gammaxl.workbooks.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;
import org.gammaxl.workbooks.report.GexReport;
import org.gammaxl.workbooks.report.OptionChainFile;
import org.gammaxl.workbooks.report.ReportException;
import org.gammaxl.workbooks.templates.GexTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gammaxl gex}: an option chain CSV → the filled gamma-exposure workbook, and the total GEX, gamma flip
 * and walls on the terminal. Exit 0 done, 1 bad input (one line {@code file:line: field: reason}; nothing
 * written), 2 usage.
 */
@Command(name = "gex", mixinStandardHelpOptions = true,
    description = {"Dealer gamma exposure of an option chain: writes the gamma-exposure workbook (chain, GEX by "
        + "strike chart, profile with the gamma flip, call and put walls; cached values) and prints total GEX, "
        + "flip and walls.",
        "CHAIN.csv: header type,strike,expiry,iv,oi (expiry a date = 16:00 that day, iv 0.2 = 20%%, oi in "
            + "contracts), or a CBOE delayed-quotes table (cboe.com/delayed_quotes/.../quote_table, Download CSV), "
            + "whose preamble also gives spot and date. See docs/gex.md.",
        "Conventions: GEX = sign x gamma x OI x multiplier x spot^2 x 0.01 (currency per 1%% move); CALLS_LONG = "
            + "dealers long calls, short puts."})
final class Gex implements Callable<Integer> {
  @Option(names = "--chain", paramLabel = "CHAIN.csv", description = "option chain file")
  Path chain;
  @Option(names = "--sample", description = "use the bundled SYNTHETIC sample chain (spot 4512.37, 2024-03-15 16:00)")
  boolean sample;
  @Option(names = "--spot", paramLabel = "S", description = "spot of the underlying (default: the CBOE file's 'Last:')")
  Double spot;
  @Option(names = "--date", paramLabel = "D", description = "valuation date or date-time, ISO; a date means 16:00 "
      + "(default: the CBOE file's 'Date:', else now)")
  String date;
  @Option(names = "--rate", description = "continuously compounded rate, 0.05 = 5%% (default: ${DEFAULT-VALUE})",
      defaultValue = "0")
  double rate;
  @Option(names = "--yield", description = "continuous dividend yield (default: ${DEFAULT-VALUE})", defaultValue = "0")
  double yield;
  @Option(names = "--multiplier", description = "underlying units per contract (default: ${DEFAULT-VALUE})",
      defaultValue = "100")
  double multiplier;
  @Option(names = "--convention", description = "CALLS_LONG or SIGNED (default: ${DEFAULT-VALUE})",
      defaultValue = "CALLS_LONG")
  String convention;
  @Option(names = "--units", description = "PER_1PCT, PER_POINT or SHARES (default: ${DEFAULT-VALUE})",
      defaultValue = "PER_1PCT")
  String units;
  @Option(names = "--skip-expired", description = "leave out options expiring at or before the valuation "
      + "(default: such a row is an error)")
  boolean skipExpired;
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "GEX.xlsx", description = "workbook to write")
  Path out;
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if ((chain == null) == !sample) {
      throw new CommandLine.ParameterException(spec.commandLine(), "gex needs --chain CHAIN.csv or --sample");
    }
    String conv = keyword("--convention", convention, "CALLS_LONG", "SIGNED");
    String unit = keyword("--units", units, "PER_1PCT", "PER_POINT", "SHARES");
    try {
      OptionChainFile file;
      Path name;
      if (sample) {
        file = GexReport.sample();
        name = Path.of("synthetic-chain.csv (bundled sample)");
      } else {
        if (!Files.isReadable(chain)) {
          err.println(chain + ": cannot read the file");
          return 1;
        }
        file = OptionChainFile.read(chain);
        name = chain;
      }
      double s = spot != null ? spot : sample ? GexReport.SAMPLE_SPOT : file.spot() != null ? file.spot() : Double.NaN;
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new CommandLine.ParameterException(spec.commandLine(), Double.isNaN(s)
            ? "gex needs --spot S (the chain file does not state the spot)" : "--spot must be > 0, was " + s);
      }
      double valuation = date != null ? valuationDate()
          : sample ? ExcelDates.serial(GexReport.SAMPLE_VALUATION)
          : file.valuation() != null ? file.valuation() : ExcelDates.serial(LocalDateTime.now().withNano(0));
      String source = sample ? "bundled SYNTHETIC sample chain (scripts/gex_sample_chain.py), not market data"
          : chain.getFileName() + " (" + file.layout() + " layout)";
      var in = new GexTemplate.Inputs(s, valuation, rate, yield, multiplier, conv, unit, source);
      GexReport.Result r = sample ? GexReport.write(file, name, in, skipExpired, out)
          : GexReport.write(file, name, in, skipExpired, out, chain);
      print(spec.commandLine().getOut(), r, in, unit);
      return 0;
    } catch (InputFileException | ReportException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private double valuationDate() {
    try {
      return OptionChainFile.dateTime(Path.of("--date"), 0, "--date", date);
    } catch (InputFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--date '" + date + "' is not a date"
          + " (2024-03-15, meaning 16:00), date-time (2024-03-15T10:30) or Excel serial number");
    }
  }

  private String keyword(String option, String value, String... allowed) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return a;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), option + " must be one of "
        + String.join(", ", allowed) + ", was '" + value + "'");
  }

  private static void print(PrintWriter o, GexReport.Result r, GexTemplate.Inputs in, String unit) {
    String per = switch (unit) {
      case "PER_POINT" -> "currency per 1.00 move";
      case "SHARES" -> "shares per 1.00 move";
      default -> "currency per 1% move";
    };
    o.println("wrote " + r.file() + " (" + r.options() + " options, " + r.strikes() + " strikes"
        + (r.skipped() > 0 ? ", " + r.skipped() + " expired left out" : "") + ")");
    o.println(String.format(Locale.ROOT, "Spot %,.2f at %s, %s", in.spot(), ExcelDates.dateTime(in.valuation()),
        in.convention()));
    o.println(String.format(Locale.ROOT, "%-12s %,22.0f  (%s)", "Total GEX", r.totalGex(), per));
    o.println(String.format(Locale.ROOT, "%-12s %,22.0f  (delta per vol point)", "Total VEX", r.totalVex()));
    o.println(String.format(Locale.ROOT, "%-12s %,22.0f  (delta per day)", "Total CEX", r.totalCex()));
    o.println(String.format(Locale.ROOT, "%-12s %22s", "Gamma flip", r.flip() == null
        ? "none in the profile's range" : String.format(Locale.ROOT, "%,.2f", r.flip())));
    o.println(String.format(Locale.ROOT, "%-12s %22s", "Call wall", r.callWall() == null ? "none"
        : String.format(Locale.ROOT, "%,.2f", r.callWall())));
    o.println(String.format(Locale.ROOT, "%-12s %22s", "Put wall", r.putWall() == null ? "none"
        : String.format(Locale.ROOT, "%,.2f", r.putWall())));
    o.println(r.regime() + "; " + r.flipRegime());
    o.flush();
  }
}
