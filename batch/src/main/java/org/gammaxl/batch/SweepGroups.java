package org.gammaxl.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.gammaxl.InvalidInputException;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.workbooks.report.EngineLedger;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearClock;

/**
 * The sweep's work on one path: its observations arrive in time order (then file and line), and every
 * (book, policy) pair on the path steps through them together, one engine run each, so a task holds
 * O(books × policies × legs) state whatever the path's length, and reads the path once for all
 * policies. Emits one {@link SweepColumns} row per pair, and adds its {@link SweepSummary.Pair} to
 * {@code pairs} (the summary workbook and the report picks read those, not the written results).
 *
 * <p>Bad input (an error row of the reader, or an observation the engine rejects) fails the job with
 * {@code file:line: field: problem (book NAME)}; with {@code skipBadBooks} the book is left out and
 * listed in {@code skipped} ({@code NAME<TAB>message}) instead.
 */
final class SweepGroups implements PathGroups.PerPath<Row> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<BookPaths> paths;
  private final List<SweepPolicy> policies;
  private final boolean skipBadBooks;
  private final LongAccumulator events;
  private final LongAccumulator booksDone;
  private final CollectionAccumulator<String> skipped;
  private final CollectionAccumulator<SweepSummary.Pair> pairs;
  private final String failOnceKey;

  /**
   * @param failOnceKey tests only: the first attempt of the task that reaches this path fails (null: never)
   */
  SweepGroups(Broadcast<BookPaths> paths, List<SweepPolicy> policies, boolean skipBadBooks,
      LongAccumulator events, LongAccumulator booksDone, CollectionAccumulator<String> skipped,
      CollectionAccumulator<SweepSummary.Pair> pairs, String failOnceKey) {
    this.paths = paths;
    this.policies = List.copyOf(policies);
    this.skipBadBooks = skipBadBooks;
    this.events = events;
    this.booksDone = booksDone;
    this.skipped = skipped;
    this.pairs = pairs;
    this.failOnceKey = failOnceKey;
  }

  @Override
  public Iterator<Row> call(int path, PathCursor rows) {
    List<Book> bs = paths.value().books(path);
    String key = paths.value().key(path);
    if (key.equals(failOnceKey) && TaskContext.get() != null && TaskContext.get().attemptNumber() == 0) {
      throw new IllegalStateException("injected failure: first attempt of the task holding path " + key);
    }
    int nb = bs.size();
    int np = policies.size();
    LedgerRun[][] runs = new LedgerRun[nb][np];
    String[] error = new String[nb];
    YearClock[] clocks = new YearClock[nb];
    for (int b = 0; b < nb; b++) {
      clocks[b] = EngineLedger.clock(bs.get(b).position());
    }
    double origin = Double.NaN;
    long n = 0;
    boolean marked = false;
    while (rows.next()) {
      if (rows.error() != null) {
        for (int b = 0; b < nb; b++) {
          fail(bs.get(b), error, b, rows.error());
        }
        break;
      }
      double time = rows.time();
      if (n == 0) {
        origin = time;
        start(bs, runs, error, origin, rows);
      }
      double years;
      try {
        years = EngineLedger.years(origin, time, "time");
      } catch (InvalidInputException e) {
        for (int b = 0; b < nb; b++) {
          fail(bs.get(b), error, b, at(rows, "time", e));
        }
        break;
      }
      double spot = rows.spot();
      double bid = rows.bid();
      double ask = rows.ask();
      // No mark on the row: the last mark of the path (the engine carries it), or the book's vol before the first.
      double vol = rows.vol();
      boolean bookVol = !marked && Double.isNaN(vol);
      marked |= !Double.isNaN(vol);
      for (int b = 0; b < nb; b++) {
        if (error[b] != null) {
          continue;
        }
        double mark = bookVol ? bs.get(b).position().vol() : vol;
        LedgerRun[] pr = runs[b];
        try {
          // a book with its own basis (e.g. TRADING) runs on its clock, as `gammaxl report` does
          double t = clocks[b] == DayCount.ACT_365F ? years : EngineLedger.years(clocks[b], origin, time, "time");
          for (int p = 0; p < np; p++) {
            pr[p].step(t, spot, mark, bid, ask);
          }
        } catch (InvalidInputException e) {
          fail(bs.get(b), error, b, at(rows, null, e));
        }
      }
      n++;
    }
    List<Row> out = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      if (error[b] == null) {
        for (int p = 0; p < np; p++) {
          Row r = SweepColumns.row(bs.get(b), policies.get(p), runs[b][p].summary());
          out.add(r);
          pairs.add(SweepSummary.Pair.of(r));
        }
      }
    }
    events.add(n * out.size());
    booksDone.add(nb);
    return out.iterator();
  }

  private void start(List<Book> bs, LedgerRun[][] runs, String[] error, double origin, PathCursor first) {
    for (int b = 0; b < bs.size(); b++) {
      for (int p = 0; p < policies.size(); p++) {
        try {
          runs[b][p] = PairLedger.start(bs.get(b), policies.get(p), origin);
        } catch (InvalidInputException e) {
          fail(bs.get(b), error, b, first.file() + ":" + first.line() + ": "
              + e.getMessage() + " (policy " + policies.get(p).id() + ", " + policies.get(p).source() + ")");
          break;
        }
      }
    }
  }

  private void fail(Book book, String[] error, int b, String message) {
    if (error[b] != null) {
      return;
    }
    error[b] = message;
    if (!skipBadBooks) {
      throw new SweepInputException(message + " (book " + book.name() + ", " + book.file() + ")");
    }
    skipped.add(book.name() + "\t" + message);
  }

  /** {@code file:line: field: problem} for an engine error on the current row (the engine names the row of the path). */
  private static String at(PathCursor r, String field, InvalidInputException e) {
    String arg = e.argument();
    String problem = e.getMessage().substring(Math.min(e.getMessage().length(), arg.length() + 2));
    String name = field != null ? field : arg.replaceFirst("^row \\d+: ", "");
    return r.file() + ":" + r.line() + ": " + name + ": " + problem;
  }
}
