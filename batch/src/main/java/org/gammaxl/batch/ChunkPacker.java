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
 * <p>Memory: a chunk is passed on when it holds {@link #CHUNK_ROWS} rows, and all chunks when the task holds
 * {@link #TASK_ROWS} rows, so a task holds at most that many rows whatever its input. The ledger side holds
 * one bucket of one path at a time.
 */
final class ChunkPacker implements FlatMapFunction<Iterator<InternalRow>, PathChunk> {
  private static final long serialVersionUID = 1L;
  /** Days of Excel date-time per time bucket (minute data round the clock: 11,520 rows a bucket). */
  static final int BUCKET_DAYS = 8;
  /** Bits of the bucket number in {@link #key}: 2^17 buckets of 8 days are 2,870 years of Excel serials. */
  private static final int BUCKET_BITS = 17;
  static final int CHUNK_ROWS = 1 << 16;
  static final int TASK_ROWS = 1 << 20;
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
    Map<UTF8String, Integer> paths = new HashMap<>();
    pathOf.forEach((k, v) -> paths.put(UTF8String.fromString(k), v));
    return new Packed(rows, paths);
  }

  /** The chunks of one task, packed as the rows are read. */
  private static final class Packed implements Iterator<PathChunk> {
    private final Iterator<InternalRow> rows;
    private final Map<UTF8String, Integer> paths;
    private final Map<Long, Builder> open = new HashMap<>();
    private final ArrayDeque<PathChunk> ready = new ArrayDeque<>();
    private UTF8String lastKey;
    private int lastPath = -1;
    private UTF8String lastFile;
    private String lastFileName;
    private Builder builder;
    private long held;

    Packed(Iterator<InternalRow> rows, Map<UTF8String, Integer> paths) {
      this.rows = rows;
      this.paths = paths;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && rows.hasNext()) {
        add(rows.next());
      }
      if (ready.isEmpty() && !open.isEmpty()) {
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
        lastKey = key.clone();
        Integer p = paths.get(lastKey);
        lastPath = p == null ? -1 : p;
      }
      if (lastPath < 0) {
        return;
      }
      UTF8String file = r.getUTF8String(PriceInput.FILE);
      if (lastFile == null || !file.equals(lastFile)) {
        lastFile = file.clone();
        lastFileName = lastFile.toString();
      }
      double time = value(r, PriceInput.TIME);
      long chunkKey = key(lastPath, time);
      if (builder == null || builder.key != chunkKey) {
        builder = open.computeIfAbsent(chunkKey, k -> new Builder(k, lastPath));
      }
      builder.add(time, value(r, PriceInput.SPOT), value(r, PriceInput.VOL), value(r, PriceInput.BID),
          value(r, PriceInput.ASK), r.getLong(PriceInput.LINE), lastFileName,
          r.isNullAt(PriceInput.ERROR) ? null : r.getUTF8String(PriceInput.ERROR).toString());
      held++;
      if (builder.n == CHUNK_ROWS) {
        ready.add(builder.build());
        open.remove(builder.key);
        held -= builder.n;
        builder = null;
      }
      if (held >= TASK_ROWS) {
        flushAll();
      }
    }

    private void flushAll() {
      for (Builder b : open.values()) {
        ready.add(b.build());
      }
      open.clear();
      builder = null;
      held = 0;
    }

    private static double value(InternalRow r, int i) {
      return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
  }

  /** One chunk being filled. */
  private static final class Builder {
    final long key;
    final int path;
    int n;
    double[][] d = new double[5][64];
    long[] line = new long[64];
    int[] file = new int[64];
    String[] error;
    final List<String> files = new ArrayList<>(2);
    String lastFile;
    int lastFileIndex = -1;
    boolean[] any = new boolean[5];

    Builder(long key, int path) {
      this.key = key;
      this.path = path;
    }

    void add(double time, double spot, double vol, double bid, double ask, long lineNo, String fileName, String err) {
      if (n == line.length) {
        int m = Math.min(2 * n, CHUNK_ROWS);
        for (int k = 0; k < 5; k++) {
          d[k] = Arrays.copyOf(d[k], m);
        }
        line = Arrays.copyOf(line, m);
        file = Arrays.copyOf(file, m);
        if (error != null) {
          error = Arrays.copyOf(error, m);
        }
      }
      set(0, time);
      set(1, spot);
      set(2, vol);
      set(3, bid);
      set(4, ask);
      line[n] = lineNo;
      if (fileName != lastFile) {
        lastFile = fileName;
        lastFileIndex = files.indexOf(fileName);
        if (lastFileIndex < 0) {
          lastFileIndex = files.size();
          files.add(fileName);
        }
      }
      file[n] = lastFileIndex;
      if (err != null) {
        if (error == null) {
          error = new String[line.length];
        }
        error[n] = err;
      }
      n++;
    }

    private void set(int k, double x) {
      d[k][n] = x;
      any[k] |= x == x;
    }

    PathChunk build() {
      PathChunk c = new PathChunk();
      c.setKey(key);
      c.setPath(path);
      c.setTime(Arrays.copyOf(d[0], n));
      c.setSpot(Arrays.copyOf(d[1], n));
      c.setVol(any[2] ? Arrays.copyOf(d[2], n) : null);
      c.setBid(any[3] ? Arrays.copyOf(d[3], n) : null);
      c.setAsk(any[4] ? Arrays.copyOf(d[4], n) : null);
      c.setLine(Arrays.copyOf(line, n));
      c.setFile(Arrays.copyOf(file, n));
      c.setFiles(files.toArray(new String[0]));
      c.setError(error == null ? null : Arrays.copyOf(error, n));
      return c;
    }
  }
}
