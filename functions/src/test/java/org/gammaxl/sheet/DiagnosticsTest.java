package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

  @Test
  void invalidInputKindsMapToTheirExcelErrors() {
    assertEquals(ExcelError.NUM, Diagnostics.errorOf(InvalidInputException.Kind.DOMAIN));
    assertEquals(ExcelError.VALUE, Diagnostics.errorOf(InvalidInputException.Kind.TYPE));
    assertEquals(ExcelError.NA, Diagnostics.errorOf(InvalidInputException.Kind.NOT_AVAILABLE));
  }

  @Test
  void aSheetOfBadCellsWritesAFewLinesNotThousands() {
    List<LogRecord> records = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    boolean parents = Diagnostics.LOG.getUseParentHandlers();
    Diagnostics.LOG.addHandler(h);
    Diagnostics.LOG.setUseParentHandlers(false);
    Diagnostics.LOG.setLevel(Level.INFO);
    try {
      for (int i = 0; i < 10_000; i++) {
        assertEquals(ExcelError.NUM, SheetFunctionTest.SCALE.invoke(new Object[] {"C", -1.0 - i}));
      }
    } finally {
      Diagnostics.LOG.removeHandler(h);
      Diagnostics.LOG.setUseParentHandlers(parents);
      Diagnostics.LOG.setLevel(null);
    }
    assertTrue(records.size() <= Diagnostics.LOG_PERMITS, records.size() + " lines");
    for (LogRecord r : records) {
      assertTrue(r.getMessage().startsWith("#NUM! TEST.SCALE: x: must be"), r.getMessage());
    }
    assertEquals("x: must be a finite number >= 0, was -10000.0", Diagnostics.lastFailure().get().reason());
  }

  @Test
  void lastFailureIsPerThreadAndClears() throws Exception {
    QuietLog.on();
    try {
      SheetFunctionTest.SCALE.invoke(new Object[] {"C", "x"});
      assertEquals(ExcelError.VALUE, Diagnostics.lastFailure().get().error());
      Thread t = new Thread(() -> assertTrue(Diagnostics.lastFailure().isEmpty()));
      t.start();
      t.join();
      Diagnostics.clear();
      assertTrue(Diagnostics.lastFailure().isEmpty());
    } finally {
      QuietLog.off();
    }
  }
}
