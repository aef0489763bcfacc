package org.gammaxl.calc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless LibreOffice with a throw-away user profile into which the extension is installed with
 * {@code unopkg}. unopkg refuses to install per user as root, so as root every LibreOffice command
 * runs as the unprivileged user 65534 (setpriv), which owns the profile.
 */
final class HeadlessCalc implements AutoCloseable {
  private static final int NOBODY = 65534;
  private final Path home;
  private final boolean root;

  private HeadlessCalc(Path home, boolean root) {
    this.home = home;
    this.root = root;
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/soffice")) && Files.isExecutable(Path.of("/usr/bin/unopkg"));
  }

  /** A fresh profile with {@code oxt} installed and xlsx files recalculated on load. */
  static HeadlessCalc withExtension(Path oxt) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = Files.createTempDirectory("gammaxl-calc");
    HeadlessCalc calc = new HeadlessCalc(home, root);
    calc.handOver();
    // Let LibreOffice create the profile first: a first start after unopkg made the profile drops
    // the extension's registration again.
    calc.run(180, "soffice", "--headless", "--norestore", "--terminate_after_init", calc.profileUrl());
    Path xcu = home.resolve("profile/user/registrymodifications.xcu");
    if (!Files.isRegularFile(xcu)) {
      throw new IllegalStateException("LibreOffice did not create its profile in " + home);
    }
    // OOXMLRecalcMode 0 = always recalculate an .xlsx on load (its cached values are not trusted).
    String settings = Files.readString(xcu, StandardCharsets.UTF_8).replace("</oor:items>",
        "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\""
            + " oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>");
    Files.writeString(xcu, settings, StandardCharsets.UTF_8);
    Path copy = home.resolve("gammaxl.oxt");
    Files.copy(oxt, copy);
    calc.handOver();
    Result r = calc.run(180, "unopkg", "add", "--suppress-license", calc.profileUrl(), copy.toString());
    if (r.exitCode != 0) {
      throw new IllegalStateException("unopkg add failed: " + r.output);
    }
    return calc;
  }

  /** A folder the LibreOffice user can read and write. */
  Path workDir() throws IOException {
    Path dir = home.resolve("work");
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Opens {@code xlsx} (recalculating on load), and writes every sheet's values as CSV, one file per
   * sheet ({@code name-SheetName.csv}); returns the CSV lines of sheet {@code sheet} (1-based).
   */
  List<String> valuesAsCsv(Path xlsx, int sheet) throws IOException, InterruptedException {
    Path out = workDir().resolve("out");
    Files.createDirectories(out);
    handOver();
    // 44,34,76,1,,0,false,true,false,false,false,N : comma, double quote, UTF-8, from row 1,
    // … , formulas as shown (false), … sheet N.
    Result r = run(300, "soffice", "--headless", "--norestore", profileUrl(), "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false," + sheet,
        "--outdir", out.toString(), xlsx.toString());
    String base = xlsx.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    try (Stream<Path> files = Files.list(out)) {
      List<Path> csv = files.filter(p -> p.getFileName().toString().startsWith(base)).sorted().toList();
      if (csv.isEmpty()) {
        throw new IllegalStateException("LibreOffice wrote no CSV for " + xlsx + ": " + r.output);
      }
      return Files.readAllLines(csv.get(0), StandardCharsets.UTF_8);
    }
  }

  private String profileUrl() {
    return "-env:UserInstallation=" + home.resolve("profile").toUri();
  }

  /** Makes the profile and work folders the LibreOffice user's. */
  private void handOver() throws IOException, InterruptedException {
    if (root) {
      new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, home.toString()).inheritIO().start().waitFor();
    }
  }

  private Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // The LibreOffice user may not be able to enter the build folder (a clone in a private directory).
    pb.directory(home.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("DISPLAY");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private record Result(int exitCode, String output) {
  }
}
