package org.gammaxl.workbooks.templates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.gammaxl.workbooks.io.AtomicOutput;
import org.gammaxl.workbooks.poi.Recalculator;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.GexReport;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;

/**
 * Writes the four templates ({@code .xltx}: ledger, journal, risk, gamma exposure) and their filled examples ({@code .xlsx}, recalculated
 * so that they show numbers in any viewer).
 */
public final class Templates {
  private Templates() {}

  /** The files written, in order. */
  public static List<Path> writeAll(Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    PriceSeries path = DemoData.path(120);
    PositionFile position = DemoData.position(path);
    write(dir.resolve("gammaxl-ledger.xltx"), LedgerTemplate.build(position, null, LedgerTemplate.DEFAULT_CAPACITY), true, false, written);
    write(dir.resolve("gammaxl-journal.xltx"), JournalTemplate.build(position, List.of()), true, false, written);
    write(dir.resolve("gammaxl-risk.xltx"), RiskTemplate.build(100, path.times()[0], 0.0, 0.0, 1, List.of()), true, false, written);
    write(dir.resolve("gammaxl-ledger-example.xlsx"), LedgerTemplate.build(position, path, path.size()), false, true, written);
    write(dir.resolve("gammaxl-journal-example.xlsx"), JournalTemplate.build(position, exampleFills(position, path)),
        false, true, written);
    double t0 = Math.floor(path.times()[0]);
    write(dir.resolve("gammaxl-risk-example.xlsx"), RiskTemplate.build(100, path.times()[0], 0.03, 0.0, 1, List.of(
        new RiskTemplate.Leg("Short ATM call", "CALL", 100, t0 + 30, -100, 1, 0.60),
        new RiskTemplate.Leg("Long 90 put", "PUT", 90, t0 + 30, 50, 1, 0.65),
        new RiskTemplate.Leg("Long 120 call 3M", "CALL", 120, t0 + 91, 80, 1, 0.58))), false, true, written);
    writeGex(dir, written);
    return written;
  }

  /** The gamma-exposure template (empty chain) and its example filled with the bundled synthetic chain. */
  private static void writeGex(Path dir, List<Path> written) throws IOException {
    double valuation = org.gammaxl.workbooks.io.ExcelDates.serial(GexReport.SAMPLE_VALUATION);
    XSSFWorkbook template = GexTemplate.build(new GexTemplate.Inputs(GexReport.SAMPLE_SPOT, valuation, 0, 0, 100,
        "CALLS_LONG", "PER_1PCT", "paste your chain"), List.of(), GexTemplate.CHAIN_CAPACITY,
        GexTemplate.STRIKE_CAPACITY);
    GexTemplate.finish(template, false);
    write(dir.resolve("gammaxl-gex.xltx"), template, true, false, written);
    Path example = dir.resolve("gammaxl-gex-example.xlsx");
    try {
      GexReport.write(GexReport.sample(), Path.of("synthetic-chain.csv"), new GexTemplate.Inputs(GexReport.SAMPLE_SPOT,
          valuation, 0.0431, 0.0137, 100, "CALLS_LONG", "PER_1PCT",
          "bundled SYNTHETIC sample chain (scripts/gex_sample_chain.py), not market data"), false, example);
    } catch (org.gammaxl.workbooks.io.InputFileException | org.gammaxl.workbooks.report.ReportException e) {
      throw new IllegalStateException("the bundled sample chain: " + e.getMessage(), e);
    }
    written.add(example);
  }

  /**
   * The example journal: the hedge trades the ledger engine's rule made on the demo book along the demo path
   * (quantity, execution price with its slippage, fees), with the path's spot as the mark.
   */
  private static List<JournalTemplate.Fill> exampleFills(PositionFile position, PriceSeries path) throws IOException {
    List<JournalTemplate.Fill> fills = new ArrayList<>();
    List<String> header = new org.gammaxl.workbooks.report.EngineLedger().header(position, path);
    int qty = header.indexOf("TRADE_QTY");
    int price = header.indexOf("TRADE_PRICE");
    int fees = header.indexOf("FEES");
    int spot = header.indexOf("SPOT");
    int time = header.indexOf("TIME");
    try {
      new org.gammaxl.workbooks.report.EngineLedger().run(position, path, row -> {
        if (row[qty] instanceof Double q && q != 0) {
          fills.add(new JournalTemplate.Fill((Double) row[time], "DEMO", q > 0 ? "BUY" : "SELL", Math.abs(q),
              (Double) row[price], (Double) row[spot], (Double) row[fees], fills.size() % 2 == 0 ? "XNAS" : "ARCX",
              "delta band rebalance"));
        }
      });
    } catch (org.gammaxl.workbooks.report.ReportException e) {
      throw new IOException(e.getMessage(), e);
    }
    return fills;
  }

  private static void write(Path file, XSSFWorkbook wb, boolean template, boolean recalc, List<Path> written)
      throws IOException {
    try (wb) {
      if (template) {
        // An Excel template differs from a workbook only in the content type of its main part.
        wb.getPackage().replaceContentType(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.TEMPLATE_WORKBOOK.getContentType());
      }
      if (recalc) {
        new Recalculator().recalculate(wb);
      } else {
        wb.setForceFormulaRecalculation(true);
      }
      AtomicOutput.write(file, wb::write);
      written.add(file);
    }
  }
}
