package org.gammaxl.workbooks.poi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The large ranges of plain cells (values, no formulas) that GX functions read while one {@link GxEvaluator}
 * evaluates, each read from the sheet once and kept as catalogue values until something inside it may have
 * changed.
 *
 * <p>POI reads a range argument cell by cell through its evaluator and records every cell as a dependency of the
 * formula; for a 10,000-row option chain that bookkeeping, repeated on every recalculation, costs ten times the
 * computation. Here a range of at least {@link #MIN_CELLS} cells, every one of them plain, is read straight from
 * the sheet with the values POI would give, and POI records no dependency on its cells. That is correct because
 * the evaluator that owns this object hears of every change: a cell inside a kept range that is updated, given a
 * formula or deleted ({@code notifyUpdateCell}, {@code notifySetFormula}, {@code notifyDeleteCell}) drops every
 * kept range and every result POI holds, as does {@code clearAllCachedResultValues}. A range holding a formula
 * cell is never kept: it is read through POI, with POI's dependency tracking.
 *
 * <p>Not thread-safe, like POI's evaluator.
 */
final class PlainRanges {
  /** Ranges smaller than this are read through POI (cheap there; keeps the list short). */
  static final int MIN_CELLS = 100;

  private static final ThreadLocal<PlainRanges> CURRENT = new ThreadLocal<>();

  private final XSSFWorkbook workbook;
  private final Map<Area, Object[][]> kept = new HashMap<>();
  private final List<Area> areas = new ArrayList<>();
  /** Ranges found holding a formula cell: read through POI without being scanned again until {@link #clear}. */
  private final Set<Area> mixed = new HashSet<>();
  private boolean enabled = true;

  /** A range of one sheet, zero-based and inclusive. */
  private record Area(int sheet, int firstRow, int firstCol, int lastRow, int lastCol) {
    boolean covers(int s, int row, int col) {
      return s == sheet && row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
    }
  }

  PlainRanges(XSSFWorkbook workbook) {
    this.workbook = workbook;
  }

  /** The ranges of the evaluator evaluating on this thread, or null outside a {@link GxEvaluator}. */
  static PlainRanges current() {
    return CURRENT.get();
  }

  /** Makes this the current object of this thread; returns the previous one, for {@link #leave}. */
  PlainRanges enter() {
    PlainRanges previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  static void leave(PlainRanges previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** Never keep a range again (the evaluator collaborates with other workbooks). */
  void disable() {
    enabled = false;
    clear();
  }

  /** Forgets every kept range. */
  void clear() {
    kept.clear();
    areas.clear();
    mixed.clear();
  }

  /** Whether a kept range holds the cell (sheet index, zero-based row and column). */
  boolean covers(int sheet, int row, int col) {
    for (Area a : areas) {
      if (a.covers(sheet, row, col)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values of a range argument as the catalogue receives them (rows × columns, a fresh array), or null when
   * the range must be read through POI: too small, a computed array, across sheets, or holding a formula cell.
   */
  Object[][] values(AreaEval range) {
    if (!enabled || range instanceof CacheAreaEval || range.getFirstSheetIndex() != range.getLastSheetIndex()
        || (long) range.getHeight() * range.getWidth() < MIN_CELLS) {
      return null;
    }
    Area area = new Area(range.getFirstSheetIndex(), range.getFirstRow(), range.getFirstColumn(),
        range.getLastRow(), range.getLastColumn());
    Object[][] values = kept.get(area);
    if (values == null) {
      if (mixed.contains(area)) {
        return null;
      }
      values = read(area);
      if (values == null) {
        mixed.add(area);
        return null;
      }
      kept.put(area, values);
      areas.add(area);
    }
    Object[][] copy = new Object[values.length][];
    for (int r = 0; r < values.length; r++) {
      copy[r] = values[r].clone();
    }
    return copy;
  }

  /** The cells' values as POI's evaluator reads a plain cell; null at the first formula cell. */
  private Object[][] read(Area area) {
    if (area.sheet() < 0 || area.sheet() >= workbook.getNumberOfSheets()) {
      return null;
    }
    XSSFSheet sheet = workbook.getSheetAt(area.sheet());
    int cols = area.lastCol() - area.firstCol() + 1;
    Object[][] out = new Object[area.lastRow() - area.firstRow() + 1][cols];
    for (int r = 0; r < out.length; r++) {
      XSSFRow row = sheet.getRow(area.firstRow() + r);
      for (int c = 0; c < cols; c++) {
        XSSFCell cell = row == null ? null : row.getCell(area.firstCol() + c);
        ValueEval v = plainValue(cell);
        if (v == null) {
          return null;
        }
        out[r][c] = PoiValues.scalar(v);
      }
    }
    return out;
  }

  /** What POI's evaluator makes of a cell without a formula (its getValueFromNonFormulaCell); null for a formula. */
  private static ValueEval plainValue(XSSFCell cell) {
    if (cell == null) {
      return BlankEval.instance;
    }
    CellType type = cell.getCellType();
    return switch (type) {
      case NUMERIC -> new NumberEval(cell.getNumericCellValue());
      case STRING -> new StringEval(cell.getRichStringCellValue().getString());
      case BOOLEAN -> BoolEval.valueOf(cell.getBooleanCellValue());
      case BLANK -> BlankEval.instance;
      case ERROR -> ErrorEval.valueOf(cell.getErrorCellValue());
      default -> null;
    };
  }
}
