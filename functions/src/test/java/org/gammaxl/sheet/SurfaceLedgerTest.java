package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.gammaxl.vol.Svi;
import org.gammaxl.vol.SviSurface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GX.BOOK.LEDGER with a vol surface as `vol`: every leg marked on the surface at its strike and time left. */
@ExtendWith(SheetCalls.class)
class SurfaceLedgerTest {
  private static final Object[][] TIMES = {{0.0}, {1.0 / 52}, {2.0 / 52}, {3.0 / 52}};
  private static final double[] SPOTS = {100, 103, 99, 101};
  private static final Object[][] SURFACE = {
      {"YEARS", "A", "B", "RHO", "M", "SIGMA"},
      {0.25, 0.01, 0.04, -0.5, 0.02, 0.08},
      {1.0, 0.04, 0.1, -0.4, 0.0, 0.1}};
  private static final SviSurface EXPECTED = SviSurface.of(new double[] {0.25, 1},
      new Svi[] {Svi.of(0.01, 0.04, -0.5, 0.02, 0.08), Svi.of(0.04, 0.1, -0.4, 0, 0.1)});
  /** A calendar with a skewed wing: 10 calls at 100 to 0.25 y, short 5 puts at 95 to 0.6 y. */
  private static final Object[][] LEGS = {{"C", 100.0, 0.25, 10.0}, {"P", 95.0, 0.6, -5.0}};
  private static final double R = 0.04;
  private static final double Q = 0.01;
  /** Two cash dividends on the ledger's time axis: inside the path (before the call's expiry) and after it. */
  private static final Object[][] DIV_TIMES = {{1.5 / 52}, {0.4}};
  private static final Object[][] DIV_AMOUNTS = {{1.0}, {1.2}};

  private static Object[][] ledger(Object legs, String smile, String... more) {
    Object[][] settings = new Object[2 + more.length / 2][];
    settings[0] = new Object[] {"TIME", "YEARS"};
    settings[1] = new Object[] {"SMILE", smile};
    for (int i = 0; i < more.length; i += 2) {
      settings[2 + i / 2] = new Object[] {more[i], more[i + 1]};
    }
    Object[][] spots = column(SPOTS);
    Object r = call("GX.BOOK.LEDGER", TIMES, spots, legs, SURFACE, R, Q, settings);
    assertTrue(r instanceof Object[][], r + " " + Diagnostics.lastFailure());
    return (Object[][]) r;
  }

  private static double at(Object[][] ledger, int row, String column) {
    List<Object> header = Arrays.asList(ledger[0]);
    int c = header.indexOf(column);
    assertTrue(c >= 0, "no column " + column);
    return (Double) ledger[row][c];
  }

  private static double price(String type, double spot, double strike, double years, Object vol) {
    Object r = call("GX.PRICE", type, spot, strike, years, vol, R, Q);
    assertTrue(r instanceof Double, r + " " + Diagnostics.lastFailure());
    return (Double) r;
  }

  @Test
  void theFirstRowsValueIsTheSumOfGxPriceAtEachLegsSurfaceVol() {
    for (String smile : new String[] {"STICKY_STRIKE", "STICKY_MONEYNESS"}) {
      Object[][] l = ledger(LEGS, smile);
      double expected = 10 * price("C", 100, 100, 0.25, SURFACE) - 5 * price("P", 100, 95, 0.6, SURFACE);
      assertEquals(expected, at(l, 1, "OPTION_VALUE"), 1e-12, smile);
      double volC = EXPECTED.vol(100, 100 * Math.exp((R - Q) * 0.25), 0.25);
      assertEquals(10 * price("C", 100, 100, 0.25, volC) - 5 * price("P", 100, 95, 0.6,
          EXPECTED.vol(95, 100 * Math.exp((R - Q) * 0.6), 0.6)), at(l, 1, "OPTION_VALUE"), 1e-12);
    }
  }

