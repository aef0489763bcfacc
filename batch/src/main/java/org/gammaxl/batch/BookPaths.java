package org.gammaxl.batch;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The books of a sweep by price path: path {@code i} is the key {@link #key(int)} of the price rows (a
 * book name or an underlying) and the books it drives. The price rows are packed by path and time bucket
 * as they are read ({@link ChunkPacker}; rows of a key without books are dropped there), the chunks
 * partitioned by path number and sorted within each partition, so that a task streams its paths one
 * after the other ({@link PathGroups}, {@link PathCursor}).
 */
final class BookPaths implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<String> keys;
  private final List<List<Book>> books;

  private BookPaths(List<String> keys, List<List<Book>> books) {
    this.keys = keys;
    this.books = books;
  }

  static BookPaths of(List<Book> books, PriceInput.Prices prices) {
    Map<String, List<Book>> m = new LinkedHashMap<>();
    for (Book b : books) {
      String key = prices.kind() == PriceInput.KeyKind.BOOK ? b.name() : b.position().underlying();
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
    return new BookPaths(new ArrayList<>(m.keySet()), new ArrayList<>(m.values()));
  }

  int size() { return keys.size(); }

  String key(int path) { return keys.get(path); }

  List<Book> books(int path) { return books.get(path); }

  /**
   * The price rows of the paths {@code keep} accepts as {@link PathChunk}s, hash-partitioned by path
   * number into {@code partitions} tasks, each partition sorted by chunk key (path, then time bucket):
   * read them path by path with {@link PathGroups}. The shuffle moves one row per chunk (a path's rows of
   * one bucket read by one map task), and sorts those, not the price rows: {@link PathCursor} puts a
   * bucket's rows in time order when it reaches it.
   *
   * <p>The map side reads the rows as Spark's internal rows ({@code queryExecution().toRdd()}): the
   * public {@code Dataset} operators would make a {@code Row} with boxed values for each price row.
   */
  Dataset<PathChunk> chunks(SparkSession spark, Dataset<Row> prices, IntPredicate keep, int partitions) {
    Map<String, Integer> pathOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keep.test(i)) {
        pathOf.put(keys.get(i), i);
      }
    }
    var packed = prices.queryExecution().toRdd().toJavaRDD().mapPartitions(new ChunkPacker(pathOf));
    return spark.createDataset(packed.rdd(), PathChunk.ENCODER)
        .repartition(partitions, col("path"))
        .sortWithinPartitions("key");
  }
}
