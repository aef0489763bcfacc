package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.SummaryItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GX.BOOK.LEDGER and GX.BOOK.LEDGER.SUMMARY as a worksheet calls them, against the single-leg functions and GX.PRICE. */
@ExtendWith(SheetCalls.class)
class BookLedgerFunctionsTest {
  private static final Object[][] TIMES = column(0, 1.0 / 52, 2.0 / 52, 3.0 / 52, 4.0 / 52, 5.0 / 52);
  private static final Object[][] SPOTS = column(100, 103, 99, 96.5, 101, 104);
  private static final Object[][] YEARS = {{"TIME", "YEARS"}};
  private static final Object B = Empty.BLANK;
  private static final Object M = Empty.MISSING;

  /** A summary's value: column 1 is the book, 2.. the legs. */
  private static double item(Object[][] summary, String name, int column) {
    for (Object[] row : summary) {
      if (row[0].equals(name)) {
        return (Double) row[column];
      }
    }
    throw new AssertionError("no row " + name);
  }

  private static Object text(Object[][] summary, String name) {
    for (Object[] row : summary) {
      if (row[0].equals(name)) {
        return row[1];
      }
    }
    throw new AssertionError("no row " + name);
  }

  private static Object[][] bookSummary(Object legs, Object vol, Object settings) {
    return (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, vol, 0.04, 0.01, settings);
  }

  @Test
  void aStraddlesPnlWithoutCostsRebalancedEveryRowIsItsCallsPlusItsPuts() {
    Object[][] straddle = {{"C", 100.0, 0.25, -10.0}, {"P", 100.0, 0.25, -10.0}};
    double book = item(bookSummary(straddle, 0.2, YEARS), "TOTAL_PNL", 1);
    double sum = 0;
    for (String type : new String[] {"C", "P"}) {
      Object[][] single = (Object[][]) call("GX.LEDGER.SUMMARY", TIMES, SPOTS, type, 100.0, 0.25, -10.0, 0.2, 0.04,
          0.01, YEARS);
      sum += (Double) single[SummaryItem.TOTAL_PNL.ordinal()][1];
    }
    assertTrue(Math.abs(book) > 0.05, "a P&L worth comparing: " + book);
    assertEquals(sum, book, 1e-12 * 1000);
  }

