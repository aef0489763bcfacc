package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.workbooks.report.LedgerReport;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep computes what {@code gammaxl report} computes: for every (book, policy) pair, every summary
 * item equals the report of the book's position file rewritten with the policy's settings (as a user
 * would write it), to 1e-9 relative; and the same paths stored as Parquet, partitioned by underlying
 * and day with timestamps, give the same rows.
 */
class SweepMatchesReportTest {
  /** The grid, and the same policies written out as position-file keys, in the grid's expansion order. */
  static final String GRID = "rule,threshold,fee_bps,slippage_bps,hedge,lot,rate\n"
      + "DELTA,0.5|2,1,2,,,\n"
      + "WW,0.5,1,2,SPOT,0.1,0.03\n"
      + "MOVE%,0.01:0.02:0.01,0,0,PERP,,\n"
      + "TIME,0.001,,3,,,\n"
      + ",,,,,,\n";
  static final List<Map<String, String>> POLICIES = List.of(
      Map.of("rule", "DELTA", "threshold", "0.5", "fee_bps", "1", "slippage_bps", "2"),
      Map.of("rule", "DELTA", "threshold", "2", "fee_bps", "1", "slippage_bps", "2"),
      Map.of("rule", "WW", "threshold", "0.5", "fee_bps", "1", "slippage_bps", "2", "hedge", "SPOT", "lot", "0.1",
          "rate", "0.03"),
      Map.of("rule", "MOVE%", "threshold", "0.01", "fee_bps", "0", "slippage_bps", "0", "hedge", "PERP"),
      Map.of("rule", "MOVE%", "threshold", "0.02", "fee_bps", "0", "slippage_bps", "0", "hedge", "PERP"),
      Map.of("rule", "TIME", "threshold", "0.001", "slippage_bps", "3"),
      Map.of());

  /** Three books: marks and quotes in the file, no marks (the book's vol), a put on its own path. */
  static Path books(Path dir) throws Exception {
    Path b = dir.resolve("books");
    SweepFixture.csv(b, "calls", SweepFixture.path(1, 240), true, true);
    SweepFixture.position(b, "calls", SweepFixture.shortCall("AAA"));
    SweepFixture.csv(b, "flat", SweepFixture.path(2, 200), false, false);
    SweepFixture.position(b, "flat", SweepFixture.shortCall("BBB"));
    SweepFixture.csv(b, "puts", SweepFixture.path(3, 220), true, false);
    Map<String, String> put = SweepFixture.shortCall("CCC");
    put.put("type", "P");
    put.put("quantity", "25");
    put.put("strike", "95");
    SweepFixture.position(b, "puts", put);
    return b;
  }

  @Test
  void everySummaryItemOfEveryPairEqualsTheReportOfThatBookAndPolicy(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Path out = dir.resolve("out");
    Sweep.Options o = SweepFixture.options(books, books, grid, out);
    Sweep.Outcome outcome = Sweep.run(SweepFixture.spark(), new Sweep.Options(o.prices(), o.books(), o.policies(),
        o.out(), o.format(), null, 1, false, false, 0, null, null));
    List<Row> rows = SweepFixture.rows("parquet", out);
    assertEquals(3 * POLICIES.size(), rows.size());
    assertEquals(3L * POLICIES.size(), outcome.pairs());
    assertTrue(outcome.skipped().isEmpty());
    Path reports = Files.createDirectories(dir.resolve("reports"));
    for (Row row : rows) {
      String book = row.getString(row.fieldIndex("book"));
      int policy = row.getInt(row.fieldIndex("policy"));
      Map<String, String> keys = new LinkedHashMap<>(SweepFixture.shortCall("?"));
      keys.putAll(positionKeys(books.resolve(book + ".position")));
      keys.putAll(POLICIES.get(policy - 1));
      Path position = SweepFixture.position(reports, book + "-" + policy, keys);
      Path prices = books.resolve(book + ".csv");
      Object[][] report = new LedgerReport().write(PositionFile.read(position), PriceSeries.read(prices), book,
          reports.resolve(book + "-" + policy + ".xlsx"), prices, position).summary();
      assertEquals(SummaryItem.values().length, report.length);
      for (SummaryItem item : SummaryItem.values()) {
        Object expected = report[item.ordinal()][1];
        Object actual = row.get(row.fieldIndex(item.label()));
        String what = book + " policy " + policy + " " + item;
        if (expected == ExcelError.NA) {
          assertNull(actual, what);
        } else {
          double e = (Double) expected;
          double a = ((Number) actual).doubleValue();
          assertEquals(e, a, 1e-9 * Math.max(Math.abs(e), 1e-300), what);
        }
      }
    }
    // The policy columns say what ran: the grid's value, or the book's own where the grid cell is empty.
    Row timeRule = rows.get(5);
    assertEquals("TIME", timeRule.getAs("rule"));
    assertEquals(1.0, (double) timeRule.getAs("fee_bps"));
    assertEquals(3.0, (double) timeRule.getAs("slippage_bps"));
    Row bookOwn = rows.get(6);
    assertEquals("DELTA", bookOwn.getAs("rule"));
    assertEquals(1.0, (double) bookOwn.getAs("threshold"));
    reportsOfTheBestAndWorstPairs(out, rows);
    summaryWorkbook(out);
  }

