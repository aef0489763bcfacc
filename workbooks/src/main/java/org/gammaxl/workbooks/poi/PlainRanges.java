package org.gammaxl.workbooks.poi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.Empty;

/**
 * The large ranges of plain cells (values, no formulas) that GX functions read while one {@link GxEvaluator}
 * evaluates, each read from the sheet once and kept as catalogue values until something inside it may have
 * changed.
 *
 * <p>POI reads a range argument cell by cell through its evaluator and records every cell as a dependency of the
 * formula; for a 10,000-row option chain that bookkeeping, repeated on every recalculation, costs ten times the
 * computation. Here a range of at least {@link #MIN_CELLS} cells, every one of them plain, is read straight from
 * the sheet with the values POI would give ({@link PlainCells}), and POI records no dependency on its cells. The
 * functions are lent one array per range, the same on every evaluation, and whatever a function writes into it is
 * undone when it returns ({@link #check}): no copy per call. Keeping the values without dependencies is correct because
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
  private final Map<Area, Kept> kept = new HashMap<>();
  private final Map<Object[][], Kept> lent = new IdentityHashMap<>();
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
    lent.clear();
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
   * The values of a range argument as the catalogue receives them (rows × columns), or null when the range must be
   * read through POI: too small, a computed array, across sheets, or holding a formula cell. The array is lent: the
   * same one is handed out until the range is dropped, and the caller gives it back to {@link #check} once the
   * function has returned, which undoes anything the function wrote into it.
   */
  Object[][] values(AreaEval range) {
    if (!enabled || range instanceof CacheAreaEval || range.getFirstSheetIndex() != range.getLastSheetIndex()
        || (long) range.getHeight() * range.getWidth() < MIN_CELLS) {
      return null;
    }
    Area area = new Area(range.getFirstSheetIndex(), range.getFirstRow(), range.getFirstColumn(),
        range.getLastRow(), range.getLastColumn());
    Kept values = kept.get(area);
    if (values == null) {
      if (mixed.contains(area)) {
        return null;
      }
      Object[] cells = read(area);
      if (cells == null) {
        mixed.add(area);
        return null;
      }
      values = new Kept(cells, area.lastCol() - area.firstCol() + 1);
      kept.put(area, values);
      lent.put(values.lent, values);
      areas.add(area);
    }
    return values.lent;
  }

  /** After the function that was lent {@code values} has returned: restores the kept values if it wrote to them. */
  void check(Object[][] values) {
    Kept k = lent.get(values);
    if (k != null) {
      k.restore();
    }
  }

  /** A range's values (row-major) and the array lent to functions, with the rows it was lent with. */
  private static final class Kept {
    private final Object[] cells;
    private final int cols;
    private final Object[][] lent;
    private final Object[][] rows;

    Kept(Object[] cells, int cols) {
      this.cells = cells;
      this.cols = cols;
      this.lent = new Object[cells.length / cols][];
      this.rows = new Object[lent.length][];
      for (int r = 0; r < lent.length; r++) {
        lent[r] = java.util.Arrays.copyOfRange(cells, r * cols, (r + 1) * cols);
        rows[r] = lent[r];
      }
    }

    /** Puts back every row and cell of the lent array that differs from the kept values (by identity). */
    void restore() {
      for (int r = 0; r < lent.length; r++) {
        Object[] row = lent[r];
        if (row != rows[r]) {
          lent[r] = row = rows[r];
        }
        for (int c = 0; c < cols; c++) {
          if (row[c] != cells[r * cols + c]) {
            row[c] = cells[r * cols + c];
          }
        }
      }
    }
  }

  /** The cells' values (row-major) as POI's evaluator reads plain cells; null at the first formula cell. */
  private Object[] read(Area area) {
    if (area.sheet() < 0 || area.sheet() >= workbook.getNumberOfSheets()) {
      return null;
    }
    XSSFSheet sheet = workbook.getSheetAt(area.sheet());
    int cols = area.lastCol() - area.firstCol() + 1;
    Object[] out = new Object[(area.lastRow() - area.firstRow() + 1) * cols];
    Map<String, String> shared = new HashMap<>();
    for (int r = 0, k = 0; r < out.length / cols; r++) {
      XSSFRow row = sheet.getRow(area.firstRow() + r);
      for (int c = 0; c < cols; c++, k++) {
        XSSFCell cell = row == null ? null : row.getCell(area.firstCol() + c);
        Object v = cell == null ? Empty.BLANK : PlainCells.value(cell, shared);
        if (v == null) {
          return null;
        }
        out[k] = v;
      }
    }
    return out;
  }
}
