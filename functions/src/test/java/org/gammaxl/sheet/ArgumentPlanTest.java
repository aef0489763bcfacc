package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The argument plan reads a call exactly as {@link Param}'s rules read it one argument at a time, or
 * declines and leaves the numbers as they were: it never accepts what the rules reject, never reads a
 * number differently, and it does read the common calls.
 */
class ArgumentPlanTest {
  private static final Keyword SIDE = Keyword.of(Map.of("BUY", 1.0, "SELL", -1.0));

  /** One parameter of every kind that has a numeric form, required ones first. */
  private static final List<Param> PARAMS = List.of(
      Param.keyword("type", "C or P", Keyword.optionType()),
      Param.number("spot", "a number"),
      Param.date("expiry", "a date"),
      Param.bool("long", "TRUE or FALSE").optional(1, "TRUE"),
      Param.keyword("side", "BUY or SELL", SIDE).optional("SELL"),
      Param.number("rate", "a number").optional(0.05));

  private static final ArgumentPlan PLAN = ArgumentPlan.of(PARAMS);

  /** Numbers a host may pass anywhere: good and bad for each kind, errors, keyword codes. */
  private static final double[] POOL = {
    0.0, -0.0, 1, -1, 2, 0.5, -3, 45000.25, 2_958_465.9, 2_958_466, -Double.MAX_VALUE, Double.MAX_VALUE,
    Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    ExcelError.NA.asNaN(), ExcelError.DIV0.asNaN(), Keyword.asNaN(0), Keyword.asNaN(1), Keyword.asNaN(-1)
  };

  /** A good call: call, spot 100, expiry 45000, short, BUY (code 1), rate 3%. */
  private static double[] goodCall() {
    return new double[] {1, 100, 45000, 0, Keyword.asNaN(1), 0.03};
  }

  @Test
  void readsTheCommonCallInPlace() {
    double[] a = goodCall();
    assertTrue(PLAN.read(a, 6, 0));
    assertArrayEquals(new double[] {1, 100, 45000, 0, 1, 0.03}, a, 0.0, "the keyword code decoded, the rest as given");
  }

  @Test
  void writesTheDefaultsOfMissingOptionalArguments() {
    double[] a = {-1, 100, 45000, 777, 777, 777};
    assertTrue(PLAN.read(a, 3, 0));
    assertArrayEquals(new double[] {-1, 100, 45000, 1, -1, 0.05}, a, 0.0, "TRUE, SELL, 0.05");
    double[] b = {-1, 100, 45000, 0, 777, 0.01};
    assertTrue(PLAN.read(b, 6, 0b010000));
    assertArrayEquals(new double[] {-1, 100, 45000, 0, -1, 0.01}, b, 0.0);
    double[] c = {1, 100, 45000, Double.NaN, ExcelError.NA.asNaN(), Keyword.asNaN(3)};
    assertTrue(PLAN.read(c, 6, 0b111000), "what missing positions hold is ignored");
    assertArrayEquals(new double[] {1, 100, 45000, 1, -1, 0.05}, c, 0.0);
  }

  @Test
  void declinesWhatOnlyTheArgumentRulesCanReport() {
    assertDeclines(new double[] {1, 100, 45000}, 2, 0, "expiry is required but not passed");
    assertDeclines(goodCall(), 6, 0b10, "spot is required but missing");
    assertDeclines(goodCall(), 7, 0, "too many arguments");
    double[] bad = goodCall();
    bad[1] = ExcelError.NA.asNaN();
    assertDeclines(bad, 6, 0, "an Excel error");
    bad = goodCall();
    bad[0] = 2;
    assertDeclines(bad, 6, 0, "2 is not an option type");
    bad = goodCall();
    bad[1] = Keyword.asNaN(1);
    assertDeclines(bad, 6, 0, "a keyword code for a number");
    bad = goodCall();
    bad[3] = 2;
    assertDeclines(bad, 6, 0, "a boolean 2 is read as TRUE, which is 1: not as it is");
    bad = goodCall();
    bad[2] = 2_958_466;
    assertDeclines(bad, 6, 0, "after 9999-12-31");
    bad = goodCall();
    bad[4] = 1;
    assertDeclines(bad, 6, 0, "side has no numeric form");
  }

  /** Every single position given every number of the pool, the others good: the plan agrees with the rules. */
  @Test
  void agreesWithTheArgumentRulesOnEveryNumberInEveryPosition() {
    int read = 0;
    for (int i = 0; i < PARAMS.size(); i++) {
      for (double x : POOL) {
        double[] a = goodCall();
        a[i] = x;
        read += check(a, 6, 0) ? 1 : 0;
      }
    }
    assertTrue(read > 20, "the plan reads the good numbers itself, read " + read);
  }

