package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.number;
import static org.gammaxl.sheet.SheetCalls.reason;
import static org.gammaxl.sheet.SheetCalls.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.vol.Svi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GX.SVI.SURFACE, and GX.PRICE and the greeks reading their vol off the table it returns. */
@ExtendWith(SheetCalls.class)
class SurfaceFunctionsTest {
  private static final Svi SHORT = Svi.of(0.01, 0.04, -0.5, 0.02, 0.08);
  private static final Svi LONG = Svi.of(0.04, 0.1, -0.4, 0, 0.1);
  /** A surface table as GX.SVI.SURFACE lays it out (header, then years, a, b, rho, m, sigma, …). */
  private static final Object[][] TABLE = {
      {"YEARS", "A", "B", "RHO", "M", "SIGMA"},
      {0.25, 0.01, 0.04, -0.5, 0.02, 0.08},
      {1.0, 0.04, 0.1, -0.4, 0.0, 0.1}};

  @Test
  void thePriceOnASurfaceIsThePriceAtTheSurfacesVol() {
    double s = 100;
    double r = 0.04;
    double q = 0.01;
    for (double t : new double[] {0.1, 0.25, 0.6, 1, 2}) {
      for (double k : new double[] {80, 95, 100, 110, 130}) {
        double f = s * Math.exp((r - q) * t);
        double x = Math.log(k / f);
        double w;
        if (t <= 0.25) {
          w = SHORT.totalVariance(x) * t / 0.25;
        } else if (t >= 1) {
          w = LONG.totalVariance(x) * t;
        } else {
          double a = (t - 0.25) / 0.75;
          w = SHORT.totalVariance(x) + a * (LONG.totalVariance(x) - SHORT.totalVariance(x));
        }
        double vol = Math.sqrt(w / t);
        assertEquals(number("GX.PRICE", "P", s, k, t, vol, r, q), number("GX.PRICE", "P", s, k, t, TABLE, r, q),
            1e-13, "T " + t + " K " + k);
        assertEquals(number("GX.VEGA", "C", s, k, t, vol, r, q), number("GX.VEGA", "C", s, k, t, TABLE, r, q), 1e-13);
        assertEquals(number("GX.GREEK", "VANNA", "C", s, k, t, vol, r, q),
            number("GX.GREEK", "VANNA", "C", s, k, t, TABLE, r, q), 1e-13);
      }
    }
    // at a slice's expiry the vol is that slice's GX.SVI.VOL
    double f = s * Math.exp((r - q));
    double vol = number("GX.SVI.VOL", 90.0, f, 1.0, 0.04, 0.1, -0.4, 0.0, 0.1);
    assertEquals(number("GX.DELTA", "C", s, 90.0, 1.0, vol, r, q), number("GX.DELTA", "C", s, 90.0, 1.0, TABLE, r, q),
        1e-15);
    Object[][] all = (Object[][]) call("GX.GREEKS", "C", s, 90.0, 1.0, TABLE, r, q);
    Object[][] atVol = (Object[][]) call("GX.GREEKS", "C", s, 90.0, 1.0, vol, r, q);
    for (int i = 0; i < atVol[0].length; i++) {
      assertEquals(atVol[0][i], all[0][i], "GX.GREEKS column " + (i + 1));
    }
  }

  @Test
  void withCashDividendsTheForwardIsTheEscrowedSpotGrown() {
    Object[][] times = {{2 / 12.0}, {5 / 12.0}};
    Object[][] amounts = {{0.5}, {0.5}};
    double s = 40;
    double r = 0.09;
    double t = 0.5;
    double pv = 0.5 * Math.exp(-r * 2 / 12) + 0.5 * Math.exp(-r * 5 / 12);
    double f = (s - pv) * Math.exp(r * t);
    double w = SHORT.totalVariance(Math.log(42 / f)) + (t - 0.25) / 0.75
        * (LONG.totalVariance(Math.log(42 / f)) - SHORT.totalVariance(Math.log(42 / f)));
    double vol = Math.sqrt(w / t);
    assertEquals(number("GX.PRICE", "C", s, 42.0, t, vol, r, 0.0, "BSM", times, amounts),
        number("GX.PRICE", "C", s, 42.0, t, TABLE, r, 0.0, "BSM", times, amounts), 1e-13);
    // BLACK76: the spot is the forward
    double vb = Math.sqrt(LONG.totalVariance(Math.log(42 / 40.0)));
    assertEquals(number("GX.PRICE", "C", 40.0, 42.0, 1.0, vb, r, 0.0, "BLACK76"),
        number("GX.PRICE", "C", 40.0, 42.0, 1.0, TABLE, r, 0.0, "BLACK76"), 1e-13);
  }