  /** --reports 1: each book's best and worst pair as its ledger report, whose TOTAL_PNL is the row's. */
  /**
   * A book of several legs (a long strangle with a put marked on the smile) sweeps as `gammaxl report` reports it:
   * the row's items are the book column of the report's summary.
   */
  @Test
  void aBookOfSeveralLegsEqualsTheBookColumnOfItsReport(@TempDir Path dir) throws Exception {
    Path books = dir.resolve("books");
    SweepFixture.csv(books, "strangle", SweepFixture.path(4, 200), true, false);
    String legs = "underlying = DDD\nvol = 0.22\nrule = DELTA\nthreshold = 1\nfee_bps = 1\n"
        + "[leg]\ntype = C\nstrike = 105\nexpiry = 2024-04-30\nquantity = 10\n"
        + "[leg]\ntype = P\nstrike = 95\nexpiry = 2024-04-30\nquantity = 10\nvol = 0.25\n";
    Files.writeString(books.resolve("strangle.position"), legs);
    Path grid = Files.writeString(dir.resolve("grid.csv"), "rule,threshold\nDELTA,0.5|2\n");
    Path out = dir.resolve("out");
    Sweep.Options o = SweepFixture.options(books, books, grid, out);
    Sweep.run(SweepFixture.spark(), new Sweep.Options(o.prices(), o.books(), o.policies(), o.out(), o.format(), null,
        1, false, false, 0, null, null));
    List<Row> rows = SweepFixture.rows("parquet", out);
    assertEquals(2, rows.size());
    for (Row row : rows) {
      int policy = row.getInt(row.fieldIndex("policy"));
      Path position = Files.writeString(dir.resolve("p" + policy + ".position"),
          legs.replace("threshold = 1", "threshold = " + (policy == 1 ? "0.5" : "2")));
      Path prices = books.resolve("strangle.csv");
      PositionFile book = PositionFile.read(position);
      assertTrue(book.isBook());
      Object[][] report = new LedgerReport().write(book, PriceSeries.read(prices), "strangle",
          dir.resolve("p" + policy + ".xlsx"), prices, position).summary();
      Map<String, Object> bookColumn = new LinkedHashMap<>();
      for (Object[] r : report) {
        bookColumn.putIfAbsent(String.valueOf(r[0]), r[1]);
      }
      for (SummaryItem item : SummaryItem.values()) {
        Object expected = bookColumn.get(item.label());
        Object actual = row.get(row.fieldIndex(item.label()));
        String what = "strangle policy " + policy + " " + item;
        if (expected == null || expected == ExcelError.NA || "".equals(expected)) {
          assertNull(actual, what);
        } else {
          double e = ((Number) expected).doubleValue();
          assertEquals(e, ((Number) actual).doubleValue(), 1e-9 * Math.max(Math.abs(e), 1e-300), what);
        }
      }
    }
  }

