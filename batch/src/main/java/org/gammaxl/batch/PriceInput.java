package org.gammaxl.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gammaxl.workbooks.io.ExcelDates;

/**
 * The price paths of a sweep, as one dataset of observations however they are stored: CSV or Parquet,
 * one file or a directory tree such as {@code prices/underlying=AAPL/day=2024-03-15/part-0.csv}.
 *
 * <p>Columns: {@code time} and {@code spot} required; {@code vol}, {@code bid}, {@code ask}
 * optional; the path's key {@code book} or {@code underlying} as a column, as a directory
 * {@code book=NAME} / {@code underlying=NAME}, or else (CSV) the file name {@code NAME.csv} as the book,
 * the layout of {@code gammaxl report --batch}. A {@code book} key finds the book of that name, an
 * {@code underlying} key every book with that underlying. CSV times are ISO dates, date-times or Excel
 * serials (as {@code gammaxl report} reads them); Parquet times are Excel serials (a number), a
 * timestamp (read as UTC) or a date. Hidden files and directories ({@code .} or {@code _}) are ignored.
 *
 * <p>The dataset has the columns of {@link #SCHEMA}; a row without a vol mark (no vol column, an
 * empty cell, a null) has a null or NaN {@code vol}: the sweep then carries the path's last mark
 * forward, or uses the book's own vol before the path's first mark. A CSV row that does not parse fails the job with {@code file:line: field: problem}; with
 * {@code skipBadBooks} it becomes an {@code error} row that makes the sweep skip its path's books.
 */
final class PriceInput {
  /** How the price rows name their path. */
  enum KeyKind { BOOK, UNDERLYING }

