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
