package org.gammaxl.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;

/**
 * The ledger side: a partition of chunks (sorted by key, as the shuffle gives them) read back path by
 * path, bucket by bucket, each bucket's rows in order of time, then file name, then line.
 */
class PathCursorTest {
  @Test
  void chunksOfSeveralFilesAndTasksArePutBackInTimeOrderBucketAfterBucket() {
    // one path over three buckets, its rows shuffled over three files and read by two "map tasks"
    Random rnd = new Random(7);
    List<double[]> truth = new ArrayList<>();
    List<InternalRow> task1 = new ArrayList<>();
    List<InternalRow> task2 = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double t = 45352 + i * 0.04; // 24 days: buckets 5669, 5670, 5671
      truth.add(new double[] {t, 100 + i});
    }
    List<double[]> shuffled = new ArrayList<>(truth);
    java.util.Collections.shuffle(shuffled, rnd);
    for (int i = 0; i < shuffled.size(); i++) {
      double[] r = shuffled.get(i);
      String file = "f" + (i % 3);
      InternalRow row = ChunkPackerTest.row("a", r[0], r[1], i % 5 == 0 ? 0.2 : Double.NaN, file, i + 1);
      (i % 2 == 0 ? task1 : task2).add(row);
    }
    List<PathChunk> chunks = new ArrayList<>(ChunkPackerTest.pack(Map.of("a", 0), task1));
    chunks.addAll(ChunkPackerTest.pack(Map.of("a", 0), task2));
    chunks.sort(Comparator.comparingLong(PathChunk::getKey));
    PathCursor c = new PathCursor(chunks.iterator());
    assertTrue(c.nextPath());
    assertEquals(0, c.path());
    List<Double> times = new ArrayList<>();
    List<Double> spots = new ArrayList<>();
    int buckets = 0;
    while (c.nextBucket()) {
      buckets++;
      for (int r = 0; r < c.size(); r++) {
        times.add(c.time(r));
        spots.add(c.spot(r));
        assertNull(c.error(r));
        assertTrue(c.file(r).matches("f[012]"));
      }
    }
    assertEquals(3, buckets);
    assertEquals(truth.stream().map(r -> r[0]).toList(), times);
    assertEquals(truth.stream().map(r -> r[1]).toList(), spots);
    assertFalse(c.nextPath());
  }

  @Test
  void aTieInTimeGoesByFileNameThenLineAndAColumnMissingFromOneChunkIsNaN() {
    List<PathChunk> chunks = new ArrayList<>(ChunkPackerTest.pack(Map.of("a", 0), List.of(
        ChunkPackerTest.row("a", 45352.5, 2, Double.NaN, "b.csv", 9),
        ChunkPackerTest.row("a", 45352.5, 3, Double.NaN, "b.csv", 4))));
    chunks.addAll(ChunkPackerTest.pack(Map.of("a", 0), List.of(
        ChunkPackerTest.row("a", 45352.5, 1, 0.3, "a.csv", 20),
        ChunkPackerTest.row("a", 45352.1, 0, 0.25, "c.csv", 1))));
    PathCursor c = new PathCursor(chunks.iterator());
    assertTrue(c.nextPath());
    assertTrue(c.nextBucket());
    assertEquals(4, c.size());
    double[] spot = new double[4];
    double[] vol = new double[4];
    String[] where = new String[4];
    for (int r = 0; r < 4; r++) {
      spot[r] = c.spot(r);
      vol[r] = c.vol(r);
      where[r] = c.file(r) + ":" + c.line(r);
    }
    assertArrayEquals(new double[] {0, 1, 3, 2}, spot);
    assertArrayEquals(new double[] {0.25, 0.3, Double.NaN, Double.NaN}, vol);
    assertArrayEquals(new String[] {"c.csv:1", "a.csv:20", "b.csv:4", "b.csv:9"}, where);
    assertEquals(Double.NaN, c.bid(0));
    assertFalse(c.nextBucket());
  }

  @Test
  void nextPathLeavesTheUnreadBucketsOfAPathAndReadsTheNext() {
    List<InternalRow> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(ChunkPackerTest.row("a", 45352 + i, 100, Double.NaN, "f", i + 1)); // 5 buckets
      rows.add(ChunkPackerTest.row("b", 45352 + i, 200 + i, Double.NaN, "f", 100 + i));
    }
    List<PathChunk> chunks = new ArrayList<>(ChunkPackerTest.pack(Map.of("a", 0, "b", 1), rows));
    chunks.sort(Comparator.comparingLong(PathChunk::getKey));
    PathCursor c = new PathCursor(chunks.iterator());
    assertTrue(c.nextPath());
    assertTrue(c.nextBucket()); // a stops at its first bucket (as after a bad row)
    assertTrue(c.nextPath());
    assertEquals(1, c.path());
    int n = 0;
    while (c.nextBucket()) {
      for (int r = 0; r < c.size(); r++) {
        assertEquals(200 + n, c.spot(r));
        n++;
      }
    }
    assertEquals(40, n);
    assertFalse(c.nextPath());
  }
}
