package org.gammaxl.workbooks.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.LedgerReport;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real spreadsheet application opens every generated workbook: LibreOffice (headless, throw-away
 * profile, no recalculation on load so it shows the cached values) converts each to PDF, pdftoppm
 * renders the pages, and the report's charts must show their lines (pixels in the series colours).
 * Skipped with a message when soffice or pdftoppm is absent; scripts/install-deps installs both.
 */
class LibreOfficeRenderTest {

  static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void libreOfficeOpensEveryWorkbookAndDrawsTheChartLines(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("soffice") && onPath("pdftoppm") && onPath("pdftotext"),
        "LibreOffice (soffice) or pdftoppm not installed: run scripts/install-deps; test skipped");
    Path books = Files.createDirectories(dir.resolve("books"));
    List<Path> files = new ArrayList<>(Templates.writeAll(books));
    PriceSeries prices = DemoData.path(60);
    PositionFile position = DemoData.position(prices);
    Path report = books.resolve("report.xlsx");
    new LedgerReport(org.gammaxl.workbooks.report.TestLedgers.LEDGER, org.gammaxl.workbooks.report.TestLedgers.SUMMARY)
        .write(position, prices, "test", report);
    files.add(report);

    Path profile = Files.createDirectories(dir.resolve("profile/user"));
    Files.writeString(profile.resolve("registrymodifications.xcu"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
        </oor:items>
        """);
    Path pdfs = Files.createDirectories(dir.resolve("pdf"));
    List<String> cmd = new ArrayList<>(List.of("soffice", "--headless", "--norestore", "--nologo",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", pdfs.toString()));
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "soffice finished");
    for (Path f : files) {
      String base = f.getFileName().toString().replaceFirst("\\.(xlsx|xltx)$", "");
      Path pdf = pdfs.resolve(base + ".pdf");
      assertTrue(Files.size(pdf) > 1000, "LibreOffice converted " + f.getFileName() + ": " + Files.readString(dir.resolve("soffice.log")));
    }

    String keep = System.getProperty("gammaxl.keepRender");
    if (keep != null) {
      copy(dir, Path.of(keep));
    }
    // The summary page shows the engine's numbers (cached values), not #NAME?, without the add-in.
    Process text = new ProcessBuilder("pdftotext", "-f", "1", "-l", "1", pdfs.resolve("report.pdf").toString(), "-")
        .redirectErrorStream(true).start();
    String page1 = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.waitFor(60, TimeUnit.SECONDS));
    assertTrue(page1.contains("MULTIPLIER") && page1.contains("DELTA") && !page1.contains("#NAME?"), page1);

    // The report's charts: count pixels in the colours of the P&L (dark green) and hedge (orange-red) lines.
    Path png = Files.createDirectories(dir.resolve("png"));
    Process r = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdfs.resolve("report.pdf").toString(),
        png.resolve("report").toString()).inheritIO().start();
    assertTrue(r.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, r.exitValue());
    long green = 0;
    long orange = 0;
    java.util.Set<String> orangeRows = new java.util.HashSet<>();
    java.util.Set<String> blueRows = new java.util.HashSet<>();
    try (var pages = Files.list(png)) {
      for (Path page : pages.toList()) {
        BufferedImage img = ImageIO.read(page.toFile());
        for (int y = 0; y < img.getHeight(); y++) {
          for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, y);
            int cr = (rgb >> 16) & 0xff;
            int cg = (rgb >> 8) & 0xff;
            int cb = rgb & 0xff;
            if (cr < 60 && cg > 70 && cg < 140 && cb < 60) {
              green++;
            }
            if (cr < 40 && cg < 40 && cb > 110 && cb < 170) {
              blueRows.add(page + ":" + y);
            }
            if (cr > 200 && cg > 30 && cg < 120 && cb < 60) {
              orange++;
              orangeRows.add(page + ":" + y);
            }
          }
        }
      }
    }
    assertTrue(green > 100, "cumulative P&L line drawn (dark-green pixels: " + green + ")");
    // LibreOffice has no GX add-in yet: it shows #NAME? in GX formula cells (it does not keep an array
    // formula's cached values when the function is unknown), so the P&L and hedge lines read zeros and
    // are drawn flat. The spot line reads plain numbers and must be drawn as a moving line.
    assertTrue(orange > 0, "hedge position series drawn (orange-red pixels: " + orange + ")");
    assertTrue(blueRows.size() > 20, "the spot line is drawn and moves (spans " + blueRows.size() + " pixel rows)");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
