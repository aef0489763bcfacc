package org.gammaxl.sheet;

import java.util.List;

/** Worksheet functions of this domain; bound as their implementations land. */
final class HedgeFunctions {
  private HedgeFunctions() {
  }

  static List<SheetFunction> functions() {
    return List.of();
  }
}
