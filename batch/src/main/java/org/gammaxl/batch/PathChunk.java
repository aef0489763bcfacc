package org.gammaxl.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * Price rows of one path in one time bucket, as one map task read them, packed column by column: the
 * unit the sweep's shuffle moves ({@link ChunkPacker} packs them, {@link PathCursor} merges a bucket's
 * chunks back into time order). Rows are in reading order, not sorted.
 *
 * <p>Per row: {@code time} (Excel serial; NaN where the file has none; -∞ on an {@code error} row),
 * {@code spot}, {@code vol}, {@code bid}, {@code ask} (NaN where empty; a column whose every row is NaN is
 * null), {@code line} (1-based line of a CSV file, row number of a Parquet file), {@code file} (an index
 * into {@code files}, the names of the files the rows come from), and {@code error} (null, or per row the
 * reader's message for a row it could not parse; null for good rows). {@code key}: the shuffle's sort key,
 * {@link ChunkPacker#key} of path and bucket.
 *
 * <p>A Java bean because Spark's bean encoder stores primitive arrays as arrays, copied whole, so the
 * shuffle moves and sorts one row per chunk, not one per observation.
 */
public final class PathChunk implements Serializable {
  private static final long serialVersionUID = 1L;
  static final Encoder<PathChunk> ENCODER = Encoders.bean(PathChunk.class);

  private long key;
  private int path;
  private double[] time;
  private double[] spot;
  private double[] vol;
  private double[] bid;
  private double[] ask;
  private long[] line;
  private int[] file;
  private String[] files;
  private String[] error;

  /** For the encoder. */
  public PathChunk() {}

  /** The number of rows. */
  int size() { return time.length; }

  /**
   * The rows of {@code parts} one after the other, as one chunk of their path and key (files renumbered
   * into one list; a column missing from some parts is NaN there, or null when missing from all).
   */
  static PathChunk concat(List<PathChunk> parts) {
    int n = 0;
    boolean anyVol = false;
    boolean anyBid = false;
    boolean anyAsk = false;
    boolean anyError = false;
    for (PathChunk c : parts) {
      n += c.size();
      anyVol |= c.vol != null;
      anyBid |= c.bid != null;
      anyAsk |= c.ask != null;
      anyError |= c.error != null;
    }
    PathChunk m = new PathChunk();
    m.key = parts.get(0).key;
    m.path = parts.get(0).path;
    m.time = new double[n];
    m.spot = new double[n];
    m.vol = anyVol ? new double[n] : null;
    m.bid = anyBid ? new double[n] : null;
    m.ask = anyAsk ? new double[n] : null;
    m.line = new long[n];
    m.file = new int[n];
    m.error = anyError ? new String[n] : null;
    List<String> names = new ArrayList<>();
    int at = 0;
    for (PathChunk c : parts) {
      int k = c.size();
      System.arraycopy(c.time, 0, m.time, at, k);
      System.arraycopy(c.spot, 0, m.spot, at, k);
      copy(c.vol, m.vol, at, k);
      copy(c.bid, m.bid, at, k);
      copy(c.ask, m.ask, at, k);
      System.arraycopy(c.line, 0, m.line, at, k);
      if (c.error != null) {
        System.arraycopy(c.error, 0, m.error, at, k);
      }
      int[] renumber = new int[c.files.length];
      for (int f = 0; f < renumber.length; f++) {
        int i = names.indexOf(c.files[f]);
        if (i < 0) {
          i = names.size();
          names.add(c.files[f]);
        }
        renumber[f] = i;
      }
      for (int r = 0; r < k; r++) {
        m.file[at + r] = renumber[c.file[r]];
      }
      at += k;
    }
    m.files = names.toArray(new String[0]);
    return m;
  }

  /** The rows in the order {@code order} gives (row {@code r} of the result is row {@code order[r]} of this). */
  PathChunk permuted(int[] order) {
    int n = order.length;
    PathChunk p = new PathChunk();
    p.key = key;
    p.path = path;
    p.files = files;
    p.time = permute(time, order);
    p.spot = permute(spot, order);
    p.vol = permute(vol, order);
    p.bid = permute(bid, order);
    p.ask = permute(ask, order);
    p.line = new long[n];
    p.file = new int[n];
    p.error = error == null ? null : new String[n];
    for (int r = 0; r < n; r++) {
      p.line[r] = line[order[r]];
      p.file[r] = file[order[r]];
      if (error != null) {
        p.error[r] = error[order[r]];
      }
    }
    return p;
  }

  private static double[] permute(double[] x, int[] order) {
    if (x == null) {
      return null;
    }
    double[] y = new double[order.length];
    for (int r = 0; r < order.length; r++) {
      y[r] = x[order[r]];
    }
    return y;
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

  public long getKey() { return key; }

  public void setKey(long key) { this.key = key; }

  public int getPath() { return path; }

  public void setPath(int path) { this.path = path; }

  public double[] getTime() { return time; }

  public void setTime(double[] time) { this.time = time; }

  public double[] getSpot() { return spot; }

  public void setSpot(double[] spot) { this.spot = spot; }

  public double[] getVol() { return vol; }

  public void setVol(double[] vol) { this.vol = vol; }

  public double[] getBid() { return bid; }

  public void setBid(double[] bid) { this.bid = bid; }

  public double[] getAsk() { return ask; }

  public void setAsk(double[] ask) { this.ask = ask; }

  public long[] getLine() { return line; }

  public void setLine(long[] line) { this.line = line; }

  public int[] getFile() { return file; }

  public void setFile(int[] file) { this.file = file; }

  public String[] getFiles() { return files; }

  public void setFiles(String[] files) { this.files = files; }

  public String[] getError() { return error; }

  public void setError(String[] error) { this.error = error; }
}