  private static void reportsOfTheBestAndWorstPairs(Path out, List<Row> rows) throws Exception {
    for (String book : List.of("calls", "flat", "puts")) {
      List<Row> mine = rows.stream().filter(r -> r.getString(0).equals(book))
          .sorted((a, b) -> Double.compare((double) b.getAs("TOTAL_PNL"), (double) a.getAs("TOTAL_PNL"))).toList();
      Row best = mine.get(0);
      Row worst = mine.get(mine.size() - 1);
      try (Stream<Path> s = Files.list(out.resolve("reports").resolve(book))) {
        assertEquals(List.of("rank-001-policy-" + best.getAs("policy") + ".xlsx",
            "rank-00" + POLICIES.size() + "-policy-" + worst.getAs("policy") + ".xlsx"),
            s.map(p -> p.getFileName().toString()).sorted().toList());
      }
      Path file = out.resolve("reports").resolve(book).resolve("rank-001-policy-" + best.getAs("policy") + ".xlsx");
      try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
        var sheet = wb.getSheet("Summary");
        double total = Double.NaN;
        for (var r : sheet) {
          if (r.getCell(0) != null && "TOTAL_PNL".equals(r.getCell(0).toString())) {
            total = r.getCell(1).getNumericCellValue();
          }
        }
        assertEquals((double) best.getAs("TOTAL_PNL"), total, 1e-9 * Math.abs(total), book);
      }
    }
  }

  /** summary.xlsx: the policies ranked by mean P&L, one chart per rule with two or more thresholds. */
  private static void summaryWorkbook(Path out) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(out.resolve("summary.xlsx").toFile())) {
      var ranking = wb.getSheet("Ranking");
      List<Double> means = new java.util.ArrayList<>();
      for (int r = 4; r <= ranking.getLastRowNum(); r++) {
        means.add(ranking.getRow(r).getCell(4).getNumericCellValue());
      }
      assertEquals(POLICIES.size(), means.size());
      for (int i = 1; i < means.size(); i++) {
        assertTrue(means.get(i - 1) >= means.get(i), "ranked by mean P&L: " + means);
      }
      var charts = wb.getSheet("Charts").getDrawingPatriarch().getCharts();
      assertEquals(List.of("DELTA: mean total P&L vs threshold", "MOVE_PERCENT: mean total P&L vs threshold"),
          charts.stream().map(c -> c.getTitleText().getString()).toList());
      assertEquals(3, wb.getSheet("Best by book").getLastRowNum());
    }
  }

  @Test
  void parquetPartitionedByUnderlyingAndDayGivesTheSameRowsAsCsvPerBook(@TempDir Path dir) throws Exception {
    Path books = books(dir);
    Path grid = Files.writeString(dir.resolve("grid.csv"), GRID);
    Sweep.run(SweepFixture.spark(), SweepFixture.options(books, books, grid, dir.resolve("csv-out")));
    // The same three paths as Parquet under underlying=AAA|BBB|CCC/day=YYYY-MM-DD, time as a timestamp.
    var spark = SweepFixture.spark();
    var csv = spark.read().option("header", "true").csv(books.resolve("*.csv").toString())
        .withColumn("underlying", functions.upper(functions.regexp_extract(functions.input_file_name(),
            "/(calls|flat|puts)\\.csv$", 1)));
    var parquet = csv.select(
        functions.when(functions.col("underlying").equalTo("CALLS"), "AAA")
            .when(functions.col("underlying").equalTo("FLAT"), "BBB").otherwise("CCC").as("underlying"),
        functions.to_timestamp(functions.col("time")).as("time"),
        functions.col("spot").cast("double").as("spot"), functions.col("vol").cast("double").as("vol"),
        functions.col("bid").cast("double").as("bid"), functions.col("ask").cast("double").as("ask"))
        .withColumn("day", functions.to_date(functions.col("time")));
    Path pq = dir.resolve("prices-parquet");
    parquet.write().partitionBy("underlying", "day").parquet(pq.toString());
    // The book without marks in its CSV reads its own vol: in Parquet its vol column is null.
    Sweep.run(spark, SweepFixture.options(pq, books, grid, dir.resolve("parquet-out")));
    List<Row> fromCsv = SweepFixture.rows("parquet", dir.resolve("csv-out"));
    List<Row> fromParquet = SweepFixture.rows("parquet", dir.resolve("parquet-out"));
    assertEquals(fromCsv.size(), fromParquet.size());
    for (int i = 0; i < fromCsv.size(); i++) {
      Row a = fromCsv.get(i);
      Row b = fromParquet.get(i);
      for (int c = 0; c < a.size(); c++) {
        if (a.get(c) instanceof Double x) {
          assertEquals(x, (Double) b.get(c), 1e-9 * Math.max(Math.abs(x), 1e-300), a.schema().fields()[c].name());
        } else {
          assertEquals(a.get(c), b.get(c), a.schema().fields()[c].name());
        }
      }
    }
  }

  private static Map<String, String> positionKeys(Path file) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return m;
  }
}
