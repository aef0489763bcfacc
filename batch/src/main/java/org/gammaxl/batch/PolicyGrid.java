package org.gammaxl.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.ledger.HedgeTarget;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;

/**
 * The policy grid of a sweep, read from CSV: a header naming any of the columns
 * {@code rule, threshold, target, fee_bps, fee_per_contract, slippage_bps, half_spread, hedge,
 * future_expiry, lot, rate, yield} (any order, case-insensitive), then one row per policy. A cell may
 * hold one value, a list {@code a|b|c}, or a numeric range {@code start:stop:step} (stop included when
 * it falls on the step); a row expands to every combination of its cells, the last column varying
 * fastest. An empty cell, or a column the header does not name, keeps each book's own setting.
 * Blank lines and lines starting with {@code #} are ignored.
 *
 * <pre>
 * rule,threshold,fee_bps,slippage_bps
 * DELTA,1:10:1,1,2          # ten delta bands
 * WW,0.5|1|2,1,2
 * EVERY,,0|1,2
 * </pre>
 */
final class PolicyGrid {
  static final List<String> COLUMNS = List.of("rule", "threshold", "target", "fee_bps", "fee_per_contract",
      "slippage_bps", "half_spread", "hedge", "future_expiry", "lot", "rate", "yield");
  /** A grid that expands past this many policies is refused (a typo in a step, most likely). */
  static final int MAX_POLICIES = 100_000;

  private PolicyGrid() {}

  /**
   * Reads and expands a grid.
   *
   * @throws InputFileException for the first bad cell, {@code file:line: column: problem}
   */
  static List<SweepPolicy> read(Path file) throws IOException, InputFileException {
    List<SweepPolicy> out = new ArrayList<>();
    int[] col = null;
    int width = 0;
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String s = PriceInput.content(line, ++lineNo);
        int hash = s.indexOf('#');
        if (hash >= 0) {
          s = s.substring(0, hash).strip();
        }
        if (s.isEmpty()) {
          continue;
        }
        String[] cells = s.split(",", -1);
        if (col == null) {
          col = header(file, lineNo, cells);
          width = cells.length;
          continue;
        }
        if (cells.length > width) {
          throw new InputFileException(file, lineNo, "row", cells.length + " cells for " + width + " columns");
        }
        expand(file, lineNo, col, cells, out);
        if (out.size() > MAX_POLICIES) {
          throw new InputFileException(file, lineNo, "row", "the grid expands past " + MAX_POLICIES + " policies");
        }
      }
    }
    if (col == null) {
      throw new InputFileException(file, Math.max(lineNo, 1), "header", "the file is empty; expected a header such as 'rule,threshold'");
    }
    if (out.isEmpty()) {
      throw new InputFileException(file, lineNo, "row", "no policies");
    }
    return out;
  }

  /** For each known column, its index in the file (-1 when absent). */
  private static int[] header(Path file, int lineNo, String[] cells) throws InputFileException {
    int[] col = new int[COLUMNS.size()];
    Arrays.fill(col, -1);
    for (int i = 0; i < cells.length; i++) {
      String h = cells[i].strip().toLowerCase(Locale.ROOT);
      int k = COLUMNS.indexOf(h);
      if (k < 0) {
        throw new InputFileException(file, lineNo, "header", "unknown column '" + cells[i].strip()
            + "'; expected any of " + String.join(", ", COLUMNS));
      }
      if (col[k] >= 0) {
        throw new InputFileException(file, lineNo, "header", "column '" + h + "' appears twice");
      }
      col[k] = i;
    }
    return col;
  }

  private static void expand(Path file, int lineNo, int[] col, String[] cells, List<SweepPolicy> out)
      throws InputFileException {
    List<List<Object>> choices = new ArrayList<>();
    for (int k = 0; k < COLUMNS.size(); k++) {
      String text = col[k] >= 0 && col[k] < cells.length ? cells[col[k]].strip() : "";
      choices.add(text.isEmpty() ? Arrays.asList((Object) null) : values(file, lineNo, COLUMNS.get(k), text));
    }
    int[] at = new int[choices.size()];
    while (true) {
      Object[] v = new Object[at.length];
      for (int k = 0; k < at.length; k++) {
        v[k] = choices.get(k).get(at[k]);
      }
      out.add(new SweepPolicy(out.size() + 1, file + ":" + lineNo, (String) v[0], (Double) v[1], (String) v[2],
          (Double) v[3], (Double) v[4], (Double) v[5], (Boolean) v[6], (String) v[7], (Double) v[8], (Double) v[9],
          (Double) v[10], (Double) v[11]));
      int k = at.length - 1;
      while (k >= 0 && ++at[k] == choices.get(k).size()) {
        at[k--] = 0;
      }
      if (k < 0) {
        return;
      }
    }
  }

  private static List<Object> values(Path file, int lineNo, String column, String text) throws InputFileException {
    List<Object> list = new ArrayList<>();
    try {
      if (text.indexOf(':') > 0 && !column.equals("future_expiry")) {
        for (BigDecimal x : range(text)) {
          list.add(value(column, x.toPlainString()));
        }
      } else {
        for (String part : text.split("\\|", -1)) {
          list.add(value(column, part.strip()));
        }
      }
    } catch (IllegalArgumentException e) {
      String m = e instanceof InvalidInputException iie ? iie.getMessage().substring(iie.argument().length() + 2)
          : e.getMessage();
      throw new InputFileException(file, lineNo, column, m);
    }
    return list;
  }

  /** start:stop:step in exact decimal arithmetic, so 0.1:0.5:0.1 gives five values, 0.5 included. */
  private static List<BigDecimal> range(String text) {
    String[] p = text.split(":", -1);
    if (p.length != 3) {
      throw new IllegalArgumentException("'" + text + "' is not a range start:stop:step");
    }
    BigDecimal start = decimal(p[0]);
    BigDecimal stop = decimal(p[1]);
    BigDecimal step = decimal(p[2]);
    if (step.signum() <= 0 || stop.compareTo(start) < 0) {
      throw new IllegalArgumentException("range '" + text + "' needs step > 0 and stop >= start");
    }
    List<BigDecimal> xs = new ArrayList<>();
    for (BigDecimal x = start; x.compareTo(stop) <= 0; x = x.add(step)) {
      xs.add(x);
      if (xs.size() > MAX_POLICIES) {
        throw new IllegalArgumentException("range '" + text + "' has more than " + MAX_POLICIES + " values");
      }
    }
    return xs;
  }

  private static BigDecimal decimal(String s) {
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s.strip() + "' is not a number");
    }
  }

  /** One value of a column, checked and normalised (keywords to the engine's names). */
  private static Object value(String column, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty value in a list");
    }
    switch (column) {
      case "rule":
        return RebalanceRule.parse(text).name();
      case "target":
        return HedgeTarget.parse(text).name();
      case "hedge":
        return HedgeInstrument.parse(text).name();
      case "half_spread":
        switch (text.toUpperCase(Locale.ROOT)) {
          case "TRUE": case "YES": case "1": return Boolean.TRUE;
          case "FALSE": case "NO": case "0": return Boolean.FALSE;
          default: throw new IllegalArgumentException("'" + text + "' is not TRUE or FALSE");
        }
      case "future_expiry":
        return ExcelDates.parse(text);
      default: {
        double d;
        try {
          d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("must be a finite number, was " + text);
        }
        boolean signed = column.equals("rate") || column.equals("yield");
        if (!signed && d < 0) {
          throw new IllegalArgumentException("must be >= 0, was " + text);
        }
        return d;
      }
    }
  }
}
