package org.gammaxl.workbooks.poi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.BaseXSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * POI's view of an .xlsx workbook for its formula evaluator, as {@link XSSFEvaluationWorkbook}, except that each
 * formula cell's text is parsed once and the tokens kept: POI parses a formula on every evaluation of its cell, and
 * parses it once more for every {@code evaluate}/{@code evaluateFormulaCell} call, even when the result is cached
 * (the 400 cells of a 200 × 2 array formula cost 800 parses per recalculation).
 *
 * <p>The tokens of a cell are what POI's own parse gives: its formula text ({@link XSSFCell#getCellFormula()}),
 * parsed by POI's {@link FormulaParser} against this workbook, at the cell's sheet and row. They are dropped
 * ({@link #forget}) whenever the text may have changed: the evaluator's {@code notifySetFormula} and
 * {@code notifyDeleteCell}, a {@code notifyUpdateCell} of a formula cell or of a cell that had tokens, and
 * {@code clearAllCachedResultValues} — the calls POI's contract requires after such a change (after a change of
 * structure, such as sheets renamed or moved or rows shifted, POI's own sheet cache needs the clear too). A defined
 * name removed or added is noticed without a call, since tokens refer to names by position.
 *
 * <p>Not thread-safe, like POI's evaluator.
 */
final class ParsedFormulas extends BaseXSSFEvaluationWorkbook {
  private final XSSFEvaluationWorkbook sheets;
  private final Map<XSSFCell, Ptg[]> tokens = new IdentityHashMap<>();
  /** The array-formula range of formula cells met, kept and dropped with the tokens (NONE: not in an array). */
  private final Map<XSSFCell, CellRangeAddress> arrays = new IdentityHashMap<>();
  private static final CellRangeAddress NONE = new CellRangeAddress(0, 0, 0, 0);
  /** The defined names, in order, when the kept tokens were parsed. */
  private List<Name> names = List.of();

  ParsedFormulas(XSSFWorkbook book) {
    super(book);
    this.sheets = XSSFEvaluationWorkbook.create(book);
  }

  @Override
  public int getSheetIndex(EvaluationSheet sheet) {
    return sheets.getSheetIndex(sheet);
  }

  @Override
  public EvaluationSheet getSheet(int sheetIndex) {
    return sheets.getSheet(sheetIndex);
  }

  @Override
  public Ptg[] getFormulaTokens(EvaluationCell evaluationCell) {
    XSSFCell cell = (XSSFCell) evaluationCell.getIdentityKey();
    if (!sameNames()) {
      forget();
      names = new ArrayList<>(_uBook.getAllNames());
    }
    Ptg[] parsed = tokens.get(cell);
    if (parsed == null) {
      parsed = FormulaParser.parse(cell.getCellFormula(), this, FormulaType.CELL,
          _uBook.getSheetIndex(cell.getSheet()), cell.getRowIndex());
      tokens.put(cell, parsed);
    }
    return parsed;
  }

  private boolean sameNames() {
    List<? extends Name> now = _uBook.getAllNames();
    if (now.size() != names.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) != names.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The array-formula range of a formula cell being evaluated, or null when it is not part of one; kept like its
   * tokens (a cell joins or leaves an array formula only by a change of formula). Do not modify the range.
   */
  CellRangeAddress arrayRange(EvaluationCell evaluationCell) {
    XSSFCell cell = (XSSFCell) evaluationCell.getIdentityKey();
    CellRangeAddress range = arrays.get(cell);
    if (range == null) {
      range = cell.isPartOfArrayFormulaGroup() ? cell.getArrayFormulaRange() : NONE;
      arrays.put(cell, range);
    }
    return range == NONE ? null : range;
  }

  /** Drops every kept parse. */
  void forget() {
    tokens.clear();
    arrays.clear();
  }

  /** Before POI hears that {@code cell} was updated: drops the parses if its formula may have changed. */
  void updating(XSSFCell cell) {
    if (tokens.containsKey(cell) || arrays.containsKey(cell) || cell.getCellType() == CellType.FORMULA) {
      forget();
    }
  }

  @Override
  public void clearAllCachedResultValues() {
    super.clearAllCachedResultValues();
    sheets.clearAllCachedResultValues();
    forget();
  }

  /**
   * The evaluation cell POI's sheet cache holds for {@code cell}; the cache is refreshed when it holds another
   * cell object at that place (the cell was replaced), and a cell no longer in its row is wrapped on its own.
   */
  EvaluationCell cell(XSSFCell cell) {
    EvaluationSheet sheet = sheets.getSheet(_uBook.getSheetIndex(cell.getSheet()));
    int row = cell.getRowIndex();
    int col = cell.getColumnIndex();
    EvaluationCell found = sheet.getCell(row, col);
    if (found == null || found.getIdentityKey() != cell) {
      sheet.clearAllCachedResultValues();
      found = sheet.getCell(row, col);
    }
    return found != null && found.getIdentityKey() == cell ? found : new Detached(cell, sheet);
  }

  /** A cell not (or no longer) in its sheet's rows, seen as POI's evaluator sees a cell. */
  private record Detached(XSSFCell cell, EvaluationSheet sheet) implements EvaluationCell {
    @Override
    public Object getIdentityKey() {
      return cell;
    }

    @Override
    public EvaluationSheet getSheet() {
      return sheet;
    }

    @Override
    public int getRowIndex() {
      return cell.getRowIndex();
    }

    @Override
    public int getColumnIndex() {
      return cell.getColumnIndex();
    }

    @Override
    public CellType getCellType() {
      return cell.getCellType();
    }

    @Override
    public double getNumericCellValue() {
      return cell.getNumericCellValue();
    }

    @Override
    public String getStringCellValue() {
      return cell.getRichStringCellValue().getString();
    }

    @Override
    public boolean getBooleanCellValue() {
      return cell.getBooleanCellValue();
    }

    @Override
    public int getErrorCellValue() {
      return cell.getErrorCellValue();
    }

    @Override
    public CellRangeAddress getArrayFormulaRange() {
      return cell.getArrayFormulaRange();
    }

    @Override
    public boolean isPartOfArrayFormulaGroup() {
      return cell.isPartOfArrayFormulaGroup();
    }

    @Override
    public CellType getCachedFormulaResultType() {
      return cell.getCachedFormulaResultType();
    }
  }
}
