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
    PositionFile position = org.gammaxl.workbooks.report.TestLedgers.shortCall(prices);
    Path report = books.resolve("report.xlsx");
    new LedgerReport(org.gammaxl.workbooks.report.TestLedgers.LEDGER, org.gammaxl.workbooks.report.TestLedgers.SUMMARY)
        .write(position, prices, "test", report);
    files.add(report);
    // The same report computed by the real ledger engine (GX.LEDGER of the catalogue).
    Path engineReport = books.resolve("report-engine.xlsx");
    new LedgerReport().write(position, prices, "test", engineReport);
    files.add(engineReport);

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

    // The ledger table shows the engine's numbers too: its cells are references to the hidden GX.LEDGER
    // array, whose cached values LibreOffice keeps (it drops the array's own: #NAME? without the add-in).
    for (String base : List.of("report", "report-engine")) {
      String all = pdfText(pdfs.resolve(base + ".pdf"));
      var header = java.util.regex.Pattern.compile("(?m)^\\s*TIME\\s+SPOT").matcher(all);
      int table = header.find() ? header.start() : -1;
      assertTrue(table > 0 && !all.contains("#NAME?"), base + ": the ledger page shows no #NAME?:\n" + all);
      String ledgerPages = all.substring(table, all.indexOf("Cumulative P&L", table));
      long numbers = java.util.regex.Pattern.compile("-?[0-9][0-9,]*\\.[0-9]+").matcher(ledgerPages).results().count();
      assertTrue(numbers > prices.size() * 3, base + ": the ledger pages show numbers (" + numbers + "):\n" + ledgerPages);
    }
    // The filled ledger example: its summary block refers to the hidden GX.LEDGER.SUMMARY array.
    String example = pdfText(pdfs.resolve("gammaxl-ledger-example.pdf"));
    assertTrue(example.contains("BREAKEVEN_MOVE") && example.contains("TOTAL_PNL") && !example.contains("#NAME?"), example);
    // The filled gamma-exposure example: totals, flip, walls and the regime in words, without the add-in.
    String gex = pdfText(pdfs.resolve("gammaxl-gex-example.pdf"));
    assertTrue(gex.contains("Total GEX") && gex.contains("Gamma flip") && gex.contains("Positive gamma at spot")
        && !gex.contains("#NAME?") && !gex.contains("#N/A"), gex);
    // The empty gamma-exposure template: blank results, tables and chart labels, not #NAME?, without the add-in.
    String template = pdfText(pdfs.resolve("gammaxl-gex.pdf"));
    assertTrue(template.contains("Total GEX") && template.contains("Net GEX") && !template.contains("#NAME?")
        && !template.contains("no flip"), template);
    String engineText = pdfText(pdfs.resolve("report-engine.pdf"));
    String engineLedger = engineText.substring(engineText.indexOf("YEARS_LEFT"));
    for (String column : List.of("DELTA", "GAMMA", "TRADE_QTY", "TOTAL_PNL", "GAMMA_PNL", "RESIDUAL_PNL")) {
      assertTrue(engineLedger.contains(column), column + " column shown on the ledger pages");
    }

    // The report's charts: count pixels in the colours of the P&L (dark green) and hedge (orange-red) lines.
    Path png = Files.createDirectories(dir.resolve("png"));
    for (String base : List.of("report", "report-engine")) {
      Process r = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdfs.resolve(base + ".pdf").toString(),
          png.resolve(base).toString()).inheritIO().start();
      assertTrue(r.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, r.exitValue());
    }
    if (keep != null) {
      copy(png, Path.of(keep, "png"));
    }
    for (String base : List.of("report", "report-engine")) {
      assertChartLinesDrawn(png, base);
    }
  }

  private static String pdfText(Path pdf) throws Exception {
    Process text = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
    String all = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.waitFor(60, TimeUnit.SECONDS));
    return all;
  }

  /** The P&L (dark green), spot (dark blue) and hedge (orange-red) lines are drawn, and move. */
  private static void assertChartLinesDrawn(Path png, String base) throws IOException {
    long green = 0;
    long orange = 0;
    java.util.Set<String> greenRows = new java.util.HashSet<>();
    java.util.Set<String> orangeRows = new java.util.HashSet<>();
    java.util.Set<String> blueRows = new java.util.HashSet<>();
    try (var pages = Files.list(png)) {
      for (Path page : pages.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "-[0-9]+\\.png")).toList()) {
        BufferedImage img = ImageIO.read(page.toFile());
        for (int y = 0; y < img.getHeight(); y++) {
          for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, y);
            int cr = (rgb >> 16) & 0xff;
            int cg = (rgb >> 8) & 0xff;
            int cb = rgb & 0xff;
            if (cr < 60 && cg > 70 && cg < 140 && cb < 60) {
              green++;
              greenRows.add(page + ":" + y);
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
    assertTrue(green > 100, base + ": cumulative P&L line drawn (dark-green pixels: " + green + ")");
    // The P&L and hedge lines read the ledger's references (cached values kept without the add-in), so
    // they move like the spot line does; drawn flat they would span a pixel row or two.
    assertTrue(greenRows.size() > 20, base + ": the P&L line moves (spans " + greenRows.size() + " pixel rows)");
    assertTrue(orange > 0 && orangeRows.size() > 10,
        base + ": the hedge position line moves (orange-red pixels: " + orange + ", rows " + orangeRows.size() + ")");
    assertTrue(blueRows.size() > 20, base + ": the spot line is drawn and moves (spans " + blueRows.size() + " pixel rows)");
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
