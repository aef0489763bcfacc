package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.number;
import static org.gammaxl.sheet.SheetCalls.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.vol.Svi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Strike from delta, SVI and the implied vol below intrinsic, called as a worksheet calls them. */
@ExtendWith(SheetCalls.class)
class SmileFunctionsTest {
  @Test
  void strikeFromDeltaRoundTripsThroughTheDeltaFunctions() {
    int checked = 0;
    for (String type : new String[] {"C", "P"}) {
      for (double delta : new double[] {0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.85}) {
        for (double[] c : new double[][] {{100, 0.5, 0.2, 0.03, 0.01}, {1.085, 0.08, 0.09, 0.045, 0.03},
            {60000, 0.02, 0.8, 0.0, 0.0}, {50, 2, 0.35, 0.05, 0.06}}) {
          double s = c[0];
          double t = c[1];
          double vol = c[2];
          double r = c[3];
          double q = c[4];
          double signed = type.equals("P") ? -delta : delta;
          double growth = Math.exp(q * t); // forward delta = spot delta · e^{qT}
          double k = number("GX.STRIKE.FROMDELTA", type, signed, s, t, vol, r, q, "SPOT");
          assertEquals(signed, number("GX.DELTA", type, s, k, t, vol, r, q), 1e-12, type + " SPOT " + delta);
          k = number("GX.STRIKE.FROMDELTA", type, signed, s, t, vol, r, q, "FORWARD");
          assertEquals(signed, number("GX.DELTA", type, s, k, t, vol, r, q) * growth, 1e-12, "FORWARD");
          if (type.equals("P") || delta <= 0.25) { // premium-adjusted call deltas stop short of the forward delta
            k = number("GX.STRIKE.FROMDELTA", type, signed, s, t, vol, r, q, "SPOT.PA");
            assertEquals(signed, number("GX.DELTA.PA", type, s, k, t, vol, r, q), 1e-12, "SPOT.PA " + delta);
            k = number("GX.STRIKE.FROMDELTA", type, signed, s, t, vol, r, q, "FORWARD.PA");
            assertEquals(signed, number("GX.DELTA.PA", type, s, k, t, vol, r, q) * growth, 1e-12, "FORWARD.PA");
          }
          checked++;
        }
      }
    }
    assertEquals(64, checked);
  }

  @Test
  void aPutsDeltaMayBeGivenEitherWay() {
    assertEquals(number("GX.STRIKE.FROMDELTA", "P", -0.25, 100.0, 0.5, 0.2),
        number("GX.STRIKE.FROMDELTA", "P", 0.25, 100.0, 0.5, 0.2), 0.0);
  }

  @Test
  void premiumAdjustedCallDeltaHasALargestValue() {
    // the call branch above the strike of the largest delta: a higher strike for a lower delta
    double k10 = number("GX.STRIKE.FROMDELTA", "C", 0.10, 100.0, 1.0, 0.5, 0.0, 0.0, "FORWARD.PA");
    double k25 = number("GX.STRIKE.FROMDELTA", "C", 0.25, 100.0, 1.0, 0.5, 0.0, 0.0, "FORWARD.PA");
    assertTrue(k10 > k25);
    assertEquals(ExcelError.NUM, call("GX.STRIKE.FROMDELTA", "C", 0.9, 100.0, 1.0, 0.5, 0.0, 0.0, "FORWARD.PA"));
    assertTrue(reason().startsWith("delta"), reason());
    assertEquals(ExcelError.NUM, call("GX.STRIKE.FROMDELTA", "C", 1.2, 100.0, 1.0, 0.5));
    assertEquals(ExcelError.NUM, call("GX.STRIKE.FROMDELTA", "C", -0.2, 100.0, 1.0, 0.5));
  }

  @Test
  void gatheralsExampleSmileIs2236PercentAtTheMoney() {
    assertEquals(Math.sqrt(0.05), number("GX.SVI.VOL", 100.0, 100.0, 1.0, 0.04, 0.1, -0.4, 0.0, 0.1), 1e-15);
    assertEquals(0.2236, number("GX.SVI.VOL", 100.0, 100.0, 1.0, 0.04, 0.1, -0.4, 0.0, 0.1), 5e-5);
  }

  @Test
  void sviParametersOutsideTheBoundsNameTheBound() {
    Object[][] bad = {{0.04, -0.1, -0.4, 0.0, 0.1, "b"}, {0.04, 0.1, -1.0, 0.0, 0.1, "rho"},
        {0.04, 0.1, -0.4, 0.0, 0.0, "sigma"}, {-0.2, 0.1, -0.4, 0.0, 0.1, "a"}, {0.04, 1.8, 0.5, 0.0, 0.1, "b"}};
    for (Object[] p : bad) {
      assertEquals(ExcelError.NUM, call("GX.SVI.VOL", 100.0, 100.0, 1.0, p[0], p[1], p[2], p[3], p[4]));
      assertTrue(reason().startsWith((String) p[5]), reason());
    }
  }

