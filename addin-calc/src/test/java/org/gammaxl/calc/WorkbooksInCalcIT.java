package org.gammaxl.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.workbooks.cli.GammaXl;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.report.DemoData;
import org.gammaxl.workbooks.report.EngineLedger;
import org.gammaxl.workbooks.report.PositionFile;
import org.gammaxl.workbooks.report.PriceSeries;
import org.gammaxl.workbooks.templates.LedgerColumns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workbook the command line writes — the templates and filled examples of {@code demo}, its report of
 * the long straddle, a report of a book read from a position file with {@code [leg]} sections, and a
 * {@code recalc} of the ledger example — opened in LibreOffice with the extension, under both settings of
 * "Recalculation on file load" (always: every formula recomputed by the extension; never: the cached values,
 * with text-valued cells recomputed as Calc does). On every visible sheet no cell shows an error value, and the
 * ledger tables and summaries show the ledger engine's own numbers cell by cell, to 1e-9 relative.
 */
class WorkbooksInCalcIT {
  private static final Path OXT = Path.of("target/gammaxl.oxt");
  private static final Pattern ERROR = Pattern.compile("#(N/A|NAME\\?|VALUE!|NUM!|DIV/0!|REF!|NULL!)|Err:\\d+");
  private static final DateTimeFormatter CALC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int REPORT_DAYS = 60;
  private static final HeadlessCalc[] calc = new HeadlessCalc[2];
  private static Path dir;
  private static final List<Path> files = new ArrayList<>();
  private static PositionFile bookFromFile;
  private static PriceSeries bookPrices;

  @BeforeAll
  static void writeWorkbooksAndInstallExtension() throws Exception {
    if (!HeadlessCalc.available()) {
      if (System.getenv("CI") != null) {
        fail("LibreOffice is not installed: scripts/install-deps installs libreoffice-calc-nogui");
      }
      Assumptions.abort("LibreOffice is not installed: run scripts/install-deps to run the Calc tests");
    }
    dir = Files.createTempDirectory("gammaxl-books");
    Path demo = dir.resolve("demo");
    assertEquals(0, GammaXl.run("demo", "-o", demo.toString(), "--days", Integer.toString(REPORT_DAYS)));
    // A strangle with a leg at its own smile vol, from a CSV and a position file, as a desk would run it.
    bookPrices = DemoData.path(40);
    StringBuilder csv = new StringBuilder("time,spot\n");
    for (int i = 0; i < bookPrices.size(); i++) {
      csv.append(ExcelDates.dateTime(bookPrices.times()[i])).append(',').append(bookPrices.spots()[i]).append('\n');
    }
    Path prices = Files.writeString(dir.resolve("strangle.csv"), csv);
    Path position = Files.writeString(dir.resolve("strangle.position"), """
        underlying = STRANGLE
        vol = 0.55
        rule = DELTA
        threshold = 3
        fee_bps = 1
        [leg]
        type = C
        strike = 110
        expiry = 2024-03-15
        quantity = 50
        [leg]
        type = P
        strike = 90
        expiry = 2024-03-15
        quantity = 50
        vol = 0.62
        """);
    bookFromFile = PositionFile.read(position);
    Path report = dir.resolve("strangle-report.xlsx");
    assertEquals(0, GammaXl.run("report", "--prices", prices.toString(), "--position", position.toString(),
        "-o", report.toString()));
    Path recalc = dir.resolve("ledger-recalc.xlsx");
    assertEquals(0, GammaXl.run("recalc", demo.resolve("gammaxl-ledger-example.xlsx").toString(), "-o", recalc.toString()));
    try (Stream<Path> written = Files.list(demo)) {
      written.sorted().forEach(files::add);
    }
    files.add(report);
    files.add(recalc);
    // One profile per recalculation mode, shared by every check of that mode.
    calc[HeadlessCalc.ALWAYS_RECALCULATE] = HeadlessCalc.withExtension(OXT, HeadlessCalc.ALWAYS_RECALCULATE);
    calc[HeadlessCalc.NEVER_RECALCULATE] = HeadlessCalc.withExtension(OXT, HeadlessCalc.NEVER_RECALCULATE);
  }

  @AfterAll
  static void removeProfiles() throws Exception {
    for (HeadlessCalc c : calc) {
      if (c != null) {
        c.close();
      }
    }
  }

