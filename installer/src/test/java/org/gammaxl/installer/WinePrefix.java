package org.gammaxl.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A throw-away 64-bit Wine prefix: a fake Windows user with a registry the tests can set and read. */
final class WinePrefix implements AutoCloseable {
  private final Path dir;

  private WinePrefix(Path dir) {
    this.dir = dir;
  }

  /** Whether {@code wine} is on the PATH. */
  static boolean wineAvailable() {
    try {
      return new ProcessBuilder("wine", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static WinePrefix create() throws IOException, InterruptedException {
    WinePrefix p = new WinePrefix(Files.createTempDirectory("gammaxl-wine"));
    p.run(120, "wine", "wineboot", "-i");
    p.waitIdle();
    return p;
  }

  /** The Linux path of the user's %LOCALAPPDATA%. */
  Path localAppData() {
    return dir.resolve("drive_c/users").resolve(System.getProperty("user.name")).resolve("AppData/Local");
  }

  /** Runs a command in the prefix; returns its exit code and output. */
  Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("WINEPREFIX", dir.toString());
    env.put("WINEDEBUG", "-all");
    env.put("WINEARCH", "win64");
    env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
    env.remove("DISPLAY");
    env.remove("JAVA_HOME"); // a Linux JAVA_HOME would leak into the Windows environment
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Runs a Windows program and waits until every process in the prefix has ended. */
  Result runWindows(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("wine");
    cmd.addAll(List.of(command));
    Result r = run(120, cmd.toArray(new String[0]));
    waitIdle();
    return r;
  }

  void waitIdle() throws IOException, InterruptedException {
    run(120, "wineserver", "-w");
  }

  void setString(String key, String name, String value) throws IOException, InterruptedException {
    Result r = run(60, "wine", "reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", value, "/f");
    if (r.exitCode != 0) {
      throw new IllegalStateException("reg add failed: " + r.output);
    }
  }

  void deleteKey(String key) throws IOException, InterruptedException {
    run(60, "wine", "reg", "delete", key, "/f");
  }

  /** The string values of one key, in registry order; empty when the key does not exist. */
  Map<String, String> values(String key) throws IOException, InterruptedException {
    Result r = run(60, "wine", "reg", "query", key);
    Map<String, String> values = new LinkedHashMap<>();
    if (r.exitCode != 0) {
      return values;
    }
    for (String line : r.output.split("\\R")) {
      String[] parts = line.trim().split(" {4}", 3);
      if (parts.length == 3 && parts[1].startsWith("REG_")) {
        values.put(parts[0], parts[2]);
      } else if (parts.length == 2 && parts[1].startsWith("REG_")) {
        values.put(parts[0], "");
      }
    }
    return values;
  }

  boolean keyExists(String key) throws IOException, InterruptedException {
    return run(60, "wine", "reg", "query", key).exitCode == 0;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(60, "wineserver", "-k");
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  record Result(int exitCode, String output) {
  }
}