  @Test
  void stickyMoneynessMovesTheSurfaceWithTheForwardAndStickyStrikeKeepsItInStrike() {
    Object[][] moneyness = ledger(LEGS, "STICKY_MONEYNESS");
    Object[][] strike = ledger(LEGS, "STICKY_STRIKE");
    for (int row = 2; row <= 4; row++) {
      double t = (Double) TIMES[row - 1][0];
      double s = SPOTS[row - 1];
      double t1 = 0.25 - t;
      double t2 = 0.6 - t;
      // moneyness: the vol read at this spot's forward, as GX.PRICE reads a surface
      assertEquals(10 * price("C", s, 100, t1, SURFACE) - 5 * price("P", s, 95, t2, SURFACE),
          at(moneyness, row, "OPTION_VALUE"), 1e-11, "STICKY_MONEYNESS row " + row);
      // strike: the vol read at the first spot's forward over the time left
      double v1 = EXPECTED.vol(100, 100 * Math.exp((R - Q) * t1), t1);
      double v2 = EXPECTED.vol(95, 100 * Math.exp((R - Q) * t2), t2);
      assertEquals(10 * price("C", s, 100, t1, v1) - 5 * price("P", s, 95, t2, v2),
          at(strike, row, "OPTION_VALUE"), 1e-11, "STICKY_STRIKE row " + row);
    }
  }

  @Test
  void theSmileDeltaOnASurfaceIsTheTotalDerivativeOfTheStickyMoneynessPrice() {
    Object[][] l = ledger(LEGS, "STICKY_MONEYNESS", "HEDGE_DELTA", "SMILE");
    double t = 2.0 / 52;
    double s = 99;
    double h = 1e-4;
    double fd = 0;
    for (int sign : new int[] {1, -1}) {
      double up = s + sign * h;
      fd += sign * (10 * price("C", up, 100, 0.25 - t, SURFACE) - 5 * price("P", up, 95, 0.6 - t, SURFACE));
    }
    fd /= 2 * h;
    assertEquals(fd, at(l, 3, "HEDGE_DELTA"), 1e-6);
    assertTrue(Math.abs(fd - at(l, 3, "DELTA")) > 1e-3, "the smile moves the delta");
  }

  @Test
  void withDividendsTheLegsAreReadAtTheEscrowedForwardAsGxPriceReadsTheSurface() {
    Object[][] spots = column(SPOTS);
    for (String smile : new String[] {"STICKY_STRIKE", "STICKY_MONEYNESS"}) {
      Object r = call("GX.BOOK.LEDGER", TIMES, spots, LEGS, SURFACE, R, Q,
          new Object[][] {{"TIME", "YEARS"}, {"SMILE", smile}}, Empty.MISSING, Empty.MISSING, Empty.MISSING,
          DIV_TIMES, DIV_AMOUNTS);
      assertTrue(r instanceof Object[][], r + " " + Diagnostics.lastFailure());
      Object[][] l = (Object[][]) r;
      // the first row: each leg at GX.PRICE on the surface with the same dividends
      double first = 10 * priceWithDividends("C", 100, 100, 0.25, SURFACE, 0)
          - 5 * priceWithDividends("P", 100, 95, 0.6, SURFACE, 0);
      assertEquals(first, at(l, 1, "OPTION_VALUE"), 1e-12, smile);
    }
    // STICKY_MONEYNESS after a spot move, before the first ex-date: GX.PRICE at this spot and time
    Object[][] l = (Object[][]) call("GX.BOOK.LEDGER", TIMES, spots, LEGS, SURFACE, R, Q,
        new Object[][] {{"TIME", "YEARS"}, {"SMILE", "STICKY_MONEYNESS"}}, Empty.MISSING, Empty.MISSING,
        Empty.MISSING, DIV_TIMES, DIV_AMOUNTS);
    double t = 1.0 / 52;
    assertEquals(10 * priceWithDividends("C", 103, 100, 0.25 - t, SURFACE, t)
        - 5 * priceWithDividends("P", 103, 95, 0.6 - t, SURFACE, t),
        at(l, 2, "OPTION_VALUE"), 1e-11);
  }

