package org.gammaxl.xll;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.gammaxl.InvalidInputException;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.ResultShape;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * Functions that exercise every marshalling path of the bridge (each value kind in and out, arrays,
 * long and non-ASCII text, exceptions, volatile and single-threaded registration), whatever the
 * catalogue holds. Served to the test hosts through {@link XllBridge#FUNCTIONS_PROPERTY}.
 */
public final class TestFunctions implements Supplier<List<WorksheetFunction>> {

  @Override
  public List<WorksheetFunction> get() {
    return List.of(
        new Fn("TEST.ECHO", 3, false, true, false) {
          @Override
          public Object invoke(Object[] a) {
            StringBuilder b = new StringBuilder();
            for (Object v : a) {
              b.append(b.length() > 0 ? "|" : "").append(describe(v));
            }
            return b.toString();
          }
        },
        new Fn("TEST.ADD", 2, true, true, false) {
          @Override
          public Object invoke(Object[] a) {
            Object x = a.length > 0 ? a[0] : Empty.MISSING;
            if (x instanceof String s && s.equalsIgnoreCase("one")) {
              x = 1.0;
            }
            Object y = a.length > 1 ? a[1] : Empty.MISSING;
            if (!(x instanceof Double dx)) {
              return ExcelError.VALUE;
            }
            double dy = y == Empty.MISSING ? 1.0 : y instanceof Double d ? d : Double.NaN;
            if (Double.isNaN(dy)) {
              return ExcelError.VALUE;
            }
            return dx < 0 ? ExcelError.NUM : (Object) (dx + dy);
          }

          @Override
          public double invokeNumeric(double[] a, int count, long missing) {
            if ((missing & 1) != 0) {
              return ExcelError.VALUE.asNaN();
            }
            double dy = (missing & 2) != 0 || count < 2 ? 1.0 : a[1];
            return a[0] < 0 ? ExcelError.NUM.asNaN() : a[0] + dy;
          }

          /** "one" (any case) as 1; "boom" throws; "nan" answers an untagged NaN with a payload. */
          @Override
          public double textAsNumber(int argument, String text) {
            if (argument == 0 && text.equalsIgnoreCase("one")) {
              return 1.0;
            }
            if (text.equals("boom")) {
              throw new IllegalStateException("textAsNumber fails");
            }
            return text.equals("nan") ? Double.longBitsToDouble(0x7FF8_0000_0000_0001L) : Double.NaN;
          }
        },
        new Fn("TEST.GRID", 2, false, true, false) {
          @Override
          public Object invoke(Object[] a) {
            if (!(a[0] instanceof Double r) || !(a[1] instanceof Double c) || r < 1 || c < 1 || r * c > 100_000) {
              return ExcelError.NUM;
            }
            Object[][] g = new Object[r.intValue()][c.intValue()];
            for (int i = 0; i < g.length; i++) {
              for (int j = 0; j < g[i].length; j++) {
                int k = (i * 7 + j) % 6;
                g[i][j] = k == 0 ? (Object) (i + j / 8.0) : k == 1 ? "r" + i + "c" + j + "é€😀"
                    : k == 2 ? (Object) (j % 2 == 0) : k == 3 ? ExcelError.values()[(i + j) % 8]
                    : k == 4 ? Empty.BLANK : (Object) (-i * 1e-300);
              }
            }
            return g;
          }
        },
        new Fn("TEST.IDENT", 1, false, true, false) {
          @Override
          public Object invoke(Object[] a) {
            return a[0];
          }
        },
        new Fn("TEST.THROW", 1, false, true, false) {
          @Override
          public Object invoke(Object[] a) {
            if (a[0] instanceof Double d && d == 1) {
              throw InvalidInputException.domain("x", "must not be 1");
            }
            if (a[0] instanceof Double d && d == 2) {
              throw InvalidInputException.notAvailable("x", "nothing yet");
            }
            throw new IllegalStateException("always fails");
          }
        },
        new Fn("TEST.TEXT", 2, false, true, false) {
          @Override
          public Object invoke(Object[] a) {
            if (!(a[0] instanceof String s) || !(a[1] instanceof Double n) || n < 0 || n > 1e6) {
              return ExcelError.VALUE;
            }
            return s.repeat(n.intValue());
          }
        },
        new Fn("TEST.NULL", 0, false, false, false) {
          @Override
          public Object invoke(Object[] a) {
            return null;
          }
        },
        new Fn("TEST.VOLATILE", 1, false, false, true) {
          @Override
          public Object invoke(Object[] a) {
            return a.length > 0 && a[0] instanceof Double d ? d * 2 : ExcelError.VALUE;
          }
        });
  }

  static String describe(Object v) {
    if (v instanceof Object[][] g) {
      StringBuilder b = new StringBuilder("[" + g.length + "x" + g[0].length);
      for (Object[] row : g) {
        for (Object x : row) {
          b.append(' ').append(describe(x));
        }
      }
      return b.append(']').toString();
    }
    if (v instanceof Object[] row) {
      return "row" + Arrays.toString(row);
    }
    return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
  }

  /** A test function with {@code n} arguments of any kind. */
  abstract static class Fn implements WorksheetFunction {
    private final String name;
    private final List<Argument> args;
    private final boolean fast;
    private final boolean threadSafe;
    private final boolean isVolatile;

    Fn(String name, int n, boolean fast, boolean threadSafe, boolean isVolatile) {
      this.name = name;
      this.fast = fast;
      this.threadSafe = threadSafe;
      this.isVolatile = isVolatile;
      Argument[] a = new Argument[n];
      for (int i = 0; i < n; i++) {
        a[i] = new Argument("arg" + (i + 1), "Argument " + (i + 1) + " of " + name, ArgKind.NUMBER, i > 0, i > 0 ? "1" : null);
      }
      this.args = List.of(a);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String category() {
      return "GammaXL Test";
    }

    @Override
    public String description() {
      return "Test function " + name + " for the bridge tests.";
    }

    @Override
    public List<Argument> arguments() {
      return args;
    }

    @Override
    public ResultShape resultShape() {
      return ResultShape.SCALAR;
    }

    @Override
    public boolean threadSafe() {
      return threadSafe;
    }

    @Override
    public boolean isVolatile() {
      return isVolatile;
    }

    @Override
    public boolean numericFastPath() {
      return fast;
    }

    @Override
    public double invokeNumeric(double[] a, int count, long missingMask) {
      return ExcelError.VALUE.asNaN();
    }
  }
}
