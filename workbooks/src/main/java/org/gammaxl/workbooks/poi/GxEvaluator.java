package org.gammaxl.workbooks.poi;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.WorkbookEvaluatorProvider;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * POI's formula evaluator for an .xlsx workbook, made fast for GX functions over large ranges — what
 * {@code gammaxl recalc}, {@code report} and {@code gex} use, and what a Java program evaluating GammaXL workbooks
 * should use in place of {@link XSSFFormulaEvaluator}. Results are POI's, cell for cell.
 *
 * <p>POI reads a range argument one cell at a time and records each cell as a dependency of the formula: a
 * {@code GX.GEX.PROFILE} over a 10,000-option chain spends ten times its computation there, on every
 * recalculation. Here a GX function's range argument of plain cells (no formulas) of at least
 * {@value PlainRanges#MIN_CELLS} cells is read from the sheet once and kept, without POI's per-cell dependencies;
 * in exchange this evaluator drops every kept range, and every result POI holds, when a cell inside a kept range is
 * reported changed. Tell it about changes exactly as POI asks ({@link #notifyUpdateCell}, {@link #notifySetFormula},
 * {@link #notifyDeleteCell}, or {@link #clearAllCachedResultValues} after many changes or a change of structure):
 * a change to a chain cell then recomputes everything that read the chain, a change elsewhere (the spot) only what
 * depends on it, as with POI. Each formula is parsed once and its tokens kept until its cell is reported changed
 * (POI parses a formula every time it evaluates it; {@link ParsedFormulas}).
 *
 * <p>Register the GX functions with the workbook first ({@link GxFunctions#register}). Not thread-safe, like POI's.
 */
public final class GxEvaluator implements FormulaEvaluator, WorkbookEvaluatorProvider {
  private final XSSFWorkbook workbook;
  private final XssfEvaluator poi;
  private final PlainRanges ranges;

  private GxEvaluator(XSSFWorkbook workbook) {
    this.workbook = workbook;
    this.poi = XssfEvaluator.of(workbook);
    this.ranges = new PlainRanges(workbook);
  }

  /** An evaluator of {@code workbook}, whose GX functions are registered. */
  public static GxEvaluator of(XSSFWorkbook workbook) {
    return new GxEvaluator(workbook);
  }

  private <T> T evaluating(Supplier<T> evaluation) {
    PlainRanges previous = ranges.enter();
    try {
      return evaluation.get();
    } finally {
      PlainRanges.leave(previous);
    }
  }

  /** Before POI hears of a change: a change inside a kept range drops the kept ranges and POI's results. */
  private void changing(Cell cell) {
    if (ranges.covers(workbook.getSheetIndex(cell.getSheet()), cell.getRowIndex(), cell.getColumnIndex())) {
      clearAllCachedResultValues();
    }
  }

  @Override
  public void clearAllCachedResultValues() {
    ranges.clear();
    poi.clearAllCachedResultValues();
  }

  @Override
  public void notifySetFormula(Cell cell) {
    changing(cell);
    poi.notifySetFormula(cell);
  }

  @Override
  public void notifyDeleteCell(Cell cell) {
    changing(cell);
    poi.notifyDeleteCell(cell);
  }

  @Override
  public void notifyUpdateCell(Cell cell) {
    changing(cell);
    poi.notifyUpdateCell(cell);
  }

  @Override
  public void evaluateAll() {
    evaluating(() -> {
      poi.evaluateAll();
      return null;
    });
  }

  @Override
  public CellValue evaluate(Cell cell) {
    return evaluating(() -> poi.evaluate(cell));
  }

  @Override
  public CellType evaluateFormulaCell(Cell cell) {
    return evaluating(() -> poi.evaluateFormulaCell(cell));
  }

  @Override
  public Cell evaluateInCell(Cell cell) {
    return evaluating(() -> poi.evaluateInCell(cell));
  }

  /** Formulas that read other workbooks are evaluated by POI alone, cell by cell. */
  @Override
  public void setupReferencedWorkbooks(Map<String, FormulaEvaluator> workbooks) {
    ranges.disable();
    poi.setupReferencedWorkbooks(workbooks);
  }

  /** POI's evaluator underneath, for {@link #setupReferencedWorkbooks} of other evaluators. */
  @Override
  public WorkbookEvaluator _getWorkbookEvaluator() {
    return poi._getWorkbookEvaluator();
  }

  @Override
  public void setIgnoreMissingWorkbooks(boolean ignore) {
    poi.setIgnoreMissingWorkbooks(ignore);
  }

  @Override
  public void setDebugEvaluationOutputForNextEval(boolean value) {
    poi.setDebugEvaluationOutputForNextEval(value);
  }
}
