package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Properties every function of the standard catalogue has, whatever it computes. */
@ExtendWith(SheetCalls.class)
class CatalogueTest {
  private static final Catalogue CATALOGUE = Catalogue.standard();

  @Test
  void findsByNameInAnyCaseAndInExcelsStoredForm() {
    for (WorksheetFunction f : CATALOGUE.functions()) {
      assertSame(f, CATALOGUE.find(f.name()).orElseThrow());
      assertSame(f, CATALOGUE.find(f.name().toLowerCase(java.util.Locale.ROOT)).orElseThrow());
      assertSame(f, CATALOGUE.find("_xll." + f.name()).orElseThrow());
    }
    assertTrue(CATALOGUE.find("GX.NOSUCH").isEmpty());
    assertTrue(CATALOGUE.find(null).isEmpty());
  }

  @Test
  void everyFunctionIsDescribedCompletely() {
    for (WorksheetFunction f : CATALOGUE.functions()) {
      assertTrue(f.name().startsWith("GX."), f.name());
      assertTrue(f.category().startsWith("GammaXL "), f.name());
      assertNotNull(f.resultShape(), f.name());
      if (f.numericFastPath()) {
        assertEquals(ResultShape.SCALAR, f.resultShape(), f.name());
      }
    }
  }

  /** Each kind of bad value in each position: always an Excel value back, never an exception. */
  @Test
  void badValuesInEveryPositionNeverThrow() {
    Object[] bad = {"not a keyword", Boolean.TRUE, ExcelError.NA, Empty.BLANK, Empty.MISSING, -1.0, 0.0, 1e308,
        Double.NaN, new Object[][] {{1.0, 2.0}, {3.0, 4.0}}, new Object[][] {{"x"}}, null};
    for (WorksheetFunction f : CATALOGUE.functions()) {
      List<List<Object>> calls = examples(f);
      for (List<Object> good : calls) {
        for (int i = 0; i < f.arguments().size(); i++) {
          for (Object b : bad) {
            Object[] args = padded(good, f.arguments().size());
            args[i] = b;
            assertHostValue(f.name() + " arg " + i + " = " + b, f.invoke(args));
          }
        }
      }
    }
  }

  @Test
  void anErrorArgumentPropagatesUnchangedFromEveryScalarPosition() {
    for (WorksheetFunction f : CATALOGUE.functions()) {
      for (List<Object> good : examples(f)) {
        for (int i = 0; i < f.arguments().size(); i++) {
          if (f.arguments().get(i).kind() == ArgKind.TABLE) {
            continue;
          }
          Object[] args = padded(good, f.arguments().size());
          args[i] = ExcelError.DIV0;
          assertEquals(ExcelError.DIV0, f.invoke(args), f.name() + " arg " + f.arguments().get(i).name());
        }
      }
    }
  }

