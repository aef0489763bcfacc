package org.gammaxl.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gammaxl.workbooks.io.InputFileException;
import org.gammaxl.workbooks.report.PositionFile;

/**
 * One book of a sweep: the position file {@code NAME.position} (the format of {@code gammaxl report}),
 * read on the driver and shipped to the executors. Its name is the file name without the extension; its
 * path is found in the prices by that name (a {@code book} key) or by its {@code underlying}.
 */
final class Book implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String file;
  private final RecordCopy position;
  private transient PositionFile cached;

  private Book(String name, String file, PositionFile position) {
    this.name = name;
    this.file = file;
    this.position = RecordCopy.of(position);
    this.cached = position;
  }

  static Book of(String name, String file, PositionFile position) {
    return new Book(name, file, position);
  }

  /** The book's name: its position file's name without {@code .position}. */
  String name() { return name; }

  /** The position file it was read from, as given. */
  String file() { return file; }

  PositionFile position() {
    if (cached == null) {
      cached = (PositionFile) position.value();
    }
    return cached;
  }

  /**
   * The books of {@code source}: one {@code .position} file, or every {@code *.position} file in a
   * directory (not its subdirectories), sorted by name.
   *
   * @throws InputFileException for the first malformed file ({@code file:line: field: problem})
   */
  static List<Book> read(Path source) throws IOException, InputFileException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> s = Files.list(source)) {
        s.filter(p -> p.getFileName().toString().endsWith(".position") && Files.isRegularFile(p)).sorted()
            .forEach(files::add);
      }
      if (files.isEmpty()) {
        throw new InputFileException(source, 1, "books", "no *.position files in the directory");
      }
    } else if (Files.isRegularFile(source)) {
      files.add(source);
    } else {
      throw new InputFileException(source, 1, "books", "no such file or directory");
    }
    List<Book> books = new ArrayList<>(files.size());
    for (Path f : files) {
      String n = f.getFileName().toString().replaceFirst("\\.position$", "");
      books.add(new Book(n, f.toString(), PositionFile.read(f)));
    }
    return books;
  }
}
