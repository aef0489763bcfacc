package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Linux test host loads the Linux build of the shim exactly as Excel loads the .xll and plays
 * Excel's part through the C API. Each test runs twice: against the catalogue (whatever it holds)
 * and against {@link TestFunctions}, which exercises every marshalling path.
 */
class HostIT {
  @TempDir Path dir;

  static List<WorksheetFunction> functions(boolean test) {
    return test ? new TestFunctions().get() : Catalogue.standard().functions();
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void registersEveryFunctionWithItsTypeTextCategoryAndHelp(boolean test) throws Exception {
    Path module = Host.addinFolder(dir, "linux", test);
    List<String> out = Host.linux("linux", module, Map.of(), "register");
    List<WorksheetFunction> fs = functions(test);
    String meta = Files.readString(dir.resolve("gammaxl.meta"));
    int count = Integer.parseInt(meta.lines().filter(l -> l.startsWith("COUNT\t")).findFirst().orElseThrow().substring(6));
    assertEquals(fs.size(), count, "metadata beside the module is stale");
    assertEquals("rc=1", Host.line(out, "OPEN")[1]);
    assertEquals("registered=" + count, Host.line(out, "OPEN")[2]);
    List<String[]> regs = out.stream().filter(l -> l.startsWith("REG\t")).map(l -> l.split("\t", -1)).toList();
    assertEquals(count, regs.size());
    for (int i = 0; i < count; i++) {
      Registration r = Registration.of(fs.get(i));
      String[] g = regs.get(i);
      // REG, procedure, type text, function text, argument text, macro type, category, shortcut, help topic, help, arg help…
      assertTrue(g[1].matches("gx\\d\\d_\\d\\d"), g[1]);
      assertEquals(String.format("gx%02d_", r.arity()), g[1].substring(0, 5), "stub arity for " + r.name());
      assertEquals(r.typeText(), g[2]);
      assertEquals(fs.get(i).name(), g[3]);
      assertEquals(r.argumentText(), g[4]);
      assertEquals("1", g[5]);
      assertEquals(r.category(), g[6]);
      assertEquals("", g[7]);
      assertEquals("", g[8]);
      assertEquals(r.functionHelp(), g[9]);
      assertEquals(r.arity(), g.length - 10, "one help string per argument of " + r.name());
      for (int k = 0; k < r.arity(); k++) {
        assertEquals(r.argumentHelp().get(k), g[10 + k]);
      }
      assertEquals(fs.get(i).threadSafe(), g[2].endsWith("$"), "thread-safe mark of " + r.name());
      assertEquals(fs.get(i).isVolatile(), g[2].contains("!"), "volatile mark of " + r.name());
      for (String field : g) {
        assertTrue(field.length() <= 255, "longer than 255: " + field);
      }
    }
    assertEquals("0", Host.line(out, "BADREGISTER")[1]);
    String[] close = Host.line(out, "CLOSE");
    assertEquals(String.valueOf(count), Host.field(close, "unregistered"));
    assertEquals(String.valueOf(count), Host.field(close, "names_deleted"));
    assertEquals("0", Host.field(close, "still_registered"));
    assertEquals("0", Host.field(close, "excel_allocs"), "xlGetName result not freed with xlFree");
    assertTrue(out.stream().noneMatch(l -> l.startsWith("ALERT")), "no alert when Java is found");
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void everyCallThroughItsStubEqualsTheJavaApi(boolean test) throws Exception {
    Path module = Host.addinFolder(dir, "linux", test);
    List<WorksheetFunction> fs = functions(test);
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(fs));
    calls.addAll(KeywordCalls.of(fs));
    if (test) {
      calls.addAll(TestCalls.extra(fs));
    }
    Path file = Host.callFile(dir, calls);
    List<String> out = Host.linux("linux", module, Map.of(), "calls", file.toString(), "30");
    assertEveryCallEqualsTheJavaApiOnTheRightPath(out, calls);
  }

  /**
   * Each result equals the Java API's, and each call took the path the bridge's answers imply: the
   * numeric fast path when every argument is a number, missing, or text with a numeric form.
   */
  static void assertEveryCallEqualsTheJavaApiOnTheRightPath(List<String> out, List<CallPlan.Call> calls) {
    if (!calls.isEmpty()) {
      String[] early = Host.line(out, "EARLY");
      if (early[1].equals("1") && early[3].equals("1")) {
        assertEquals("e:42", early[2], "a call before the JVM is ready returns #N/A");
      }
      System.out.println("[HostIT] " + String.join(" ", Host.line(out, "FIRST")));
    }
    assertEquals("2", Host.line(out, "STATUS")[1], "JVM ready");
    List<String> res = out.stream().filter(l -> l.startsWith("RES\t")).toList();
    assertEquals(calls.size(), res.size());
    List<String> paths = out.stream().filter(l -> l.startsWith("PATH\t")).toList();
    assertEquals(calls.size(), paths.size());
    int mismatches = 0;
    int wrongPaths = 0;
    int textFast = 0;
    StringBuilder report = new StringBuilder();
    for (String line : paths) {
      String[] t = line.split("\t", -1);
      CallPlan.Call c = calls.get(Integer.parseInt(t[1]));
      int expected = KeywordCalls.expectedPath(c);
      textFast += expected == 2 ? 1 : 0;
      if (expected != Integer.parseInt(t[2])) {
        wrongPaths++;
        if (report.length() < 4000) {
          report.append(Tokens.callLine(c.function().name(), c.args())).append("\n  path ").append(t[2])
              .append(", expected ").append(expected).append('\n');
        }
      }
    }
    for (String line : res) {
      String[] t = line.split("\t", -1);
      int i = Integer.parseInt(t[1]);
      String[] tokens = Arrays.copyOfRange(t, 2, t.length);
      int[] pos = {0};
      Object got = Tokens.decode(tokens, pos);
      assertEquals(tokens.length, pos[0], "trailing tokens in " + line);
      CallPlan.Call c = calls.get(i);
      Object expected = javaApi(c);
      if (!Arrays.deepEquals(new Object[] {expected}, new Object[] {got})) {
        mismatches++;
        if (report.length() < 4000) {
          report.append(Tokens.callLine(c.function().name(), c.args())).append("\n  host: ")
              .append(TestFunctions.describe(got)).append("\n  java: ").append(TestFunctions.describe(expected)).append('\n');
        }
      }
    }
    assertEquals(0, mismatches + wrongPaths, report::toString);
    String[] counters = Host.line(out, "COUNTERS");
    System.out.println("[HostIT] " + String.join(" ", counters));
    assertEquals(textFast > 0, Long.parseLong(Host.field(counters, "numeric_text")) > 0, String.join(" ", counters));
    String[] repeat = Host.line(out, "REPEAT");
    assertEquals("differ=0", repeat[1]);
    assertEquals("alerts=0", repeat[2]);
    assertEquals("0", Host.field(Host.line(out, "CLOSE"), "still_registered"));
  }

  @org.junit.jupiter.api.Test
  void theTextCacheIsBoundedAndEvictsWithoutChangingAnyResult() throws Exception {
    Path module = Host.addinFolder(dir, "linux", false);
    WorksheetFunction delta = TestCalls.find(functions(false), "GX.DELTA");
    List<CallPlan.Call> calls = KeywordCalls.manySpellings(delta, 300);
    Path file = Host.callFile(dir, calls);
    List<String> out = Host.linux("linux", module, Map.of(), "calls", file.toString(), "30");
    assertEveryCallEqualsTheJavaApiOnTheRightPath(out, calls);
    assertTrue(out.stream().filter(l -> l.startsWith("PATH\t")).allMatch(l -> l.endsWith("\t2")), "all on the fast path");
    String[] counters = Host.line(out, "COUNTERS");
    // 300 distinct texts, each call made three times (answer, repeat, repeat) plus the early and first calls
    assertTrue(Long.parseLong(Host.field(counters, "text_misses")) >= 300, String.join(" ", counters));
    assertTrue(Long.parseLong(Host.field(counters, "text_evictions")) >= 300 - 64, String.join(" ", counters));
  }

  /** What the Java API gives for a call, in the form the bridge hands to Excel. */
  static Object javaApi(CallPlan.Call c) {
    try {
      return XllBridge.normalize(c.function().invoke(c.args().clone()));
    } catch (RuntimeException e) { // only the test functions break the never-throw contract
      return XllBridge.errorFor(e);
    }
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void severalThreadsAtOnceGetTheSameResults(boolean test) throws Exception {
    Path module = Host.addinFolder(dir, "linux", test);
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(functions(test)));
    calls.addAll(KeywordCalls.of(functions(test)));
    Path file = Host.callFile(dir, calls);
    List<String> out = Host.linux("linux", module, Map.of(), "threads", file.toString(), "4", "2");
    String[] t = Host.line(out, "THREADS");
    System.out.println("[HostIT] " + String.join(" ", t));
    assertEquals("0", Host.field(t, "mismatches"));
    if (calls.stream().anyMatch(c -> c.function().threadSafe())) {
      assertTrue(Long.parseLong(Host.field(t, "calls")) > 0);
    }
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void opensClosesAndReopensWithoutLeakingRegistrations(boolean test) throws Exception {
    Path module = Host.addinFolder(dir, "linux", test);
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(functions(test)));
    calls.addAll(KeywordCalls.of(functions(test)));
    Path file = Host.callFile(dir, calls);
    List<String> out = Host.linux("linux", module, Map.of(), "cycles", file.toString(), "3");
    assertEveryCycleReadyAndRight(out, 3);
    for (String c : out.stream().filter(l -> l.startsWith("CLOSE\t")).toList()) {
      String[] f = c.split("\t");
      assertEquals("0", Host.field(f, "still_registered"), c);
      assertEquals("0", Host.field(f, "names_left"), c);
      assertEquals("0", Host.field(f, "excel_allocs"), c);
    }
  }

  /** The host's {@code cycles} output: {@code n} openings, each with the JVM ready and every call right. */
  static void assertEveryCycleReadyAndRight(List<String> out, int n) {
    List<String> cycles = out.stream().filter(l -> l.startsWith("CYCLE\t")).toList();
    assertEquals(n, cycles.size());
    for (String c : cycles) {
      String[] f = c.split("\t");
      assertEquals("2", Host.field(f, "status"), c);
      assertEquals("0", Host.field(f, "mismatches"), c);
    }
  }

  @org.junit.jupiter.api.Test
  void errorsAreLoggedWithFunctionAndArguments() throws Exception {
    Path module = Host.addinFolder(dir, "linux", true);
    List<WorksheetFunction> fs = functions(true);
    WorksheetFunction thrower = fs.stream().filter(f -> f.name().equals("TEST.THROW")).findFirst().orElseThrow();
    Path file = Host.callFile(dir, List.of(new CallPlan.Call(thrower, new Object[] {3.0})));
    List<String> out = Host.linux("linux", module, Map.of(), "calls", file.toString(), "30");
    assertEquals("e:" + ExcelError.VALUE.code(), Host.line(out, "RES")[2]);
    String log = Files.readString(dir.resolve("gammaxl.log"));
    assertTrue(log.contains("runtime: " + Host.JDK), log);
    assertTrue(log.contains("TEST.THROW(3.0) threw java.lang.IllegalStateException: always fails -> #VALUE!"), log);
  }
}
