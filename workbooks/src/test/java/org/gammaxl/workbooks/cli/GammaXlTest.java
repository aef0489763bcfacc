package org.gammaxl.workbooks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class GammaXlTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GammaXl.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "demo", "report", "recalc", "templates", "functions", "gex"})
  void everyCommandHasHelp(String command) {
    Run r = command.isEmpty() ? run("--help") : run(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: gammaxl" + (command.isEmpty() ? "" : " " + command)), r.out());
  }

  @Test
  void malformedCsvExitsNonZeroWithFileLineField(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("p.csv"), "time,spot\n2024-01-02,100\n2024-01-03,x\n");
    Path pos = Files.writeString(dir.resolve("p.position"), "type=C\nstrike=100\nexpiry=2024-02-01\nquantity=-1\nvol=0.2\n");
    Run r = run("report", "--prices", csv.toString(), "--position", pos.toString(), "-o", dir.resolve("r.xlsx").toString());
    assertEquals(1, r.code());
    assertEquals("gammaxl: " + csv + ":3: spot: 'x' is not a number", r.err().strip());
    assertTrue(Files.notExists(dir.resolve("r.xlsx")));
  }

  @Test
  void recalcRefusesToOverwriteItsInput(@TempDir Path dir) throws Exception {
    Run t = run("templates", "-o", dir.toString());
    assertEquals(0, t.code(), t.err());
    Path in = dir.resolve("gammaxl-journal-example.xlsx");
    byte[] before = Files.readAllBytes(in);
    Run r = run("recalc", in.toString(), "-o", in.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("refusing to overwrite the input"), r.err());
    assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(in)));
    Run ok = run("recalc", in.toString(), "-o", dir.resolve("again.xlsx").toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("0 not evaluated"), ok.out());
  }

  @Test
  void missingArgumentsAreUsageErrors() {
    assertEquals(2, run("recalc").code());
    assertEquals(2, run("report", "-o", "x.xlsx").code());
    assertEquals(2, run("nonsense").code());
  }

  @Test
  void reportFromCsvAndPositionFile(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("time,spot\n");
    var path = org.gammaxl.workbooks.report.DemoData.path(40);
    for (int i = 0; i < path.size(); i++) {
      csv.append(org.gammaxl.workbooks.io.ExcelDates.dateTime(path.times()[i])).append(',').append(path.spots()[i]).append('\n');
    }
    Path prices = Files.writeString(dir.resolve("p.csv"), csv);
    Path pos = Files.writeString(dir.resolve("p.position"),
        "underlying=TEST\ntype=C\nstrike=100\nexpiry=2024-03-29\nquantity=-100\nvol=0.6\nrule=DELTA\nthreshold=5\n");
    Path out = dir.resolve("r.xlsx");
    Run r = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(40 ledger rows)") && r.out().contains("TOTAL_PNL"), r.out());
    assertTrue(Files.size(out) > 10_000);
    Run again = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", prices.toString());
    assertEquals(1, again.code(), "the CSV input is never overwritten");
    assertTrue(Files.readString(prices).startsWith("time,spot"));
  }

  @Test
  void reportHedgedWithAFutureThroughThePositionFile(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("time,spot\n");
    var path = org.gammaxl.workbooks.report.DemoData.path(30);
    for (int i = 0; i < path.size(); i++) {
      csv.append(org.gammaxl.workbooks.io.ExcelDates.dateTime(path.times()[i])).append(',').append(path.spots()[i]).append('\n');
    }
    Path prices = Files.writeString(dir.resolve("p.csv"), csv);
    String position = "type=C\nstrike=100\nexpiry=2024-03-29\nquantity=-100\nvol=0.6\nrule=DELTA\nthreshold=5\n"
        + "hedge=FUTURE\nfuture_expiry=2024-06-28\nlot=1\nmodel=BLACK76\n";
    Path pos = Files.writeString(dir.resolve("p.position"), position);
    Path out = dir.resolve("r.xlsx");
    Run r = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.toFile())) {
      var inputs = wb.getSheet("Inputs");
      java.util.Map<String, String> settings = new java.util.HashMap<>();
      for (var row : inputs) {
        if (row.getCell(3) != null && row.getCell(4) != null && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
          settings.put(row.getCell(3).getStringCellValue(), new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(4)));
        }
      }
      assertEquals("FUTURE", settings.get("HEDGE"));
      assertEquals("BLACK76", settings.get("MODEL"));
      assertEquals("1", settings.get("LOT"));
      assertEquals("2024-06-28", settings.get("FUTURE_EXPIRY"), "a date, shown as one");
    }
    Files.writeString(pos, position.replace("future_expiry=2024-06-28\n", ""));
    Run bad = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", dir.resolve("bad.xlsx").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains(pos + ":8: future_expiry: missing; it is required when hedge = FUTURE"), bad.err());
  }

  @Test
  void demoWritesTemplatesAndReportAndPrintsTheSummary(@TempDir Path dir) {
    Run r = run("demo", "-o", dir.toString(), "--days", "30");
    assertEquals(0, r.code(), r.err());
    for (String f : java.util.List.of("gammaxl-ledger.xltx", "gammaxl-journal.xltx", "gammaxl-risk.xltx",
        "gammaxl-ledger-example.xlsx", "gammaxl-journal-example.xlsx", "gammaxl-risk-example.xlsx", "gammaxl-demo-report.xlsx")) {
      assertTrue(Files.exists(dir.resolve(f)), f);
    }
    assertTrue(r.out().contains("SIMULATED") && r.out().contains("TOTAL_PNL") && r.out().contains("REALIZED_VOL"), r.out());
    // A long straddle, scalped: convexity harvested (gamma P&L > 0) against the decay paid (theta P&L < 0).
    assertTrue(r.out().contains("Book: +100 CALL 100.00 + +100 PUT 100.00"), r.out());
    var gamma = java.util.regex.Pattern.compile("(?m)^GAMMA_PNL\\s+([0-9,.-]+)").matcher(r.out());
    var theta = java.util.regex.Pattern.compile("(?m)^THETA_PNL\\s+([0-9,.-]+)").matcher(r.out());
    assertTrue(gamma.find() && theta.find(), r.out());
    assertTrue(Double.parseDouble(gamma.group(1).replace(",", "")) > 0, "GAMMA_PNL > 0: " + gamma.group(1));
    assertTrue(Double.parseDouble(theta.group(1).replace(",", "")) < 0, "THETA_PNL < 0: " + theta.group(1));
    assertTrue(r.out().matches("(?s).*Scalping harvested [0-9,.]+ of convexity \\(GAMMA_PNL\\) against [0-9,.]+ of time decay.*"),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("HEDGE_COUNT\\s+[0-9]+")), "counts as integers");
    assertTrue(r.out().lines().anyMatch(l -> l.matches("QUANTITY\\s+100\\s+100")), "a leg's quantity as the count it is");
    // The sentence's parts add up to its total, to the rounding of the printed cents.
    var parts = java.util.regex.Pattern.compile("gamma minus decay ([0-9,.-]+); with the delta P&L between re-hedges "
        + "([0-9,.-]+), costs ([0-9,.-]+) and the residual ([0-9,.-]+), TOTAL_PNL ([0-9,.-]+)").matcher(r.out());
    assertTrue(parts.find(), r.out());
    double sum = 0;
    for (int g = 1; g <= 4; g++) {
      sum += Double.parseDouble(parts.group(g).replace(",", ""));
    }
    assertEquals(Double.parseDouble(parts.group(5).replace(",", "")), sum, 0.025, parts.group());
  }
  private static Path prices(Path dir, int days) throws Exception {
    StringBuilder csv = new StringBuilder("time,spot\n");
    var path = org.gammaxl.workbooks.report.DemoData.path(days);
    for (int i = 0; i < path.size(); i++) {
      csv.append(org.gammaxl.workbooks.io.ExcelDates.dateTime(path.times()[i])).append(',').append(path.spots()[i]).append('\n');
    }
    return Files.writeString(dir.resolve("prices.csv"), csv);
  }

  @Test
  void everyFileErrorIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Path pos = Files.writeString(dir.resolve("p.position"), "type=C\nstrike=100\nexpiry=2024-03-29\nquantity=-1\nvol=0.2\n");
    Run missing = run("report", "--prices", dir.resolve("nope.csv").toString(), "--position", pos.toString(),
        "-o", dir.resolve("r.xlsx").toString());
    assertEquals(1, missing.code());
    assertEquals("gammaxl: " + dir.resolve("nope.csv") + ": no such file", missing.err().strip());
    Path prices = prices(dir, 20);
    Run toDirectory = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", dir.toString());
    assertEquals(1, toDirectory.code());
    assertEquals(1, toDirectory.err().strip().lines().count(), toDirectory.err());
    assertTrue(toDirectory.err().startsWith("gammaxl: " + dir + ": is a directory"), toDirectory.err());
    assertTrue(!toDirectory.err().contains(".tmp"), "no temporary path: " + toDirectory.err());
    Run wrongExtension = run("report", "--prices", prices.toString(), "--position", pos.toString(),
        "-o", dir.resolve("r.csv").toString());
    assertEquals(1, wrongExtension.code());
    assertTrue(wrongExtension.err().contains("name it r.xlsx"), wrongExtension.err());
    Run recalcMissing = run("recalc", dir.resolve("none.xlsx").toString(), "-o", dir.resolve("x.xlsx").toString());
    assertEquals("gammaxl: " + dir.resolve("none.xlsx") + ": no such file", recalcMissing.err().strip());
  }

  @Test
  void anOutputWithoutExtensionGetsXlsxAndAnExpiryInsideThePathIsWarned(@TempDir Path dir) throws Exception {
    Path prices = prices(dir, 40);
    Path pos = Files.writeString(dir.resolve("p.position"), "type=C\nstrike=100\nexpiry=2024-01-20\nquantity=-100\nvol=0.6\n");
    Run r = run("report", "--prices", prices.toString(), "--position", pos.toString(), "-o", dir.resolve("r").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(dir.resolve("r.xlsx")), "written as r.xlsx");
    assertTrue(r.err().contains("(added .xlsx)"), r.err());
    assertTrue(r.err().contains("warning: " + pos + ": the option expires 2024-01-20, inside the price path"), r.err());
    // Counts print as integers, money with two decimals, years with their unit.
    assertTrue(r.out().lines().anyMatch(l -> l.matches("EVENTS\\s+40")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("HEDGE_COUNT\\s+[0-9]+")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("TOTAL_PNL\\s+-?[0-9,]+\\.[0-9]{2}")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("YEARS\\s+0\\.[0-9]{4} years.*")), r.out());
  }

  @Test
  void demoHelpPrintsNoPicocliWarning() {
    Run r = run("demo", "--help");
    assertEquals(0, r.code());
    assertTrue(!r.err().contains("picocli") && !r.out().contains("picocli WARN"), r.err());
  }
}
