package org.gammaxl.workbooks.poi;

import java.util.List;
import org.apache.poi.ss.formula.OperationEvaluationContext;
import org.apache.poi.ss.formula.eval.AreaEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.functions.FreeRefFunction;
import org.apache.poi.ss.util.CellRangeAddress;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * One catalogue function as a POI user-defined function. Thread-safe; inside an array formula the call is
 * computed once for the whole range ({@link ArrayCalls}); under a {@link GxEvaluator}, large plain range arguments
 * are read once and kept ({@link PlainRanges}).
 */
final class CatalogueUdf implements FreeRefFunction {
  private final WorksheetFunction function;
  private final ArgKind[] kinds;

  CatalogueUdf(WorksheetFunction function) {
    this.function = function;
    List<Argument> arguments = function.arguments();
    this.kinds = new ArgKind[arguments.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = arguments.get(i).kind();
    }
  }

  @Override
  public ValueEval evaluate(ValueEval[] args, OperationEvaluationContext ec) {
    if (args.length > kinds.length) {
      return ErrorEval.VALUE_INVALID;
    }
    CellRangeAddress range = ArrayCalls.range(ec);
    List<Object> key = range == null ? null : ArrayCalls.key(function.name(), args, ec, range);
    if (key != null && !ArrayCalls.isAnchor(ec, range)) {
      ValueEval kept = ArrayCalls.fromAnchor(ec, key, range);
      if (kept != null) {
        return kept;
      }
    }
    ValueEval result = compute(args, ec);
    if (key != null && ArrayCalls.isAnchor(ec, range)) {
      ArrayCalls.keep(ec, key, result);
    }
    return result;
  }

  private ValueEval compute(ValueEval[] args, OperationEvaluationContext ec) {
    Object[] neutral = new Object[args.length];
    PlainRanges ranges = PlainRanges.current();
    for (int i = 0; i < args.length; i++) {
      boolean wantsArray = kinds[i] == ArgKind.SERIES || kinds[i] == ArgKind.TABLE;
      Object kept = ranges != null && wantsArray && args[i] instanceof AreaEval area ? ranges.values(area) : null;
      neutral[i] = kept != null ? kept : PoiValues.toNeutral(args[i], kinds[i]);
    }
    ValueEval value;
    try {
      value = PoiValues.fromNeutral(function.invoke(neutral), ec.getRowIndex(), ec.getColumnIndex());
    } catch (RuntimeException e) {
      // The contract says invoke never throws; a host still must not crash on a bug.
      value = ErrorEval.VALUE_INVALID;
    }
    if (ranges != null) {
      for (Object arg : neutral) {
        if (arg instanceof Object[][] lent) {
          ranges.check(lent);
        }
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return "CatalogueUdf[" + function.name() + "]";
  }
}
