package org.gammaxl.batch;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.gammaxl.workbooks.report.ReportException;

/**
 * {@code --reports N}: the ledger report of {@code gammaxl report} (workbook with the ledger, summary
 * and charts) for the best and the worst N pairs of each book by TOTAL_PNL, written in the executors as
 * {@code reports/BOOK/rank-RRR-policy-P.xlsx} (rank 1 = highest P&amp;L; ties by policy number). A
 * task holds one path in memory while it writes its reports, as {@code gammaxl report} does.
 */
final class SweepReports {
  private SweepReports() {}

  /** One report to write: the book, the policy and the book's rank of that policy. */
  record Pick(String book, int policy, int rank) implements Serializable {}

  static long write(SparkSession spark, PriceInput.Prices prices, BookPaths paths, Broadcast<BookPaths> bpaths,
      List<SweepPolicy> policies, List<SweepSummary.Pair> pairs, int n, String dir) {
    Map<String, List<Pick>> picks = new HashMap<>();
    for (var e : SweepSummary.Pair.ranked(pairs).entrySet()) {
      List<SweepSummary.Pair> ranked = e.getValue();
      List<Pick> mine = new ArrayList<>();
      for (int r = 0; r < ranked.size(); r++) {
        if (r < n || r >= ranked.size() - n) {
          mine.add(new Pick(e.getKey(), ranked.get(r).policy(), r + 1));
        }
      }
      picks.put(e.getKey(), mine);
    }
    Broadcast<Map<String, List<Pick>>> bp = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(picks);
    int partitions = Math.max(1, Math.min(picks.size(), 8 * spark.sparkContext().defaultParallelism()));
    return paths.chunks(spark, prices.rows(), i -> paths.books(i).stream().anyMatch(b -> picks.containsKey(b.name())),
            partitions)
        .mapPartitions(new PathGroups<>(new Writer(bpaths, bp, policies, PriceInput.display(prices.location()), dir)),
            Encoders.STRING())
        .count();
  }

  /** Writes the reports of the books on one path. */
  static final class Writer implements PathGroups.PerPath<String> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<BookPaths> paths;
    private final Broadcast<Map<String, List<Pick>>> picks;
    private final List<SweepPolicy> policies;
    private final String sourceName;
    private final String dir;

    Writer(Broadcast<BookPaths> paths, Broadcast<Map<String, List<Pick>>> picks,
        List<SweepPolicy> policies, String sourceName, String dir) {
      this.paths = paths;
      this.picks = picks;
      this.policies = List.copyOf(policies);
      this.sourceName = sourceName;
      this.dir = dir;
    }

    @Override
    public Iterator<String> call(int pathNumber, PathCursor rows) throws IOException {
      PathData path = PathData.collect(rows);
      List<String> written = new ArrayList<>();
      for (Book b : paths.value().books(pathNumber)) {
        for (Pick pick : picks.value().getOrDefault(b.name(), List.of())) {
          SweepPolicy policy = policies.get(pick.policy() - 1);
          PositionFile position = policy.applyTo(b.position());
          PriceSeries series = path.series(b.position().vol());
          String target = dir + "/" + b.name() + "/" + String.format(Locale.ROOT, "rank-%03d-policy-%d.xlsx",
              pick.rank(), pick.policy());
          StagedFile.write(new org.apache.hadoop.fs.Path(target), new org.apache.hadoop.conf.Configuration(), file -> {
            try {
              PairLedger.report(policy).write(position, series, sourceName, file);
            } catch (ReportException e) {
              throw new IOException("book " + b.name() + ", policy " + policy.id() + ": " + e.getMessage(), e);
            }
          });
          written.add(target);
        }
      }
      return written.iterator();
    }
  }

  /** One path in memory, as a report needs it. */
  private record PathData(double[] times, double[] spots, double[] vols, double[] bids, double[] asks, boolean quoted) {
    static PathData collect(PathCursor rows) {
      Columns c = new Columns();
      while (rows.nextBucket()) {
        for (int r = 0; r < rows.size(); r++) {
          c.add(rows, r);
        }
      }
      return c.path();
    }

    /** The prices as {@code gammaxl report} reads them, with the vol marks the sweep's engine used. */
    PriceSeries series(double bookVol) {
      boolean anyMark = false;
      for (double x : vols) {
        anyMark |= !Double.isNaN(x);
      }
      double[] v = null;
      if (anyMark) {
        v = new double[vols.length];
        double last = bookVol;
        for (int i = 0; i < v.length; i++) {
          last = Double.isNaN(vols[i]) ? last : vols[i];
          v[i] = last;
        }
      }
      return new PriceSeries(times, spots, v, quoted ? bids : null, quoted ? asks : null);
    }
  }

  private static final class Columns {
    private double[][] d = new double[5][1024];
    private int n;
    private boolean quoted;

    void add(PathCursor rows, int r) {
      if (n == d[0].length) {
        for (int k = 0; k < 5; k++) {
          d[k] = java.util.Arrays.copyOf(d[k], 2 * n);
        }
      }
      d[0][n] = rows.time(r);
      d[1][n] = rows.spot(r);
      d[2][n] = rows.vol(r);
      d[3][n] = rows.bid(r);
      d[4][n] = rows.ask(r);
      quoted |= !Double.isNaN(d[3][n]) || !Double.isNaN(d[4][n]);
      n++;
    }

    PathData path() {
      double[][] c = new double[5][];
      for (int k = 0; k < 5; k++) {
        c[k] = java.util.Arrays.copyOf(d[k], n);
      }
      return new PathData(c[0], c[1], c[2], c[3], c[4], quoted);
    }
  }
}