  /** Random calls from the pool with random counts and missing masks (fixed seed). */
  @Test
  void agreesWithTheArgumentRulesOnRandomCalls() {
    SplittableRandom random = new SplittableRandom(20261124);
    int read = 0;
    for (int n = 0; n < 20_000; n++) {
      double[] a = goodCall();
      for (int i = 0; i < a.length; i++) {
        if (random.nextInt(3) == 0) {
          a[i] = POOL[random.nextInt(POOL.length)];
        }
      }
      int count = random.nextInt(8) == 0 ? random.nextInt(8) : 6;
      long missing = random.nextInt(4) == 0 ? random.nextLong() & 0xFF : 0;
      read += check(a, count, missing) ? 1 : 0;
    }
    assertTrue(read > 1000, "read " + read);
  }

  /** The by-value reading of the XLL's upcall gives the same numbers for the same calls, straight from registers. */
  @Test
  void readsByValueExactlyWhatItReadsInPlace() {
    double[] a = goodCall();
    long lacking = PLAN.lackingByValue(6, 0);
    assertEquals(0, lacking);
    double[] b = readByValue(a, 6, 0);
    assertArrayEquals(new double[] {1, 100, 45000, 0, 1, 0.03}, b, 0.0, "the keyword code decoded, the rest as given");
    assertArrayEquals(new double[] {-1, 100, 45000, 1, -1, 0.05}, readByValue(new double[] {-1, 100, 45000}, 3, 0),
        0.0, "the defaults of the three left out");
    assertEquals(null, readByValue(goodCall(), 6, 0b10), "spot is required");
    assertEquals(-1, ArgumentPlan.of(List.of(new Param[] {
        Param.number("a", ""), Param.number("b", ""), Param.number("c", ""), Param.number("d", ""),
        Param.number("e", ""), Param.number("f", ""), Param.number("g", ""), Param.number("h", ""),
        Param.number("i", "")})).lackingByValue(9, 0), "nine positions are read from memory");
  }

  private static void assertDeclines(double[] a, int count, long missing, String why) {
    assertFalse(check(a, count, missing), why);
  }

  /**
   * Reads {@code a} with the plan and, on a copy, with the rules; asserts that they agree.
   *
   * @return whether the plan read the call
   */
  private static boolean check(double[] a, int count, long missing) {
    double[] given = a.clone();
    double[] expected = readByTheRules(a.clone(), count, missing);
    double[] byValue = readByValue(a, count, missing);
    boolean read = PLAN.read(a, count, missing);
    String where = java.util.Arrays.toString(given) + " count=" + count + " missing=" + Long.toBinaryString(missing);
    assertEquals(read, byValue != null, "by value reads the same calls: " + where);
    if (!read) {
      for (int i = 0; i < a.length; i++) {
        assertEquals(Double.doubleToRawLongBits(given[i]), Double.doubleToRawLongBits(a[i]),
            "a declined call keeps its numbers: " + where);
      }
      return false;
    }
    assertTrue(expected != null, "the plan read a call the rules reject: " + where);
    for (int i = 0; i < a.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(a[i]),
          "position " + i + " of " + where);
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(byValue[i]),
          "by value, position " + i + " of " + where);
    }
    return true;
  }

  /**
   * The plan's by-value reading of the first eight numbers (as {@code SheetFunction.invokeValues} does it, each
   * position by itself): the numbers of the plan's positions, or {@code null} when it declines the call.
   */
  private static double[] readByValue(double[] a, int count, long missing) {
    long lacking = PLAN.lackingByValue(count, missing);
    if (lacking == -1) {
      return null;
    }
    long filled = PLAN.filled(lacking);
    double[] b = new double[8];
    for (int i = 0; i < 8; i++) {
      b[i] = PLAN.fill(i, i < a.length ? a[i] : 777, filled, lacking);
      if (!Double.isFinite(b[i])) {
        return null;
      }
      if (i >= PLAN.size()) {
        assertEquals(0.0, b[i], "past the last position");
      }
    }
    return java.util.Arrays.copyOf(b, PLAN.size());
  }

  /** The rules, one argument at a time ({@code SheetFunction}'s careful reading); {@code null} on any problem. */
  private static double[] readByTheRules(double[] a, int count, long missing) {
    if (count > PARAMS.size()) {
      return null;
    }
    try {
      for (int i = 0; i < PARAMS.size(); i++) {
        Param p = PARAMS.get(i);
        if (i >= count || (missing & (1L << i)) != 0) {
          a[i] = p.missingNumber(false);
        } else if (ExcelError.fromNaN(a[i]) != null) {
          return null;
        } else {
          a[i] = p.fromFastNumber(a[i]);
        }
      }
      return a;
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
