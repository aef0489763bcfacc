package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gammaxl.InvalidInputException;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XllBridgeTest {
  @TempDir Path dir;

  XllBridge bridge() {
    var fs = new TestFunctions().get();
    return new XllBridge(fs, new BridgeLog(dir.resolve("gammaxl.log").toString(), fs.size()));
  }

  @Test
  void bindsNamesCaseInsensitivelyWithExcelsStoredPrefix() {
    XllBridge b = bridge();
    assertEquals(1, b.indexOf("TEST.ADD"));
    assertEquals(1, b.indexOf("_xll.test.add"));
    assertEquals(-1, b.indexOf("GX.NOPE"));
  }

  @Test
  void theNumericPathReturnsNumbersAndTaggedErrors() {
    XllBridge b = bridge();
    double[] args = {1.5, 2.0};
    assertEquals(3.5, b.numeric(1, args, 2, 0L));
    assertEquals(2.5, b.numeric(1, args, 2, 0b10L), "a missing second argument takes its default");
    assertEquals(ExcelError.NUM, ExcelError.fromNaN(b.numeric(1, new double[] {-1, 0}, 2, 0L)));
    assertEquals(ExcelError.VALUE, ExcelError.fromNaN(b.numeric(1, args, 2, 0b01L)));
  }

  @Test
  void noExceptionCrossesTheBridgeAndEachIsLoggedWithItsArguments() throws Exception {
    XllBridge b = bridge();
    int thrower = b.indexOf("TEST.THROW");
    assertEquals(ExcelError.NUM, b.invoke(thrower, new Object[] {1.0}));
    assertEquals(ExcelError.NA, b.invoke(thrower, new Object[] {2.0}));
    assertEquals(ExcelError.VALUE, b.invoke(thrower, new Object[] {"x"}));
    String log = Files.readString(dir.resolve("gammaxl.log"));
    assertTrue(log.contains("TEST.THROW(1.0) threw " + InvalidInputException.class.getName() + ": x: must not be 1 -> #NUM!"), log);
    assertTrue(log.contains("TEST.THROW(\"x\") threw java.lang.IllegalStateException: always fails -> #VALUE!"), log);
  }

  @Test
  void errorsAreLoggedWithoutFlooding() throws Exception {
    XllBridge b = bridge();
    int thrower = b.indexOf("TEST.THROW");
    for (int i = 0; i < 1000; i++) {
      b.invoke(thrower, new Object[] {3.0});
    }
    long lines = Files.readAllLines(dir.resolve("gammaxl.log")).size();
    assertEquals(BridgeLog.FIRST_ERRORS, lines);
  }

  @Test
  void resultsAreNormalizedToWhatTheShimMarshals() {
    assertEquals(ExcelError.NA, XllBridge.normalize(null));
    assertEquals(ExcelError.NUM, XllBridge.normalize(Double.NaN));
    assertEquals(ExcelError.NUM, XllBridge.normalize(Double.POSITIVE_INFINITY));
    assertEquals(ExcelError.DIV0, XllBridge.normalize(ExcelError.DIV0.asNaN()));
    assertEquals(3.0, XllBridge.normalize(3));
    assertEquals(Empty.BLANK, XllBridge.normalize(Empty.MISSING));
    assertEquals(32_767, ((String) XllBridge.normalize("x".repeat(40_000))).length());
    assertArrayEquals(new Object[][] {{1.0, ExcelError.NA}, {"a", ExcelError.NUM}},
        (Object[][]) XllBridge.normalize(new Object[][] {{1.0}, {"a", Double.NaN}}), "jagged rows padded with #N/A");
    assertArrayEquals(new Object[][] {{1.0, 2.0}}, (Object[][]) XllBridge.normalize(new double[] {1, 2}));
    assertEquals(ExcelError.NA, XllBridge.normalize(new Object[0][]));
    assertEquals(ExcelError.VALUE, XllBridge.normalize(new StringBuilder("not a value")));
  }
}
