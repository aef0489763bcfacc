package org.gammaxl.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.Empty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Windows installer, run for real under Wine in a throw-away prefix with fake Office registry
 * keys: silent install, files and registry as expected, silent uninstall, everything of ours gone and
 * every other add-in untouched; and an installer bundling a real Windows Java whose installed add-in answers.
 */
class InstallerIT {
  private static final String OFFICE = "HKCU\\Software\\Microsoft\\Office";
  private static final String EXCEL16 = OFFICE + "\\16.0\\Excel\\Options";
  private static final String EXCEL15 = OFFICE + "\\15.0\\Excel\\Options";
  private static final String C2R = "HKLM\\Software\\Microsoft\\Office\\ClickToRun\\Configuration";
  private static final String UNINSTALL = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\GammaXL";
  private static final String SETUP = System.getProperty("gammaxl.setup", "target/gammaxl-setup.exe");

  private static WinePrefix wine;
  private static String ours;

  @BeforeAll
  static void prefix() throws Exception {
    if (!WinePrefix.wineAvailable()) {
      if (System.getenv("CI") != null) {
        fail("wine is not installed: scripts/install-deps installs it (package wine64)");
      }
      Assumptions.abort("wine is not installed: run scripts/install-deps to run the installer tests");
    }
    assertTrue(Files.isRegularFile(Path.of(SETUP)), "the build made " + SETUP);
    wine = WinePrefix.create();
    ours = "/R \"C:\\users\\" + System.getProperty("user.name") + "\\AppData\\Local\\GammaXL\\gammaxl64.xll\"";
  }

  @AfterAll
  static void dispose() throws Exception {
    if (wine != null) {
      wine.close();
    }
  }

  @BeforeEach
  void freshOffice() throws Exception {
    wine.deleteKey(OFFICE);
    wine.deleteKey("HKLM\\Software\\Microsoft\\Office");
    wine.deleteKey(UNINSTALL);
  }

  private Path installDir() {
    return wine.localAppData().resolve("GammaXL");
  }

  private WinePrefix.Result install() throws Exception {
    return wine.runWindows("Z:" + Path.of(SETUP).toAbsolutePath().toString().replace('/', '\\'), "/S");
  }

