package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coercion rules and error mapping every catalogue function shares, on small test functions. */
@ExtendWith(SheetCalls.class)
class SheetFunctionTest {
  private static final Keyword SIDE = Keyword.of(Map.of("BUY", 1.0, "SELL", -1.0));

  /** TEST.SCALE(type, x, [factor]=2, [side]=BUY) = type·side·x·factor; x must be ≥ 0. */
  static final SheetFunction SCALE = SheetFunction.builder("TEST.SCALE").category("Test")
      .description("type * side * x * factor")
      .args(Param.keyword("type", "C or P", Keyword.optionType()),
          Param.number("x", "a number >= 0"),
          Param.number("factor", "multiplier").optional(2),
          Param.keyword("side", "BUY or SELL", SIDE).optional("BUY"))
      .numeric(a -> a[0] * a[3] * Require.nonNegative("x", a[1]) * a[2])
      .build();

  /** TEST.SCALE again, its body bound by value ({@link SheetFunction.ValueBody}). */
  static final SheetFunction SCALE_BY_VALUE = SheetFunction.builder("TEST.SCALE").category("Test")
      .description("type * side * x * factor")
      .args(Param.keyword("type", "C or P", Keyword.optionType()),
          Param.number("x", "a number >= 0"),
          Param.number("factor", "multiplier").optional(2),
          Param.keyword("side", "BUY or SELL", SIDE).optional("BUY"))
      .numericValues((type, x, factor, side, unused4, unused5, unused6, unused7) ->
          type * side * Require.nonNegative("x", x) * factor)
      .build();

  /** TEST.SUM(values, [weights]) — a general body over series. */
  static final SheetFunction SUM = SheetFunction.builder("TEST.SUM").category("Test")
      .description("sum of values, or of values times weights")
      .args(Param.series("values", "numbers"), Param.series("weights", "numbers").optional())
      .body(v -> {
        if (v.isAbsent(1)) {
          double[] x = v.series(0);
          if (x.length == 0) {
            throw InvalidInputException.notAvailable("values", "no numbers yet");
          }
          double s = 0;
          for (double d : x) {
            s += d;
          }
          return s;
        }
        double[][] xw = v.aligned(0, 1);
        double s = 0;
        for (int i = 0; i < xw[0].length; i++) {
          s += xw[0][i] * xw[1][i];
        }
        return s;
      })
      .build();

  static final SheetFunction BROKEN = SheetFunction.builder("TEST.BROKEN").category("Test")
      .description("throws")
      .args(Param.number("x", "a number"))
      .numeric(a -> {
        if (a[0] > 0) {
          throw new IllegalStateException("bug");
        }
        if (a[0] < 0) {
          throw new IllegalArgumentException("bad");
        }
        return Math.log(a[0]);
      })
      .build();

  @Test
  void goodValuesAndKeywordsInAnyCase() {
    assertEquals(6.0, SCALE.invoke(new Object[] {"C", 3.0}));
    assertEquals(-6.0, SCALE.invoke(new Object[] {"put", 3.0}));
    assertEquals(-6.0, SCALE.invoke(new Object[] {-1.0, 3.0}));
    assertEquals(9.0, SCALE.invoke(new Object[] {" Call ", 3.0, 3.0}));
    assertEquals(-9.0, SCALE.invoke(new Object[] {"c", 3.0, 3.0, "sell"}));
  }

  @Test
  void missingAndBlankOptionalTakeTheDefault() {
    assertEquals(6.0, SCALE.invoke(new Object[] {"C", 3.0, Empty.MISSING, Empty.MISSING}));
    assertEquals(6.0, SCALE.invoke(new Object[] {"C", 3.0, Empty.BLANK}));
    assertEquals(6.0, SCALE.invoke(new Object[] {"C", 3.0, null}));
  }

  @Test
  void blankRequiredIsNotAvailableAndMissingRequiredIsValue() {
    assertEquals(ExcelError.NA, SCALE.invoke(new Object[] {"C", Empty.BLANK}));
    assertTrue(Diagnostics.lastFailure().get().reason().startsWith("x: "));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C"}));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[0]));
    assertEquals(ExcelError.VALUE, SCALE.invoke(null));
  }