  @Test
  void sviFitRecoversTheParametersOfItsQuotes() {
    double[][] sets = {{0.04, 0.1, -0.4, 0.0, 0.1, 1.0}, {0.01, 0.3, 0.3, 0.05, 0.2, 0.5},
        {0.002, 0.05, -0.7, -0.02, 0.05, 0.1}};
    for (double[] p : sets) {
      Svi svi = Svi.of(p[0], p[1], p[2], p[3], p[4]);
      Object[][] strikes = new Object[30][1];
      Object[][] vols = new Object[30][1];
      for (int i = 0; i < 30; i++) {
        double k = 100 * Math.exp(-0.5 * Math.sqrt(p[5]) + i * Math.sqrt(p[5]) / 29);
        strikes[i][0] = k;
        vols[i][0] = svi.vol(k, 100, p[5]);
      }
      Object[][] fit = (Object[][]) call("GX.SVI.FIT", strikes, vols, 100.0, p[5]);
      assertEquals(1, fit.length);
      assertEquals(6, fit[0].length);
      for (int j = 0; j < 5; j++) {
        assertEquals(p[j], (Double) fit[0][j], 1e-5, "parameter " + j + " of " + java.util.Arrays.toString(p));
      }
      assertTrue((Double) fit[0][5] < 1e-7, "RMS " + fit[0][5]);
    }
  }

  @Test
  void sviFitWeightsAndBadQuotes() {
    Object[][] strikes = {{80.0}, {90.0}, {100.0}, {110.0}, {120.0}, {130.0}};
    Object[][] vols = {{0.28}, {0.25}, {0.22}, {0.215}, {0.22}, {0.23}};
    Object[][] weights = {{1.0}, {1.0}, {5.0}, {1.0}, {1.0}, {0.0}};
    Object[][] fit = (Object[][]) call("GX.SVI.FIT", strikes, vols, 100.0, 0.5, weights);
    Svi svi = Svi.of((Double) fit[0][0], (Double) fit[0][1], (Double) fit[0][2], (Double) fit[0][3],
        (Double) fit[0][4]);
    assertTrue(svi.smallestDensity(Math.log(0.8) - 1, Math.log(1.3) + 1, 201)[0] >= -1e-10);
    assertEquals(ExcelError.NA, call("GX.SVI.FIT", new Object[][] {{90.0}, {100.0}, {110.0}},
        new Object[][] {{0.2}, {0.2}, {0.2}}, 100.0, 1.0));
    assertEquals(ExcelError.NUM, call("GX.SVI.FIT", strikes, new Object[][] {{0.28}, {0.25}, {-0.22}, {0.215},
        {0.22}, {0.23}}, 100.0, 0.5));
    assertTrue(reason().startsWith("vols"), reason());
    // a saw-tooth smile no arbitrage-free SVI can follow: either reported, or a fit without butterfly arbitrage
    Object[][] saw = {{80.0}, {85.0}, {90.0}, {95.0}, {100.0}, {105.0}, {110.0}, {115.0}};
    Object[][] sawVols = {{0.6}, {0.1}, {0.6}, {0.1}, {0.6}, {0.1}, {0.6}, {0.1}};
    Object r = call("GX.SVI.FIT", saw, sawVols, 100.0, 0.25);
    if (r instanceof ExcelError) {
      assertEquals(ExcelError.NUM, r);
      assertTrue(reason().contains("butterfly"), reason());
    } else {
      Object[][] row = (Object[][]) r;
      Svi s = Svi.of((Double) row[0][0], (Double) row[0][1], (Double) row[0][2], (Double) row[0][3],
          (Double) row[0][4]);
      assertTrue(s.smallestDensity(Math.log(0.8) - 1, Math.log(1.15) + 1, 201)[0] >= -1e-10);
    }
  }

  @Test
  void impliedVolBelowIntrinsicIsAnErrorOrZeroAsAsked() {
    // a put struck at 110 on 100 for six months at 5% is worth at least 110·e^{-0.025} - 100 = 7.28
    assertEquals(ExcelError.NUM, call("GX.IMPLIEDVOL", "P", 7.0, 100.0, 110.0, 0.5, 0.05));
    assertTrue(reason().startsWith("price"), reason());
    assertEquals(0.0, number("GX.IMPLIEDVOL", "P", 7.0, 100.0, 110.0, 0.5, 0.05, 0.0, "BSM", Empty.MISSING,
        Empty.MISSING, "ZERO"), 0.0);
    assertEquals(0.0, number("GX.IMPLIEDVOL", "P", 9.9, 100.0, 110.0, 0.5, 0.05, 0.0, "AMERICAN", Empty.MISSING,
        Empty.MISSING, "ZERO"), 0.0); // below the American's intrinsic value 10
    // a fair price is inverted as before, and the upper bound stays an error
    double price = number("GX.PRICE", "P", 100.0, 110.0, 0.5, 0.2, 0.05);
    assertEquals(0.2, number("GX.IMPLIEDVOL", "P", price, 100.0, 110.0, 0.5, 0.05, 0.0, "BSM", Empty.MISSING,
        Empty.MISSING, "ZERO"), 1e-12);
    assertEquals(ExcelError.NUM, call("GX.IMPLIEDVOL", "C", 150.0, 100.0, 100.0, 1.0, 0.0, 0.0, "BSM",
        Empty.MISSING, Empty.MISSING, "ZERO"));
  }
}
