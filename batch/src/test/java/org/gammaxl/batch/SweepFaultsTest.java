package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults: a task that fails once is retried and the output is complete and identical (the sweep is
 * deterministic); a malformed row fails the job with {@code file:line: field}, or with
 * {@code --skip-bad-books} is listed and the other books are written (exit 1); a failed sweep leaves
 * no output directory and no staging directory behind.
 */
class SweepFaultsTest {
  private static final String GRID = "rule,threshold\nDELTA,0.5|1|2\nEVERY,\n";

  private static Path books(Path dir) throws Exception {
    Path b = dir.resolve("books");
    for (String name : List.of("alpha", "beta", "gamma")) {
      SweepFixture.csv(b, name, SweepFixture.path(name.hashCode(), 120), true, false);
      SweepFixture.position(b, name, SweepFixture.shortCall(name.toUpperCase()));
    }
    return b;
  }

  @Test
  void aTaskFailingOnceIsRetriedAndTheOutputIsCompleteAndIdentical(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Sweep.run(SweepFixture.spark(), SweepFixture.options(books, books, grid, dir.resolve("clean")));
    AtomicInteger failedTasks = new AtomicInteger();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() instanceof ExceptionFailure f && f.description().contains("injected failure")) {
          failedTasks.incrementAndGet();
        }
      }
    };
    SweepFixture.spark().sparkContext().addSparkListener(listener);
    try {
      Sweep.Options o = SweepFixture.options(books, books, grid, dir.resolve("retried"));
      Sweep.run(SweepFixture.spark(), new Sweep.Options(o.prices(), o.books(), o.policies(), o.out(), o.format(), null,
          0, false, false, 0, null, "beta"));
    } finally {
      SweepFixture.spark().sparkContext().removeSparkListener(listener);
    }
    assertEquals(1, failedTasks.get(), "the injected failure happened once");
    List<Row> clean = SweepFixture.rows("parquet", dir.resolve("clean"));
    List<Row> retried = SweepFixture.rows("parquet", dir.resolve("retried"));
    assertEquals(3 * 4, clean.size());
    // Row equality compares the doubles bit for bit: two runs, one with a retried task, give the same rows.
    assertEquals(clean, retried);
  }

  @Test
  void aMalformedRowFailsTheSweepWithFileLineAndFieldAndLeavesNoOutput(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Files.writeString(books.resolve("beta.csv"), "time,spot,vol\n2024-03-01T10:00,100,0.2\n2024-03-01T11:00,oops,0.2\n");
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Path out = dir.resolve("out");
    Exception e = assertThrows(Exception.class,
        () -> Sweep.run(SweepFixture.spark(), SweepFixture.options(books, books, grid, out)));
    assertEquals(books.resolve("beta.csv") + ":3: spot: 'oops' is not a number", SweepInputException.find(e));
    assertNoOutput(dir, out);
  }

  @Test
  void anObservationTheEngineRejectsIsNamedByItsFileAndLine(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    // alpha's path over two day files of a partitioned layout; the second day repeats the last hour of the first.
    Path prices = dir.resolve("prices");
    Files.createDirectories(prices.resolve("book=alpha"));
    Files.writeString(prices.resolve("book=alpha/day-1.csv"), "time,spot,vol\n2024-03-01T10:00,100,0.2\n2024-03-01T11:00,101,0.2\n");
    Files.writeString(prices.resolve("book=alpha/day-2.csv"), "time,spot,vol\n\n2024-03-01T11:00,102,0.2\n");
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Path out = dir.resolve("out");
    Exception e = assertThrows(Exception.class, () -> Sweep.run(SweepFixture.spark(),
        SweepFixture.options(prices, books.resolve("alpha.position"), grid, out)));
    String m = SweepInputException.find(e);
    assertTrue(m.startsWith(prices.resolve("book=alpha/day-2.csv") + ":3: time: duplicate timestamp"), m);
    assertTrue(m.endsWith("(book alpha, " + books.resolve("alpha.position") + ")"), m);
    assertNoOutput(dir, out);
  }

  @Test
  void skipBadBooksListsTheSkippedBooksWritesTheOthersAndExitsOne(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Files.writeString(books.resolve("beta.csv"), "time,spot,vol\n2024-03-01T10:00,100,0.2\n2024-03-01T11:00,oops,0.2\n");
    SweepFixture.position(books, "orphan", SweepFixture.shortCall("ORPHAN"));
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Path out = dir.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = SweepCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), "--prices", books.toString(), "--books", books.toString(),
        "--policies", grid.toString(), "-o", out.toString(), "--skip-bad-books", "--quiet");
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, printed + stderr);
    assertTrue(printed.contains("skipped 2 book(s) with bad input:"), printed);
    assertTrue(printed.contains("  beta: " + books.resolve("beta.csv") + ":3: spot: 'oops' is not a number"), printed);
    assertTrue(printed.contains("  orphan: " + books + ":1: book: no prices for orphan"), printed);
    List<Row> rows = SweepFixture.rows("parquet", out);
    assertEquals(List.of("alpha", "gamma"), rows.stream().map(r -> r.getString(0)).distinct().toList());
    assertTrue(Files.exists(out.resolve("results/_SUCCESS")) && Files.exists(out.resolve("summary.xlsx")));
  }

  @Test
  void anExistingOutputIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    Exception e = assertThrows(Exception.class,
        () -> Sweep.run(SweepFixture.spark(), SweepFixture.options(books, books, grid, out)));
    assertEquals(out + ":1: output: exists; choose another directory or pass --overwrite", SweepInputException.find(e));
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  private static void assertNoOutput(Path dir, Path out) throws Exception {
    assertFalse(Files.exists(out), "no output directory after a failed sweep");
    try (Stream<Path> s = Files.list(dir)) {
      List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("staging")).toList();
      assertEquals(List.of(), left, "no staging directory left behind");
    }
  }
}
