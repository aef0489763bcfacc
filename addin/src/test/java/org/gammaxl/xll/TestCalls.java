package org.gammaxl.xll;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;

/** Calls aimed at {@link TestFunctions}: every value kind through the echo, arrays out, long text, exceptions. */
final class TestCalls {
  private TestCalls() {}

  static List<CallPlan.Call> extra(List<WorksheetFunction> fs) {
    List<CallPlan.Call> c = new ArrayList<>();
    WorksheetFunction echo = find(fs, "TEST.ECHO");
    WorksheetFunction ident = find(fs, "TEST.IDENT");
    WorksheetFunction grid = find(fs, "TEST.GRID");
    WorksheetFunction text = find(fs, "TEST.TEXT");
    WorksheetFunction add = find(fs, "TEST.ADD");
    WorksheetFunction thrower = find(fs, "TEST.THROW");
    Object[] values = {
      1.5, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, "", "tab\there", "line\nbreak", "back\\slash", "é€😀 ünï",
      Boolean.TRUE, Boolean.FALSE, Empty.MISSING, Empty.BLANK,
      new Object[][] {{1.0, "a", true}, {ExcelError.REF, Empty.BLANK, -2.5}}
    };
    for (ExcelError e : ExcelError.values()) {
      c.add(new CallPlan.Call(echo, new Object[] {e, Empty.MISSING, Empty.MISSING}));
      c.add(new CallPlan.Call(ident, new Object[] {e}));
    }
    for (Object v : values) {
      c.add(new CallPlan.Call(echo, new Object[] {v, v, Empty.MISSING}));
      c.add(new CallPlan.Call(ident, new Object[] {v}));
    }
    for (double[] rc : new double[][] {{1, 1}, {3, 4}, {40, 9}, {0, 1}, {2000, 3}}) {
      c.add(new CallPlan.Call(grid, new Object[] {rc[0], rc[1]}));
    }
    c.add(new CallPlan.Call(text, new Object[] {"ab", 16383.0}));
    c.add(new CallPlan.Call(text, new Object[] {"abc", 20000.0}));
    c.add(new CallPlan.Call(text, new Object[] {"😀", 16384.0}));
    c.add(new CallPlan.Call(add, new Object[] {1.0, 2.0}));
    c.add(new CallPlan.Call(add, new Object[] {1.0, Empty.MISSING}));
    c.add(new CallPlan.Call(add, new Object[] {Empty.MISSING, 2.0}));
    c.add(new CallPlan.Call(add, new Object[] {-1.0, 2.0}));
    // TEST.ADD reads "one" as 1 on both paths; "boom" makes textAsNumber throw, "nan" answers a stray NaN
    for (String t : new String[] {"one", "ONE", "One", "boom", "nan", "two", ""}) {
      c.add(new CallPlan.Call(add, new Object[] {t, 2.0}));
      c.add(new CallPlan.Call(add, new Object[] {2.0, t}));
    }
    for (double x : new double[] {1, 2, 3}) {
      c.add(new CallPlan.Call(thrower, new Object[] {x}));
    }
    return c;
  }

  static WorksheetFunction find(List<WorksheetFunction> fs, String name) {
    return fs.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }
}
