package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The map side of the sweep's shuffle: price rows in reading order packed per path and 8-day bucket. */
class ChunkPackerTest {
  /** A price row as {@link PriceInput#SCHEMA} holds it (vol, bid, ask null when NaN). */
  static InternalRow row(String key, double time, double spot, double vol, String file, long line) {
    Object[] v = new Object[PriceInput.SCHEMA.size()];
    v[PriceInput.KEY] = UTF8String.fromString(key);
    v[PriceInput.TIME] = time;
    v[PriceInput.SPOT] = spot;
    v[PriceInput.VOL] = Double.isNaN(vol) ? null : vol;
    v[PriceInput.FILE] = UTF8String.fromString(file);
    v[PriceInput.LINE] = line;
    return new GenericInternalRow(v);
  }

  static List<PathChunk> pack(Map<String, Integer> pathOf, List<InternalRow> rows) {
    List<PathChunk> out = new ArrayList<>();
    Iterator<PathChunk> it = new ChunkPacker(pathOf).call(rows.iterator());
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void rowsOfSeveralPathsAndFilesGoToOneChunkPerPathAndBucketInReadingOrderAndUnknownKeysAreDropped() {
    // path a: two files interleaved, out of time order, over two 8-day buckets (day 45352 = bucket 5669,
    // day 45360 = bucket 5670); path b: one row; key zz has no book
    List<InternalRow> rows = List.of(
        row("a", 45353.5, 101, 0.2, "f2", 7),
        row("b", 45352.0, 50, Double.NaN, "f1", 1),
        row("a", 45352.5, 100, Double.NaN, "f1", 3),
        row("zz", 45352.5, 1, 0.1, "f1", 4),
        row("a", 45361.0, 102, Double.NaN, "f1", 5),
        row("a", 45352.25, 99, Double.NaN, "f2", 8));
    List<PathChunk> chunks = pack(Map.of("a", 0, "b", 1), rows);
    assertEquals(3, chunks.size());
    PathChunk a1 = only(chunks, ChunkPacker.key(0, 45352.0));
    assertEquals(0, a1.getPath());
    assertArrayEquals(new double[] {45353.5, 45352.5, 45352.25}, a1.getTime());
    assertArrayEquals(new double[] {101, 100, 99}, a1.getSpot());
    assertArrayEquals(new double[] {0.2, Double.NaN, Double.NaN}, a1.getVol());
    assertArrayEquals(new long[] {7, 3, 8}, a1.getLine());
    assertEquals(List.of("f2", "f1", "f2"), names(a1));
    assertNull(a1.getBid());
    assertNull(a1.getAsk());
    assertNull(a1.getError());
    PathChunk a2 = only(chunks, ChunkPacker.key(0, 45360.0));
    assertArrayEquals(new double[] {45361.0}, a2.getTime());
    assertArrayEquals(new double[] {Double.NaN}, a2.getVol(), "the path has marks, so the column is kept");
    assertEquals(List.of("f1"), names(a2));
    PathChunk b = only(chunks, ChunkPacker.key(1, 45352.0));
    assertEquals(1, b.getPath());
    assertArrayEquals(new double[] {50}, b.getSpot());
    assertNull(b.getVol(), "no row of b has a mark");
  }

  @Test
  void aPathWithMoreRowsThanAChunkHoldsIsPassedOnInSeveralChunksOfTheSameKeyInReadingOrder() {
    int n = ChunkPacker.CHUNK_ROWS + 10;
    List<InternalRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row("a", 45352 + i * 1e-5, 100 + i, Double.NaN, "f", i + 1));
    }
    List<PathChunk> chunks = pack(Map.of("a", 0), rows);
    assertEquals(2, chunks.size());
    assertEquals(ChunkPacker.CHUNK_ROWS, chunks.get(0).size());
    assertEquals(10, chunks.get(1).size());
    assertEquals(chunks.get(0).getKey(), chunks.get(1).getKey());
    assertEquals(1, chunks.get(0).getLine()[0]);
    assertEquals(ChunkPacker.CHUNK_ROWS + 1, chunks.get(1).getLine()[0]);
    assertEquals(100 + n - 1, chunks.get(1).getSpot()[9]);
  }

  @Test
  void theKeyOrdersByPathThenTimeBucketWithAMissingTimeLast() {
    assertEquals(ChunkPacker.key(3, 45352.0), ChunkPacker.key(3, 45359.99));
    assertEquals(ChunkPacker.key(3, 45352.0) + 1, ChunkPacker.key(3, 45360.0));
    assertEquals(true, ChunkPacker.key(3, Double.NaN) > ChunkPacker.key(3, 1e6));
    assertEquals(true, ChunkPacker.key(3, Double.NaN) < ChunkPacker.key(4, Double.NEGATIVE_INFINITY));
  }

  private static PathChunk only(List<PathChunk> chunks, long key) {
    List<PathChunk> m = chunks.stream().filter(c -> c.getKey() == key).toList();
    assertEquals(1, m.size(), "chunks of key " + key);
    return m.get(0);
  }

  /** The file name of each row of {@code c}. */
  static List<String> names(PathChunk c) {
    List<String> n = new ArrayList<>();
    for (int f : c.getFile()) {
      n.add(c.getFiles()[f]);
    }
    return n;
  }
}
