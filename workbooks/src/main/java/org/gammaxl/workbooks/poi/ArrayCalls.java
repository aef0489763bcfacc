package org.gammaxl.workbooks.poi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.formula.CacheAreaEval;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.OperationEvaluationContext;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.MissingArgEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.RefEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One evaluation of a GX call per array formula, as Excel does, instead of one per cell of its range.
 *
 * <p>POI evaluates an array formula separately for every cell of its range and keeps only that cell's element:
 * a 200 × 2 GX.GEX.PROFILE over a 10,000-option chain read the 50,000 chain cells 400 times. Here the anchor (the
 * range's top-left cell) computes the call and keeps its whole result; every other cell of the range first asks
 * POI for the anchor's value — which records the anchor as that cell's dependency and evaluates the anchor unless
 * POI holds it — and then takes the anchor's result for the same call (same function, same argument references
 * and constants). POI's own invalidation stays in charge: a changed input clears the anchor, and with it every
 * cell that depends on the anchor, so a kept result is only ever used while POI holds the anchor evaluation that
 * produced it. A call whose arguments are computed arrays (not references or constants) is not shared.
 *
 * <p>Results are kept per evaluator (its {@link EvaluationWorkbook}) and dropped with it.
 */
final class ArrayCalls {
  /** Per evaluator: per call site (function, sheet, anchor row and column), its last arguments and result. */
  private static final Map<EvaluationWorkbook, Map<List<Object>, Kept>> RESULTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** A call's arguments, as {@link #key} describes them, and its result. */
  private record Kept(List<Object> key, ValueEval result) {}

  private ArrayCalls() {}

  /** The array range of the formula being evaluated, or null when it is a plain formula or a one-cell array. */
  static CellRangeAddress range(OperationEvaluationContext ec) {
    EvaluationCell self = ec.getWorkbook().getSheet(ec.getSheetIndex()).getCell(ec.getRowIndex(),
        ec.getColumnIndex());
    if (self == null) {
      return null;
    }
    CellRangeAddress range;
    if (ec.getWorkbook() instanceof ParsedFormulas formulas) {
      range = formulas.arrayRange(self);
    } else {
      range = self.isPartOfArrayFormulaGroup() ? self.getArrayFormulaRange() : null;
    }
    return range != null && range.getNumberOfCells() > 1 ? range : null;
  }

  /** Whether the cell being evaluated is its array range's anchor. */
  static boolean isAnchor(OperationEvaluationContext ec, CellRangeAddress range) {
    return ec.getRowIndex() == range.getFirstRow() && ec.getColumnIndex() == range.getFirstColumn();
  }

  /**
   * The key of one call in one array range, or null when the call cannot be shared (an argument is a computed
   * value other than a constant).
   */
  static List<Object> key(String function, ValueEval[] args, OperationEvaluationContext ec, CellRangeAddress range) {
    List<Object> key = new ArrayList<>(args.length + 4);
    key.add(function);
    key.add(ec.getSheetIndex());
    key.add(range.getFirstRow());
    key.add(range.getFirstColumn());
    for (ValueEval a : args) {
      Object d = describe(a);
      if (d == null) {
        return null;
      }
      key.add(d);
    }
    return key;
  }

  /** Keeps the anchor's result of a call, in place of the previous one at the same call site. */
  static void keep(OperationEvaluationContext ec, List<Object> key, ValueEval result) {
    RESULTS.computeIfAbsent(ec.getWorkbook(), w -> new ConcurrentHashMap<>()).put(List.copyOf(key.subList(0, 4)),
        new Kept(key, result));
  }

  /**
   * For a cell of the range other than the anchor: the anchor's result of the same call, after POI has evaluated
   * the anchor (or found it evaluated) as this cell's dependency; null when the anchor did not make this call.
   */
  static ValueEval fromAnchor(OperationEvaluationContext ec, List<Object> key, CellRangeAddress range) {
    ValueEval anchor = ec.getRefEval(range.getFirstRow(), range.getFirstColumn());
    ((RefEval) anchor).getInnerValueEval(ec.getSheetIndex());
    Map<List<Object>, Kept> sites = RESULTS.get(ec.getWorkbook());
    Kept kept = sites == null ? null : sites.get(key.subList(0, 4));
    return kept != null && kept.key().equals(key) ? kept.result() : null;
  }

  /** What identifies an argument without reading the cells it refers to. */
  private static Object describe(ValueEval a) {
    if (a instanceof CacheAreaEval) {
      return null;
    }
    if (a instanceof AreaEval area) {
      return Arrays.asList("area", area.getFirstSheetIndex(), area.getLastSheetIndex(), area.getFirstRow(),
          area.getFirstColumn(), area.getLastRow(), area.getLastColumn());
    }
    if (a instanceof RefEval ref) {
      return Arrays.asList("ref", ref.getFirstSheetIndex(), ref.getLastSheetIndex(), ref.getRow(), ref.getColumn());
    }
    if (a instanceof NumberEval n) {
      return n.getNumberValue();
    }
    if (a instanceof StringEval s) {
      return Arrays.asList("text", s.getStringValue());
    }
    if (a instanceof BoolEval b) {
      return b.getBooleanValue();
    }
    if (a instanceof ErrorEval e) {
      return Arrays.asList("error", e.getErrorCode());
    }
    if (a == MissingArgEval.instance) {
      return "missing";
    }
    return null;
  }
}
