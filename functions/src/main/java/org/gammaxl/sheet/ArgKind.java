package org.gammaxl.sheet;

/** What a worksheet argument accepts; the conversion rules are the same in every host. */
public enum ArgKind {
  /** A number (a one-cell range is accepted). */
  NUMBER,
  /** TRUE/FALSE, or a number (0 = false). */
  BOOLEAN,
  /** A text keyword, matched case-insensitively. */
  TEXT,
  /** An Excel serial date-time (1900 system, fractional days for time of day). */
  DATE,
  /** A number or a keyword, e.g. option type "C"/"PUT"/1/−1. */
  NUMBER_OR_TEXT,
  /** A 1-D or 2-D range of numbers read as a series; blank cells are skipped. */
  SERIES,
  /** A 2-D range of any values, e.g. a two-column name/value settings table. */
  TABLE
}
