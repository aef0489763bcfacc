package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The SVI surface: slices at their expiries, total variance linear in T between them, flat vol outside. */
class SviSurfaceTest {
  /** Gatheral's example slice at T = 1 (22.36 % at the money) and a steeper short slice at T = 0.25. */
  private static final Svi SHORT = Svi.of(0.01, 0.04, -0.5, 0.02, 0.08);
  private static final Svi GATHERAL = Svi.of(0.04, 0.1, -0.4, 0, 0.1);
  private static final SviSurface SURFACE = SviSurface.of(new double[] {0.25, 1}, new Svi[] {SHORT, GATHERAL});

  @Test
  void eachSliceIsReadExactlyAtItsExpiry() {
    assertEquals(0.2236068, SURFACE.vol(100, 100, 1), 5e-8); // Gatheral: sqrt(0.04 + 0.1 * 0.1) = 22.36 %
    for (double k : new double[] {60, 90, 100, 104, 130}) {
      assertEquals(GATHERAL.vol(k, 104, 1), SURFACE.vol(k, 104, 1), 0.0);
      assertEquals(SHORT.vol(k, 101, 0.25), SURFACE.vol(k, 101, 0.25), 0.0);
    }
  }

  @Test
  void betweenSlicesTotalVarianceIsLinearInTimeAtFixedMoneyness() {
    for (double k : new double[] {-0.5, -0.1, 0, 0.2, 0.6}) {
      double w0 = SHORT.totalVariance(k);
      double w1 = GATHERAL.totalVariance(k);
      for (double t : new double[] {0.3, 0.5, 0.625, 0.99}) {
        double x = (t - 0.25) / 0.75;
        assertEquals(w0 + x * (w1 - w0), SURFACE.totalVariance(k, t), 1e-15, "k " + k + " T " + t);
        double f = 102;
        assertEquals(Math.sqrt((w0 + x * (w1 - w0)) / t), SURFACE.vol(f * Math.exp(k), f, t), 1e-12);
      }
    }
  }

  @Test
  void beforeTheFirstAndAfterTheLastSliceTheVolIsFlatAtEqualMoneyness() {
    for (double k : new double[] {-0.4, 0, 0.3}) {
      double strike = 100 * Math.exp(k);
      assertEquals(SHORT.vol(strike, 100, 0.25), SURFACE.vol(strike, 100, 0.1), 1e-15);
      assertEquals(SHORT.vol(strike, 100, 0.25), SURFACE.vol(strike, 100, 0), 1e-15);
      assertEquals(GATHERAL.vol(strike, 100, 1), SURFACE.vol(strike, 100, 3), 1e-15);
    }
  }

  @Test
  void theSlopeIsTheDerivativeOfTotalVariance() {
    for (double t : new double[] {0.1, 0.25, 0.6, 1, 2}) {
      for (double k : new double[] {-0.3, 0.05, 0.4}) {
        double h = 1e-6;
        double fd = (SURFACE.totalVariance(k + h, t) - SURFACE.totalVariance(k - h, t)) / (2 * h);
        assertEquals(fd, SURFACE.slope(k, t), 1e-8);
      }
    }
  }

  @Test
  void aFitToQuotesFromKnownSlicesRecoversThemOnRaggedGrids() {
    double[] shortStrikes = {85, 90, 95, 100, 105, 110, 115};
    double[] longStrikes = {70, 80, 90, 100, 110, 120, 130, 140, 150};
    int n = shortStrikes.length + longStrikes.length;
    double[] t = new double[n];
    double[] k = new double[n];
    double[] v = new double[n];
    int r = 0;
    for (double strike : longStrikes) { // the later expiry first: quotes may come in any order
      t[r] = 1;
      k[r] = strike;
      v[r++] = GATHERAL.vol(strike, 104, 1);
    }
    for (double strike : shortStrikes) {
      t[r] = 0.25;
      k[r] = strike;
      v[r++] = SHORT.vol(strike, 101, 0.25);
    }
    SviSurfaceFit.Result fit = SviSurfaceFit.fit(t, k, v, new double[] {101, 104}, null);
    SviSurface s = fit.surface();
    assertEquals(2, s.size());
    assertEquals(0.25, s.years(0), 0.0);
    assertEquals(1, s.years(1), 0.0);
    Svi[] known = {SHORT, GATHERAL};
    for (int i = 0; i < 2; i++) {
      Svi got = s.slice(i);
      assertEquals(known[i].a(), got.a(), 2e-5, "a " + i);
      assertEquals(known[i].b(), got.b(), 2e-4, "b " + i);
      assertEquals(known[i].rho(), got.rho(), 2e-3, "rho " + i);
      assertEquals(known[i].m(), got.m(), 2e-3, "m " + i);
      assertEquals(known[i].sigma(), got.sigma(), 2e-3, "sigma " + i);
      assertTrue(fit.rms()[i] < 1e-6, "rms " + fit.rms()[i]);
      assertTrue(fit.calendarMargin()[i] > 0, "no calendar arbitrage between these slices");
    }
  }

  @Test
  void calendarArbitrageIsMeasured() {
    Svi high = Svi.of(0.05, 0.1, -0.4, 0, 0.1);
    SviSurface crossed = SviSurface.of(new double[] {0.5, 1}, new Svi[] {high, GATHERAL});
    double[] m = crossed.calendarMargin(1, -1, 1, 201);
    assertEquals(-0.01, m[0], 1e-15); // the later slice is 0.01 of total variance below the earlier everywhere
  }

  @Test
  void expiriesMustIncrease() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> SviSurface.of(new double[] {1, 1}, new Svi[] {SHORT, GATHERAL}));
    assertEquals("row 2: years", e.argument());
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
  }

  @Test
  void anExpiryWithTooFewQuotesIsNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SviSurfaceFit.fit(
        new double[] {1, 1, 1, 1}, new double[] {90, 100, 110, 120}, new double[] {0.2, 0.2, 0.2, 0.2},
        new double[] {100}, null));
    assertEquals("expiry 1.0: strikes", e.argument());
  }
}