  @ParameterizedTest(name = "recalculation on load mode {0}")
  @ValueSource(ints = {HeadlessCalc.ALWAYS_RECALCULATE, HeadlessCalc.NEVER_RECALCULATE})
  void everyVisibleCellOfEveryWorkbookIsTheEnginesNumberAndNoneIsAnError(int mode) throws Exception {
    Map<String, Map<String, List<List<String>>>> shown = calc[mode].sheetsAsCsv(files);
    assertEquals(files.size(), shown.size(), "templates, examples, the demo report, a book report, a recalc: " + shown.keySet());
    List<String> errors = new ArrayList<>();
    int visibleCells = 0;
    for (Path f : files) {
      List<String> visible = visibleSheets(f);
      for (String sheet : visible) {
        List<List<String>> rows = shown.get(f.getFileName().toString()).get(sheet);
        for (int r = 0; r < rows.size(); r++) {
          for (int c = 0; c < rows.get(r).size(); c++) {
            String v = rows.get(r).get(c);
            visibleCells += v.isEmpty() ? 0 : 1;
            // the one documented error: the gamma-exposure Profile's flip-line column (F) is #N/A, the chart's gap
            // marker, when there is no flip (docs/gex.md)
            boolean flipGap = sheet.equals("Profile") && c == 5 && r > 0 && v.equals("#N/A");
            if (ERROR.matcher(v).find() && !flipGap) {
              errors.add(f.getFileName() + " " + sheet + "!" + new org.apache.poi.ss.util.CellReference(r, c)
                  .formatAsString() + " = " + v);
            }
          }
        }
      }
    }
    assertTrue(errors.isEmpty(), errors.size() + " error cells on visible sheets, e.g. "
        + errors.subList(0, Math.min(10, errors.size())));
    assertTrue(visibleCells > 10_000, "the sheets were read (" + visibleCells + " non-empty visible cells)");

    // The ledger example (the demo straddle on 120 days) and the recalculated copy: the table is the engine's.
    PriceSeries examplePath = DemoData.path(120);
    PositionFile example = DemoData.position(examplePath);
    int compared = assertTemplateLedger(shown.get("gammaxl-ledger-example.xlsx").get("Ledger"), example, examplePath);
    assertEquals(compared, assertTemplateLedger(shown.get("ledger-recalc.xlsx").get("Ledger"), example, examplePath));
    // The reports: every ledger cell and the book's summary column, and each leg's column.
    PriceSeries demoPath = DemoData.path(REPORT_DAYS);
    assertReport(shown.get("gammaxl-demo-report.xlsx"), DemoData.position(demoPath), demoPath);
    assertReport(shown.get("strangle-report.xlsx"), bookFromFile, bookPrices);
  }