  @Test
  void withDividendsTheSmileDeltaIsStillTheTotalDerivativeOfGxPrice() {
    Object[][] spots = column(SPOTS);
    Object[][] l = (Object[][]) call("GX.BOOK.LEDGER", TIMES, spots, LEGS, SURFACE, R, Q,
        new Object[][] {{"TIME", "YEARS"}, {"SMILE", "STICKY_MONEYNESS"}, {"HEDGE_DELTA", "SMILE"}},
        Empty.MISSING, Empty.MISSING, Empty.MISSING, DIV_TIMES, DIV_AMOUNTS);
    double t = 1.0 / 52;
    double h = 1e-4;
    double fd = 0;
    for (int sign : new int[] {1, -1}) {
      double up = 103 + sign * h;
      fd += sign * (10 * priceWithDividends("C", up, 100, 0.25 - t, SURFACE, t)
          - 5 * priceWithDividends("P", up, 95, 0.6 - t, SURFACE, t));
    }
    fd /= 2 * h;
    assertEquals(fd, at(l, 2, "HEDGE_DELTA"), 1e-6);
  }

  /** GX.PRICE at {@code now} with the ledger's dividends (on the ledger's time axis) moved to times from now. */
  private static double priceWithDividends(String type, double spot, double strike, double years, Object vol,
      double now) {
    Object[][] times = new Object[DIV_TIMES.length][1];
    for (int i = 0; i < DIV_TIMES.length; i++) {
      times[i][0] = (Double) DIV_TIMES[i][0] - now;
    }
    Object r = call("GX.PRICE", type, spot, strike, years, vol, R, Q, "BSM", times, DIV_AMOUNTS);
    assertTrue(r instanceof Double, r + " " + Diagnostics.lastFailure());
    return (Double) r;
  }

  @Test
  void theSingleLegLedgerTakesTheSurfaceToo() {
    Object[][] spots = {{100.0}, {103.0}, {99.0}, {101.0}};
    Object r = call("GX.LEDGER", TIMES, spots, "P", 95.0, 0.6, -5.0, SURFACE, R, Q,
        new Object[][] {{"TIME", "YEARS"}, {"SMILE", "STICKY_MONEYNESS"}});
    assertTrue(r instanceof Object[][], r + " " + Diagnostics.lastFailure());
    Object[][] l = (Object[][]) r;
    assertEquals(-5 * price("P", 99, 95, 0.6 - 2.0 / 52, SURFACE), at(l, 3, "OPTION_VALUE"), 1e-11);
  }

  @Test
  void theSummarySaysTheLegsAreMarkedOnTheSurface() {
    Object[][] spots = {{100.0}, {103.0}, {99.0}, {101.0}};
    Object[][] summary = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, spots, LEGS, SURFACE, R, Q,
        new Object[][] {{"TIME", "YEARS"}});
    for (Object[] row : summary) {
      if ("VOL".equals(row[0])) {
        assertEquals("SURFACE", row[2]);
        assertEquals("SURFACE", row[3]);
        return;
      }
    }
    throw new AssertionError("no VOL row");
  }

  @Test
  void aLegsOwnVolAndASurfaceAreNotBothTaken() {
    Object[][] legs = {{"C", 100.0, 0.25, 10.0, 0.2}};
    Object[][] settings = {{"TIME", "YEARS"}};
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER", TIMES, TIMES, legs, SURFACE, R, Q, settings));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("legs row 1: vol"));
    Object[][] unsorted = {SURFACE[0], SURFACE[2], SURFACE[1]};
    assertEquals(ExcelError.NUM, call("GX.BOOK.LEDGER.SUMMARY", TIMES, TIMES, LEGS, unsorted, R, Q, settings));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("vol row 3: years"));
  }
}
