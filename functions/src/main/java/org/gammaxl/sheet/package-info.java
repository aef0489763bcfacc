/**
 * The worksheet function catalogue and the contract every spreadsheet host follows.
 *
 * <h2>Host-neutral values</h2>
 * A host converts each argument into one of: {@link java.lang.Double} (numbers and dates as Excel
 * serial numbers), {@link java.lang.Boolean}, {@link java.lang.String}, {@link org.gammaxl.sheet.ExcelError},
 * {@link org.gammaxl.sheet.Empty}, or a rectangular {@code Object[][]} (rows × columns) of those scalars
 * for a range or array. References are converted to values by the host. A function returns one of
 * Double, Boolean, String, ExcelError or {@code Object[][]}; it never throws.
 */
package org.gammaxl.sheet;
