package org.gammaxl.pricing;

import java.util.List;
import java.util.Map;

/** Reads the QuantLib American reference tables in src/test/resources/reference (header-keyed rows). */
final class AmericanReferenceTable {
  private AmericanReferenceTable() {
  }

  static List<Map<String, String>> read(String file) {
    return ReferenceTable.read("/reference/" + file);
  }

  static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  static OptionType type(Map<String, String> row) {
    return OptionType.valueOf(row.get("type").toUpperCase(java.util.Locale.ROOT));
  }
}
