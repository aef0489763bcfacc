package org.gammaxl.workbooks.report;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scale benchmark of the ledger report (not in the default test run). Run:
 * {@code mvn -B -q -pl workbooks -am test -Dtest=ReportScaleBenchmark -Dgammaxl.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -Dgammaxl.rows=10000,100000,1000000 -DargLine=-Xmx1g}.
 * Uses the ledger engine (streamed); {@code -Dgammaxl.standIn=true} swaps in the test stand-in ledger to
 * measure the writer alone. Prints rows/s and peak heap.
 */
@Tag("benchmark")
class ReportScaleBenchmark {
  @Test
  void reportRowsPerSecond() throws Exception {
    boolean real = !Boolean.getBoolean("gammaxl.standIn");
    LedgerReport report = real ? new LedgerReport() : new LedgerReport(TestLedgers.LEDGER, TestLedgers.SUMMARY);
    Path dir = Files.createTempDirectory("gx-bench");
    for (String n : System.getProperty("gammaxl.rows", "10000,100000").split(",")) {
      int rows = Integer.parseInt(n.trim());
      PriceSeries prices = DemoData.path(rows, 7, 1.0 / 24 / 12);
      PositionFile position = PositionFile.demo(100, prices.times()[rows - 1] + 30);
      System.gc();
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      double load = os.getSystemLoadAverage();
      long t0 = System.nanoTime();
      Path out = dir.resolve("r" + rows + ".xlsx");
      report.write(position, prices, "bench", out);
      double s = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf("BENCH %s rows=%d seconds=%.2f rows/s=%.0f cpuSeconds=%.1f loadAvgBefore=%.1f peakHeapMB=%d file=%dKB%n",
          real ? "engine" : "stand-in-ledger", rows, s, rows / s, cpu, load, peak >> 20, Files.size(out) >> 10);
      Files.delete(out);
    }
  }

  /** {@code -Dgammaxl.books=1000 -Dgammaxl.bookRows=250}: a batch of books on all cores. */
  @Test
  void batchOfBooks() throws Exception {
    int books = Integer.getInteger("gammaxl.books", 1000);
    int rows = Integer.getInteger("gammaxl.bookRows", 250);
    boolean real = !Boolean.getBoolean("gammaxl.standIn");
    LedgerReport report = real ? new LedgerReport() : new LedgerReport(TestLedgers.LEDGER, TestLedgers.SUMMARY);
    Path in = Files.createTempDirectory("gx-batch-in");
    Path out = Files.createTempDirectory("gx-batch-out");
    for (int b = 0; b < books; b++) {
      BatchReportTest.book(in, String.format("book%04d", b), rows);
    }
    var summary = new BatchReport(report, Runtime.getRuntime().availableProcessors()).run(in, out, null);
    System.out.printf("BENCH %s batch books=%d rowsPerBook=%d cores=%d %s%n", real ? "engine" : "stand-in-ledger",
        books, rows, Runtime.getRuntime().availableProcessors(), summary);
  }
}
