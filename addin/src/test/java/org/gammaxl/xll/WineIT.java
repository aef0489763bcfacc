package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gammaxl.sheet.Catalogue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mingw-built gammaxl64.xll itself, loaded under Wine by a mingw-built copy of the host through
 * {@code MdCallBack12} exported by the host executable, as Excel provides it, on a real 64-bit Windows
 * Java: the jlinked Temurin 17 runtime {@code scripts/install-deps} unpacks (system property
 * {@code gammaxl.windows.runtime}). The same calls as {@link HostIT} give the same values, bit for bit,
 * on one thread and on four, and after {@code xlAutoClose} and a second opening in the same process.
 * Without a usable Java (none, a configured folder that is missing, a 32-bit runtime) every call
 * returns #N/A after exactly one alert. A crash of the host (a JVM's included) fails the test.
 */
class WineIT {
  static final Path WIN = Host.NATIVE.resolve("win");
  static final Path PREFIX = Host.NATIVE.resolveSibling("wine-prefix");
  /** The Windows Java home: {@code scripts/install-deps} unpacks it there. */
  static final Path RUNTIME = Path.of(System.getProperty("gammaxl.windows.runtime",
      System.getProperty("user.home") + "/.cache/gammaxl/jre-win32-x64-1.1.8/jre"));

  @TempDir Path dir;

  @BeforeAll
  static void wineTheWindowsBuildAndAWindowsJava() throws Exception {
    if (!onPath("wine") || !onPath("x86_64-w64-mingw32-gcc") || !hasWindowsJava()) {
      // the project's script installs what is missing (Debian wine64, gcc-mingw-w64-x86-64, the runtime from npm)
      Path script = Path.of("").toAbsolutePath().resolveSibling("scripts").resolve("install-deps");
      if (Files.isExecutable(script)) {
        exec(List.of(script.toString()), Map.of(), 900);
      }
    }
    Assumptions.assumeTrue(onPath("wine"),
        "SKIPPED: wine could not be installed (scripts/install-deps installs Debian's wine64): the .xll was not loaded under Wine");
    if (!Files.exists(WIN.resolve("gammaxl64.xll"))) {
      exec(List.of("make", "-s", "OUT=" + Host.NATIVE, "JAVA_HOME=" + Host.JDK, "windows"), Map.of(), 600);
    }
    assertTrue(Files.exists(WIN.resolve("gammaxl64.xll")), "gammaxl64.xll not built");
    if (!Files.exists(PREFIX.resolve("system.reg"))) {
      exec(List.of("wineboot", "-i"), wineEnv(), 300); // once per build: ~15-60 s
    }
  }

  static boolean hasWindowsJava() {
    return Files.isRegularFile(RUNTIME.resolve("bin/server/jvm.dll"));
  }

