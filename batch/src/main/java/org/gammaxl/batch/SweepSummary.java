package org.gammaxl.batch;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.io.AtomicOutput;
import org.gammaxl.workbooks.templates.Charts;
import org.gammaxl.workbooks.templates.Styles;

/**
 * {@code summary.xlsx} of a sweep, the first thing a quant opens: sheet {@code Ranking} (the policies
 * by mean TOTAL_PNL over the books, with its spread, range, share of winning books and mean costs and
 * hedge count), {@code Charts} (mean TOTAL_PNL against threshold, one chart per rule, one line per
 * combination of the policy's other settings) over {@code ChartData}, and {@code Best by book} (each
 * book's best and worst policy). Plain values: no formulas, so any viewer shows the same numbers.
 */
final class SweepSummary {
  /** Charts draw at most this many lines per rule (the best by mean P&amp;L of their points). */
  private static final int MAX_LINES = 6;
  private static final PresetColor[] COLORS = {PresetColor.DARK_GREEN, PresetColor.DARK_BLUE,
      PresetColor.ORANGE_RED, PresetColor.PURPLE, PresetColor.DARK_GOLDENROD, PresetColor.TEAL};
  private static final String[] RANK_HEADS = {"Rank", "Policy", "Rule", "Threshold", "Mean P&L", "Std dev P&L",
      "Min P&L", "Max P&L", "Winning books", "Mean cost P&L", "Mean hedges", "Best for books", "Books", "Target",
      "Fee bps", "Fee/contract", "Slippage bps", "Half-spread", "Hedge", "Lot", "Rate", "Yield"};

  private SweepSummary() {}

  /** What the summary and the report picks read of a pair's row. */
  record Pair(String book, int policy, Double totalPnl, Double costPnl, Long hedges) implements Serializable {
    /** The higher TOTAL_PNL first (a missing one last), then the lower policy number. */
    static final Comparator<Pair> BEST_FIRST = Comparator
        .comparing((Pair p) -> p.totalPnl() == null ? Double.NEGATIVE_INFINITY : p.totalPnl(), Comparator.reverseOrder())
        .thenComparingInt(Pair::policy);
    private static final int BOOK = SweepColumns.SCHEMA.fieldIndex("book");
    private static final int POLICY = SweepColumns.SCHEMA.fieldIndex("policy");
    private static final int TOTAL_PNL = SweepColumns.SCHEMA.fieldIndex("TOTAL_PNL");
    private static final int COST_PNL = SweepColumns.SCHEMA.fieldIndex("COST_PNL");
    private static final int HEDGE_COUNT = SweepColumns.SCHEMA.fieldIndex("HEDGE_COUNT");

    /** The pair of a {@link SweepColumns} row. */
    static Pair of(org.apache.spark.sql.Row r) {
      return new Pair(r.getString(BOOK), r.getInt(POLICY), r.isNullAt(TOTAL_PNL) ? null : r.getDouble(TOTAL_PNL),
          r.isNullAt(COST_PNL) ? null : r.getDouble(COST_PNL), r.isNullAt(HEDGE_COUNT) ? null : r.getLong(HEDGE_COUNT));
    }

    /** By book, then policy. */
    static List<Pair> sorted(List<Pair> pairs) {
      List<Pair> out = new ArrayList<>(pairs);
      out.sort(Comparator.comparing(Pair::book).thenComparingInt(Pair::policy));
      return out;
    }

    /** Each book's pairs, best first. */
    static Map<String, List<Pair>> ranked(List<Pair> pairs) {
      Map<String, List<Pair>> m = new TreeMap<>();
      for (Pair p : pairs) {
        m.computeIfAbsent(p.book(), k -> new ArrayList<>()).add(p);
      }
      m.values().forEach(l -> l.sort(BEST_FIRST));
      return m;
    }
  }

  /** One policy's row of the ranking (grid settings: null = each book's own). */
  private record Ranked(SweepPolicy policy, long books, Double mean, Double stdev, Double min, Double max,
      Double winning, Double cost, Double hedges, long bestFor) {}

