package org.gammaxl.workbooks.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.sheet.Catalogue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EngineLedgerTest {
  private static PositionFile position(String rule, double threshold, PriceSeries path) {
    PositionFile d = DemoData.position(path);
    return new PositionFile(d.underlying(), "P", 95, d.expiry() + 20, 250, 10, 0.55, null, rule, threshold, 1.5, 2.5,
        0.04, 0.01, "SPOT");
  }

  @Test
  void streamsOneRowPerObservationWithExcelTimesAndASummary() throws Exception {
    PriceSeries path = DemoData.path(50);
    List<Object[]> rows = new ArrayList<>();
    Object[][] summary = new EngineLedger().run(DemoData.position(path), path, rows::add);
    assertEquals(50, rows.size());
    assertEquals(LedgerColumn.values().length + org.gammaxl.ledger.BookColumn.values().length, rows.get(0).length,
        "the demo straddle is a book: GX.BOOK.LEDGER's columns");
    assertEquals(path.times()[7], rows.get(7)[LedgerColumn.TIME.ordinal()], "TIME shows the Excel date-time");
    assertEquals(path.spots()[7], rows.get(7)[LedgerColumn.SPOT.ordinal()]);
    assertTrue(summary.length > 3);
  }

  @Test
  void badInputsBecomeAReportErrorNamingTheArgument() {
    PriceSeries path = DemoData.path(20);
    PositionFile p = DemoData.position(path);
    PositionFile expired = new PositionFile(p.underlying(), "C", 100, path.times()[0] - 1, -1, 1, 0.5, null,
        "EVERY", 0, 0, 0, 0, 0, "SPOT");
    var e = assertThrows(ReportException.class, () -> new EngineLedger().run(expired, path, r -> { }));
    assertTrue(e.getMessage().startsWith("the ledger engine rejected the inputs: "), e.getMessage());
  }

  /** The streamed engine and the catalogue's GX.LEDGER give the same table, setting by setting. */
  @ParameterizedTest
  @ValueSource(strings = {"EVERY", "DELTA", "MOVE", "TIME", "WW"})
  void sameTableAsTheCataloguesGxLedger(String rule) throws Exception {
    var ledger = Catalogue.standard().find("GX.LEDGER");
    var summary = Catalogue.standard().find("GX.LEDGER.SUMMARY");
    assumeTrue(ledger.isPresent() && summary.isPresent(), "GX.LEDGER is not in the catalogue of this build yet; test skipped");
    PriceSeries path = DemoData.path(80);
    double threshold = switch (rule) {
      case "DELTA" -> 20;
      case "MOVE" -> 2;
      case "TIME" -> 3.0 / 365;
      case "WW" -> 0.01;
      default -> 0;
    };
    PositionFile p = position(rule, threshold, path);
    List<Object[]> engineRows = new ArrayList<>();
    Object[][] engineSummary = new EngineLedger().run(p, path, engineRows::add);
    List<Object[]> catalogueRows = new ArrayList<>();
    Object[][] catalogueSummary = new CatalogueLedger(ledger.get(), summary.get()).run(p, path, catalogueRows::add);
    assertEquals(catalogueRows.size(), engineRows.size());
    for (int r = 0; r < engineRows.size(); r++) {
      assertArrayEquals(catalogueRows.get(r), engineRows.get(r), rule + " row " + r);
    }
    assertEquals(catalogueSummary.length, engineSummary.length);
    for (int r = 0; r < engineSummary.length; r++) {
      assertArrayEquals(catalogueSummary[r], engineSummary[r], rule + " summary row " + r);
    }
  }

  /**
   * A future hedge with lot rounding and another pricer, set through the position file's keys: the same
   * table as GX.LEDGER with the settings FUTURE_EXPIRY, LOT and MODEL, and they change the ledger.
   */
  @ParameterizedTest
  @ValueSource(strings = {"BSM", "BLACK76", "AMERICAN"})
  void futureHedgeLotAndModelAsInTheCataloguesGxLedger(String model) throws Exception {
    var ledger = Catalogue.standard().find("GX.LEDGER");
    var summary = Catalogue.standard().find("GX.LEDGER.SUMMARY");
    assumeTrue(ledger.isPresent() && summary.isPresent(), "GX.LEDGER is not in the catalogue of this build yet; test skipped");
    PriceSeries path = DemoData.path(80);
    PositionFile d = position("DELTA", 20, path);
    PositionFile p = new PositionFile(d.underlying(), d.type(), d.strike(), d.expiry(), d.quantity(), d.multiplier(),
        d.vol(), null, d.rule(), d.threshold(), d.feeBps(), d.slippageBps(), d.rate(), d.yield(), "FUTURE",
        d.expiry() + 30, 5.0, model);
    List<Object[]> engineRows = new ArrayList<>();
    Object[][] engineSummary = new EngineLedger().run(p, path, engineRows::add);
    List<Object[]> catalogueRows = new ArrayList<>();
    Object[][] catalogueSummary = new CatalogueLedger(ledger.get(), summary.get()).run(p, path, catalogueRows::add);
    assertEquals(catalogueRows.size(), engineRows.size());
    for (int r = 0; r < engineRows.size(); r++) {
      assertArrayEquals(catalogueRows.get(r), engineRows.get(r), model + " row " + r);
    }
    for (int r = 0; r < engineSummary.length; r++) {
      assertArrayEquals(catalogueSummary[r], engineSummary[r], model + " summary row " + r);
    }
    int hedge = LedgerColumn.HEDGE_POSITION.ordinal();
    for (Object[] row : engineRows) {
      double h = (Double) row[hedge];
      assertEquals(Math.rint(h / 5.0) * 5.0, h, 1e-9, "hedge position in lots of 5");
    }
    List<Object[]> spotRows = new ArrayList<>();
    new EngineLedger().run(d, path, spotRows::add);
    int total = LedgerColumn.TOTAL_PNL.ordinal();
    assertNotEquals(spotRows.get(79)[total], engineRows.get(79)[total], "the future hedge changes the ledger");
  }
}
