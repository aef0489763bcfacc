package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Calls catalogue functions as a worksheet does, for the tests of the sheet functions. As a JUnit extension
 * ({@code @ExtendWith(SheetCalls.class)}) it silences the catalogue's log for the test class ({@link QuietLog}), since
 * those tests provoke errors on purpose.
 */
final class SheetCalls implements BeforeAllCallback, AfterAllCallback {
  private static final Catalogue C = Catalogue.standard();

  @Override
  public void beforeAll(ExtensionContext context) {
    QuietLog.on();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    QuietLog.off();
  }

  /** The function's result for these host-neutral arguments. */
  static Object call(String name, Object... args) {
    return C.find(name).orElseThrow().invoke(args);
  }

  /** The function's result, which must be a number (the failure says what it was and why). */
  static double number(String name, Object... args) {
    Object r = call(name, args);
    assertTrue(r instanceof Double, name + " returned " + r + " " + Diagnostics.lastFailure());
    return (Double) r;
  }

  /** The logged reason of the last error. */
  static String reason() {
    return Diagnostics.lastFailure().get().reason();
  }

  /** A one-column range. */
  static Object[][] column(double... x) {
    Object[][] c = new Object[x.length][1];
    for (int i = 0; i < x.length; i++) {
      c[i][0] = x[i];
    }
    return c;
  }
}
