package org.gammaxl.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Books, paths and grids for the sweep tests, and the one Spark session they share: {@code local[2,2]}
 * (two threads; a task may fail once and be retried), UI off, as {@code gammaxl sweep} builds it.
 */
final class SweepFixture {
  private static SparkSession spark;

  private SweepFixture() {}

  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SweepCommand.session("local[2,2]", Map.of());
    }
    return spark;
  }

  /** The position file keys of a short call book hedged on a delta band (the policy grid overrides them). */
  static Map<String, String> shortCall(String underlying) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("underlying", underlying);
    m.put("type", "C");
    m.put("strike", "100");
    m.put("expiry", "2024-04-30");
    m.put("quantity", "-10");
    m.put("vol", "0.25");
    m.put("rule", "DELTA");
    m.put("threshold", "1");
    m.put("fee_bps", "1");
    return m;
  }

  static Path position(Path dir, String name, Map<String, String> keys) throws IOException {
    StringBuilder s = new StringBuilder("# test book " + name + "\n");
    keys.forEach((k, v) -> s.append(k).append(" = ").append(v).append('\n'));
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name + ".position"), s);
  }

  /** One observation of a test path. */
  record Obs(LocalDateTime time, double spot, double vol, double bid, double ask) {}

  /** A seeded hourly GBM path from 2024-03-01 10:00, vol marks wandering around 22 %, a 2 bp quote. */
  static List<Obs> path(long seed, int rows) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Obs> out = new ArrayList<>();
    double s = 100;
    double vol = 0.22;
    LocalDateTime t = LocalDateTime.of(2024, 3, 1, 10, 0);
    for (int i = 0; i < rows; i++) {
      out.add(new Obs(t, s, vol, s * (1 - 1e-4), s * (1 + 1e-4)));
      s *= Math.exp(0.35 * Math.sqrt(1.0 / (365 * 24)) * r.nextGaussian());
      vol = Math.max(0.05, vol + 0.002 * r.nextGaussian());
      t = t.plusHours(1);
    }
    return out;
  }

  /** Writes {@code NAME.csv} with the columns asked for (time as ISO date-time). */
  static Path csv(Path dir, String name, List<Obs> path, boolean vol, boolean quotes) throws IOException {
    StringBuilder s = new StringBuilder("time,spot" + (vol ? ",vol" : "") + (quotes ? ",bid,ask" : "") + "\n");
    for (Obs o : path) {
      s.append(o.time()).append(',').append(num(o.spot()));
      if (vol) {
        s.append(',').append(num(o.vol()));
      }
      if (quotes) {
        s.append(',').append(num(o.bid())).append(',').append(num(o.ask()));
      }
      s.append('\n');
    }
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name + ".csv"), s);
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.6f", x);
  }

  /** The sweep's rows, sorted by book and policy. */
  static List<Row> rows(String format, Path out) {
    Dataset<Row> d = Sweep.read(spark(), format, out.resolve("results").toString());
    return d.orderBy("book", "policy").collectAsList();
  }

  static Sweep.Options options(Path prices, Path books, Path policies, Path out) {
    return new Sweep.Options(prices.toString(), books, policies, out.toString(), "parquet", null, 0, false, false, 0,
        null, null);
  }
}
