package org.gammaxl.workbooks.poi;

import java.util.List;
import java.util.function.Function;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.ResultShape;
import org.gammaxl.sheet.WorksheetFunction;

/** A test-only catalogue entry: exercises the POI bridge, not any mathematics. */
record FakeFunction(String name, List<Argument> arguments, ResultShape resultShape,
    Function<Object[], Object> body) implements WorksheetFunction {

  @Override public String category() { return "Test"; }
  @Override public String description() { return "test function"; }
  @Override public boolean threadSafe() { return true; }
  @Override public boolean isVolatile() { return false; }
  @Override public Object invoke(Object[] args) { return body.apply(args); }
  @Override public boolean numericFastPath() { return false; }
  @Override public double invokeNumeric(double[] args, int count, long missingMask) { return Double.NaN; }
}