  static void write(List<Pair> pairs, List<SweepPolicy> policies, FileSystem fs, Path target) throws IOException {
    Map<String, List<Pair>> byBook = Pair.ranked(pairs);
    long[] bestFor = new long[policies.size() + 1];
    List<Object[]> bookRows = new ArrayList<>();
    for (var e : byBook.entrySet()) {
      Pair best = e.getValue().get(0);
      Pair worst = e.getValue().get(e.getValue().size() - 1);
      bestFor[best.policy()]++;
      bookRows.add(new Object[] {e.getKey(), best.policy(), best.totalPnl(), worst.policy(), worst.totalPnl()});
    }
    List<List<Pair>> byPolicy = new ArrayList<>();
    for (int i = 0; i <= policies.size(); i++) {
      byPolicy.add(new ArrayList<>());
    }
    pairs.forEach(p -> byPolicy.get(p.policy()).add(p));
    List<Ranked> rows = new ArrayList<>();
    for (SweepPolicy policy : policies) {
      List<Pair> mine = byPolicy.get(policy.id());
      if (mine.isEmpty()) {
        continue;
      }
      double[] pnl = mine.stream().filter(p -> p.totalPnl() != null).mapToDouble(Pair::totalPnl).toArray();
      rows.add(new Ranked(policy, mine.size(), mean(pnl), stdev(pnl),
          pnl.length == 0 ? null : Arrays.stream(pnl).min().getAsDouble(),
          pnl.length == 0 ? null : Arrays.stream(pnl).max().getAsDouble(),
          pnl.length == 0 ? null : Arrays.stream(pnl).filter(x -> x > 0).count() / (double) pnl.length,
          mean(mine.stream().filter(p -> p.costPnl() != null).mapToDouble(Pair::costPnl).toArray()),
          mean(mine.stream().filter(p -> p.hedges() != null).mapToDouble(Pair::hedges).toArray()),
          bestFor[policy.id()]));
    }
    rows.sort(Comparator.comparing((Ranked r) -> r.mean() == null ? Double.NEGATIVE_INFINITY : r.mean(),
        Comparator.reverseOrder()).thenComparingInt(r -> r.policy().id()));

    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      XSSFSheet ranking = wb.createSheet("Ranking");
      XSSFSheet charts = wb.createSheet("Charts");
      XSSFSheet best = wb.createSheet("Best by book");
      XSSFSheet data = wb.createSheet("ChartData");
      writeRanking(wb, st, ranking, rows);
      // Printed: the results columns (the settings stay on screen, to the right).
      wb.setPrintArea(0, 0, 12, 0, Math.max(4, ranking.getLastRowNum()));
      writeCharts(wb, st, charts, data, rows);
      writeBest(wb, st, best, bookRows);
      wb.setActiveSheet(0);
      StagedFile.write(target, fs.getConf(), file -> AtomicOutput.write(file, wb::write));
    }
  }

  private static Double mean(double[] x) {
    return x.length == 0 ? null : Arrays.stream(x).sum() / x.length;
  }

  /** Sample standard deviation (n − 1), null below two values. */
  private static Double stdev(double[] x) {
    if (x.length < 2) {
      return null;
    }
    double m = Arrays.stream(x).sum() / x.length;
    return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
  }

  private static void writeRanking(XSSFWorkbook wb, Styles st, XSSFSheet s, List<Ranked> rows) {
    cell(s, 0, 0, st.title).setCellValue("Policies ranked by mean total P&L over the books");
    cell(s, 1, 0, st.note).setCellValue("Empty settings are each book's own (its position file). "
        + "P&L in the premium currency, carry-adjusted as in the ledger report.");
    for (int c = 0; c < RANK_HEADS.length; c++) {
      cell(s, 3, c, st.header).setCellValue(RANK_HEADS[c]);
    }
    CellStyle money = format(wb, Styles.MONEY);
    CellStyle pct = format(wb, Styles.PERCENT);
    CellStyle num = format(wb, "#,##0.####");
    for (int i = 0; i < rows.size(); i++) {
      Ranked r = rows.get(i);
      SweepPolicy p = r.policy();
      Object[] v = {i + 1.0, (double) p.id(), p.rule(), p.threshold(), r.mean(), r.stdev(), r.min(), r.max(),
          r.winning(), r.cost(), r.hedges(), (double) r.bestFor(), (double) r.books(), p.target(), p.feeBps(),
          p.feePerContract(), p.slippageBps(), p.halfSpread() == null ? null : p.halfSpread().toString(), p.hedge(),
          p.lot(), p.rate(), p.yield()};
      Row row = s.createRow(4 + i);
      for (int c = 0; c < v.length; c++) {
        Cell cell = row.createCell(c);
        if (v[c] instanceof Double d) {
          cell.setCellValue(d);
          cell.setCellStyle(c >= 4 && c <= 7 || c == 9 ? money : c == 8 ? pct : num);
        } else if (v[c] != null) {
          cell.setCellValue(v[c].toString());
        }
      }
    }
    s.createFreezePane(2, 4);
    landscape(s);
    for (int c = 0; c < RANK_HEADS.length; c++) {
      s.setColumnWidth(c, (c < 2 ? 8 : 13) * 256);
    }
  }

  private static void writeBest(XSSFWorkbook wb, Styles st, XSSFSheet s, List<Object[]> rows) {
    String[] heads = {"Book", "Best policy", "Best P&L", "Worst policy", "Worst P&L"};
    for (int c = 0; c < heads.length; c++) {
      cell(s, 0, c, st.header).setCellValue(heads[c]);
    }
    CellStyle money = format(wb, Styles.MONEY);
    for (int i = 0; i < rows.size(); i++) {
      Row row = s.createRow(i + 1);
      Object[] v = rows.get(i);
      for (int c = 0; c < v.length; c++) {
        Cell cell = row.createCell(c);
        if (v[c] instanceof Integer n) {
          cell.setCellValue(n);
        } else if (v[c] instanceof Double d) {
          cell.setCellValue(d);
          cell.setCellStyle(money);
        } else if (v[c] != null) {
          cell.setCellValue(v[c].toString());
        }
      }
    }
    s.createFreezePane(1, 1);
    s.setColumnWidth(0, 24 * 256);
    for (int c = 1; c < heads.length; c++) {
      s.setColumnWidth(c, 14 * 256);
    }
  }

  /**
   * One chart per rule whose policies have at least two thresholds: mean P&amp;L (y) against the
   * threshold (x, the rule's unit), a line per combination of the other settings.
   */
  private static void writeCharts(XSSFWorkbook wb, Styles st, XSSFSheet charts, XSSFSheet data, List<Ranked> rows) {
    Map<String, Map<String, TreeMap<Double, Double>>> byRule = new TreeMap<>();
    for (Ranked r : rows) {
      SweepPolicy p = r.policy();
      if (p.rule() == null || p.threshold() == null || r.mean() == null) {
        continue;
      }
      String line = label(p);
      byRule.computeIfAbsent(p.rule(), k -> new LinkedHashMap<>()).computeIfAbsent(line, k -> new TreeMap<>())
          .put(p.threshold(), r.mean());
    }
    cell(charts, 0, 0, st.title).setCellValue("Mean total P&L against threshold, per rule");
    cell(charts, 1, 0, st.note).setCellValue("Threshold units: DELTA units of underlying, MOVE price, MOVE_PERCENT "
        + "fraction, TIME years, WW risk aversion. Data on sheet ChartData.");
    XSSFDrawing drawing = charts.createDrawingPatriarch();
    int dataRow = 0;
    int chartRow = 3;
    for (var rule : byRule.entrySet()) {
      TreeSet<Double> xs = new TreeSet<>();
      rule.getValue().values().forEach(m -> xs.addAll(m.keySet()));
      if (xs.size() < 2) {
        continue;
      }
      List<Map.Entry<String, TreeMap<Double, Double>>> lines = new ArrayList<>(rule.getValue().entrySet());
      lines.sort((a, b) -> Double.compare(best(b.getValue()), best(a.getValue())));
      lines = lines.subList(0, Math.min(MAX_LINES, lines.size()));
      cell(data, dataRow, 0, st.header).setCellValue(rule.getKey() + " threshold");
      for (int l = 0; l < lines.size(); l++) {
        cell(data, dataRow, l + 1, st.header).setCellValue(lines.get(l).getKey());
      }
      int first = dataRow + 1;
      Double[] xCache = xs.toArray(new Double[0]);
      List<Double[]> yCaches = new ArrayList<>();
      for (int l = 0; l < lines.size(); l++) {
        yCaches.add(new Double[xCache.length]);
      }
      for (int i = 0; i < xCache.length; i++) {
        Row row = data.createRow(first + i);
        row.createCell(0).setCellValue(xCache[i]);
        for (int l = 0; l < lines.size(); l++) {
          Double y = lines.get(l).getValue().get(xCache[i]);
          yCaches.get(l)[i] = y;
          if (y != null) {
            row.createCell(l + 1).setCellValue(y);
          }
        }
      }
      int last = first + xCache.length - 1;
      Charts.Series[] series = new Charts.Series[lines.size()];
      for (int l = 0; l < lines.size(); l++) {
        series[l] = new Charts.Series(lines.get(l).getKey(), new CellRangeAddress(first, last, l + 1, l + 1),
            COLORS[l % COLORS.length], false, yCaches.get(l), data);
      }
      XSSFChart chart = Charts.lineChart(drawing, data, rule.getKey() + ": mean total P&L vs threshold",
          rule.getKey() + " threshold", new CellRangeAddress(first, last, 0, 0), xCache, Styles.GENERAL, 0, chartRow,
          10, chartRow + 20, series);
      for (XDDFChartAxis axis : chart.getAxes()) {
        axis.setNumberFormat(Styles.GENERAL);
      }
      chartRow += 22;
      dataRow = last + 2;
    }
    landscape(charts);
    if (chartRow == 3) {
      cell(charts, 3, 0, st.note).setCellValue("(no rule has policies at two or more thresholds: nothing to plot)");
    }
    data.setColumnWidth(0, 18 * 256);
  }

  /** The settings of a policy other than rule and threshold that the grid sets, for a chart's legend. */
  private static String label(SweepPolicy p) {
    List<String> parts = new ArrayList<>();
    add(parts, "target ", p.target(), "");
    add(parts, "fee ", p.feeBps(), " bp");
    add(parts, "fee/contract ", p.feePerContract(), "");
    add(parts, "slippage ", p.slippageBps(), " bp");
    add(parts, "half-spread ", p.halfSpread(), "");
    add(parts, "", p.hedge(), "");
    add(parts, "lot ", p.lot(), "");
    add(parts, "rate ", p.rate(), "");
    add(parts, "yield ", p.yield(), "");
    return parts.isEmpty() ? "the books' own settings" : String.join(", ", parts);
  }

  private static void add(List<String> parts, String name, Object v, String unit) {
    if (v != null) {
      parts.add(name + (v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v) + unit);
    }
  }

  private static double best(Map<Double, Double> points) {
    return points.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
  }

  /** Prints landscape, one page wide. */
  private static void landscape(XSSFSheet s) {
    s.getPrintSetup().setLandscape(true);
    s.setFitToPage(true);
    s.getPrintSetup().setFitWidth((short) 1);
    s.getPrintSetup().setFitHeight((short) 0);
  }

  private static CellStyle format(XSSFWorkbook wb, String format) {
    CellStyle c = wb.createCellStyle();
    c.setDataFormat(wb.createDataFormat().getFormat(format));
    return c;
  }

  private static Cell cell(XSSFSheet sheet, int r, int c, CellStyle style) {
    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    cell.setCellStyle(style);
    return cell;
  }
}
