package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GX.LEDGER and GX.LEDGER.SUMMARY against the ledger engine run directly. */
@ExtendWith(SheetCalls.class)
class LedgerFunctionsTest {
  private static final double[] TIMES = {0, 1.0 / 52, 2.0 / 52, 3.0 / 52, 4.0 / 52};
  private static final double[] SPOTS = {100, 102, 99, 101, 103.5};
  private static final Object[][] YEARS = {{"TIME", "YEARS"}};

  private static List<double[]> engine(HedgePolicy policy, double[] times, double[] spots, double[] vols) {
    LedgerRun run = HedgeLedger.of(Model.BSM.pricer(), Position.of(OptionLeg.of(OptionType.CALL, 100, 0.25, -100, 1)),
        policy).start();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      rows.add(run.step(times[i], spots[i], vols[i], Double.NaN, Double.NaN).toArray());
    }
    rows.add(run.summary().toArray());
    return rows;
  }

  private static void assertRows(List<double[]> expected, Object[][] table) {
    assertEquals(LedgerRow.headers(), List.of(table[0]));
    assertEquals(expected.size(), table.length, "header + one row per time (engine list has the summary last)");
    for (int r = 1; r < table.length; r++) {
      double[] e = expected.get(r - 1);
      for (int c = 0; c < e.length; c++) {
        Object cell = table[r][c];
        if (Double.isNaN(e[c])) {
          assertEquals("", cell, "row " + r + " " + LedgerColumn.values()[c]);
        } else {
          assertEquals(e[c], (Double) cell, 0.0, "row " + r + " " + LedgerColumn.values()[c]);
        }
      }
    }
  }

  @Test
  void ledgerRowsAreTheEnginesRowsUnderAHeader() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.05).feeBps(1).build();
    List<double[]> expected = engine(policy, TIMES, SPOTS, new double[] {0.2, 0.2, 0.2, 0.2, 0.2});
    Object[][] settings = {{"TIME", "YEARS"}, {"fee_bps", 1.0}};
    Object[][] table = (Object[][]) call("GX.LEDGER", column(TIMES), column(SPOTS), "C", 100.0, 0.25, -100.0, 0.2,
        0.05, Empty.MISSING, settings);
    assertRows(expected, table);
    assertTrue(LedgerRow.headers().contains("HEDGE_CASH"));
  }

  @Test
  void summaryIsNameValuePairs() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.05).build();
    List<double[]> expected = engine(policy, TIMES, SPOTS, new double[] {0.2, 0.2, 0.2, 0.2, 0.2});
    double[] summary = expected.get(expected.size() - 1);
    Object[][] table = (Object[][]) call("GX.LEDGER.SUMMARY", column(TIMES), column(SPOTS), "call", 100.0, 0.25,
        -100.0, 0.2, 0.05, 0.0, YEARS);
    assertEquals(SummaryItem.values().length, table.length);
    for (SummaryItem item : SummaryItem.values()) {
      assertEquals(item.label(), table[item.ordinal()][0]);
      double e = summary[item.ordinal()];
      assertEquals(Double.isNaN(e) ? ExcelError.NA : (Object) e, table[item.ordinal()][1], item.label());
    }
  }

  @Test
  void datesAreConvertedAct365FromTheFirstTimeAndShownAsGiven() {
    double start = 45000;
    double[] serials = new double[TIMES.length];
    double[] years = new double[TIMES.length];
    for (int i = 0; i < serials.length; i++) {
      serials[i] = start + 7 * i + (i == 0 ? 0 : 0.5);
      years[i] = (serials[i] - start) / 365;
    }
    double expirySerial = start + 91.25;
    HedgePolicy policy = HedgePolicy.builder().build();
    LedgerRun run = HedgeLedger.of(Model.BSM.pricer(), Position.of(OptionLeg.of(OptionType.CALL, 100, 91.25 / 365,
        -100, 1)), policy).start();
    Object[][] table = (Object[][]) call("GX.LEDGER", column(serials), column(SPOTS), "C", 100.0, expirySerial, -100.0,
        0.2);
    for (int i = 0; i < serials.length; i++) {
      double[] e = run.step(years[i], SPOTS[i], 0.2, Double.NaN, Double.NaN).toArray();
      assertEquals(serials[i], table[i + 1][LedgerColumn.TIME.ordinal()], "TIME shows the date-time given");
      assertEquals(e[LedgerColumn.TOTAL_PNL.ordinal()], (Double) table[i + 1][LedgerColumn.TOTAL_PNL.ordinal()], 1e-9);
      assertEquals(e[LedgerColumn.YEARS_LEFT.ordinal()], (Double) table[i + 1][LedgerColumn.YEARS_LEFT.ordinal()],
          1e-12);
    }
  }

  @Test
  void volMarksPerRowCarryForwardOverBlanksAndTrailingBlankRowsAreSkipped() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.DELTA).threshold(10).build();
    List<double[]> expected = engine(policy, TIMES, SPOTS, new double[] {0.2, Double.NaN, 0.25, Double.NaN, 0.22});
    Object[][] times = {{TIMES[0]}, {TIMES[1]}, {TIMES[2]}, {TIMES[3]}, {TIMES[4]}, {Empty.BLANK}};
    Object[][] spots = {{SPOTS[0]}, {SPOTS[1]}, {SPOTS[2]}, {SPOTS[3]}, {SPOTS[4]}, {Empty.BLANK}};
    Object[][] vols = {{0.2}, {Empty.BLANK}, {0.25}, {Empty.BLANK}, {0.22}, {Empty.BLANK}};
    Object[][] settings = {{"TIME", "YEARS"}, {Empty.BLANK, Empty.BLANK}, {"Rule", "delta"}, {"THRESHOLD", 10.0},
        {"FEE_BPS", Empty.BLANK}};
    assertRows(expected, (Object[][]) call("GX.LEDGER", times, spots, "C", 100.0, 0.25, -100.0, vols, Empty.MISSING,
        Empty.MISSING, settings));
  }

  @Test
  void badInputsGiveTheirErrors() {
    Object[][] t = column(TIMES);
    Object[][] s = column(SPOTS);
    assertEquals(ExcelError.VALUE, call("GX.LEDGER", t, s, "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0,
        new Object[][] {{"TIME", "YEARS"}, {"COLOUR", "RED"}}));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("unknown setting 'COLOUR'"));
    assertEquals(ExcelError.VALUE, call("GX.LEDGER", t, s, "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0,
        new Object[][] {{"TIME", "YEARS"}, {"RULE", "SOMETIMES"}}));
    assertEquals(ExcelError.NUM, call("GX.LEDGER", t, s, "C", -100.0, 0.25, -100.0, 0.2, 0.0, 0.0, YEARS));
    assertEquals(ExcelError.VALUE, call("GX.LEDGER", t, column(100, 101), "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0,
        YEARS));
    Object[][] gap = {{100.0}, {Empty.BLANK}, {99.0}, {101.0}, {103.5}};
    assertEquals(ExcelError.NA, call("GX.LEDGER", t, gap, "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0, YEARS));
    Object[][] err = {{100.0}, {ExcelError.DIV0}, {99.0}, {101.0}, {103.5}};
    assertEquals(ExcelError.DIV0, call("GX.LEDGER.SUMMARY", t, err, "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0, YEARS));
    Object[][] unsorted = column(0, 0.02, 0.01, 0.03, 0.04);
    Object r = call("GX.LEDGER", unsorted, s, "C", 100.0, 0.25, -100.0, 0.2, 0.0, 0.0, YEARS);
    assertTrue(r instanceof ExcelError, String.valueOf(r));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("row 3"), Diagnostics.lastFailure().toString());
    assertEquals(ExcelError.NUM, call("GX.LEDGER", column(45000, 45001), column(100, 101), "C", 100.0, 0.25, -1.0, 0.2),
        "expiry 0.25 is not a date after the first time");
    assertEquals(ExcelError.NA, call("GX.LEDGER", new Object[][] {{Empty.BLANK}}, new Object[][] {{Empty.BLANK}}, "C",
        100.0, 0.25, -1.0, 0.2), "no observations yet");
  }
}
