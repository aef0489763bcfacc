package org.gammaxl.sheet;

/**
 * The two kinds of nothing a host passes: an argument the user left out, and a blank cell inside
 * a range. The catalogue treats MISSING as "take the default" and skips BLANK where a series is
 * expected; a BLANK where a value is required is an error.
 */
public enum Empty {
  /** The argument was omitted (Excel xltypeMissing, POI MissingArgEval, UNO void). */
  MISSING,
  /** A blank cell (Excel xltypeNil, POI BlankEval). */
  BLANK
}
