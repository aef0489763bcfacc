package org.gammaxl.sheet;

import java.util.logging.Level;

/** Silences the catalogue's log during tests that provoke errors on purpose. */
final class QuietLog {
  private QuietLog() {
  }

  static void on() {
    Diagnostics.LOG.setLevel(Level.OFF);
  }

  static void off() {
    Diagnostics.LOG.setLevel(null);
  }
}
