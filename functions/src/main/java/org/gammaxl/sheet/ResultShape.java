package org.gammaxl.sheet;

/** The shape of what a worksheet function returns. */
public enum ResultShape {
  /** One value. */
  SCALAR,
  /** An array ({@code Object[][]}), entered as an array formula or spilled. */
  ARRAY
}
