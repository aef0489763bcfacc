package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a Java 22+ runtime the shim crosses into Java on the numeric fast path through a
 * foreign-function upcall stub instead of JNI. The same calls, the same threads and the same
 * open/close cycles as {@link HostIT} must give the same results on that crossing, and the log must
 * say which crossing was taken. {@code calls = jni} in gammaxl.cfg keeps JNI on such a runtime.
 *
 * <p>Skipped (and reported so) when the machine has no Java 22+: set {@code gammaxl.jdk.upcall} or
 * install one under {@code /usr/lib/jvm}.
 */
class UpcallIT {
  private static String jdk;

  @TempDir Path dir;

  @BeforeAll
  static void findJava22() throws Exception {
    Optional<String> found = Host.upcallJdk();
    System.out.println("[UpcallIT] Java 22+ runtime: " + found.orElse("none found; the upcall tests are skipped"));
    jdk = found.orElse(null);
  }

  private static List<CallPlan.Call> calls(boolean test) {
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(HostIT.functions(test)));
    calls.addAll(KeywordCalls.of(HostIT.functions(test)));
    if (test) {
      calls.addAll(TestCalls.extra(HostIT.functions(test)));
    }
    return calls;
  }

  /** Runs every planned call on the Java 22+ runtime, checks each against the Java API, returns the log. */
  private String everyCallEqualsTheJavaApi(boolean test, String... config) throws Exception {
    assumeTrue(jdk != null, "no Java 22+ runtime on this machine");
    Path module = Host.addinFolder(dir, "linux", test, jdk, config);
    List<CallPlan.Call> calls = calls(test);
    List<String> out = Host.linux("linux", module, Map.of(), "calls", Host.callFile(dir, calls).toString(), "30");
    HostIT.assertEveryCallEqualsTheJavaApiOnTheRightPath(out, calls);
    return log();
  }

  private String log() throws Exception {
    return Files.readString(dir.resolve("gammaxl.log"));
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void everyCallThroughTheUpcallEqualsTheJavaApi(boolean test) throws Exception {
    String log = everyCallEqualsTheJavaApi(test);
    assertTrue(log.contains("fast calls by foreign-function upcall"), log);
    assertTrue(log.contains("[java] calls: foreign-function upcall (Java "), log);
  }

  @Test
  void severalThreadsAtOnceGetTheSameResultsThroughTheUpcall() throws Exception {
    assumeTrue(jdk != null, "no Java 22+ runtime on this machine");
    Path module = Host.addinFolder(dir, "linux", false, jdk);
    Path file = Host.callFile(dir, calls(false));
    String[] t = Host.line(Host.linux("linux", module, Map.of(), "threads", file.toString(), "4", "2"), "THREADS");
    System.out.println("[UpcallIT] " + String.join(" ", t));
    assertEquals("0", Host.field(t, "mismatches"));
    assertTrue(Long.parseLong(Host.field(t, "calls")) > 0);
    assertTrue(log().contains("fast calls by foreign-function upcall"));
  }

  @Test
  void opensClosesAndReopensOnTheUpcall() throws Exception {
    assumeTrue(jdk != null, "no Java 22+ runtime on this machine");
    Path module = Host.addinFolder(dir, "linux", true, jdk);
    Path file = Host.callFile(dir, calls(true));
    HostIT.assertEveryCycleReadyAndRight(Host.linux("linux", module, Map.of(), "cycles", file.toString(), "3"), 3);
    String log = log();
    assertEquals(3, log.split("fast calls by foreign-function upcall", -1).length - 1, log);
  }

  @Test
  void callsEqualsJniKeepsJniOnANewRuntime() throws Exception {
    String log = everyCallEqualsTheJavaApi(true, "calls = jni");
    assertTrue(log.contains("fast calls by JNI"), log);
    assertTrue(log.contains("[java] calls: JNI (calls = jni in gammaxl.cfg)"), log);
  }

  @Test
  void java17CallsByJni() throws Exception {
    Path module = Host.addinFolder(dir, "linux", true);
    Path file = Host.callFile(dir, calls(true).subList(0, 1));
    Host.linux("linux", module, Map.of(), "calls", file.toString(), "30");
    String log = log();
    if (Runtime.version().feature() < 22) {
      assertTrue(log.contains("fast calls by JNI"), log);
      assertTrue(log.contains("has no foreign-function API; 22 or later has"), log);
    } else {
      assertTrue(log.contains("fast calls by foreign-function upcall"), log);
    }
  }
}
