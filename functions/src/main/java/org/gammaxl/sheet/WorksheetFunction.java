package org.gammaxl.sheet;

import java.util.List;

/**
 * One catalogue entry: everything a host needs to register the function and to call it.
 * Implementations are immutable and thread-safe.
 */
public interface WorksheetFunction {

  /** The worksheet name, e.g. {@code GX.DELTA}. */
  String name();

  /** Function Wizard category, e.g. {@code GammaXL Greeks}. */
  String category();

  /** One-line description, at most 255 characters. */
  String description();

  /** The arguments in order. */
  List<Argument> arguments();

  /** Scalar or array result. */
  ResultShape resultShape();

  /** Whether Excel may call it on several calculation threads at once. */
  boolean threadSafe();

  /** Whether it recalculates on every calculation (Excel's {@code !}). */
  boolean isVolatile();

  /**
   * Calls the function with host-neutral values (see the package documentation). Never throws:
   * a bad argument yields the catalogue's {@link ExcelError} and the reason is logged.
   *
   * @param args one value per argument; fewer than {@link #arguments()} means the rest are missing
   */
  Object invoke(Object[] args);

  /**
   * Whether {@link #invokeNumeric} may be used: every argument can be given as a number (keywords
   * such as the option type also have numeric forms) and the result is a scalar number.
   */
  boolean numericFastPath();

  /**
   * The allocation-free path for calls whose arguments are all numbers or missing.
   *
   * @param args the numbers, one per argument position (entries for missing positions are ignored)
   * @param count how many positions the caller passed
   * @param missingMask bit i set when argument i is missing
   * @return the result, or an error as {@link ExcelError#asNaN()}
   */
  double invokeNumeric(double[] args, int count, long missingMask);

  /**
   * {@link #invokeNumeric} with the first eight arguments passed by value, for a host that holds them in
   * registers (the XLL's upcall): a function that can read them there computes without storing them to
   * memory and reading them back, which on a call that waits for its result is a few nanoseconds of a
   * few dozen. The same result and the same error as {@code invokeNumeric} for the same call.
   *
   * @param count how many positions the caller passed, at most 8
   * @param missingMask bit i set when argument i is missing
   * @param spill at least eight doubles this method may overwrite: where the arguments go when they are
   *     read from memory after all (by default always: they are copied there and passed to
   *     {@link #invokeNumeric}); when the result is an error it holds the arguments (as given or as read),
   *     for the caller's log
   * @param a0 argument 0 (any value where it is missing or past {@code count}); likewise {@code a1} … {@code a7}
   * @return the result, or an error as {@link ExcelError#asNaN()}
   */
  default double invokeValues(int count, long missingMask, double[] spill, double a0, double a1, double a2,
      double a3, double a4, double a5, double a6, double a7) {
    spill(spill, a0, a1, a2, a3, a4, a5, a6, a7);
    return invokeNumeric(spill, count, missingMask);
  }

  /** Writes {@code a0} … {@code a7} to {@code spill[0]} … {@code spill[7]} (for implementations of {@link #invokeValues}). */
  static void spill(double[] spill, double a0, double a1, double a2, double a3, double a4, double a5, double a6,
      double a7) {
    spill[0] = a0;
    spill[1] = a1;
    spill[2] = a2;
    spill[3] = a3;
    spill[4] = a4;
    spill[5] = a5;
    spill[6] = a6;
    spill[7] = a7;
  }

  /**
   * The numeric-path form of a text argument, so that calls such as {@code GX.DELTA("C", …)} or
   * {@code GX.PRICE(…, "BLACK76")} can still take {@link #invokeNumeric}: a keyword becomes its code
   * (the option type as +1/−1, other keywords as a tagged NaN that only {@code invokeNumeric}
   * reads), ISO date text its serial number.
   *
   * @param argument the argument position (0-based)
   * @param text the text the cell holds
   * @return the number to pass in {@code args[argument]}, or an untagged {@code NaN} when this text
   *     has no numeric form here (not a keyword of this argument, or an unknown one): then call
   *     {@link #invoke}, which also gives the reason of any error
   */
  default double textAsNumber(int argument, String text) {
    return Double.NaN;
  }
}
