/**
 * The worksheet function catalogue and the contract every spreadsheet host follows.
 *
 * <h2>Host-neutral values</h2>
 * A host converts each argument into one of: {@link java.lang.Double} (numbers and dates as Excel
 * serial numbers), {@link java.lang.Boolean}, {@link java.lang.String}, {@link org.gammaxl.sheet.ExcelError},
 * {@link org.gammaxl.sheet.Empty}, or a rectangular {@code Object[][]} (rows × columns) of those scalars
 * for a range or array. References are converted to values by the host. A function returns one of
 * Double, Boolean, String, ExcelError or {@code Object[][]}; it never throws.
 *
 * <h2>Coercion and errors</h2>
 * {@link org.gammaxl.sheet.Param} holds the rules every host shares (numbers, booleans, keywords,
 * Excel serial dates, series and tables, defaults, error propagation); {@link org.gammaxl.sheet.SheetFunction}
 * binds a description to its implementation and maps {@link org.gammaxl.InvalidInputException} kinds to
 * {@code #NUM!}, {@code #VALUE!} and {@code #N/A}. {@link org.gammaxl.sheet.Diagnostics} keeps the reason of
 * every error (per thread, and through {@code GX.ERROR}) and logs it, rate-limited.
 *
 * <h2>The numeric fast path</h2>
 * When {@link org.gammaxl.sheet.WorksheetFunction#numericFastPath()} is true and every argument of a call
 * is a number or missing, a host may call {@link org.gammaxl.sheet.WorksheetFunction#invokeNumeric} with a
 * per-thread {@code double[]} at least as long as the argument list; it allocates nothing and returns the
 * same value or error as {@code invoke}. Text that has a numeric form here — keywords such as "C" or
 * "BLACK76", ISO dates — is converted first with {@link org.gammaxl.sheet.WorksheetFunction#textAsNumber}
 * (an untagged NaN back means: use {@code invoke}). Booleans, blanks, other text and ranges go through
 * {@code invoke}; a blank given for an optional argument may instead be passed as missing.
 * Each function reads the common call through its argument plan ({@code ArgumentPlan}), worked out once
 * from its parameters (a few mask operations and one finiteness sum per call); anything the plan does not
 * take as it is goes through the parameters' rules one argument at a time, which give the same numbers
 * and name the first problem. Missing positions should hold 0 (any NaN there only costs that detour).
 *
 * <p>{@code docs/functions.md} is generated from the catalogue by {@link org.gammaxl.sheet.FunctionReference}.
 */
package org.gammaxl.sheet;
