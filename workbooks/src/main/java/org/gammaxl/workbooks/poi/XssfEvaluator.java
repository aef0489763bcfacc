package org.gammaxl.workbooks.poi;

import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.BaseXSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * POI's formula evaluator of an .xlsx workbook — {@link XSSFFormulaEvaluator}'s code path, POI's
 * {@link WorkbookEvaluator} and evaluation cache — over {@link ParsedFormulas}, so that a formula is parsed once
 * rather than on every evaluation. The cell-change notifications are POI's, after dropping the parses they may
 * make stale.
 */
final class XssfEvaluator extends BaseXSSFFormulaEvaluator {
  private final XSSFWorkbook book;
  private final ParsedFormulas formulas;

  private XssfEvaluator(XSSFWorkbook book, ParsedFormulas formulas) {
    super(new WorkbookEvaluator(formulas, null, null));
    this.book = book;
    this.formulas = formulas;
  }

  static XssfEvaluator of(XSSFWorkbook book) {
    return new XssfEvaluator(book, new ParsedFormulas(book));
  }

  private static XSSFCell xssf(Cell cell) {
    if (!(cell instanceof XSSFCell x)) {
      throw new IllegalArgumentException("Unexpected type of cell: " + cell.getClass() + "."
          + " Only XSSFCells can be evaluated.");
    }
    return x;
  }

  @Override
  protected org.apache.poi.ss.formula.EvaluationCell toEvaluationCell(Cell cell) {
    return formulas.cell(xssf(cell));
  }

  @Override
  public void notifySetFormula(Cell cell) {
    formulas.forget();
    _bookEvaluator.notifyUpdateCell(toEvaluationCell(cell));
  }

  @Override
  public void notifyDeleteCell(Cell cell) {
    formulas.forget();
    _bookEvaluator.notifyDeleteCell(toEvaluationCell(cell));
  }

  @Override
  public void notifyUpdateCell(Cell cell) {
    formulas.updating(xssf(cell));
    _bookEvaluator.notifyUpdateCell(toEvaluationCell(cell));
  }

  @Override
  public void evaluateAll() {
    evaluateAllFormulaCells(book, this);
  }
}
