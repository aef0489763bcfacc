package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReportTest {
  static void book(Path dir, String name, int rows) throws Exception {
    StringBuilder csv = new StringBuilder("time,spot\n");
    PriceSeries p = DemoData.path(rows, name.hashCode(), 1.0);
    for (int i = 0; i < rows; i++) {
      csv.append(p.times()[i]).append(',').append(p.spots()[i]).append('\n');
    }
    Files.writeString(dir.resolve(name + ".csv"), csv);
    Files.writeString(dir.resolve(name + ".position"), "type=C\nstrike=100\nexpiry=2024-12-31\nquantity=-10\nvol=0.5\n");
  }

  @Test
  void badBooksAreReportedAndSkippedTheOthersAreWritten(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path out = dir.resolve("out");
    book(in, "a", 30);
    book(in, "b", 40);
    book(in, "c", 50);
    book(in, "bad", 10);
    Files.writeString(in.resolve("bad.csv"), "time,spot\n2024-01-02,100\n2024-01-03,oops\n");
    Files.writeString(in.resolve("orphan.csv"), "time,spot\n2024-01-02,100\n2024-01-03,101\n");
    StringWriter progress = new StringWriter();
    var summary = new BatchReport(new LedgerReport(TestLedgers.LEDGER, TestLedgers.SUMMARY), 2)
        .run(in, out, new PrintWriter(progress));
    assertEquals(5, summary.books());
    assertEquals(3, summary.written());
    assertEquals(2, summary.failed());
    assertEquals(120, summary.rows());
    assertTrue(Files.exists(out.resolve("a.xlsx")) && Files.exists(out.resolve("b.xlsx")) && Files.exists(out.resolve("c.xlsx")));
    assertEquals("bad: " + in.resolve("bad.csv") + ":3: spot: 'oops' is not a number", summary.failures().get(0));
    assertTrue(summary.failures().get(1).startsWith("orphan: " + in.resolve("orphan.position") + ": missing"));
    assertTrue(progress.toString().contains("5/5 books, 2 failed"), progress.toString());
    assertTrue(summary.toString().contains("5 books: 3 written, 2 failed"), summary.toString());
  }
}
