package org.gammaxl.workbooks.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;

/**
 * A price series for a ledger: observation times as Excel serial date-times and spot prices, with an
 * optional implied vol per row (0.2 = 20 %) and optional bid/ask.
 *
 * <p>CSV format: a header line naming the columns ({@code time,spot} required; {@code vol},
 * {@code bid}, {@code ask} optional, any order, case-insensitive), then one observation per line in
 * strictly increasing time. Times are ISO dates, ISO date-times or Excel serial numbers. A blank vol carries
 * the previous row's mark forward (NaN in {@link #vols}). Blank lines and lines starting with {@code #} are
 * ignored.
 *
 * @param times Excel serial date-times, strictly increasing
 * @param spots spot prices, &gt; 0
 * @param vols implied vols per row, or {@code null} when the file has none
 * @param bids bid prices, or {@code null}
 * @param asks ask prices, or {@code null}
 */
public record PriceSeries(double[] times, double[] spots, double[] vols, double[] bids, double[] asks) {

  public int size() {
    return times.length;
  }

  /** Reads a CSV file; every problem is reported as {@code file:line: field: what is wrong}. */
  public static PriceSeries read(Path file) throws IOException, InputFileException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file);
    }
  }

  static PriceSeries read(BufferedReader in, Path file) throws IOException, InputFileException {
    String line;
    int lineNo = 0;
    int[] col = null;
    String[] names = {"time", "spot", "vol", "bid", "ask"};
    double[][] data = new double[5][1024];
    int n = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String trimmed = line.strip();
      if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
        trimmed = trimmed.substring(1);
      }
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split(",", -1);
      if (col == null) {
        col = new int[] {-1, -1, -1, -1, -1};
        for (int i = 0; i < fields.length; i++) {
          String h = fields[i].strip().toLowerCase(Locale.ROOT);
          int k = Arrays.asList(names).indexOf(h);
          if (k < 0) {
            throw new InputFileException(file, lineNo, "header", "unknown column '" + fields[i].strip()
                + "'; expected time, spot and optionally vol, bid, ask");
          }
          if (col[k] >= 0) {
            throw new InputFileException(file, lineNo, "header", "column '" + h + "' appears twice");
          }
          col[k] = i;
        }
        if (col[0] < 0 || col[1] < 0) {
          throw new InputFileException(file, lineNo, "header", "needs the columns time and spot");
        }
        continue;
      }
      if (n == data[0].length) {
        for (int k = 0; k < 5; k++) {
          data[k] = Arrays.copyOf(data[k], n * 2);
        }
      }
      for (int k = 0; k < 5; k++) {
        if (col[k] < 0) {
          continue;
        }
        if (col[k] >= fields.length) {
          throw new InputFileException(file, lineNo, names[k], "missing; the line has only " + fields.length + " fields");
        }
        String text = fields[col[k]].strip();
        double v;
        if (k == 0) {
          try {
            v = ExcelDates.parse(text);
          } catch (IllegalArgumentException e) {
            throw new InputFileException(file, lineNo, "time", e.getMessage());
          }
          if (n > 0 && !(v > data[0][n - 1])) {
            throw new InputFileException(file, lineNo, "time", "must be later than the previous row's time");
          }
        } else if (k == 2 && text.isEmpty()) {
          if (n == 0) {
            throw new InputFileException(file, lineNo, "vol", "blank on the first row; a blank vol carries the previous"
                + " row's mark forward, so the first row needs one");
          }
          v = Double.NaN;
        } else {
          try {
            v = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new InputFileException(file, lineNo, names[k], "'" + text + "' is not a number");
          }
          boolean ok = k == 2 ? v >= 0 && Double.isFinite(v) : v > 0 && Double.isFinite(v);
          if (!ok) {
            throw new InputFileException(file, lineNo, names[k], "must be " + (k == 2 ? ">= 0" : "> 0") + ", was " + text);
          }
        }
        data[k][n] = v;
      }
      if (col[3] >= 0 && col[4] >= 0 && data[3][n] > data[4][n]) {
        throw new InputFileException(file, lineNo, "bid", "bid " + data[3][n] + " is above ask " + data[4][n]);
      }
      n++;
    }
    if (col == null) {
      throw new InputFileException(file, Math.max(lineNo, 1), "header", "the file is empty; expected a header line 'time,spot'");
    }
    if (n < 2) {
      throw new InputFileException(file, lineNo, "spot", "needs at least 2 observations, found " + n);
    }
    int count = n;
    return new PriceSeries(Arrays.copyOf(data[0], count), Arrays.copyOf(data[1], count),
        col[2] >= 0 ? Arrays.copyOf(data[2], count) : null,
        col[3] >= 0 ? Arrays.copyOf(data[3], count) : null,
        col[4] >= 0 ? Arrays.copyOf(data[4], count) : null);
  }
}
