package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/**
 * The mingw-built gammaxl64.xll itself, loaded under Wine by a mingw-built copy of the host through
 * {@code MdCallBack12} exported by the host executable, as Excel provides it. There is no Windows
 * Java in the throw-away Wine prefix, so every call must return #N/A after one clear alert.
 */
class WineIT {
  static final Path WIN = Host.NATIVE.resolve("win");
  static final Path PREFIX = Host.NATIVE.resolveSibling("wine-prefix");

  @TempDir Path dir;

  @BeforeAll
  static void wineAndTheWindowsBuild() throws Exception {
    if (!onPath("wine") || !onPath("x86_64-w64-mingw32-gcc")) {
      // the project's script installs what is missing (Debian wine64, gcc-mingw-w64-x86-64)
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

  static boolean onPath(String cmd) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, cmd))) {
        return true;
      }
    }
    return false;
  }

  static Map<String, String> wineEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("WINEPREFIX", PREFIX.toAbsolutePath().toString());
    env.put("WINEDEBUG", "-all");
    env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
    return env;
  }

  static String exec(List<String> cmd, Map<String, String> env, long timeout) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().remove("JAVA_HOME"); // the Wine world must have no Java
    pb.environment().remove("DISPLAY");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(timeout, TimeUnit.SECONDS), "timed out: " + cmd);
    assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + out);
    return out;
  }

  /** The add-in folder as shipped: the .xll and the metadata, no config, no runtime. */
  Path shipped(String metadata) throws IOException {
    Files.copy(WIN.resolve("gammaxl64.xll"), dir.resolve("gammaxl64.xll"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(WIN.resolve("gxhost.exe"), dir.resolve("gxhost.exe"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Host.NATIVE.resolve(metadata), dir.resolve("gammaxl.meta"), StandardCopyOption.REPLACE_EXISTING);
    return dir.resolve("gammaxl64.xll");
  }

  List<String> host(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wine", dir.resolve("gxhost.exe").toString(), "Z:" + dir.resolve("gammaxl64.xll").toString().replace('/', '\\')));
    for (String a : args) {
      cmd.add(a.startsWith("/") ? "Z:" + a.replace('/', '\\') : a);
    }
    return exec(cmd, wineEnv(), 120).lines().filter(l -> !l.startsWith("wine:")).toList();
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

  @Test
  void withoutJavaEveryCallReturnsNaAfterOneClearAlert() throws Exception {
    shipped("testfunctions.meta");
    List<CallPlan.Call> calls = CallPlan.of(new TestFunctions().get());
    Path file = Host.callFile(dir, calls);
    List<String> out = host("calls", file.toString(), "1");
    assertEquals("registered=8", Host.line(out, "OPEN")[2]);
    List<String> alerts = out.stream().filter(l -> l.startsWith("ALERT\t")).toList();
    assertEquals(1, alerts.size(), String.join("\n", out));
    String alert = Tokens.unescape(alerts.get(0).substring(6));
    assertTrue(alert.contains("64-bit Java 17"), alert);
    assertTrue(alert.contains("JAVA_HOME: not set") && alert.contains("registry") && alert.contains("jre"), alert);
    assertEquals("3", Host.line(out, "STATUS")[1]);
    List<String> res = out.stream().filter(l -> l.startsWith("RES\t")).toList();
    assertEquals(calls.size(), res.size());
    for (String r : res) {
      assertEquals("e:42", r.split("\t")[2], r);
    }
    assertEquals("alerts=1", Host.line(out, "REPEAT")[2], "the alert is raised once, not per call");
    String log = Files.readString(dir.resolve("gammaxl.log"));
    assertTrue(log.contains("no usable Java runtime"), log);
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
  }
}
