package org.gammaxl.xll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * Calls for the host tests, built from each function's declared arguments: one sensible call,
 * its all-numbers form, and for every argument in turn each kind of value Excel can pass (text,
 * boolean, error, missing, blank, arrays, out-of-domain numbers).
 */
final class CallPlan {
  /** A function and one argument vector. */
  record Call(WorksheetFunction function, Object[] args) {}

  private CallPlan() {}

  static List<Call> of(List<WorksheetFunction> functions) {
    List<Call> calls = new ArrayList<>();
    for (WorksheetFunction f : functions) {
      List<Argument> as = f.arguments();
      Object[] base = new Object[as.size()];
      for (int i = 0; i < base.length; i++) {
        base[i] = sample(as.get(i), false);
      }
      calls.add(new Call(f, base));
      Object[] numeric = new Object[as.size()];
      for (int i = 0; i < base.length; i++) {
        numeric[i] = sample(as.get(i), true);
      }
      calls.add(new Call(f, numeric));
      for (int i = 0; i < base.length; i++) {
        Object b = base[i];
        Object[] variants = {
          "abc", "100", "", "C", "p", Boolean.TRUE, Boolean.FALSE, ExcelError.NA, ExcelError.DIV0,
          Empty.MISSING, Empty.BLANK, 0.0, -1.0, -0.0, 1e300, 1e-300, 7.5,
          new Object[][] {{b instanceof Object[][] ? 1.0 : b}},
          new Object[][] {{100.0, 101.5, "x"}, {Empty.BLANK, 99.0, true}},
          new Object[][] {{100.0}, {101.0}, {102.5}, {101.0}, {103.0}}
        };
        for (Object v : variants) {
          Object[] a = base.clone();
          a[i] = v;
          calls.add(new Call(f, a));
        }
      }
    }
    return calls;
  }

  /** A plausible value for an argument, read from its kind and name (spot 100, vol 0.25, …). */
  static Object sample(Argument a, boolean numbersOnly) {
    String n = a.name().toLowerCase(Locale.ROOT);
    switch (a.kind()) {
      case SERIES: // an optional range (GX.PRICE's dividends) is left out of an all-numbers call
        return a.optional() && numbersOnly ? Empty.MISSING : new Object[][] {{100.0, 101.0, 99.5, 102.0, 101.2, 103.1, 102.4}};
      case TABLE:
        return Empty.MISSING;
      case BOOLEAN:
        return Boolean.TRUE;
      case DATE:
        return 45_000.0;
      case TEXT:
        if (n.contains("type") || n.contains("put") || n.contains("call") || n.equals("cp")) {
          return numbersOnly ? 1.0 : "C";
        }
        return Empty.MISSING;
      case NUMBER_OR_TEXT:
        if (n.contains("type") || n.contains("put") || n.contains("call") || n.equals("cp")) {
          return numbersOnly ? 1.0 : "C";
        }
        return number(n);
      case NUMBER:
      default:
        return a.optional() && !known(n) ? Empty.MISSING : number(n);
    }
  }

  private static boolean known(String n) {
    return number(n) != 1.0;
  }

  private static double number(String n) {
    if (n.contains("strike")) {
      return 105.0;
    }
    if (n.contains("spot") || n.contains("forward") || n.contains("underlying") || n.equals("s") || n.equals("f")
        || n.contains("price")) {
      return 100.0;
    }
    if (n.contains("vol") || n.contains("sigma")) {
      return 0.25;
    }
    if (n.contains("time") || n.contains("expiry") || n.contains("maturity") || n.equals("t") || n.contains("year")) {
      return 0.5;
    }
    if (n.contains("rate") || n.equals("r")) {
      return 0.03;
    }
    if (n.contains("div") || n.contains("yield") || n.contains("carry") || n.equals("q")) {
      return 0.01;
    }
    return 1.0;
  }

}