  static final StructType SCHEMA = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("time", DataTypes.DoubleType, true)
      .add("spot", DataTypes.DoubleType, true)
      .add("vol", DataTypes.DoubleType, true)
      .add("bid", DataTypes.DoubleType, true)
      .add("ask", DataTypes.DoubleType, true)
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true);
  static final int KEY = 0;
  static final int TIME = 1;
  static final int SPOT = 2;
  static final int VOL = 3;
  static final int BID = 4;
  static final int ASK = 5;
  static final int FILE = 6;
  static final int LINE = 7;
  static final int ERROR = 8;

  /** The observations (messages show their {@code file} column through {@link #display}) and how they are keyed. */
  record Prices(Dataset<Row> rows, KeyKind kind, String location) {}

  private PriceInput() {}

  /**
   * Reads {@code location} ({@code format} "csv" or "parquet"; null: parquet when the name or the first
   * file ends with {@code .parquet}, else csv).
   */
  static Prices read(SparkSession spark, String location, String format, boolean skipBadBooks) throws IOException {
    Path root = new Path(location);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(root)) {
      throw new SweepInputException(location + ":1: prices: no such file or directory");
    }
    List<String> files = list(fs, root, format == null ? null : "." + format.toLowerCase(Locale.ROOT));
    String fmt = format != null ? format.toLowerCase(Locale.ROOT)
        : files.stream().anyMatch(f -> f.endsWith(".parquet")) ? "parquet" : "csv";
    files.removeIf(f -> !f.endsWith("." + fmt));
    if (files.isEmpty()) {
      throw new SweepInputException(location + ":1: prices: no ." + fmt + " files");
    }
    return fmt.equals("parquet") ? parquet(spark, root) : csv(spark, fs, root, files, skipBadBooks);
  }

  private static List<String> list(FileSystem fs, Path root, String suffix) throws IOException {
    List<String> files = new ArrayList<>();
    String base = fs.makeQualified(root).toString();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      String p = it.next().getPath().toString();
      String rel = p.length() > base.length() ? p.substring(base.length()) : new Path(p).getName();
      boolean hidden = Arrays.stream(rel.split("/")).anyMatch(s -> s.startsWith(".") || s.startsWith("_"));
      if (!hidden && (suffix == null || p.endsWith(suffix))) {
        files.add(p);
      }
    }
    files.sort(null);
    return files;
  }

  /** A CSV line without surrounding blanks, and without the byte-order mark an editor may put before line 1. */
  static String content(String line, long lineNo) {
    String s = line.strip();
    return lineNo == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** A path as a message shows it: local files without the {@code file:} scheme. */
  static String display(String path) {
    return path.startsWith("file:") ? new Path(path).toUri().getPath() : path;
  }

  // ---------------------------------------------------------------- Parquet

  private static Prices parquet(SparkSession spark, Path root) {
    Dataset<Row> in = spark.read().parquet(root.toString());
    List<String> names = Arrays.stream(in.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
    KeyKind kind = names.contains("book") ? KeyKind.BOOK : KeyKind.UNDERLYING;
    String display = display(root.toString());
    if (!names.contains("book") && !names.contains("underlying")) {
      throw new SweepInputException(display + ":1: book: the Parquet prices need a book or underlying column"
          + " (or a book=NAME / underlying=NAME directory)");
    }
    for (String required : List.of("time", "spot")) {
      if (!names.contains(required)) {
        throw new SweepInputException(display + ":1: " + required + ": missing column (have " + names + ")");
      }
    }
    DataType timeType = in.schema().apply(in.schema().fieldIndex(Arrays.stream(in.columns())
        .filter(c -> c.equalsIgnoreCase("time")).findFirst().orElseThrow())).dataType();
    Column time;
    if (timeType instanceof org.apache.spark.sql.types.NumericType) {
      time = col("time").cast(DataTypes.DoubleType);
    } else if (timeType.equals(DataTypes.TimestampType) || timeType.equals(DataTypes.TimestampNTZType)
        || timeType.equals(DataTypes.DateType)) {
      // As ExcelDates.serial of the UTC date-time, operation for operation: whole days, then the nanosecond of the day / 86,400e9.
      Column micros = org.apache.spark.sql.functions.unix_micros(col("time").cast(DataTypes.TimestampType));
      Column day = lit(86_400_000_000L);
      time = org.apache.spark.sql.functions.floor(micros.divide(day)).plus(25569).cast(DataTypes.DoubleType)
          .plus(org.apache.spark.sql.functions.pmod(micros, day).multiply(1000).cast(DataTypes.DoubleType)
              .divide(86_400e9));
    } else {
      throw new SweepInputException(display + ":1: time: column of type " + timeType.simpleString()
          + "; expected an Excel serial number, a timestamp or a date");
    }
    Dataset<Row> rows = in.select(
        col(kind == KeyKind.BOOK ? "book" : "underlying").cast(DataTypes.StringType).as("key"),
        time.as("time"),
        col("spot").cast(DataTypes.DoubleType).as("spot"),
        optional(names, "vol"),
        optional(names, "bid"), optional(names, "ask"),
        col("_metadata.file_path").as("file"), // a URI; messages show it with display()
        col("_metadata.row_index").plus(1).as("line"),
        lit(null).cast(DataTypes.StringType).as("error"));
    return new Prices(rows.where(col("key").isNotNull()), kind, root.toString());
  }

  private static Column optional(List<String> names, String name) {
    return names.contains(name) ? col(name).cast(DataTypes.DoubleType).as(name)
        : lit(null).cast(DataTypes.DoubleType).as(name);
  }

  // ---------------------------------------------------------------- CSV

  private static Prices csv(SparkSession spark, FileSystem fs, Path root, List<String> files, boolean skip)
      throws IOException {
    String base = fs.makeQualified(root).toString();
    String first = files.get(0);
    String header;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(new Path(first)), StandardCharsets.UTF_8))) {
      header = in.readLine();
    }
    KeyKind kind = CsvFile.kindOf(header == null ? "" : header, relative(base, first));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(files.size(), 4 * jsc.defaultParallelism()));
    JavaRDD<Row> rows = jsc.parallelize(files, slices).flatMap(new CsvFile(base, kind, skip));
    return new Prices(spark.createDataFrame(rows, SCHEMA), kind, root.toString());
  }

  private static String relative(String base, String file) {
    return file.length() > base.length() && file.startsWith(base) ? file.substring(base.length()) : new Path(file).getName();
  }

  /** Reads one CSV file into observation rows, line by line (a task holds one line at a time). */
  static final class CsvFile implements FlatMapFunction<String, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> NAMES = List.of("time", "spot", "vol", "bid", "ask", "book", "underlying");
    private final String base;
    private final KeyKind kind;
    private final boolean skip;

    CsvFile(String base, KeyKind kind, boolean skip) {
      this.base = base;
      this.kind = kind;
      this.skip = skip;
    }

    /** The key kind of a file: its key column, else its {@code book=} / {@code underlying=} directory, else BOOK. */
    static KeyKind kindOf(String header, String relativePath) {
      List<String> h = Arrays.stream(header.replace("\uFEFF", "").split(",", -1))
          .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
      if (h.contains("book")) {
        return KeyKind.BOOK;
      }
      if (h.contains("underlying")) {
        return KeyKind.UNDERLYING;
      }
      return partition(relativePath, "underlying") != null ? KeyKind.UNDERLYING : KeyKind.BOOK;
    }

    private static String partition(String relativePath, String name) {
      for (String seg : relativePath.split("/")) {
        if (seg.startsWith(name + "=")) {
          return seg.substring(name.length() + 1);
        }
      }
      return null;
    }

    @Override
    public Iterator<Row> call(String file) throws IOException {
      Path path = new Path(file);
      FileSystem fs = path.getFileSystem(new Configuration());
      BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8));
      return new Lines(in, display(file), relative(base, file), path.getName());
    }

    /** The rows of one file, parsed as they are read. */
    private final class Lines implements Iterator<Row> {
      private final BufferedReader in;
      private final String file;
      private final String relativePath;
      private final String fileName;
      private int[] col;
      private String pathKey;
      private long lineNo;
      private Row next;

      Lines(BufferedReader in, String file, String relativePath, String fileName) {
        this.in = in;
        this.file = file;
        this.relativePath = relativePath;
        this.fileName = fileName;
        advance();
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        Row r = next;
        advance();
        return r;
      }

      private void advance() {
        next = null;
        try {
          String line;
          while ((line = in.readLine()) != null) {
            String s = content(line, ++lineNo);
            if (s.isEmpty() || s.startsWith("#")) {
              continue;
            }
            String[] f = s.split(",", -1);
            if (col == null) {
              header(f, s);
              continue;
            }
            next = row(f);
            return;
          }
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
      }

      private void header(String[] f, String s) {
        col = new int[NAMES.size()];
        Arrays.fill(col, -1);
        for (int i = 0; i < f.length; i++) {
          String h = f[i].strip().toLowerCase(Locale.ROOT);
          int k = NAMES.indexOf(h);
          if (k < 0) {
            throw bad("header", "unknown column '" + f[i].strip() + "'; expected time, spot and optionally vol, bid, ask, "
                + "book or underlying");
          }
          if (col[k] >= 0) {
            throw bad("header", "column '" + h + "' appears twice");
          }
          col[k] = i;
        }
        if (col[0] < 0 || col[1] < 0) {
          throw bad("header", "needs the columns time and spot");
        }
        KeyKind mine = kindOf(s, relativePath);
        if (mine != kind) {
          throw bad("header", "names its path by " + mine.name().toLowerCase(Locale.ROOT) + " but the first price file by "
              + kind.name().toLowerCase(Locale.ROOT) + "; all files must use the same key");
        }
        String dir = partition(relativePath, kind == KeyKind.BOOK ? "book" : "underlying");
        pathKey = dir != null ? dir : fileName.replaceFirst("\\.csv$", "");
      }

      private Row row(String[] f) {
        int keyCol = col[kind == KeyKind.BOOK ? 5 : 6];
        String key = keyCol < 0 ? pathKey : keyCol < f.length ? f[keyCol].strip() : "";
        if (key.isEmpty()) {
          throw bad(NAMES.get(kind == KeyKind.BOOK ? 5 : 6), "missing");
        }
        Object[] v = new Object[SCHEMA.size()];
        v[KEY] = key;
        v[FILE] = file;
        v[LINE] = lineNo;
        try {
          for (int k = 0; k < 5; k++) {
            if (col[k] < 0) {
              continue;
            }
            if (col[k] >= f.length) {
              throw bad(NAMES.get(k), "missing; the line has only " + f.length + " fields");
            }
            String text = f[col[k]].strip();
            v[TIME + k] = k == 0 ? time(text) : number(NAMES.get(k), text);
          }
        } catch (SweepInputException e) {
          if (!skip) {
            throw e;
          }
          v[TIME] = Double.NEGATIVE_INFINITY;
          v[ERROR] = e.getMessage();
        }
        return RowFactory.create(v);
      }

      private double time(String text) {
        try {
          return ExcelDates.parse(text);
        } catch (IllegalArgumentException e) {
          throw bad("time", e.getMessage());
        }
      }

      private double number(String name, String text) {
        if (text.isEmpty()) {
          if (name.equals("vol") || name.equals("bid") || name.equals("ask")) {
            return Double.NaN;
          }
          throw bad(name, "is empty");
        }
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw bad(name, "'" + text + "' is not a number");
        }
      }

      private SweepInputException bad(String field, String problem) {
        return new SweepInputException(file + ":" + lineNo + ": " + field + ": " + problem);
      }
    }
  }
}