  /** The tests on Windows Java need the runtime: in CI its absence is a failure, elsewhere a skip. */
  static void needWindowsJava() {
    if (!hasWindowsJava()) {
      String why = "no Windows Java runtime in " + RUNTIME + " (scripts/install-deps fetches it from npm)";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  static boolean onPath(String cmd) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, cmd))) {
        return true;
      }
    }
    return false;
  }

  /** The throw-away prefix under target/, no display, and no Java leaking in from Linux. */
  static Map<String, String> wineEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("WINEPREFIX", PREFIX.toAbsolutePath().toString());
    env.put("WINEDEBUG", "-all");
    env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
    env.put("JAVA_HOME", null); // the Wine world has no Java but the one a test names
    env.put("DISPLAY", null);
    return env;
  }

  static String exec(List<String> cmd, Map<String, String> env, long timeout) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(timeout, TimeUnit.SECONDS), "timed out: " + cmd);
    assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + out);
    return out;
  }

  /** A Linux path as the Windows side sees it (Wine's Z: drive). */
  static String win(Path p) {
    return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
  }

  /** The add-in folder as shipped: the .xll and the metadata, no config, no runtime. */
  Path shipped(String metadata) throws IOException {
    Files.copy(WIN.resolve("gammaxl64.xll"), dir.resolve("gammaxl64.xll"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(WIN.resolve("gxhost.exe"), dir.resolve("gxhost.exe"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Host.NATIVE.resolve(metadata), dir.resolve("gammaxl.meta"), StandardCopyOption.REPLACE_EXISTING);
    return dir.resolve("gammaxl64.xll");
  }

  /**
   * The add-in folder with gammaxl.cfg naming {@code runtime} (a Linux path, written as Wine's Z: path) and the
   * bridge's classes, like {@link Host#addinFolder} does for the Linux build.
   */
  Path withRuntime(boolean testFunctions, Path runtime) throws IOException {
    Path module = shipped(testFunctions ? "testfunctions.meta" : "gammaxl.meta");
    List<String> cp = new ArrayList<>(List.of(win(Path.of(System.getProperty("gammaxl.classes"))),
        win(Path.of(System.getProperty("gammaxl.test.classes")))));
    for (String dep : Files.readString(Host.NATIVE.resolve("runtime.classpath")).trim().split(":")) {
      cp.add(win(Path.of(dep)));
    }
    StringBuilder cfg = new StringBuilder("# written by WineIT\n");
    cfg.append("runtime = ").append(win(runtime)).append('\n');
    cfg.append("classpath = ").append(String.join(";", cp)).append('\n');
    cfg.append("option = -Xmx256m\n");
    cfg.append("option = -Xcheck:jni\n"); // the JVM reports any misuse of JNI by the shim
    if (testFunctions) {
      cfg.append("option = -D").append(XllBridge.FUNCTIONS_PROPERTY).append('=').append(TestFunctions.class.getName()).append('\n');
    }
    Files.writeString(dir.resolve("gammaxl.cfg"), cfg.toString());
    return module;
  }

  /** Runs the Windows host on the add-in folder; a crash, a timeout or a missing DONE line fails the test. */
  List<String> host(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wine", dir.resolve("gxhost.exe").toString(), win(dir.resolve("gammaxl64.xll"))));
    for (String a : args) {
      cmd.add(a.startsWith("/") ? win(Path.of(a)) : a);
    }
    List<String> out = Host.run(cmd, wineEnv(), 300, dir);
    try (var files = Files.list(dir)) {
      List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
      assertTrue(crashes.isEmpty(), () -> "the JVM crashed: " + crashes);
    }
    return out;
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("gammaxl.log"));
  }

  @Test
  void xlAutoOpenRegistersTheWholeCatalogueFromTheShippedMetadata() throws Exception {
    shipped("gammaxl.meta");
    List<String> out = host("register");
    int count = Catalogue.standard().functions().size();
    assertEquals("registered=" + count, Host.line(out, "OPEN")[2], String.join("\n", out));
    assertEquals(count, out.stream().filter(l -> l.startsWith("REG\t")).count());
    assertEquals("0", Host.line(out, "BADREGISTER")[1]);
    assertEquals(1, out.stream().filter(l -> l.startsWith("ALERT\t")).count(), "one alert: no Java");
    String[] close = Host.line(out, "CLOSE");
    assertEquals(String.valueOf(count), Host.field(close, "unregistered"));
    assertEquals("0", Host.field(close, "excel_allocs"));
  }

  /**
   * No Java at all ("none": no config, no JAVA_HOME, nothing in the prefix's registry), a configured runtime
   * folder that does not exist, a configured runtime whose jvm.dll is 32-bit, the real runtime without its
   * bin\zip.dll (which the JVM of a jlinked runtime cannot start without).
   */
  @ParameterizedTest(name = "runtime: {0}")
  @ValueSource(strings = {"none", "missing", "32-bit", "no zip.dll"})
  void withoutAUsableJavaEveryCallReturnsNaAfterOneClearAlert(String runtime) throws Exception {
    shipped("testfunctions.meta");
    String reason = switch (runtime) {
      case "none" -> "runtime beside the add-in: no JVM in";
      case "missing" -> {
        Files.writeString(dir.resolve("gammaxl.cfg"), "runtime = " + win(dir.resolve("no-such-jre")) + "\n");
        yield "configured runtime: no JVM in " + win(dir.resolve("no-such-jre"));
      }
      case "no zip.dll" -> {
        needWindowsJava();
        Path jre = dir.resolve("jre-nozip"); // the runtime's files as links, but for bin\zip.dll
        try (var files = Files.walk(RUNTIME)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            Path copy = jre.resolve(RUNTIME.relativize(f).toString());
            if (!copy.getFileName().toString().equals("zip.dll")) {
              Files.createDirectories(copy.getParent());
              Files.createSymbolicLink(copy, f);
            }
          }
        }
        Files.writeString(dir.resolve("gammaxl.cfg"), "runtime = jre-nozip\n");
        yield "jvm.dll (no bin\\zip.dll beside it: not a complete Java runtime)";
      }
      default -> {
        Path jre = dir.resolve("jre32");
        Files.createDirectories(jre.resolve("bin/server"));
        Files.write(jre.resolve("bin/server/jvm.dll"), pe32Dll());
        Files.writeString(jre.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        Files.writeString(dir.resolve("gammaxl.cfg"), "runtime = jre32\n");
        yield "jvm.dll (not a 64-bit library (32-bit Java?))";
      }
    };
    List<CallPlan.Call> calls = CallPlan.of(new TestFunctions().get());
    Path file = Host.callFile(dir, calls);
    List<String> out = host("calls", file.toString(), "1");
    assertEquals("registered=8", Host.line(out, "OPEN")[2]);
    List<String> alerts = out.stream().filter(l -> l.startsWith("ALERT\t")).toList();
    assertEquals(1, alerts.size(), String.join("\n", out));
    String alert = Tokens.unescape(alerts.get(0).substring(6));
    assertTrue(alert.contains("64-bit Java 17"), alert);
    assertTrue(alert.contains(reason), alert);
    String log = log(); // the alert is cut to Excel's 255 characters, the log has every place looked at
    assertTrue(log.contains("no usable Java runtime: ") && log.contains(reason), log);
    assertTrue(log.contains("JAVA_HOME: not set") && log.contains("registry: no JavaSoft entry"), log);
    assertEquals("3", Host.line(out, "STATUS")[1]);
    List<String> res = out.stream().filter(l -> l.startsWith("RES\t")).toList();
    assertEquals(calls.size(), res.size());
    for (String r : res) {
      assertEquals("e:42", r.split("\t")[2], r);
    }
    assertEquals("alerts=1", Host.line(out, "REPEAT")[2], "the alert is raised once, not per call");
  }

  /**
   * The smallest 32-bit (PE32, i386) DLL: headers and one empty section. A 64-bit process cannot load it, which is
   * all a 32-bit Java's jvm.dll does in Excel x64.
   */
  static byte[] pe32Dll() {
    ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x40);
    b.putInt(0x40, 0x00004550); // "PE\0\0"
    b.putShort(0x44, (short) 0x14C).putShort(0x46, (short) 1); // i386, one section
    b.putShort(0x54, (short) 0xE0).putShort(0x56, (short) 0x2102); // optional header size; executable, 32-bit, DLL
    int o = 0x58;
    b.putShort(o, (short) 0x10B).putInt(o + 4, 0x200).putInt(o + 20, 0x1000).putInt(o + 24, 0x1000);
    b.putInt(o + 28, 0x10000000).putInt(o + 32, 0x1000).putInt(o + 36, 0x200); // image base, alignments
    b.putShort(o + 40, (short) 4).putShort(o + 48, (short) 4).putInt(o + 56, 0x2000).putInt(o + 60, 0x200);
    b.putShort(o + 68, (short) 2).putInt(o + 72, 0x100000).putInt(o + 76, 0x1000).putInt(o + 80, 0x100000);
    b.putInt(o + 84, 0x1000).putInt(o + 92, 16); // 16 empty data directories
    int s = o + 0xE0;
    b.put(s, (byte) '.').put(s + 1, (byte) 't').put(s + 2, (byte) 'e').put(s + 3, (byte) 'x').put(s + 4, (byte) 't');
    b.putInt(s + 8, 0x1000).putInt(s + 12, 0x1000).putInt(s + 16, 0x200).putInt(s + 20, 0x200).putInt(s + 36, 0x60000020);
    return b.array();
  }

  private static List<CallPlan.Call> calls(boolean test) {
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(HostIT.functions(test)));
    calls.addAll(KeywordCalls.of(HostIT.functions(test)));
    if (test) {
      calls.addAll(TestCalls.extra(HostIT.functions(test)));
    }
    return calls;
  }

  @ParameterizedTest(name = "test functions: {0}")
  @ValueSource(booleans = {false, true})
  void everyCallOnWindowsJavaEqualsTheJavaApiBitForBit(boolean test) throws Exception {
    needWindowsJava();
    withRuntime(test, RUNTIME);
    List<CallPlan.Call> calls = calls(test);
    List<String> out = host("calls", Host.callFile(dir, calls).toString(), "60");
    HostIT.assertEveryCallEqualsTheJavaApiOnTheRightPath(out, calls);
    assertTrue(out.stream().noneMatch(l -> l.startsWith("ALERT")), "no alert when Java is found");
    String log = log();
    assertTrue(log.contains("runtime: " + win(RUNTIME) + "\\bin\\server\\jvm.dll (configured runtime)"), log);
    assertTrue(log.contains("[java] bridge started: " + HostIT.functions(test).size() + " functions, Java 17."), log);
    assertTrue(log.contains("fast calls by JNI"), log);
  }

  @Test
  void severalThreadsAtOnceGetTheSameResultsOnWindowsJava() throws Exception {
    needWindowsJava();
    withRuntime(false, RUNTIME);
    List<String> out = host("threads", Host.callFile(dir, calls(false)).toString(), "4", "2");
    String[] t = Host.line(out, "THREADS");
    System.out.println("[WineIT] " + String.join(" ", t));
    assertEquals("0", Host.field(t, "mismatches"));
    assertTrue(Long.parseLong(Host.field(t, "calls")) > 0);
  }

  @Test
  void xlAutoCloseThenASecondOpeningInTheSameProcessAttachesToTheRunningJvm() throws Exception {
    needWindowsJava();
    withRuntime(true, RUNTIME);
    List<String> out = host("cycles", Host.callFile(dir, calls(true)).toString(), "2");
    HostIT.assertEveryCycleReadyAndRight(out, 2);
    for (String c : out.stream().filter(l -> l.startsWith("CLOSE\t")).toList()) {
      assertEquals("0", Host.field(c.split("\t"), "still_registered"), c);
    }
    String log = log();
    assertEquals(1, log.split("JVM started in", -1).length - 1, log);
    assertTrue(log.contains("reusing the JVM already running in this process"), log);
    assertTrue(log.contains("JVM attached in"), log);
  }

  @Test
  void theXllImportsOnlySystemDlls() throws Exception {
    String dump = exec(List.of("x86_64-w64-mingw32-objdump", "-p", WIN.resolve("gammaxl64.xll").toString()), Map.of(), 60);
    List<String> dlls = dump.lines().filter(l -> l.contains("DLL Name:")).map(l -> l.substring(l.indexOf(':') + 1).trim().toUpperCase()).toList();
    assertTrue(dlls.contains("KERNEL32.DLL"), dlls::toString);
    for (String d : dlls) {
      assertTrue(List.of("KERNEL32.DLL", "MSVCRT.DLL", "ADVAPI32.DLL").contains(d), "non-system import " + d);
    }
    for (String export : List.of("xlAutoOpen", "xlAutoClose", "xlAutoAdd", "xlAutoRemove", "xlAutoFree12",
        "xlAddInManagerInfo12", "SetExcel12EntryPt", "gx00_00", "gx16_63", "gx17_00", "gx64_07")) {
      assertTrue(dump.contains(" " + export + "\n") || dump.contains(" " + export + "\r"), "export " + export);
    }
    assertFalse(dlls.contains("JVM.DLL"), "jvm.dll is loaded at run time, never imported");
  }
}