  /** The fast path returns what invoke returns, for the examples and for bad numbers in every position. */
  @Test
  void numericFastPathAgreesWithInvoke() {
    double[] probes = {-1, 0, 1, 0.5, 2, 100, -100, 1e-9, 1e9, ExcelError.NUM.asNaN()};
    int checked = 0;
    for (WorksheetFunction f : CATALOGUE.functions()) {
      if (!f.numericFastPath()) {
        continue;
      }
      for (List<Object> good : examples(f)) {
        int n = f.arguments().size();
        List<Object[]> variants = new ArrayList<>();
        variants.add(padded(good, n));
        for (int i = 0; i < n; i++) {
          for (double p : probes) {
            Object[] v = padded(good, n);
            v[i] = p;
            variants.add(v);
          }
        }
        for (Object[] args : variants) {
          double[] numbers = new double[n];
          long missing = 0;
          boolean numeric = true;
          for (int i = 0; i < n; i++) {
            if (args[i] == Empty.MISSING) {
              missing |= 1L << i;
            } else if (args[i] instanceof Double) {
              numbers[i] = (Double) args[i];
            } else if (args[i] instanceof Integer) {
              numbers[i] = (Integer) args[i];
              args[i] = numbers[i];
            } else if (args[i] instanceof String && !Double.isNaN(f.textAsNumber(i, (String) args[i]))
                || args[i] instanceof String && Keyword.isCode(f.textAsNumber(i, (String) args[i]))) {
              numbers[i] = f.textAsNumber(i, (String) args[i]);
            } else {
              numeric = false;
            }
          }
          if (!numeric) {
            continue;
          }
          Object expected = f.invoke(args.clone());
          double actual = f.invokeNumeric(numbers, n, missing);
          String where = f.name() + java.util.Arrays.toString(args);
          if (expected instanceof ExcelError) {
            assertEquals(expected, ExcelError.fromNaN(actual), where);
          } else {
            assertEquals(((Double) expected).doubleValue(), actual, 0.0, where);
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 200, checked + " calls compared");
  }

  /**
   * Many threads calling at once (Excel's multi-threaded recalculation) get the same answers as one
   * thread: no shared mutable state, no result leaking between threads, errors kept per thread.
   */
  @Test
  void concurrentCallersGetTheirOwnResults() throws Exception {
    WorksheetFunction delta = CATALOGUE.find("GX.DELTA").orElseThrow();
    WorksheetFunction greeks = CATALOGUE.find("GX.GREEKS").orElseThrow();
    int n = 400;
    double[] expected = new double[n];
    Object[][][] expectedRows = new Object[n][][];
    for (int i = 0; i < n; i++) {
      expected[i] = (Double) delta.invoke(new Object[] {i % 2 == 0 ? "C" : "P", 80.0 + i * 0.1, 100.0, 0.5, 0.2});
      expectedRows[i] = (Object[][]) greeks.invoke(new Object[] {"C", 80.0 + i * 0.1, 100.0, 0.5, 0.2});
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          double[] args = new double[8];
          for (int k = 0; k < 5 * n; k++) {
            int i = (k * 7 + offset * 13) % n;
            args[0] = i % 2 == 0 ? 1 : -1;
            args[1] = 80.0 + i * 0.1;
            args[2] = 100;
            args[3] = 0.5;
            args[4] = 0.2;
            if (delta.invokeNumeric(args, 5, 0) != expected[i]) {
              return "fast path differs at " + i;
            }
            if (!java.util.Arrays.deepEquals(expectedRows[i],
                (Object[][]) greeks.invoke(new Object[] {"C", 80.0 + i * 0.1, 100.0, 0.5, 0.2}))) {
              return "GX.GREEKS differs at " + i;
            }
            if (delta.invoke(new Object[] {"C", 100.0, 100.0, 0.5, -0.1 - offset}) != ExcelError.NUM
                || !Diagnostics.lastFailure().orElseThrow().reason().endsWith("was " + (-0.1 - offset))) {
              return "error reason leaked between threads";
            }
          }
          return "ok";
        }));
      }
      for (java.util.concurrent.Future<String> r : results) {
        assertEquals("ok", r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static List<List<Object>> examples(WorksheetFunction f) {
    List<List<Object>> out = new ArrayList<>();
    if (f instanceof SheetFunction) {
      for (List<Object> ex : ((SheetFunction) f).examples()) {
        List<Object> converted = new ArrayList<>();
        for (Object o : ex) {
          converted.add(o instanceof Integer ? (Object) ((Integer) o).doubleValue() : o);
        }
        out.add(converted);
      }
    }
    assertTrue(!out.isEmpty(), f.name() + " has no example call");
    return out;
  }

  static Object[] padded(List<Object> args, int n) {
    Object[] a = new Object[n];
    for (int i = 0; i < n; i++) {
      a[i] = i < args.size() ? args.get(i) : Empty.MISSING;
    }
    return a;
  }

  static void assertHostValue(String where, Object r) {
    if (r instanceof Object[][]) {
      for (Object[] row : (Object[][]) r) {
        for (Object c : row) {
          assertScalar(where, c);
        }
      }
    } else {
      assertScalar(where, r);
    }
  }

  private static void assertScalar(String where, Object c) {
    assertTrue(c instanceof Double && Double.isFinite((Double) c) || c instanceof String || c instanceof Boolean
        || c instanceof ExcelError, where + " returned " + c);
  }
}
