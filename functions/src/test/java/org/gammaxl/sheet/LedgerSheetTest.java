package org.gammaxl.sheet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the ledger functions' tests share: the catalogue's log silenced (they provoke errors on purpose), a call
 * through the standard catalogue as a host makes it, and a column range of numbers.
 */
abstract class LedgerSheetTest {
  @BeforeAll
  static void quiet() {
    QuietLog.on();
  }

  @AfterAll
  static void loud() {
    QuietLog.off();
  }

  static Object call(String name, Object... args) {
    return Catalogue.standard().find(name).orElseThrow().invoke(args);
  }

  static Object[][] column(double... values) {
    Object[][] a = new Object[values.length][1];
    for (int i = 0; i < values.length; i++) {
      a[i][0] = values[i];
    }
    return a;
  }
}
