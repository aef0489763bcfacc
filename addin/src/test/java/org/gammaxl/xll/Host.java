package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the C test host on an add-in folder laid out as the installer lays it out: the module, the
 * registration metadata, and gammaxl.cfg naming the runtime and class path.
 */
final class Host {
  static final Path NATIVE = Path.of(System.getProperty("gammaxl.native.dir", "target/native"));
  static final String JDK = System.getProperty("gammaxl.jdk", System.getProperty("java.home"));
  /** The major version in a Java home's {@code release} file. */
  private static final java.util.regex.Pattern JAVA_VERSION = java.util.regex.Pattern.compile("^JAVA_VERSION=\"(\\d+)");

  private Host() {}

  /**
   * An add-in folder for the Linux build ({@code flavour} "linux" or "asan") serving the catalogue
   * ({@code testFunctions} false) or the test functions.
   */
  static Path addinFolder(Path dir, String flavour, boolean testFunctions) throws IOException {
    return addinFolder(dir, flavour, testFunctions, JDK);
  }

  /**
   * The same with the runtime {@code jdk}; {@code extraConfig} lines are appended to gammaxl.cfg
   * (e.g. {@code "calls = jni"}).
   */
  static Path addinFolder(Path dir, String flavour, boolean testFunctions, String jdk, String... extraConfig)
      throws IOException {
    Files.createDirectories(dir);
    Files.copy(NATIVE.resolve(flavour).resolve("libgammaxl.so"), dir.resolve("libgammaxl.so"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(NATIVE.resolve(testFunctions ? "testfunctions.meta" : "gammaxl.meta"), dir.resolve("gammaxl.meta"),
        StandardCopyOption.REPLACE_EXISTING);
    String deps = Files.readString(NATIVE.resolve("runtime.classpath")).trim().replace(':', ';');
    String cp = System.getProperty("gammaxl.classes") + ";" + System.getProperty("gammaxl.test.classes") + ";" + deps;
    StringBuilder cfg = new StringBuilder();
    cfg.append("# written by the host tests\n");
    cfg.append("runtime = ").append(jdk).append('\n');
    cfg.append("classpath = ").append(cp).append('\n');
    cfg.append("option = -Xmx256m\n");
    cfg.append("option = -Xcheck:jni\n"); // the JVM reports any misuse of JNI by the shim

    if (testFunctions) {
      cfg.append("option = -D").append(XllBridge.FUNCTIONS_PROPERTY).append('=').append(TestFunctions.class.getName()).append('\n');
    }
    for (String line : extraConfig) {
      cfg.append(line).append('\n');
    }
    Files.writeString(dir.resolve("gammaxl.cfg"), cfg.toString());
    return dir.resolve("libgammaxl.so");
  }

  /**
   * A Java runtime of version 22 or later, which has the foreign-function API the shim's upcall needs:
   * the one named by the system property {@code gammaxl.jdk.upcall}, else the newest under
   * {@code /usr/lib/jvm}; empty when there is none.
   */
  static java.util.Optional<String> upcallJdk() throws IOException {
    String named = System.getProperty("gammaxl.jdk.upcall", "");
    if (!named.isBlank()) {
      return java.util.Optional.of(named);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return java.util.Optional.empty();
    }
    String best = null;
    int bestVersion = 21;
    try (var homes = Files.list(jvms)) {
      for (Path home : (Iterable<Path>) homes::iterator) {
        int v = majorVersion(home);
        if (v > bestVersion && Files.exists(home.resolve("lib/server/libjvm.so"))) {
          best = home.toRealPath().toString();
          bestVersion = v;
        }
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static int majorVersion(Path home) throws IOException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return -1;
    }
    for (String line : Files.readAllLines(release)) {
      java.util.regex.Matcher m = JAVA_VERSION.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return -1;
  }

  /** Writes a call file for {@code calls}. */
  static Path callFile(Path dir, List<CallPlan.Call> calls) throws IOException {
    Path f = dir.resolve("calls.txt");
    Files.write(f, calls.stream().map(c -> Tokens.callLine(c.function().name(), c.args())).collect(Collectors.toList()),
        StandardCharsets.UTF_8);
    return f;
  }

  /** Runs a host binary and returns its standard output lines; fails on a non-zero exit or a timeout. */
  static List<String> run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
    return run(command, env, timeoutSeconds, null);
  }

  /**
   * The same in the working directory {@code workDir} (inherited when null), where a crashing JVM writes its
   * hs_err file; an {@code env} value of null removes that variable.
   */
  static List<String> run(List<String> command, Map<String, String> env, long timeoutSeconds, Path workDir)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    Path err = Files.createTempFile("gxhost", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (var r = p.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    assertTrue(done, "host timed out: " + command);
    assertEquals(0, p.exitValue(), () -> "host failed: " + command + "\nstdout:\n" + String.join("\n", lines)
        + "\nstderr:\n" + stderr);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("DONE\t")), "host did not finish: " + lines);
    assertTrue(!stderr.contains("WARNING in native method") && !stderr.contains("FATAL ERROR in native method"),
        () -> "JNI misuse reported by -Xcheck:jni:\n" + stderr);

    return lines;
  }

  static List<String> linux(String flavour, Path module, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(NATIVE.resolve(flavour).resolve("gxhost").toString());
    cmd.add(module.toString());
    cmd.addAll(List.of(args));
    return run(cmd, env, 300);
  }

  /** The fields of the first line starting with {@code tag + TAB}. */
  static String[] line(List<String> lines, String tag) {
    return lines.stream().filter(l -> l.startsWith(tag + "\t")).findFirst()
        .map(l -> l.split("\t", -1))
        .orElseThrow(() -> new AssertionError("no " + tag + " line in\n" + String.join("\n", lines)));
  }

  /** The value of {@code key=value} among the fields. */
  static String field(String[] fields, String key) {
    for (String f : fields) {
      if (f.startsWith(key + "=")) {
        return f.substring(key.length() + 1);
      }
    }
    throw new AssertionError("no " + key + " in " + String.join(" ", fields));
  }
}
