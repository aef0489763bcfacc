package org.gammaxl.batch;

import java.util.ArrayList;
import java.util.Arrays;
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
  private double[] time;
  private double[] spot;
  private double[] vol;
  private double[] bid;
  private double[] ask;
  private long[] line;
  private int[] file;
  private String[] files;
  private String[] error;
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
  double time(int r) { return time[r]; }

  double spot(int r) { return spot[r]; }

  /** NaN where the row has no vol mark. */
  double vol(int r) { return vol == null ? Double.NaN : vol[r]; }

  double bid(int r) { return bid == null ? Double.NaN : bid[r]; }

  double ask(int r) { return ask == null ? Double.NaN : ask[r]; }

  /** The reader's message for a row it could not parse, else null. */
  String error(int r) { return error == null ? null : error[r]; }

  /** The row's file, as messages show it. */
  String file(int r) { return PriceInput.display(files[file[r]]); }

  long line(int r) { return line[r]; }

  /** Reads every chunk of the next bucket and puts its rows in order. */
  private void loadBucket() {
    long key = head.getKey();
    List<PathChunk> bucket = new ArrayList<>(4);
    while (head != null && head.getKey() == key) {
      bucket.add(head);
      head = chunks.hasNext() ? chunks.next() : null;
    }
    if (bucket.size() == 1) {
      PathChunk c = bucket.get(0);
      time = c.getTime();
      spot = c.getSpot();
      vol = c.getVol();
      bid = c.getBid();
      ask = c.getAsk();
      line = c.getLine();
      file = c.getFile();
      files = c.getFiles();
      error = c.getError();
      n = c.size();
    } else {
      concatenate(bucket);
    }
    int[] order = order();
    if (order != null) {
      time = permute(time, order);
      spot = permute(spot, order);
      vol = permute(vol, order);
      bid = permute(bid, order);
      ask = permute(ask, order);
      long[] l = new long[n];
      int[] f = new int[n];
      String[] e = error == null ? null : new String[n];
      for (int r = 0; r < n; r++) {
        l[r] = line[order[r]];
        f[r] = file[order[r]];
        if (e != null) {
          e[r] = error[order[r]];
        }
      }
      line = l;
      file = f;
      error = e;
    }
  }

  private double[] permute(double[] x, int[] order) {
    if (x == null) {
      return null;
    }
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      y[r] = x[order[r]];
    }
    return y;
  }

  private void concatenate(List<PathChunk> bucket) {
    n = 0;
    boolean anyVol = false;
    boolean anyBid = false;
    boolean anyAsk = false;
    boolean anyError = false;
    for (PathChunk c : bucket) {
      n += c.size();
      anyVol |= c.getVol() != null;
      anyBid |= c.getBid() != null;
      anyAsk |= c.getAsk() != null;
      anyError |= c.getError() != null;
    }
    time = new double[n];
    spot = new double[n];
    vol = anyVol ? new double[n] : null;
    bid = anyBid ? new double[n] : null;
    ask = anyAsk ? new double[n] : null;
    line = new long[n];
    file = new int[n];
    error = anyError ? new String[n] : null;
    List<String> names = new ArrayList<>();
    int at = 0;
    for (PathChunk c : bucket) {
      int m = c.size();
      System.arraycopy(c.getTime(), 0, time, at, m);
      System.arraycopy(c.getSpot(), 0, spot, at, m);
      copy(c.getVol(), vol, at, m);
      copy(c.getBid(), bid, at, m);
      copy(c.getAsk(), ask, at, m);
      System.arraycopy(c.getLine(), 0, line, at, m);
      if (c.getError() != null) {
        System.arraycopy(c.getError(), 0, error, at, m);
      }
      int[] renumber = new int[c.getFiles().length];
      for (int f = 0; f < renumber.length; f++) {
        int k = names.indexOf(c.getFiles()[f]);
        if (k < 0) {
          k = names.size();
          names.add(c.getFiles()[f]);
        }
        renumber[f] = k;
      }
      int[] cf = c.getFile();
      for (int r = 0; r < m; r++) {
        file[at + r] = renumber[cf[r]];
      }
      at += m;
    }
    files = names.toArray(new String[0]);
  }

  private static void copy(double[] from, double[] to, int at, int m) {
    if (to != null) {
      if (from != null) {
        System.arraycopy(from, 0, to, at, m);
      } else {
        Arrays.fill(to, at, at + m, Double.NaN);
      }
    }
  }

  /**
   * The rows' order: a merge sort of the runs already in order (one run, the usual case of files written
   * in time order: no sort at all, null; k chunks each in order: log k passes).
   */
  private int[] order() {
    int[] bounds = new int[n + 1];
    int runs = 0;
    bounds[runs++] = 0;
    for (int r = 1; r < n; r++) {
      if (compare(r - 1, r) > 0) {
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
          b[o++] = compare(a[x], a[y]) <= 0 ? a[x++] : a[y++];
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
  private int compare(int x, int y) {
    double a = time[x];
    double b = time[y];
    if (a != b) {
      int c = Double.compare(a, b);
      if (c != 0) {
        return c;
      }
    }
    if (file[x] != file[y]) {
      int c = files[file[x]].compareTo(files[file[y]]);
      if (c != 0) {
        return c;
      }
    }
    return Long.compare(line[x], line[y]);
  }
}