  private WinePrefix.Result uninstall() throws Exception {
    return wine.runWindows("C:\\users\\" + System.getProperty("user.name")
        + "\\AppData\\Local\\GammaXL\\uninstall.exe", "/S");
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void silentInstallRegistersAfterTwoOtherAddinsAndUninstallLeavesThemUntouched() throws Exception {
    wine.setString(EXCEL16, "OPEN", "/R \"C:\\Other\\one.xll\"");
    wine.setString(EXCEL16, "OPEN1", "\"C:\\Other\\two.xla\"");
    wine.setString(EXCEL16, "Options", "0");
    wine.setString(EXCEL15, "OPEN", "/R \"C:\\Legacy\\old.xll\"");
    wine.setString(C2R, "Platform", "x64");

    assertEquals(0, install().exitCode());

    assertTrue(Files.isRegularFile(installDir().resolve("gammaxl64.xll")));
    assertTrue(Files.isRegularFile(installDir().resolve("uninstall.exe")));
    assertTrue(Files.isRegularFile(installDir().resolve("docs/functions.md")));
    assertTrue(Files.isRegularFile(installDir().resolve("templates/gammaxl-ledger.xltx")), "the templates are installed");
    assertTrue(Files.isRegularFile(installDir().resolve("examples/gammaxl-ledger-example.xlsx")), "the filled examples are installed");
    try (var jars = Files.list(installDir().resolve("lib"))) {
      assertTrue(jars.anyMatch(p -> p.toString().endsWith(".jar")), "the Java libraries are installed");
    }
    assertTrue(Files.isRegularFile(installDir().resolve("gammaxl.meta")), "the registration metadata is installed");
    assertEquals(map("OPEN", "/R \"C:\\Other\\one.xll\"", "OPEN1", "\"C:\\Other\\two.xla\"",
        "Options", "0", "OPEN2", ours), wine.values(EXCEL16));
    assertEquals(map("OPEN", "/R \"C:\\Legacy\\old.xll\"", "OPEN1", ours), wine.values(EXCEL15));
    Map<String, String> entry = wine.values(UNINSTALL);
    assertTrue(entry.get("QuietUninstallString").endsWith("uninstall.exe\" /S"), entry.toString());

    assertEquals(0, uninstall().exitCode());

    assertFalse(Files.exists(installDir()), "the install folder is removed");
    assertEquals(map("OPEN", "/R \"C:\\Other\\one.xll\"", "OPEN1", "\"C:\\Other\\two.xla\"", "Options", "0"),
        wine.values(EXCEL16));
    assertEquals(map("OPEN", "/R \"C:\\Legacy\\old.xll\""), wine.values(EXCEL15));
    assertFalse(wine.keyExists(UNINSTALL), "the uninstall entry is removed");
  }

  @Test
  void uninstallMovesOnlyTheAddinsAfterOursDownOneSlot() throws Exception {
    wine.setString(EXCEL16, "OPEN", "/R \"C:\\a.xll\"");
    assertEquals(0, install().exitCode());
    assertEquals(ours, wine.values(EXCEL16).get("OPEN1"));
    // the user adds two more add-ins after ours
    wine.setString(EXCEL16, "OPEN2", "/R \"C:\\c.xll\"");
    wine.setString(EXCEL16, "OPEN3", "/R \"C:\\d.xll\"");

    assertEquals(0, uninstall().exitCode());

    assertEquals(map("OPEN", "/R \"C:\\a.xll\"", "OPEN1", "/R \"C:\\c.xll\"", "OPEN2", "/R \"C:\\d.xll\""),
        wine.values(EXCEL16));
  }

  @Test
  void installingTwiceRegistersOnce() throws Exception {
    wine.setString(EXCEL16, "OPEN", "/R \"C:\\a.xll\"");
    assertEquals(0, install().exitCode());
    assertEquals(0, install().exitCode());
    assertEquals(map("OPEN", "/R \"C:\\a.xll\"", "OPEN1", ours), wine.values(EXCEL16));
    assertEquals(0, uninstall().exitCode());
    assertEquals(map("OPEN", "/R \"C:\\a.xll\""), wine.values(EXCEL16));
  }

  @Test
  void refusesThirtyTwoBitOfficeAndChangesNothing() throws Exception {
    wine.setString(EXCEL16, "OPEN", "/R \"C:\\a.xll\"");
    wine.setString(C2R, "Platform", "x86");

    WinePrefix.Result r = install();

    assertNotEquals(0, r.exitCode(), "a refused install exits non-zero");
    assertFalse(Files.exists(installDir().resolve("gammaxl64.xll")), "nothing is installed");
    assertEquals(map("OPEN", "/R \"C:\\a.xll\""), wine.values(EXCEL16));
    assertFalse(wine.keyExists(UNINSTALL));
  }

  @Test
  void configPointsAtTheJavaFoundThroughTheRegistry() throws Exception {
    Path jdk = wine.localAppData().getParent().getParent().getParent().getParent().resolve("FakeJdk");
    Files.createDirectories(jdk.resolve("bin/server"));
    Files.writeString(jdk.resolve("bin/server/jvm.dll"), "not a real jvm");
    wine.setString("HKLM\\Software\\JavaSoft\\JDK", "CurrentVersion", "17");
    wine.setString("HKLM\\Software\\JavaSoft\\JDK\\17", "JavaHome", "C:\\FakeJdk");
    try {
      assertEquals(0, install().exitCode());
      String config = Files.readString(installDir().resolve("gammaxl.cfg"));
      assertTrue(config.contains("\r\nruntime = C:\\FakeJdk\r\n"), config);
      assertEquals(0, uninstall().exitCode());
    } finally {
      wine.deleteKey("HKLM\\Software\\JavaSoft");
      deleteTree(jdk);
    }
  }

  @Test
  void configSaysSoWhenNoJavaIsFound() throws Exception {
    assertEquals(0, install().exitCode());
    String config = Files.readString(installDir().resolve("gammaxl.cfg"));
    assertTrue(config.contains("no 64-bit Java 17+ was found"), config);
    assertFalse(config.lines().anyMatch(l -> l.startsWith("runtime")), config);
    assertEquals(0, uninstall().exitCode());
  }

  /**
   * The installer built with GAMMAXL_RUNTIME naming a real 64-bit Windows Java (the jlinked Temurin 17 that
   * scripts/install-deps unpacks; zlib instead of solid LZMA to build faster): a silent install puts it in
   * %LOCALAPPDATA%\GammaXL\jre, and the Windows test host loading the installed add-in from there gets its first
   * GX.DELTA from that JVM, equal to the Java API's value.
   */
  @Test
  void withTheBundledRuntimeTheInstalledAddinAnswersItsFirstCall() throws Exception {
    Path runtime = Path.of(System.getProperty("gammaxl.windows.runtime",
        System.getProperty("user.home") + "/.cache/gammaxl/jre-win32-x64-1.1.8/jre"));
    if (!Files.isRegularFile(runtime.resolve("bin/server/jvm.dll"))) {
      String why = "no Windows Java runtime in " + runtime + " (scripts/install-deps fetches it from npm)";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path out = Path.of("target/bundled-jre").toAbsolutePath();
    Files.createDirectories(out);
    ProcessBuilder build = new ProcessBuilder("bash", "src/main/sh/build-installer.sh", "..", out.toString(), "0.0.0")
        .redirectErrorStream(true);
    build.environment().put("GAMMAXL_RUNTIME", runtime.toString());
    build.environment().put("GAMMAXL_NSIS_COMPRESSOR", "zlib");
    Process p = build.start();
    String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), log);

    WinePrefix.Result installed = wine.runWindows(
        "Z:" + out.resolve("gammaxl-setup.exe").toString().replace('/', '\\'), "/S");
    assertEquals(0, installed.exitCode(), installed.output());
    assertTrue(Files.isRegularFile(installDir().resolve("jre/bin/server/jvm.dll")), "the runtime is installed as jre");
    String config = Files.readString(installDir().resolve("gammaxl.cfg"));
    assertFalse(config.lines().anyMatch(l -> l.startsWith("runtime")), "the bundled jre needs no runtime line: " + config);

    Path calls = out.resolve("calls.txt");
    Files.writeString(calls, "CALL\tGX.DELTA\t10\ts:C\tn:100\tn:105\tn:0.5\tn:0.25\tn:0.03\tn:0.01\tm\tm\tm\n");
    Path host = Path.of("../addin/target/native/win/gxhost.exe").toAbsolutePath().normalize();
    WinePrefix.Result r = wine.runWindows("Z:" + host.toString().replace('/', '\\'),
        "C:\\users\\" + System.getProperty("user.name") + "\\AppData\\Local\\GammaXL\\gammaxl64.xll",
        "calls", "Z:" + calls.toString().replace('/', '\\'), "60");
    assertEquals(0, r.exitCode(), r.output());
    String first = r.output().lines().filter(l -> l.startsWith("FIRST\t")).findFirst().orElseThrow(() -> new AssertionError(r.output()));
    double expected = (Double) Catalogue.standard().functions().stream().filter(f -> f.name().equals("GX.DELTA"))
        .findFirst().orElseThrow().invoke(new Object[] {"C", 100.0, 105.0, 0.5, 0.25, 0.03, 0.01, Empty.MISSING});
    String value = first.substring(first.lastIndexOf('\t') + 1);
    assertTrue(value.startsWith("n:"), first);
    assertEquals(expected, Double.parseDouble(value.substring(2)), 0.0, first);
    String addinLog = Files.readString(installDir().resolve("gammaxl.log"));
    assertTrue(addinLog.contains("\\AppData\\Local\\GammaXL\\jre\\bin\\server\\jvm.dll (runtime beside the add-in)"), addinLog);
    assertEquals(0, uninstall().exitCode());
    assertFalse(Files.exists(installDir()), "the install folder, runtime and log included, is removed");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
