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
 * The sweep's work on one path: its observations arrive in time order (then file and line), one time
 * bucket at a time, and every (book, policy) pair on the path steps through each bucket in turn, one
 * engine run each, so a task holds O(books × policies × legs) state and one bucket of observations
 * whatever the path's length, and reads the path once for all policies. Emits one {@link SweepColumns} row per pair, and adds its {@link SweepSummary.Pair} to
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
    PathBucket p = new PathBucket(rows);
    long n = 0;
    while (rows.nextBucket()) {
      int stop = p.bucket(bs, runs, error);
      for (int b = 0; b < nb; b++) {
        if (error[b] == null) {
          String e = step(bs.get(b), clocks[b], runs[b], p, stop);
          if (e != null) {
            fail(bs.get(b), error, b, e);
          }
        }
      }
      n += stop;
      if (p.stopped != null) {
        for (int b = 0; b < nb; b++) {
          fail(bs.get(b), error, b, p.stopped);
        }
        break;
      }
    }
    List<Row> out = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      if (error[b] == null) {
        for (int q = 0; q < np; q++) {
          Row r = SweepColumns.row(bs.get(b), policies.get(q), runs[b][q].summary());
          out.add(r);
          pairs.add(SweepSummary.Pair.of(r));
        }
      }
    }
    events.add(n * out.size());
    booksDone.add(nb);
    return out.iterator();
  }

  /**
   * What the books of a path share, bucket by bucket: the years from the path's first observation (the
   * origin) on the ACT/365F clock, and whether a row comes before the path's first vol mark (no mark on a
   * row: the last mark of the path, which the engine carries, or the book's vol before the first).
   */
  private final class PathBucket {
    final PathCursor rows;
    double origin = Double.NaN;
    boolean started;
    boolean marked;
    double[] years = new double[0];
    boolean[] bookVol = new boolean[0];
    /** Why the path stopped in this bucket (a row the reader or the engine's clock refuses), else null. */
    String stopped;

    PathBucket(PathCursor rows) {
      this.rows = rows;
    }

    /** Reads the current bucket; returns its rows before the row where the path stops (all: {@code size()}). */
    int bucket(List<Book> bs, LedgerRun[][] runs, String[] error) {
      int m = rows.size();
      if (years.length < m) {
        years = new double[m];
        bookVol = new boolean[m];
      }
      for (int r = 0; r < m; r++) {
        if (rows.error(r) != null) {
          stopped = rows.error(r);
          return r;
        }
        double time = rows.time(r);
        if (!started) {
          started = true;
          origin = time;
          start(bs, runs, error, origin, rows, r);
        }
        try {
          years[r] = EngineLedger.years(origin, time, "time");
        } catch (InvalidInputException e) {
          stopped = at(rows, r, "time", e);
          return r;
        }
        double vol = rows.vol(r);
        bookVol[r] = !marked && Double.isNaN(vol);
        marked |= !Double.isNaN(vol);
      }
      return m;
    }
  }

  /**
   * Steps every policy of a book through the current bucket's rows before {@code stop}, pair after pair
   * (one engine run's state stays hot in the cache, as in a loop over one pair). Returns the message of the
   * book's first bad row, else null: the earliest row any of its policies refuses, the first policy on a tie,
   * a time the book's own clock refuses (e.g. TRADING) before the policies' errors on that row, as when the
   * pairs step row by row.
   */
  private static String step(Book book, YearClock clock, LedgerRun[] runs, PathBucket p, int stop) {
    PathCursor rows = p.rows;
    double[] t = p.years;
    int limit = stop;
    String message = null;
    // a book with its own basis (e.g. TRADING) runs on its clock, as `gammaxl report` does
    if (clock != DayCount.ACT_365F) {
      t = new double[stop];
      for (int r = 0; r < stop; r++) {
        try {
          t[r] = EngineLedger.years(clock, p.origin, rows.time(r), "time");
        } catch (InvalidInputException e) {
          limit = r;
          message = at(rows, r, null, e);
          break;
        }
      }
    }
    double bookVol = book.position().vol();
    boolean[] before = p.bookVol;
    for (LedgerRun run : runs) {
      int r = 0;
      try {
        for (; r < limit; r++) {
          run.step(t[r], rows.spot(r), before[r] ? bookVol : rows.vol(r), rows.bid(r), rows.ask(r));
        }
      } catch (InvalidInputException e) {
        limit = r;
        message = at(rows, r, null, e);
      }
    }
    return message;
  }

  private void start(List<Book> bs, LedgerRun[][] runs, String[] error, double origin, PathCursor first, int r) {
    for (int b = 0; b < bs.size(); b++) {
      for (int p = 0; p < policies.size(); p++) {
        try {
          runs[b][p] = PairLedger.start(bs.get(b), policies.get(p), origin);
        } catch (InvalidInputException e) {
          fail(bs.get(b), error, b, first.file(r) + ":" + first.line(r) + ": "
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
  private static String at(PathCursor rows, int r, String field, InvalidInputException e) {
    String arg = e.argument();
    String problem = e.getMessage().substring(Math.min(e.getMessage().length(), arg.length() + 2));
    String name = field != null ? field : arg.replaceFirst("^row \\d+: ", "");
    return rows.file(r) + ":" + rows.line(r) + ": " + name + ": " + problem;
  }
}
