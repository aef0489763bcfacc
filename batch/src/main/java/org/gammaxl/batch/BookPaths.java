package org.gammaxl.batch;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The books of a sweep by price path: path {@code i} is the key {@link #key(int)} of the price rows (a
 * book name or an underlying) and the books it drives. Price rows are joined to the paths by key (rows of
 * a key without books are dropped before the shuffle) and grouped by the path's number, so that the
 * shuffle sorts on (int, time) and never compares key strings.
 */
final class BookPaths implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column of the path number, after {@link PriceInput#SCHEMA}'s. */
  static final int PATH = PriceInput.SCHEMA.size();
  private final List<String> keys;
  private final List<List<Book>> books;

  private BookPaths(List<String> keys, List<List<Book>> books) {
    this.keys = keys;
    this.books = books;
  }

  static BookPaths of(List<Book> books, PriceInput.KeyKind kind) {
    Map<String, List<Book>> m = new LinkedHashMap<>();
    for (Book b : books) {
      String key = kind == PriceInput.KeyKind.BOOK ? b.name() : b.position().underlying();
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
    return new BookPaths(new ArrayList<>(m.keySet()), new ArrayList<>(m.values()));
  }

  int size() { return keys.size(); }

  String key(int path) { return keys.get(path); }

  List<Book> books(int path) { return books.get(path); }

  /**
   * The price rows of the paths {@code keep} accepts, grouped by path number, each group sorted by
   * time, then file and line (the order in which a duplicate time is reported).
   */
  KeyValueGroupedDataset<Integer, Row> group(SparkSession spark, Dataset<Row> prices, IntPredicate keep) {
    List<Row> table = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keep.test(i)) {
        table.add(RowFactory.create(keys.get(i), i));
      }
    }
    StructType schema = new StructType().add("key", DataTypes.StringType, false).add("path", DataTypes.IntegerType, false);
    Dataset<Row> joined = prices.join(broadcast(spark.createDataFrame(table, schema)), "key");
    return joined.groupBy(col("path")).as(Encoders.INT(), Encoders.row(joined.schema()));
  }

  /** The sort of the rows within a path. */
  static Column[] order() {
    return new Column[] {col("time"), col("file"), col("line")};
  }
}
