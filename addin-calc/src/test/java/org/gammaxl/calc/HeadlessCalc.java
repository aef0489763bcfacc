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
    return withExtension(oxt, ALWAYS_RECALCULATE);
  }

  /** "Recalculation on file load" for Excel files: always (formulas recomputed), never (cached values shown). */
  static final int ALWAYS_RECALCULATE = 0;
  static final int NEVER_RECALCULATE = 1;

  /**
   * A fresh profile with {@code oxt} installed; {@code recalcMode} is the "Recalculation on file load" setting
   * for Excel 2007 and newer ({@link #ALWAYS_RECALCULATE} or {@link #NEVER_RECALCULATE}).
   */
  static HeadlessCalc withExtension(Path oxt, int recalcMode) throws IOException, InterruptedException {
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
            + " oor:op=\"fuse\"><value>" + recalcMode + "</value></prop></item>\n</oor:items>");
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

  /**
   * Opens every file in one LibreOffice run and returns, per file name, every sheet's values as CSV rows
   * (values as stored, not as formatted; percentages and date-times as Calc writes them), in sheet order.
   */
  java.util.Map<String, java.util.Map<String, List<List<String>>>> sheetsAsCsv(List<Path> files)
      throws IOException, InterruptedException {
    Path in = workDir().resolve("in-" + System.nanoTime());
    Path out = workDir().resolve("out-" + System.nanoTime());
    Files.createDirectories(in);
    Files.createDirectories(out);
    List<String> cmd = new ArrayList<>(List.of("soffice", "--headless", "--norestore", profileUrl(), "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", "--outdir", out.toString()));
    for (Path f : files) {
      Path copy = in.resolve(f.getFileName().toString());
      Files.copy(f, copy);
      cmd.add(copy.toString());
    }
    handOver();
    Result r = run(600, cmd.toArray(new String[0]));
    java.util.Map<String, java.util.Map<String, List<List<String>>>> all = new java.util.LinkedHashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String base = name.replaceFirst("\\.[^.]+$", "");
      java.util.Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
      try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(f.toFile())) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
          String sheet = wb.getSheetName(i);
          Path csv = out.resolve(base + "-" + sheet + ".csv");
          if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("LibreOffice wrote no " + csv.getFileName() + ": " + r.output);
          }
          sheets.put(sheet, parseCsv(Files.readString(csv, StandardCharsets.UTF_8)));
        }
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IOException(e);
      }
      all.put(name, sheets);
    }
    return all;
  }

  /** RFC 4180 CSV: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
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
