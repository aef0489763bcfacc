package org.gammaxl.workbooks.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.io.AtomicOutput;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;
import org.gammaxl.workbooks.poi.Recalculator;
import org.gammaxl.workbooks.templates.GexTemplate;

/**
 * The filled gamma-exposure workbook ({@link GexTemplate}) of an option chain file: every formula evaluated by
 * the GX functions in POI and written with its cached value, the charts drawn from those values, the file
 * written atomically. The numbers it reports are read back from the evaluated cells, so they are the numbers the
 * workbook shows.
 */
public final class GexReport {
  /** The bundled SYNTHETIC sample chain (scripts/gex_sample_chain.py), GammaXL layout. */
  public static final String SAMPLE = "/org/gammaxl/workbooks/templates/synthetic-chain.csv";
  /** The spot the sample chain was generated around. */
  public static final double SAMPLE_SPOT = 4512.37;
  /** The sample chain's valuation time, 2024-03-15 16:00. */
  public static final LocalDateTime SAMPLE_VALUATION = LocalDateTime.of(2024, 3, 15, 16, 0);

  private GexReport() {}

  /**
   * What the workbook shows.
   *
   * @param flip the gamma flip, or {@code null} when the profile does not change sign in its range
   * @param callWall {@code null} when there is none (no calls), likewise {@code putWall}
   */
  public record Result(Path file, int options, int skipped, int strikes, double totalGex, double totalVex,
      double totalCex, Double flip, Double callWall, Double putWall, String regime, String flipRegime) {}

  /** The bundled synthetic sample chain. */
  public static OptionChainFile sample() throws IOException {
    try (InputStream in = GexReport.class.getResourceAsStream(SAMPLE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return OptionChainFile.read(r, Path.of("synthetic-chain.csv"));
    } catch (InputFileException e) {
      throw new IllegalStateException("the bundled sample chain is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the chain against the valuation time and writes the workbook.
   *
   * @param file the chain's file, for messages
   * @param skipExpired leave out options that expire at or before the valuation instead of failing
   * @param inputs files read; {@code out} may not be one of them
   * @throws InputFileException {@code file:line: field: reason} for an option that has expired, or when no
   *     option is left
   * @throws ReportException when a GX formula of the workbook evaluates to an error
   */
  public static Result write(OptionChainFile chain, Path file, GexTemplate.Inputs in, boolean skipExpired, Path out,
      Path... inputs) throws IOException, InputFileException, ReportException {
    List<OptionChainFile.Row> rows = new ArrayList<>();
    int skipped = 0;
    String expiryField = chain.layout().equals("CBOE") ? "Expiration Date" : "expiry";
    for (OptionChainFile.Row r : chain.rows()) {
      if (!(r.expiry() > in.valuation())) {
        if (skipExpired) {
          skipped++;
          continue;
        }
        throw new InputFileException(file, r.line(), expiryField, "the option has expired: it expires "
            + ExcelDates.dateTime(r.expiry()) + ", not after the valuation " + ExcelDates.dateTime(in.valuation())
            + " (use --skip-expired to leave such rows out)");
      }
      rows.add(r);
    }
    if (rows.isEmpty()) {
      throw new InputFileException(file, 1, "chain", chain.rows().isEmpty() ? "holds no options"
          : "every option has expired by the valuation " + ExcelDates.dateTime(in.valuation()));
    }
    Set<Double> strikes = new HashSet<>();
    rows.forEach(r -> strikes.add(r.strike()));
    try (XSSFWorkbook wb = GexTemplate.build(in, rows, rows.size(), strikes.size())) {
      Recalculator recalc = new Recalculator();
      recalc.recalculate(wb);
      String problem = firstError(wb);
      if (recalc.failed() > 0 || problem != null) {
        throw new ReportException("the workbook could not be computed: " + (problem != null ? problem
            : recalc.failed() + " formulas failed"));
      }
      GexTemplate.finish(wb, true);
      Result result = new Result(out, rows.size(), skipped, strikes.size(), number(wb, "TotalGex"),
          number(wb, "TotalVex"), number(wb, "TotalCex"), optional(wb, "GammaFlip"), optional(wb, "CallWall"),
          optional(wb, "PutWall"), cell(wb, "GexRegime").getStringCellValue(),
          wb.getSheet("GEX").getRow(10).getCell(4).getStringCellValue());
      wb.setForceFormulaRecalculation(false);
      AtomicOutput.write(out, wb::write, inputs);
      return result;
    }
  }

  /** The first GX result cell that is an error (a #N/A flip is not one), as "sheet!cell: #ERR". */
  private static String firstError(XSSFWorkbook wb) {
    for (String name : List.of("TotalGex", "TotalVex", "TotalCex", "GammaFlip")) {
      Cell c = cell(wb, name);
      if (c.getCachedFormulaResultType() == CellType.ERROR) {
        return name + " is " + FormulaError.forInt(c.getErrorCellValue()).getString();
      }
    }
    return null;
  }

  private static Cell cell(XSSFWorkbook wb, String name) {
    CellReference ref = new CellReference(wb.getName(name).getRefersToFormula());
    return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
  }

  private static double number(XSSFWorkbook wb, String name) {
    return cell(wb, name).getNumericCellValue();
  }

  private static Double optional(XSSFWorkbook wb, String name) {
    Cell c = cell(wb, name);
    return c.getCachedFormulaResultType() == CellType.NUMERIC ? c.getNumericCellValue() : null;
  }
}
