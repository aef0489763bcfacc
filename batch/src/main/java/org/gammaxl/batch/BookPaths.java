package org.gammaxl.batch;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The books of a sweep by price path: path {@code i} is the key {@link #key(int)} of the price rows (a
 * book name or an underlying) and the books it drives. Price rows are joined to the paths by key (rows of
 * a key without books are dropped before the shuffle), partitioned by the path's number and sorted
 * within each partition, so that a task streams its paths one after the other ({@link PathGroups}).
 */
final class BookPaths implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column of the path number in {@link #sorted} rows (where the price rows have their key). */
  static final int PATH = PriceInput.KEY;
  /** The column of a {@link #sorted} row's file name, when its number is -1 (else null). */
  static final int FILE_NAME = PriceInput.SCHEMA.size();
  /** 2^35: the seconds field of the sort key (2^35 s is over 1,000 years of Excel date-times). */
  private static final long SECONDS = 1L << 35;
  private final List<String> keys;
  private final List<List<Book>> books;
  private final List<String> files;

  private BookPaths(List<String> keys, List<List<Book>> books, List<String> files) {
    this.keys = keys;
    this.books = books;
    this.files = files;
  }

  static BookPaths of(List<Book> books, PriceInput.Prices prices) {
    Map<String, List<Book>> m = new LinkedHashMap<>();
    for (Book b : books) {
      String key = prices.kind() == PriceInput.KeyKind.BOOK ? b.name() : b.position().underlying();
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
    return new BookPaths(new ArrayList<>(m.keySet()), new ArrayList<>(m.values()), new ArrayList<>(prices.files()));
  }

  int size() { return keys.size(); }

  String key(int path) { return keys.get(path); }

  List<Book> books(int path) { return books.get(path); }

  /** The price file of a {@link #sorted} row, as messages show it. */
  String file(Row r) {
    int number = r.getInt(PriceInput.FILE);
    return PriceInput.display(number >= 0 ? files.get(number) : r.getString(FILE_NAME));
  }

  /**
   * The price rows of the paths {@code keep} accepts, hash-partitioned by path number into
   * {@code partitions} tasks, each partition sorted by path, then time, then file and line (the order in
   * which a duplicate time is reported): read them path by path with {@link PathGroups}. The columns are
   * those of {@link PriceInput#SCHEMA} with the key replaced by the path number ({@link #PATH}) and the
   * file by its number in {@link PriceInput.Prices#files} (read it with {@link #file(Row)}), so that the
   * shuffle carries numbers, not names; a file name that is not in that list (a spelling of the file
   * system's that it does not foresee) comes as number -1 and the name in column {@link #FILE_NAME}.
   *
   * <p>The sort's first column is one long, the path number in the high bits and the whole seconds of
   * the time in the low 35 (clamped; nulls and NaN at the ends, as Spark orders them). It is monotone in
   * (path, time), so the order is that of (path, time, file, line), and Spark's sort decides most
   * comparisons on that long (its prefix) alone instead of comparing whole rows within a path.
   */
  Dataset<Row> sorted(SparkSession spark, Dataset<Row> prices, IntPredicate keep, int partitions) {
    List<Row> table = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keep.test(i)) {
        table.add(RowFactory.create(keys.get(i), i));
      }
    }
    StructType schema = new StructType().add("key", DataTypes.StringType, false).add("path", DataTypes.IntegerType, false);
    List<Row> fileTable = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      fileTable.add(RowFactory.create(files.get(i), i));
    }
    StructType fileSchema = new StructType().add("file", DataTypes.StringType, false)
        .add("file_number", DataTypes.IntegerType, false);
    Dataset<Row> joined = prices.join(broadcast(spark.createDataFrame(table, schema)), "key")
        .join(broadcast(spark.createDataFrame(fileTable, fileSchema)), new String[] {"file"}, "left");
    Column[] columns = new Column[PriceInput.SCHEMA.size() + 1];
    for (int i = 0; i < PriceInput.SCHEMA.size(); i++) {
      columns[i] = i == PATH ? col("path") : i == PriceInput.FILE ? coalesce(col("file_number"), lit(-1)).as("file")
          : col(PriceInput.SCHEMA.fields()[i].name());
    }
    columns[FILE_NAME] = when(col("file_number").isNull(), col("file")).as("file_name");
    Column seconds = floor(least(greatest(col("time").multiply(86_400.0), lit(0.0)), lit(SECONDS - 1.0)));
    Column order = keys.size() < 1 << 27 ? col("path").cast(DataTypes.LongType).multiply(lit(SECONDS)).plus(seconds)
        : col("path").cast(DataTypes.LongType);
    return joined.select(columns)
        .repartition(partitions, col("path"))
        .sortWithinPartitions(order, col("time"), col("file"), col("file_name"), col("line"));
  }
}
