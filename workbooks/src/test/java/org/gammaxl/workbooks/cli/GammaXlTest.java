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
    CommandLine cl = new CommandLine(new GammaXl());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler((e, cmd, parse) -> {
      cmd.getErr().println("gammaxl: " + e.getMessage());
      return 1;
    });
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
    assertEquals(csv + ":3: spot: 'x' is not a number", r.err().strip());
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
      assertEquals("45471", settings.get("FUTURE_EXPIRY"), "2024-06-28 as GX.LEDGER reads it with TIME=DATES");
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
  }
}