  @Test
  void aOneLegBookIsGxLedgerColumnForColumn() {
    Object[][] settings = {{"TIME", "YEARS"}, {"RULE", "DELTA"}, {"THRESHOLD", 2.0}, {"FEE_BPS", 1.0}};
    Object[][] book = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, new Object[][] {{"C", 100.0, 0.25, -10.0}},
        0.2, 0.04, 0.01, settings);
    Object[][] single = (Object[][]) call("GX.LEDGER", TIMES, SPOTS, "C", 100.0, 0.25, -10.0, 0.2, 0.04, 0.01,
        settings);
    assertEquals(single.length, book.length);
    for (int r = 0; r < single.length; r++) {
      for (int c = 0; c < single[r].length; c++) {
        assertEquals(single[r][c], book[r][c], "row " + r + " column " + single[0][c]);
      }
    }
    assertEquals("HEDGE_DELTA", book[0][LedgerColumn.values().length]);
  }

  @Test
  void anAmericanPutLegStartsAtGxPriceAmerican() {
    Object[][] legs = {{"P", 105.0, 0.5, 10.0, B}, {"C", 95.0, 0.25, -5.0, 0.24}};
    Object[][] settings = {{"TIME", "YEARS"}, {"MODEL", "AMERICAN"}, {"MULTIPLIER", 100.0}};
    Object[][] summary = bookSummary(legs, 0.22, settings);
    double put = (Double) call("GX.PRICE", "P", 100.0, 105.0, 0.5, 0.22, 0.04, 0.01, "AMERICAN");
    double call = (Double) call("GX.PRICE", "C", 100.0, 95.0, 0.25, 0.24, 0.04, 0.01, "AMERICAN");
    assertEquals(1000 * put, item(summary, "INITIAL_OPTION_VALUE", 2), 1e-9);
    assertEquals(-500 * call, item(summary, "INITIAL_OPTION_VALUE", 3), 1e-9);
    assertEquals(1000 * put - 500 * call, item(summary, "INITIAL_OPTION_VALUE", 1), 1e-9);
    double european = (Double) call("GX.PRICE", "P", 100.0, 105.0, 0.5, 0.22, 0.04, 0.01);
    assertTrue(put > european + 0.05, "the early-exercise premium is really there");
    assertEquals("REUSE", text(summary, "REVALUE"));
    assertEquals("AMERICAN", text(summary, "MODEL"));
  }

  @Test
  void aSmileMarkedBooksInitialValueIsTheSumOfGxPriceAtEachLegsVol() {
    Object[][] legs = {{"P", 90.0, 0.25, 10.0, 0.27}, {"C", 110.0, 0.25, 10.0, 0.18}, {"C", 100.0, 0.5, -8.0, B}};
    Object[][] settings = {{"TIME", "YEARS"}, {"SMILE", "STICKY_MONEYNESS"}, {"HEDGE_DELTA", "SMILE"}};
    Object[][] marks = {{0.21}, {B}, {0.22}, {B}, {0.2}, {0.21}};
    Object[][] summary = bookSummary(legs, marks, settings);
    double expected = 10 * (Double) call("GX.PRICE", "P", 100.0, 90.0, 0.25, 0.27, 0.04, 0.01)
        + 10 * (Double) call("GX.PRICE", "C", 100.0, 110.0, 0.25, 0.18, 0.04, 0.01)
        - 8 * (Double) call("GX.PRICE", "C", 100.0, 100.0, 0.5, 0.21, 0.04, 0.01);
    assertEquals(expected, item(summary, "INITIAL_OPTION_VALUE", 1), 1e-10);
    assertEquals("SMILE", text(summary, "HEDGE_DELTA"));
    assertEquals("STICKY_MONEYNESS", text(summary, "SMILE"));
    // the legs' attribution adds up to the book's
    for (String name : new String[] {"GAMMA_PNL", "THETA_PNL", "VEGA_PNL", "OPTION_PNL"}) {
      double legs3 = item(summary, name, 2) + item(summary, name, 3) + item(summary, name, 4);
      assertEquals(item(summary, name, 1), legs3, 1e-9, name);
    }
  }

  @Test
  void theLegSettingShowsOneLegAlone() {
    Object[][] legs = {{"type", "strike", "expiry", "quantity", "vol"}, {"C", 100.0, 0.25, 10.0, B},
        {"P", 95.0, 0.25, B, B}, {"P", 100.0, 0.25, 10.0, 0.22}};
    Object[][] book = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01, YEARS);
    Object[][] leg2 = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01,
        new Object[][] {{"TIME", "YEARS"}, {"LEG", 2.0}});
    Object[][] leg4 = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01,
        new Object[][] {{"TIME", "YEARS"}, {"LEG", 4.0}});
    int value = LedgerColumn.OPTION_VALUE.ordinal();
    for (int r = 1; r < book.length; r++) {
      assertEquals((Double) book[r][value], (Double) leg2[r][value] + (Double) leg4[r][value], 1e-9);
      assertEquals("", leg2[r][LedgerColumn.HEDGE_POSITION.ordinal()], "the hedge is the book's");
      assertEquals(0.22, (Double) leg4[r][LedgerColumn.VOL.ordinal()], 1e-15);
    }
    assertEquals(ExcelError.NUM, call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01,
        new Object[][] {{"TIME", "YEARS"}, {"LEG", 3.0}}), "row 3 has no quantity: not a leg");
  }

  @Test
  void badLegsNameTheirRow() {
    Object[][] unknownType = {{"C", 100.0, 0.25, 10.0}, {"STRADDLE", 100.0, 0.25, 10.0}};
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER", TIMES, SPOTS, unknownType, 0.2, 0.0, 0.0, YEARS));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("legs row 2: type"),
        Diagnostics.lastFailure().get().reason());
    Object[][] badStrike = {{"C", 100.0, 0.25, 10.0}, {"P", 100.0, 0.25, B}, {"P", -5.0, 0.25, 10.0}};
    assertEquals(ExcelError.NUM, call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, badStrike, 0.2, 0.0, 0.0, YEARS));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("legs row 3: strike"),
        Diagnostics.lastFailure().get().reason());
    Object[][] badVol = {{"C", 100.0, 0.25, 10.0, -0.2}};
    assertEquals(ExcelError.NUM, call("GX.BOOK.LEDGER", TIMES, SPOTS, badVol, 0.2, 0.0, 0.0, YEARS));
    Object[][] noLegs = {{"C", 100.0, 0.25, B}};
    assertEquals(ExcelError.NA, call("GX.BOOK.LEDGER", TIMES, SPOTS, noLegs, 0.2, 0.0, 0.0, YEARS));
    Object[][] blankRowsSkipped = {{"C", 100.0, 0.25, 10.0}, {B, B, B, B}, {"P", 90.0, 0.25, B}};
    Object[][] one = {{"C", 100.0, 0.25, 10.0}};
    assertEquals(item(bookSummary(one, 0.2, YEARS), "TOTAL_PNL", 1),
        item(bookSummary(blankRowsSkipped, 0.2, YEARS), "TOTAL_PNL", 1));
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER", TIMES, SPOTS, new Object[][] {{"C", 100.0, 0.25}}, 0.2,
        0.0, 0.0, YEARS));
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER", TIMES, SPOTS, one, 0.2, 0.0, 0.0,
        new Object[][] {{"TIME", "YEARS"}, {"SMILE", "STICKY_VEGA"}}));
  }

  @Test
  void quotesTradeAtTheTouchAndUserFillsAreBookedBesideTheRule() {
    Object[][] legs = {{"C", 100.0, 0.25, -10.0}, {"P", 100.0, 0.25, -10.0}};
    double[] spots = {100, 103, 99, 96.5, 101, 104};
    Object[][] bids = new Object[6][1];
    Object[][] asks = new Object[6][1];
    for (int i = 0; i < 6; i++) {
      bids[i][0] = spots[i] - 0.05;
      asks[i][0] = spots[i] + 0.05;
    }
    Object[][] book = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01, YEARS, bids, asks);
    for (int r = 1; r < book.length; r++) {
      Object qty = book[r][LedgerColumn.TRADE_QTY.ordinal()];
      if ((Double) qty != 0) {
        double touch = (Double) qty > 0 ? spots[r - 1] + 0.05 : spots[r - 1] - 0.05;
        assertEquals(touch, (Double) book[r][LedgerColumn.TRADE_PRICE.ordinal()], 1e-9, "row " + r);
      }
    }
    Object[][] byRule = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, 0.2, 0.04, 0.01, YEARS,
        bids, asks);
    // the trader hedged once, at the first row, at the touch, and then left it
    double first = (Double) book[1][LedgerColumn.TRADE_QTY.ordinal()];
    Object[][] fills = {{first}, {B}, {B}, {0.0}, {B}, {B}};
    Object[][] mine = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, 0.2, 0.04, 0.01, YEARS,
        bids, asks, fills);
    assertEquals(1.0, item(mine, "USER_FILLS", 1));
    assertEquals(1.0, item(mine, "HEDGE_COUNT", 1));
    assertEquals(item(byRule, "TOTAL_PNL", 1), item(mine, "RULE_TOTAL_PNL", 1), 1e-9);
    assertEquals(item(byRule, "HEDGE_COUNT", 1), item(mine, "RULE_HEDGE_COUNT", 1));
    assertEquals("NONE", text(byRule, "USER_FILLS"));
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.2, 0.04, 0.01, YEARS, bids, M),
        "bids without asks");
  }

  // ------------------------------------------------------------------ clocks

  /** Excel serial of a date at a time of day (hours). */
  private static double serial(LocalDate date, double hours) {
    return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), date) + hours / 24;
  }

  @Test
  void intradayRealizedVolOnTheTradingClockRecoversTheSimulatedVol() {
    // 20 sessions of one-minute bars stamped at their close, 09:31 to 16:00, spot simulated at 23 % a year
    // of trading time (252 sessions of 390 minutes); the gap from 16:00 to the next 09:31 is one minute of it
    double sigma = 0.23;
    double dt = 1.0 / (252 * 390);
    SplittableRandom random = new SplittableRandom(2024);
    List<Double> times = new ArrayList<>();
    List<Double> spots = new ArrayList<>();
    double s = 100;
    LocalDate day = LocalDate.of(2026, 1, 5); // a Monday
    for (int session = 0; session < 20; ) {
      if (day.getDayOfWeek().getValue() <= 5) {
        for (int minute = 1; minute <= 390; minute++) {
          times.add(serial(day, 9.5 + minute / 60.0));
          spots.add(s);
          s *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * random.nextGaussian());
        }
        session++;
      }
      day = day.plusDays(1);
    }
    Object[][] t = new Object[times.size()][1];
    Object[][] x = new Object[times.size()][1];
    for (int i = 0; i < t.length; i++) {
      t[i][0] = times.get(i);
      x[i][0] = spots.get(i);
    }
    Object[][] straddle = {{"C", 100.0, serial(LocalDate.of(2026, 3, 31), 16), 10.0},
        {"P", 100.0, serial(LocalDate.of(2026, 3, 31), 16), 10.0}};
    Object[][] trading = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", t, x, straddle, 0.23, 0.0, 0.0,
        new Object[][] {{"BASIS", "TRADING"}, {"RULE", "DELTA"}, {"THRESHOLD", 2.0}});
    double n = t.length - 1;
    double standardError = sigma / Math.sqrt(2 * n); // 0.0018 for 7,799 returns
    double realized = item(trading, "REALIZED_VOL", 1);
    assertEquals(sigma, realized, 3 * standardError, "REALIZED_VOL on the TRADING clock");
    assertEquals(20.0 / 252, item(trading, "YEARS", 1), 1.0 / (252 * 390), "20 sessions less one minute");
    assertEquals("TRADING 09:30-16:00", text(trading, "BASIS"));
    // the same path on the calendar clock annualises 525,600 minutes a year: the 0.55 of the bug report
    Object[][] calendar = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", t, x, straddle, 0.23, 0.0, 0.0,
        new Object[][] {{"RULE", "DELTA"}, {"THRESHOLD", 2.0}});
    assertTrue(item(calendar, "REALIZED_VOL", 1) > 2 * sigma, "ACT/365F: " + item(calendar, "REALIZED_VOL", 1));
    // BUS/252 counts all 24 hours of a weekday: still √(24/6.5) too high
    Object[][] business = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", t, x, straddle, 0.23, 0.0, 0.0,
        new Object[][] {{"BASIS", "BUS/252"}, {"RULE", "DELTA"}, {"THRESHOLD", 2.0}});
    assertEquals(sigma * Math.sqrt(24 / 6.5), item(business, "REALIZED_VOL", 1), 0.05);
  }
}
