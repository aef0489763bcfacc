package org.gammaxl.workbooks.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;

/**
 * What the command line says about files: one line naming the file and what is wrong with it
 * ({@code prices.csv: no such file}), never a temporary path; the output name checked before any work
 * is done; a warning when the option expires inside the price path.
 */
final class FileErrors {
  private FileErrors() {}

  /** One line for an exception that reached the command line. */
  static String describe(Throwable e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file";
    }
    if (t instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (t instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + (f.getReason() == null ? t.getClass().getSimpleName() : f.getReason());
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * The workbook to write for {@code -o}: a name without an extension gets {@code .xlsx} (said on
   * {@code err}); a directory or another extension is refused.
   *
   * @throws IllegalArgumentException with the line to print
   */
  static Path xlsx(Path out, PrintWriter err) {
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + ": is a directory; give the workbook to write, e.g. -o "
          + out.resolve("report.xlsx"));
    }
    String name = out.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return out;
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      throw new IllegalArgumentException(out + ": the output is an Excel workbook; name it " + name.substring(0, dot)
          + ".xlsx");
    }
    Path withExtension = out.resolveSibling(name + ".xlsx");
    err.println("gammaxl: writing " + withExtension + " (added .xlsx)");
    err.flush();
    return withExtension;
  }

  /** Warns when the option expires before the last observation (later rows hold the settled position). */
  static void warnExpiries(PositionFile position, PriceSeries prices, Path file, PrintWriter err) {
    double last = prices.times()[prices.size() - 1];
    if (position.expiry() < last) {
      err.println("gammaxl: warning: " + file + ": the option expires " + text(position.expiry())
          + ", inside the price path (last observation " + text(last) + "); it settles at intrinsic value and the"
          + " later rows carry no option");
      err.flush();
    }
  }

  private static String text(double serial) {
    var t = ExcelDates.dateTime(serial);
    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
        : t.toLocalDate() + " " + t.toLocalTime().withNano(0);
  }
}
