package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gammaxl.InvalidInputException;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;
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
  void slotCallsReadTheCallingThreadsBufferAndNeverThrow() throws Exception {
    String log = dir.resolve("slots.log").toString();
    System.setProperty(XllBridge.FUNCTIONS_PROPERTY, TestFunctions.class.getName());
    try {
      XllBridge.start(log);
    } finally {
      System.clearProperty(XllBridge.FUNCTIONS_PROPERTY);
    }
    int add = XllBridge.bind("TEST.ADD");
    ByteBuffer in = ByteBuffer.allocateDirect(64 * Double.BYTES).order(ByteOrder.nativeOrder());
    int slot = XllBridge.attach(in);
    in.putDouble(0, 1.5).putDouble(8, 2.0);
    assertEquals(3.5, XllBridge.callSlot(add, slot, 2, 0L));
    assertEquals(2.5, XllBridge.callSlot(add, slot, 2, 0b10L), "a missing second argument takes its default");
    assertEquals(3.5, XllBridge.callValues(add, slot, 2, 0L, 1.5, 2.0, 7, 7, 7, 7, 7, 7), "values past count are ignored");
    assertEquals(ExcelError.NUM, ExcelError.fromNaN(XllBridge.callValues(add, slot, 2, 0L, -1, 0, 0, 0, 0, 0, 0, 0)));
    assertEquals(ExcelError.VALUE, ExcelError.fromNaN(XllBridge.callSlot(add, slot + 1, 2, 0L)), "unknown slot");
    assertTrue(Files.readString(Path.of(log)).contains("fast call on slot " + (slot + 1) + " failed"));
    XllBridge.start(log); // a new opening forgets the buffers of the last one
    assertEquals(ExcelError.VALUE, ExcelError.fromNaN(XllBridge.callSlot(add, slot, 2, 0L)));
    assertEquals(0, XllBridge.upcall("jni"), "calls = jni refuses the upcall");
    if (Runtime.version().feature() < 22) {
      assertEquals(0, XllBridge.upcall("auto"), "Java 17-21 have no foreign-function upcall");
      assertEquals(0, XllBridge.upcallValues());
    } else {
      assertNotEquals(0, XllBridge.upcall("auto"));
      assertNotEquals(0, XllBridge.upcallValues());
    }
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

  static final long JAVA_NAN = Double.doubleToRawLongBits(Double.NaN);

  @Test
  void aVolSurfaceRangeTakesTheGeneralPathAndPlainNumbersStillTheFastOne() {
    var fs = Catalogue.standard().functions();
    XllBridge b = new XllBridge(fs, new BridgeLog(dir.resolve("surface.log").toString(), fs.size()));
    int price = b.indexOf("GX.PRICE");
    assertTrue(fs.get(price).numericFastPath(), "GX.PRICE keeps its numeric fast path");
    // what the shim's fast path calls with eight numbers (the vol a number): the same as the general path
    double fast = b.numericValues(price, new double[8], 7, 0L, 1.0, 100, 95, 0.5, 0.2, 0.03, 0.01, 0);
    assertEquals(b.invoke(price, new Object[] {"C", 100.0, 95.0, 0.5, 0.2, 0.03, 0.01}), fast);
    // a range (xltypeMulti) never reads as a number in the shim, so it reaches invoke as a table
    Object[][] surface = {{"YEARS", "A", "B", "RHO", "M", "SIGMA"}, {0.25, 0.01, 0.04, -0.5, 0.02, 0.08},
        {1.0, 0.04, 0.1, -0.4, 0.0, 0.1}};
    Object onSurface = b.invoke(price, new Object[] {"C", 100.0, 95.0, 0.5, surface, 0.03, 0.01});
    Object vol = TestCalls.find(fs, "GX.SVI.VOL").invoke(new Object[] {95.0, 100 * Math.exp(0.02 * 0.5), 0.5,
        0.01, 0.04, -0.5, 0.02, 0.08});
    assertTrue(onSurface instanceof Double && vol instanceof Double, onSurface + " " + vol);
    double x = (0.5 - 0.25) / 0.75;
    double k = Math.log(95 / (100 * Math.exp(0.02 * 0.5)));
    double w0 = 0.01 + 0.04 * (-0.5 * (k - 0.02) + Math.sqrt((k - 0.02) * (k - 0.02) + 0.0064));
    double w1 = 0.04 + 0.1 * (-0.4 * k + Math.sqrt(k * k + 0.01));
    double atVol = b.numericValues(price, new double[8], 7, 0L, 1.0, 100, 95, 0.5,
        Math.sqrt((w0 + x * (w1 - w0)) / 0.5), 0.03, 0.01, 0);
    assertEquals(atVol, (Double) onSurface, 1e-13);
  }

  @Test
  void keywordTextHasTheCataloguesNumericFormAndAnythingElseAsksForTheGeneralPath() {
    WorksheetFunction delta = TestCalls.find(Catalogue.standard().functions(), "GX.DELTA");
    assertEquals(1.0, XllBridge.numericForm(delta, 0, "C"));
    assertEquals(1.0, XllBridge.numericForm(delta, 0, "call"));
    assertEquals(-1.0, XllBridge.numericForm(delta, 0, "Put"));
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(XllBridge.numericForm(delta, 0, "X")), "unknown keyword");
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(XllBridge.numericForm(delta, 1, "100")), "text for the spot");
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(XllBridge.numericForm(delta, 99, "C")), "no such argument");
    double model = XllBridge.numericForm(delta, 7, "black76");
    assertTrue(Double.isNaN(model));
    assertNotEquals(JAVA_NAN, Double.doubleToRawLongBits(model), "a model keyword is a tagged code");
    // the fast path given those forms equals the general path given the text, bit for bit
    Object general = delta.invoke(new Object[] {"C", 100.0, 105.0, 0.5, 0.25, 0.03, 0.01, "BLACK76"});
    double fast = delta.invokeNumeric(new double[] {1.0, 100, 105, 0.5, 0.25, 0.03, 0.01, model}, 8, 0L);
    assertEquals(Double.doubleToRawLongBits((Double) general), Double.doubleToRawLongBits(fast));
  }

  @Test
  void theTextAnswerIsNeverAnExceptionOrAStrayNaN() throws Exception {
    XllBridge b = bridge();
    int add = b.indexOf("TEST.ADD");
    assertEquals(1.0, b.textNumber(add, 0, "ONE"));
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(b.textNumber(add, 1, "one")), "only the first argument");
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(b.textNumber(add, 0, "nan")), "an untagged NaN with a payload");
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(b.textNumber(add, 0, "boom")));
    assertEquals(JAVA_NAN, Double.doubleToRawLongBits(b.textNumber(b.indexOf("TEST.ECHO"), 0, "one")), "no fast path");
    String log = Files.readString(dir.resolve("gammaxl.log"));
    assertTrue(log.contains("TEST.ADD: textAsNumber(0, \"boom\") threw java.lang.IllegalStateException: textAsNumber fails"), log);
  }
}
