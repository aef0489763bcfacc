package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java modules a runtime must hold for the add-in, as {@code addin/runtime-modules} lists them: they cover what
 * the bridge and the catalogue import, a runtime jlinked from that list alone answers every catalogue call as the
 * Java API does (made by {@code scripts/make-runtime}, as the installer's bundled runtime is), and the Windows runtime the Wine tests use holds them all.
 */
class RuntimeModulesIT {
  static final Path LIST = Path.of("runtime-modules");

  @TempDir Path dir;

  static Set<String> listed() throws Exception {
    Set<String> modules = new TreeSet<>();
    for (String line : Files.readAllLines(LIST)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        modules.add(line.trim());
      }
    }
    return modules;
  }

  static String tool(String name, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = ToolProvider.findFirst(name).orElseThrow().run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, rc, () -> name + " " + String.join(" ", args) + " failed:\n" + out + err);
    return out.toString();
  }

  /** The classes of the bridge and of the catalogue (not the whole of commons-math3, see the list's comment). */
  @Test
  void theListHoldsEveryModuleTheBridgeAndTheCatalogueImport() throws Exception {
    List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17"));
    String functions = Arrays.stream(Files.readString(Host.NATIVE.resolve("runtime.classpath")).trim().split(":"))
        .filter(p -> p.contains("gammaxl-functions")).findFirst().orElseThrow();
    args.add(System.getProperty("gammaxl.classes"));
    args.add(functions);
    // --print-module-deps analyses dependencies recursively: give it the two archives without commons-math3
    Set<String> needed = new TreeSet<>(Arrays.asList(tool("jdeps", args.toArray(new String[0])).trim().split(",")));
    assertTrue(listed().containsAll(needed), "jdeps: " + needed + ", listed: " + listed());
  }

  @Test
  void aRuntimeJlinkedFromTheListAloneAnswersEveryCatalogueCall() throws Exception {
    Path jmods = Path.of(Host.JDK, "jmods");
    Assumptions.assumeTrue(Files.isDirectory(jmods), "no jmods in " + Host.JDK + " (Debian: openjdk-17-jmods): not jlinked");
    Path runtime = dir.resolve("runtime");
    // the script the installer's runtime is made with, on this JDK's (Linux) jmods
    Path script = Path.of("").toAbsolutePath().resolveSibling("scripts").resolve("make-runtime");
    WineIT.exec(List.of(script.toString(), jmods.toString(), runtime.toString()),
        Map.of("JLINK", Path.of(Host.JDK, "bin", "jlink").toString()), 300);
    assertEquals(listed(), modules(runtime), "the runtime holds the listed modules and no others");
    Path module = Host.addinFolder(dir.resolve("addin"), "linux", false, runtime.toString());
    List<CallPlan.Call> calls = new ArrayList<>(CallPlan.of(HostIT.functions(false)));
    calls.addAll(KeywordCalls.of(HostIT.functions(false)));
    List<String> out = Host.linux("linux", module, Map.of(), "calls", Host.callFile(dir, calls).toString(), "30");
    HostIT.assertEveryCallEqualsTheJavaApiOnTheRightPath(out, calls);
    String log = Files.readString(dir.resolve("addin/gammaxl.log"));
    assertTrue(log.contains("runtime: " + runtime), log);
  }

  @Test
  void theWindowsRuntimeOfTheWineTestsHoldsEveryListedModule() throws Exception {
    WineIT.needWindowsJava();
    Set<String> modules = modules(WineIT.RUNTIME);
    assertTrue(modules.containsAll(listed()), modules::toString);
  }

  /** The MODULES line of a runtime's release file. */
  static Set<String> modules(Path runtime) throws Exception {
    String line = Files.readAllLines(runtime.resolve("release")).stream().filter(l -> l.startsWith("MODULES=\""))
        .findFirst().orElseThrow();
    return new TreeSet<>(Arrays.asList(line.substring(9, line.length() - 1).split(" ")));
  }
}