  /**
   * A leg whose strike is out of domain: every computed cell of the ledger shows the catalogue's error for it
   * (#NUM!), and no number is shown where the book cannot be valued.
   */
  @org.junit.jupiter.api.Test
  void aBadLegShowsTheCataloguesErrorInTheLedgerAndNoNumber() throws Exception {
    PriceSeries path = DemoData.path(10);
    Path xlsx = dir.resolve("bad-strike.xlsx");
    try (XSSFWorkbook wb = org.gammaxl.workbooks.templates.LedgerTemplate.build(DemoData.position(path), path, 10)) {
      var legs = new org.apache.poi.ss.util.AreaReference(wb.getName("Legs").getRefersToFormula(),
          org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
      wb.getSheet("Ledger").getRow(legs.getFirstCell().getRow()).getCell(1).setCellValue(-5.0);
      try (var out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    }
    Object expected = org.gammaxl.sheet.Catalogue.standard().find("GX.BOOK.LEDGER").orElseThrow().invoke(new Object[] {
        new Object[][] {{45000.0}, {45001.0}}, new Object[][] {{100.0}, {101.0}},
        new Object[][] {{"C", -5.0, 45100.0, 1.0}}, 0.2});
    assertEquals(ExcelError.NUM, expected);
    List<List<String>> ledger = calc[HeadlessCalc.ALWAYS_RECALCULATE].sheetsAsCsv(List.of(xlsx)).get("bad-strike.xlsx")
        .get("Ledger");
    int head = 0;
    while (!ledger.get(head).get(0).equals("Time")) {
      head++;
    }
    for (int i = 1; i <= 10; i++) {
      List<String> row = ledger.get(head + i);
      for (int c = 2; c < 30; c++) {
        assertEquals(ExcelError.NUM.text(), row.get(c), "event " + i + " column " + ledger.get(head).get(c));
      }
    }
  }

  /** The ledger table of the template sheet against the engine, column by column (headers are display names). */
  private static int assertTemplateLedger(List<List<String>> sheet, PositionFile position, PriceSeries path)
      throws Exception {
    List<Object[]> expected = new ArrayList<>();
    EngineLedger engine = new EngineLedger();
    engine.run(position, path, expected::add);
    List<String> header = engine.header(position, path);
    int head = -1;
    for (int r = 0; r < sheet.size() && head < 0; r++) {
      if (sheet.get(r).size() > 1 && sheet.get(r).get(0).equals("Time") && sheet.get(r).get(1).equals("Spot")) {
        head = r;
      }
    }
    assertTrue(head > 0, "the ledger table's header row");
    List<String> shownHeader = sheet.get(head);
    int compared = 0;
    for (int c = 0; c < shownHeader.size() && !shownHeader.get(c).isEmpty(); c++) {
      int k = -1;
      for (int j = 0; j < header.size(); j++) {
        if (LedgerColumns.display(header.get(j)).equals(shownHeader.get(c)) || (c < 2 && j == c)) {
          k = j;
        }
      }
      assertTrue(k >= 0, "column " + shownHeader.get(c) + " is an engine column");
      for (int i = 0; i < expected.size(); i++) {
        assertShown(expected.get(i)[k], sheet.get(head + 1 + i).get(c), "Ledger " + header.get(k) + " event " + (i + 1));
        compared++;
      }
      if (head + 1 + expected.size() < sheet.size()) {
        assertEquals("", sheet.get(head + 1 + expected.size()).get(c), header.get(k) + " is blank after the last event");
      }
    }
    assertTrue(compared >= expected.size() * 30, "compared " + compared + " cells");
    return compared;
  }

  private static void assertReport(Map<String, List<List<String>>> sheets, PositionFile position, PriceSeries path)
      throws Exception {
    List<Object[]> expected = new ArrayList<>();
    EngineLedger engine = new EngineLedger();
    Object[][] summary = engine.run(position, path, expected::add);
    List<String> header = engine.header(position, path);
    List<List<String>> ledger = sheets.get("Ledger");
    assertEquals(header, ledger.get(0).subList(0, header.size()), "the report's ledger header is GX.BOOK.LEDGER's");
    for (int i = 0; i < expected.size(); i++) {
      for (int c = 0; c < header.size(); c++) {
        assertShown(expected.get(i)[c], ledger.get(1 + i).get(c), "report " + header.get(c) + " event " + (i + 1));
      }
    }
    // The summary sheet: one row per summary row (after the title, source and column heads), book then legs.
    List<List<String>> shown = sheets.get("Summary");
    int first = 3;
    for (int r = 0; r < summary.length; r++) {
      assertEquals(String.valueOf(summary[r][0]), shown.get(first + r).get(0), "summary row " + r);
      for (int c = 1; c < summary[r].length; c++) {
        assertShown(summary[r][c], shown.get(first + r).get(c), "summary " + summary[r][0] + " column " + c);
      }
    }
  }

  /** A value as Calc shows it in CSV: numbers raw, percentages with %, date-times as yyyy-MM-dd HH:mm:ss. */
  private static void assertShown(Object expected, String actual, String where) {
    if (expected instanceof Double d) {
      double a;
      if (actual.endsWith("%")) {
        a = Double.parseDouble(actual.substring(0, actual.length() - 1)) / 100;
        assertEquals(d, a, 1e-9 + 0.5e-2 * Math.abs(d), where + " (shown as a percentage)");
        return;
      }
      if (actual.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")) {
        a = ExcelDates.serial(LocalDateTime.parse(actual, CALC_TIME));
        assertEquals(d, a, 1.0 / 86_400, where + " (a date-time, to the second)");
        return;
      }
      if (actual.matches("\\d{4}-\\d\\d-\\d\\d")) {
        a = ExcelDates.serial(java.time.LocalDate.parse(actual).atStartOfDay());
        assertEquals(Math.floor(d), a, 0.0, where + " (a date)");
        return;
      }
      CalcExtensionIT.assertSameValue(d, actual, where);
    } else if (expected instanceof ExcelError e) {
      assertEquals(e.text(), actual, where);
    } else {
      assertEquals(String.valueOf(expected), actual, where);
    }
  }

  private static List<String> visibleSheets(Path file) throws Exception {
    List<String> visible = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
          visible.add(wb.getSheetName(i));
        }
      }
    }
    return visible;
  }
}