  @Test
  void wrongKindIsValue() {
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C", "three"}));
    assertEquals("#VALUE! TEST.SCALE: x: expected a number, got the text 'three'",
        Diagnostics.lastFailure().get().text());
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"X", 3.0}));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("C, P, CALL, PUT, 1 or -1"));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {2.0, 3.0}));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C", Boolean.TRUE}));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C", 3.0, 2.0, 1.0}), "side has no numeric form");
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C", 3.0, 2.0, "BUY", 5.0}), "too many arguments");
  }

  @Test
  void outOfDomainIsNumAndNamesTheArgument() {
    assertEquals(ExcelError.NUM, SCALE.invoke(new Object[] {"C", -3.0}));
    assertEquals("x", Diagnostics.lastFailure().get().reason().substring(0, 1));
    assertEquals(ExcelError.NUM, SCALE.invoke(new Object[] {"C", Double.POSITIVE_INFINITY}));
  }

  @Test
  void anExcelErrorInAnArgumentPropagates() {
    assertEquals(ExcelError.DIV0, SCALE.invoke(new Object[] {"C", ExcelError.DIV0}));
    assertEquals("argument x is #DIV/0!", Diagnostics.lastFailure().get().reason());
    assertEquals(ExcelError.NA, SCALE.invoke(new Object[] {"C", ExcelError.NA.asNaN()}));
    assertEquals(ExcelError.REF, SCALE.invoke(new Object[] {ExcelError.REF, "bad"}), "leftmost problem wins");
    assertEquals(ExcelError.NULL, SUM.invoke(new Object[] {new Object[][] {{1.0}, {ExcelError.NULL}}}));
  }

  @Test
  void oneCellRangeCountsAsItsValueLargerRangeIsValue() {
    assertEquals(6.0, SCALE.invoke(new Object[] {new Object[][] {{"C"}}, new Object[][] {{3.0}}}));
    assertEquals(ExcelError.VALUE, SCALE.invoke(new Object[] {"C", new Object[][] {{3.0, 4.0}}}));
  }

  @Test
  void unexpectedExceptionsBecomeErrorsNotThrows() {
    assertEquals(ExcelError.NUM, BROKEN.invoke(new Object[] {1.0}));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("IllegalStateException"));
    assertEquals(ExcelError.VALUE, BROKEN.invoke(new Object[] {-1.0}));
    assertEquals(ExcelError.NUM, BROKEN.invoke(new Object[] {0.0}), "log(0) = -infinity is not a result");
    assertEquals(ExcelError.NUM.asNaN(), BROKEN.invokeNumeric(new double[] {1.0}, 1, 0), 0.0);
  }

  @Test
  void seriesSkipBlanksAndRejectText() {
    Object[][] column = {{1.0}, {Empty.BLANK}, {2.5}, {null}};
    assertEquals(3.5, SUM.invoke(new Object[] {column}));
    Object[][] grid = {{1.0, 2.0}, {Empty.BLANK, 4.0}};
    assertEquals(7.0, SUM.invoke(new Object[] {grid}));
    assertEquals(4.0, SUM.invoke(new Object[] {4.0}), "a single value is a one-cell series");
    assertEquals(ExcelError.VALUE, SUM.invoke(new Object[] {new Object[][] {{"close"}, {1.0}}}));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("cell 1 (row 1, column 1) is the text 'close'"));
    assertEquals(ExcelError.NA, SUM.invoke(new Object[] {new Object[][] {{Empty.BLANK}}}));
  }

  @Test
  void alignedSeriesSkipRowsBlankEverywhere() {
    Object[][] x = {{1.0}, {2.0}, {Empty.BLANK}, {Empty.BLANK}};
    Object[][] w = {{10.0}, {100.0}, {Empty.BLANK}, {Empty.BLANK}};
    assertEquals(210.0, SUM.invoke(new Object[] {x, w}));
    Object[][] partial = {{10.0}, {100.0}, {1.0}, {Empty.BLANK}};
    assertEquals(ExcelError.NA, SUM.invoke(new Object[] {x, partial}));
    assertEquals(ExcelError.VALUE, SUM.invoke(new Object[] {x, new Object[][] {{1.0}}}), "sizes differ");
  }

  @Test
  void numericPathMatchesInvokeOnEveryCombination() {
    assertTrue(SCALE.numericFastPath());
    assertFalse(SUM.numericFastPath());
    double[] types = {1, -1, 0, 2, ExcelError.NA.asNaN()};
    double[] xs = {0, 3, -1, Double.NaN, Double.POSITIVE_INFINITY, ExcelError.DIV0.asNaN()};
    double[] factors = {2.5, -1};
    for (double t : types) {
      for (double x : xs) {
        for (double f : factors) {
          for (int count = 0; count <= 4; count++) {
            for (long mask = 0; mask < 16; mask++) {
              Object[] boxed = new Object[count];
              double[] in = new double[4];
              double[] values = {t, x, f, 99};
              for (int i = 0; i < count; i++) {
                boolean missing = (mask & (1L << i)) != 0;
                in[i] = values[i];
                ExcelError e = ExcelError.fromNaN(values[i]);
                boxed[i] = missing ? Empty.MISSING : e != null ? e : (Object) values[i];
              }
              Object expected = SCALE.invoke(boxed);
              double actual = SCALE.invokeNumeric(in, count, mask);
              String where = "t=" + t + " x=" + x + " f=" + f + " count=" + count + " mask=" + mask;
              if (expected instanceof ExcelError) {
                assertEquals(expected, ExcelError.fromNaN(actual), where);
              } else {
                assertEquals((Double) expected, actual, 0.0, where);
              }
            }
          }
        }
      }
    }
  }

  /**
   * The XLL's by-value path gives what the array path gives, bit for bit (errors included), for a body bound by
   * value and for one bound to an array (read through the spill array), on every combination of good and bad
   * numbers, keyword codes, counts and missing masks.
   */
  @Test
  void byValuePathMatchesTheArrayPathOnEveryCombination() {
    double[] types = {1, -1, 0, 2, ExcelError.NA.asNaN(), Keyword.asNaN(0)};
    double[] xs = {0, 3, -1, Double.NaN, Double.POSITIVE_INFINITY, ExcelError.DIV0.asNaN(), Keyword.asNaN(1)};
    double[] factors = {2.5, -1, Double.MAX_VALUE};
    double[] sides = {SCALE.textAsNumber(3, "SELL"), SCALE.textAsNumber(3, "BUY"), 1, Keyword.asNaN(7)};
    int byValue = 0;
    for (double t : types) {
      for (double x : xs) {
        for (double f : factors) {
          for (double side : sides) {
            for (int count = 0; count <= 5; count++) {
              for (long mask = 0; mask < 32; mask++) {
                double[] v = new double[8];
                double[] given = {t, x, f, side, 42};
                for (int i = 0; i < count; i++) {
                  v[i] = (mask & (1L << i)) != 0 ? 0 : given[i];
                }
                double expected = SCALE.invokeNumeric(v.clone(), count, mask);
                double[] spill = new double[8];
                double actual = SCALE_BY_VALUE.invokeValues(count, mask, spill, v[0], v[1], v[2], v[3], v[4], v[5],
                    v[6], v[7]);
                double throughArray = SCALE.invokeValues(count, mask, new double[8], v[0], v[1], v[2], v[3], v[4],
                    v[5], v[6], v[7]);
                String where = java.util.Arrays.toString(v) + " count=" + count + " mask=" + mask;
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), where);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(throughArray), where);
                if (!Double.isFinite(actual)) {
                  for (int i = 0; i < count; i++) {
                    if ((mask & (1L << i)) == 0 && ExcelError.fromNaN(v[i]) != null) {
                      assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(spill[i]),
                          "an error result leaves the arguments in spill for the log: " + where);
                    }
                  }
                }
                byValue += Double.isFinite(actual) ? 1 : 0;
              }
            }
          }
        }
      }
    }
    assertTrue(byValue > 1000, "good calls answered: " + byValue);
  }

  /** The by-value path reads the common call in registers and allocates nothing. */
  @Test
  void byValuePathAllocatesNothing() {
    double[] spill = new double[8];
    double sell = SCALE.textAsNumber(3, "SELL");
    int calls = 100_000;
    double sum = sumOfCallsAllocatingNothing(calls,
        i -> SCALE_BY_VALUE.invokeValues(4, 0b100, spill, -1, i, 0, sell, 0, 0, 0, 0));
    assertEquals(2.0 * calls * (calls - 1) / 2, sum, 0.0, "type -1, SELL, the default factor 2");
    assertArrayEquals(new double[8], spill, 0.0, "the spill array is not touched");
  }

  /**
   * The sum of {@code call(0)} … {@code call(calls − 1)}, asserting that the calls allocated less than a byte per ten
   * calls (skipped where the runtime cannot count a thread's allocations).
   */
  private static double sumOfCallsAllocatingNothing(int calls, java.util.function.IntToDoubleFunction call) {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    double sum = 0;
    long before = mx.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      sum += call.applyAsDouble(i);
    }
    long bytes = mx.getThreadAllocatedBytes(id) - before;
    assertTrue(bytes < calls / 10, bytes + " bytes for " + calls + " calls");
    return sum;
  }

  @Test
  void numericPathFillsDefaultsAndWorksWithShortArrays() {
    double[] a = {1, 3, 777, 777};
    assertEquals(6.0, SCALE.invokeNumeric(a, 2, 0), 0.0);
    assertArrayEquals(new double[] {1, 3, 2, 1}, a, 0.0, "defaults written at missing positions");
    assertEquals(-9.0, SCALE.invokeNumeric(new double[] {-1, 3, 3}, 3, 0), 0.0);
    assertEquals(6.0, SCALE.invokeNumeric(new double[] {1, 3, 5}, 3, 0b100), 0.0);
  }

  /** The fast path's own work (defaults, keyword checks, result check) allocates nothing. */
  @Test
  void numericPathAllocatesNothing() {
    double[] a = new double[4];
    int calls = 100_000;
    double sum = sumOfCallsAllocatingNothing(calls, i -> {
      a[0] = -1;
      a[1] = i;
      return SCALE.invokeNumeric(a, 2, 0);
    });
    assertEquals(-2.0 * calls * (calls - 1) / 2, sum, 0.0);
  }

  @Test
  void keywordTextTravelsTheFastPathAsItsCode() {
    assertEquals(-1.0, SCALE.textAsNumber(0, "Put"), 0.0, "the option type's code is the number a user may type");
    double sell = SCALE.textAsNumber(3, "sell");
    assertTrue(Double.isNaN(sell), "other keywords are tagged NaNs");
    assertEquals(null, ExcelError.fromNaN(sell), "not an error");
    assertEquals(-9.0, SCALE.invokeNumeric(new double[] {SCALE.textAsNumber(0, "c"), 3, 3, sell}, 4, 0), 0.0);
    assertEquals(SCALE.invoke(new Object[] {"c", 3.0, 3.0, "sell"}), -9.0);
    assertTrue(Double.isNaN(SCALE.textAsNumber(3, "HOLD")) && !Keyword.isCode(SCALE.textAsNumber(3, "HOLD")),
        "an unknown keyword has no numeric form: the host calls invoke, which gives the reason");
    assertTrue(Double.isNaN(SCALE.textAsNumber(1, "3")), "text for a number has no numeric form");
    assertTrue(Double.isNaN(SCALE.textAsNumber(9, "C")));
    assertEquals(ExcelError.VALUE, ExcelError.fromNaN(SCALE.invokeNumeric(new double[] {1, sell}, 2, 0)),
        "a keyword code where a number is expected");
    assertTrue(Double.isNaN(SUM.textAsNumber(0, "C")), "no fast path, no numeric form");
  }

  @Test
  void functionsWithoutFastPathStillAnswerNumericCalls() {
    assertEquals(3.0, SUM.invokeNumeric(new double[] {3}, 1, 0), 0.0);
    assertEquals(ExcelError.NA, ExcelError.fromNaN(SUM.invokeNumeric(new double[] {ExcelError.NA.asNaN()}, 1, 0)));
  }

  @Test
  void describesItself() {
    assertEquals("TEST.SCALE(type, x, [factor], [side])", SCALE.toString());
    assertEquals(List.of("type", "x", "factor", "side"), SCALE.arguments().stream().map(Argument::name).toList());
    assertEquals("multiplier; default 2", SCALE.arguments().get(2).help());
    assertEquals("2", SCALE.arguments().get(2).defaultValue());
    assertEquals(ArgKind.NUMBER_OR_TEXT, SCALE.arguments().get(0).kind());
    assertEquals(ArgKind.TEXT, SCALE.arguments().get(3).kind());
    assertEquals(ResultShape.SCALAR, SCALE.resultShape());
  }
}
