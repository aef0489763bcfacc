package org.gammaxl.batch;

import java.io.Serializable;
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
