package org.gammaxl.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A ledger task's partition of {@link PathChunk}s (sorted by {@link PathChunk#getKey}: path, then time
 * bucket) read as observations, path after path, each path's in order of time, then file name, then
 * line (the order in which a duplicate time is reported; an {@code error} row, at -∞, comes first; a
 * missing time, NaN, last), one time bucket at a time: {@link #nextBucket} puts the next bucket's rows in
 * order, and the accessors read row {@code r} of it. No object is made per observation.
 *
 * <p>Memory: the chunks of one bucket of one path.
 */
final class PathCursor {
  private final Iterator<PathChunk> chunks;
  private PathChunk head;
  private int path = -1;
  /** The current bucket's rows, merged into order (null or empty: none). */
  private PathChunk bucket;
  private int n;

  PathCursor(Iterator<PathChunk> chunks) {
    this.chunks = chunks;
    head = chunks.hasNext() ? chunks.next() : null;
  }

  /** Moves to the next path, leaving the unread rows of the current one; false when there is none. */
  boolean nextPath() {
    while (head != null && head.getPath() == path) {
      head = chunks.hasNext() ? chunks.next() : null;
    }
    n = 0;
    if (head == null) {
      return false;
    }
    path = head.getPath();
    return true;
  }

  /** The current path's number. */
  int path() { return path; }

  /** Moves to the path's next time bucket, its rows in order; false after its last. */
  boolean nextBucket() {
    if (head == null || head.getPath() != path) {
      n = 0;
      return false;
    }
    loadBucket();
    return true;
  }

  /** The number of rows in the current bucket. */
  int size() { return n; }

  /** Excel date-time; NaN where the file has none. */
  double time(int r) { return bucket.getTime()[r]; }

  double spot(int r) { return bucket.getSpot()[r]; }

  /** NaN where the row has no vol mark. */
  double vol(int r) { return bucket.getVol() == null ? Double.NaN : bucket.getVol()[r]; }

  double bid(int r) { return bucket.getBid() == null ? Double.NaN : bucket.getBid()[r]; }

  double ask(int r) { return bucket.getAsk() == null ? Double.NaN : bucket.getAsk()[r]; }

  /** The reader's message for a row it could not parse, else null. */
  String error(int r) { return bucket.getError() == null ? null : bucket.getError()[r]; }

  /** The row's file, as messages show it. */
  String file(int r) { return PriceInput.display(bucket.getFiles()[bucket.getFile()[r]]); }

  long line(int r) { return bucket.getLine()[r]; }

  /** Reads every chunk of the next bucket and puts its rows in order. */
  private void loadBucket() {
    long key = head.getKey();
    List<PathChunk> parts = new ArrayList<>(4);
    while (head != null && head.getKey() == key) {
      parts.add(head);
      head = chunks.hasNext() ? chunks.next() : null;
    }
    PathChunk merged = parts.size() == 1 ? parts.get(0) : PathChunk.concat(parts);
    int[] order = order(merged);
    bucket = order == null ? merged : merged.permuted(order);
    n = bucket.size();
  }

  /**
   * The rows' order: a merge sort of the runs already in order (one run, the usual case of files written
   * in time order: no sort at all, null; k chunks each in order: log k passes).
   */
  private static int[] order(PathChunk c) {
    int n = c.size();
    int[] bounds = new int[n + 1];
    int runs = 0;
    bounds[runs++] = 0;
    for (int r = 1; r < n; r++) {
      if (compare(c, r - 1, r) > 0) {
        bounds[runs++] = r;
      }
    }
    if (runs == 1) {
      return null;
    }
    bounds[runs] = n;
    int[] a = new int[n];
    for (int r = 0; r < n; r++) {
      a[r] = r;
    }
    int[] b = new int[n];
    while (runs > 1) {
      int merged = 0;
      for (int k = 0; k < runs; k += 2) {
        int lo = bounds[k];
        int mid = bounds[Math.min(k + 1, runs)];
        int hi = bounds[Math.min(k + 2, runs)];
        int x = lo;
        int y = mid;
        int o = lo;
        while (x < mid && y < hi) {
          b[o++] = compare(c, a[x], a[y]) <= 0 ? a[x++] : a[y++];
        }
        while (x < mid) {
          b[o++] = a[x++];
        }
        while (y < hi) {
          b[o++] = a[y++];
        }
        bounds[merged++] = lo;
      }
      bounds[merged] = n;
      runs = merged;
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  /** Time (NaN last, -0 = +0, as Spark orders doubles), then file name, then line. */
  private static int compare(PathChunk c, int x, int y) {
    double a = c.getTime()[x];
    double b = c.getTime()[y];
    if (a != b) {
      int d = Double.compare(a, b);
      if (d != 0) {
        return d;
      }
    }
    int[] file = c.getFile();
    if (file[x] != file[y]) {
      int d = c.getFiles()[file[x]].compareTo(c.getFiles()[file[y]]);
      if (d != 0) {
        return d;
      }
    }
    return Long.compare(c.getLine()[x], c.getLine()[y]);
  }
}
