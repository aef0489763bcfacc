package org.gammaxl.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The map side of the sweep's shuffle: a task's price rows ({@link PriceInput#SCHEMA}, read as Spark's
 * internal rows, so no object is made per row) packed into {@link PathChunk}s, one per path and time
 * bucket of {@link #BUCKET_DAYS} days. Rows of keys without a book are dropped here.
 *
 * <p>Memory: a path's rows are passed on when the task holds {@link #CHUNK_ROWS} of them, and all rows when
 * it holds {@link #TASK_ROWS}, so a task holds at most that many rows (48 bytes each) whatever its input. The
 * ledger side holds one bucket of one path at a time.
 */
final class ChunkPacker implements FlatMapFunction<Iterator<InternalRow>, PathChunk> {
  private static final long serialVersionUID = 1L;
  /** Days of Excel date-time per time bucket (minute data round the clock: 11,520 rows a bucket). */
  static final int BUCKET_DAYS = 8;
  /** Bits of the bucket number in {@link #key}: 2^17 buckets of 8 days are 2,870 years of Excel serials. */
  private static final int BUCKET_BITS = 17;
  static final int CHUNK_ROWS = 1 << 16;
  static final int TASK_ROWS = 1 << 19;
  private final Map<String, Integer> pathOf;

  /** @param pathOf the path number of each key whose rows are kept */
  ChunkPacker(Map<String, Integer> pathOf) {
    this.pathOf = Map.copyOf(pathOf);
  }

  /** The shuffle's sort key of a chunk: path number, then time bucket (monotone in time; NaN last). */
  static long key(int path, double time) {
    double b = Math.floor(time / BUCKET_DAYS);
    long bucket = Double.isNaN(b) || b >= (1 << BUCKET_BITS) - 1 ? (1 << BUCKET_BITS) - 1 : b <= 0 ? 0 : (long) b;
    return ((long) path << BUCKET_BITS) | bucket;
  }

  @Override
  public Iterator<PathChunk> call(Iterator<InternalRow> rows) {
    Map<UTF8String, Key> paths = new HashMap<>();
    pathOf.forEach((k, v) -> paths.put(UTF8String.fromString(k), new Key(UTF8String.fromString(k), v)));
    int count = 1 + pathOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    return new Packed(rows, paths, count);
  }

  /** A key of the price rows and its path number. */
  private record Key(UTF8String key, int path) {}

  /** The chunks of one task, packed as the rows are read. */
  private static final class Packed implements Iterator<PathChunk> {
    private final Iterator<InternalRow> rows;
    private final Map<UTF8String, Key> paths;
    /** The rows held of each path (null: none). */
    private final Builder[] open;
    private final ArrayDeque<PathChunk> ready = new ArrayDeque<>();
    private UTF8String lastKey;
    private int lastPath = -1;
    private UTF8String lastFile;
    private String lastFileName;
    private long held;

    Packed(Iterator<InternalRow> rows, Map<UTF8String, Key> paths, int count) {
      this.rows = rows;
      this.paths = paths;
      this.open = new Builder[count];
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && rows.hasNext()) {
        add(rows.next());
      }
      if (ready.isEmpty() && held > 0) {
        flushAll();
      }
      return !ready.isEmpty();
    }

    @Override
    public PathChunk next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void add(InternalRow r) {
      UTF8String key = r.getUTF8String(PriceInput.KEY);
      if (lastKey == null || !key.equals(lastKey)) {
        // the row's bytes are looked up as they are (no copy); the map's own key is remembered
        Key k = paths.get(key);
        lastKey = k == null ? key.clone() : k.key();
        lastPath = k == null ? -1 : k.path();
      }
      if (lastPath < 0) {
        return;
      }
      UTF8String file = r.getUTF8String(PriceInput.FILE);
      if (lastFile == null || !file.equals(lastFile)) {
        lastFile = file.clone();
        lastFileName = lastFile.toString();
      }
      Builder b = open[lastPath];
      if (b == null) {
        b = open[lastPath] = new Builder(lastPath);
      }
      b.add(value(r, PriceInput.TIME), value(r, PriceInput.SPOT), value(r, PriceInput.VOL), value(r, PriceInput.BID),
          value(r, PriceInput.ASK), r.getLong(PriceInput.LINE), lastFileName,
          r.isNullAt(PriceInput.ERROR) ? null : r.getUTF8String(PriceInput.ERROR).toString());
      held++;
      if (b.n == CHUNK_ROWS) {
        b.build(ready);
        open[lastPath] = null;
        held -= CHUNK_ROWS;
      }
      if (held >= TASK_ROWS) {
        flushAll();
      }
    }

    private void flushAll() {
      for (int p = 0; p < open.length; p++) {
        if (open[p] != null) {
          open[p].build(ready);
          open[p] = null;
        }
      }
      held = 0;
    }

    private static double value(InternalRow r, int i) {
      return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
  }

  /**
   * The rows of one path held by a task, row by row in one array (time, spot, vol, bid and ask as their
   * bits, then the line), so that a row written to any of a task's paths touches one place in memory.
   */
  private static final class Builder {
    private static final int STRIDE = 6;
    final int path;
    int n;
    long[] v = new long[STRIDE * 16];
    /** Files by runs: rows from {@code runStart[i]} on are of file {@code runFile[i]} of {@code files}. */
    final List<String> files = new ArrayList<>(2);
    int[] runStart = new int[2];
    int[] runFile = new int[2];
    int runs;
    String lastFile;
    String[] error;
    boolean anyVol;
    boolean anyBid;
    boolean anyAsk;

    Builder(int path) {
      this.path = path;
    }

    void add(double time, double spot, double vol, double bid, double ask, long lineNo, String fileName, String err) {
      if (STRIDE * n == v.length) {
        v = Arrays.copyOf(v, Math.min(2 * v.length, STRIDE * CHUNK_ROWS));
      }
      int at = STRIDE * n;
      v[at] = Double.doubleToRawLongBits(time);
      v[at + 1] = Double.doubleToRawLongBits(spot);
      v[at + 2] = Double.doubleToRawLongBits(vol);
      v[at + 3] = Double.doubleToRawLongBits(bid);
      v[at + 4] = Double.doubleToRawLongBits(ask);
      v[at + 5] = lineNo;
      anyVol |= vol == vol;
      anyBid |= bid == bid;
      anyAsk |= ask == ask;
      if (fileName != lastFile) {
        fileRun(fileName);
      }
      if (err != null) {
        if (error == null) {
          error = new String[CHUNK_ROWS];
        }
        error[n] = err;
      }
      n++;
    }

    private void fileRun(String fileName) {
      lastFile = fileName;
      int f = files.indexOf(fileName);
      if (f < 0) {
        f = files.size();
        files.add(fileName);
      }
      if (runs == runStart.length) {
        runStart = Arrays.copyOf(runStart, 2 * runs);
        runFile = Arrays.copyOf(runFile, 2 * runs);
      }
      runStart[runs] = n;
      runFile[runs++] = f;
    }

    /** The rows as one chunk per time bucket (each in reading order), added to {@code out}. */
    void build(ArrayDeque<PathChunk> out) {
      long[] key = new long[n];
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int r = 0; r < n; r++) {
        key[r] = key(path, Double.longBitsToDouble(v[STRIDE * r]));
        min = Math.min(min, key[r]);
        max = Math.max(max, key[r]);
      }
      // counting sort by bucket (the range is at most 2^BUCKET_BITS), keeping reading order within a bucket
      int[] start = new int[(int) (max - min) + 2];
      for (int r = 0; r < n; r++) {
        start[(int) (key[r] - min) + 1]++;
      }
      for (int k = 1; k < start.length; k++) {
        start[k] += start[k - 1];
      }
      int[] order = new int[n];
      int[] fill = Arrays.copyOf(start, start.length);
      for (int r = 0; r < n; r++) {
        order[fill[(int) (key[r] - min)]++] = r;
      }
      int[] file = new int[n];
      for (int i = 0; i < runs; i++) {
        Arrays.fill(file, runStart[i], i + 1 < runs ? runStart[i + 1] : n, runFile[i]);
      }
      String[] names = files.toArray(new String[0]);
      for (int k = 0; k + 1 < start.length; k++) {
        if (start[k + 1] > start[k]) {
          out.add(chunk(min + k, order, start[k], start[k + 1], file, names));
        }
      }
    }

    private PathChunk chunk(long key, int[] order, int from, int to, int[] file, String[] names) {
      int m = to - from;
      double[][] d = new double[5][];
      boolean[] keep = {true, true, anyVol, anyBid, anyAsk};
      for (int k = 0; k < 5; k++) {
        if (keep[k]) {
          d[k] = new double[m];
          for (int i = 0; i < m; i++) {
            d[k][i] = Double.longBitsToDouble(v[STRIDE * order[from + i] + k]);
          }
        }
      }
      long[] line = new long[m];
      int[] f = new int[m];
      String[] err = error == null ? null : new String[m];
      for (int i = 0; i < m; i++) {
        int r = order[from + i];
        line[i] = v[STRIDE * r + 5];
        f[i] = file[r];
        if (err != null) {
          err[i] = error[r];
        }
      }
      PathChunk c = new PathChunk();
      c.setKey(key);
      c.setPath(path);
      c.setTime(d[0]);
      c.setSpot(d[1]);
      c.setVol(d[2]);
      c.setBid(d[3]);
      c.setAsk(d[4]);
      c.setLine(line);
      c.setFile(f);
      c.setFiles(names);
      c.setError(err);
      return c;
    }
  }
}