  @Test
  void aFittedSurfaceFeedsGxPrice() {
    double[] shortK = {85, 90, 95, 100, 105, 110, 115};
    double[] longK = {70, 80, 90, 100, 110, 120, 130, 140, 150};
    int n = shortK.length + longK.length;
    double[] t = new double[n];
    double[] k = new double[n];
    double[] v = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      boolean near = i < shortK.length;
      t[i] = near ? 0.25 : 1;
      k[i] = near ? shortK[i] : longK[i - shortK.length];
      f[i] = near ? 101 : 104;
      v[i] = (near ? SHORT : LONG).vol(k[i], f[i], t[i]);
    }
    Object r = call("GX.SVI.SURFACE", column(t), column(k), column(v), column(f));
    assertTrue(r instanceof Object[][], r + " " + Diagnostics.lastFailure());
    Object[][] table = (Object[][]) r;
    assertEquals(3, table.length);
    assertEquals(9, table[0].length);
    assertEquals("YEARS", table[0][0]);
    assertEquals(1.0, (Double) table[2][0], 0.0);
    assertEquals(0.04, (Double) table[2][1], 2e-5);
    assertEquals(104.0, (Double) table[2][6], 0.0);
    // at the fitted expiry and forward the table gives back the quoted vol (GX.PRICE forward: 100·e^{r·1} = 104)
    double rate = Math.log(1.04);
    double quoted = LONG.vol(120, 104, 1);
    assertEquals(number("GX.PRICE", "C", 100.0, 120.0, 1.0, quoted, rate),
        number("GX.PRICE", "C", 100.0, 120.0, 1.0, table, rate), 1e-6);
  }

  @Test
  void badSurfacesNameTheRowAndTheBound() {
    Object[][] unsorted = {{1.0, 0.04, 0.1, -0.4, 0.0, 0.1}, {0.5, 0.01, 0.04, -0.5, 0.02, 0.08}};
    assertEquals(ExcelError.NUM, call("GX.PRICE", "C", 100.0, 100.0, 0.5, unsorted));
    assertTrue(reason().contains("vol row 2: years"), reason());
    Object[][] negativeB = {{0.25, 0.01, 0.04, -0.5, 0.02, 0.08}, {1.0, 0.04, -0.1, -0.4, 0.0, 0.1}};
    assertEquals(ExcelError.NUM, call("GX.DELTA", "C", 100.0, 100.0, 0.5, negativeB));
    assertTrue(reason().contains("vol row 2: b"), reason());
    Object[][] lee = {{"YEARS", "A", "B", "RHO", "M", "SIGMA"}, {1.0, 0.04, 1.5, -0.4, 0.0, 0.1}};
    assertEquals(ExcelError.NUM, call("GX.PRICE", "C", 100.0, 100.0, 0.5, lee));
    assertTrue(reason().contains("vol row 2: b") && reason().contains("Lee"), reason());
    Object[][] narrow = {{1.0, 0.04, 0.1}, {2.0, 0.04, 0.1}};
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", 100.0, 100.0, 0.5, narrow));
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", 100.0, 100.0, 0.5, TABLE, 0.0, 0.0, "BACHELIER"));
  }

  @Test
  void plainNumbersStillTakeTheNumericFastPath() {
    WorksheetFunction price = Catalogue.standard().find("GX.PRICE").orElseThrow();
    assertTrue(price.numericFastPath());
    double[] a = {1, 100, 100, 0.5, 0.2, 0.05, 0, 0, 0, 0};
    assertEquals(number("GX.PRICE", "C", 100.0, 100.0, 0.5, 0.2, 0.05), price.invokeNumeric(a, 6, 0), 0.0);
    // a one-cell range is its value, not a surface
    assertEquals(number("GX.PRICE", "C", 100.0, 100.0, 0.5, 0.2), number("GX.PRICE", "C", 100.0, 100.0, 0.5,
        new Object[][] {{0.2}}), 0.0);
  }
}
