package org.gammaxl.workbooks.poi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.workbooks.io.AtomicOutput;

/**
 * Recalculates a workbook with the GX functions registered and writes it back with every formula's
 * cached value, so that the file shows numbers in any viewer, with or without the add-in. The
 * "recalculate on open" flag is cleared: a viewer without the add-in (LibreOffice honours the flag)
 * would otherwise replace the numbers with {@code #NAME?}; Excel recalculates a file last calculated
 * by another application anyway.
 */
public final class Recalculator {
  private final UDFFinder functions;
  private int failed;

  /** A recalculator with the standard catalogue. */
  public Recalculator() {
    this(GxFunctions.standard());
  }

  /** A recalculator with the given tool pack. */
  public Recalculator(UDFFinder functions) {
    this.functions = functions;
  }

  /**
   * Reads {@code in}, evaluates every formula and writes {@code out} (temporary file, then rename).
   *
   * @return the number of formula cells evaluated
   * @throws IllegalArgumentException when {@code out} is {@code in}
   */
  public int recalculate(Path in, Path out) throws IOException {
    XSSFWorkbook workbook;
    try (InputStream stream = Files.newInputStream(in)) {
      workbook = new XSSFWorkbook(stream);
    }
    try (workbook) {
      int count = recalculate(workbook);
      AtomicOutput.write(out, workbook::write, in);
      return count;
    }
  }

  /** The number of formula cells the last recalculation could not evaluate (shown as {@code #NAME?}). */
  public int failed() {
    return failed;
  }

  /** Evaluates every formula of an open workbook in place; returns the number of formula cells. */
  public int recalculate(XSSFWorkbook workbook) {
    workbook.addToolPack(functions);
    GxEvaluator evaluator = GxEvaluator.of(workbook);
    int count = 0;
    failed = 0;
    for (var sheet : workbook) {
      for (var row : sheet) {
        for (var cell : row) {
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            try {
              evaluator.evaluateFormulaCell(cell);
            } catch (RuntimeException e) {
              // An unknown function (e.g. add-in not in this catalogue) or a POI limitation: the cell
              // keeps its formula and shows an error; the rest of the workbook is still calculated.
              cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NAME.getCode());
              failed++;
            }
            count++;
          }
        }
      }
    }
    workbook.setForceFormulaRecalculation(false);
    return count;
  }
}
