package org.gammaxl.exposure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gamma, vanna and charm exposure against the independent mpmath computation of
 * {@code scripts/gex_reference.py} (fixture {@code gex-reference.csv}): totals to 1e-9 relative, strike tables
 * likewise, walls exactly, the flip to 1e-8 of spot, and the profile on the same grid.
 */
class GammaExposureTest {
  static List<ReferenceChains.Case> cases;

  @BeforeAll
  static void load() throws IOException {
    cases = ReferenceChains.load();
    assertEquals(List.of("index", "calls_only", "signed"), cases.stream().map(c -> c.name).toList());
  }

  static void assertRelative(double expected, double actual, double tolerance, String what) {
    assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
        what + ": expected " + expected + ", got " + actual + " (relative error "
            + Math.abs(actual - expected) / Math.abs(expected) + ")");
  }

  @Test
  void totalsInEveryUnitMatchTheReferenceTo1e9() {
    for (ReferenceChains.Case c : cases) {
      for (var e : c.totals.entrySet()) {
        GammaExposure x = c.exposure(e.getKey());
        assertRelative(e.getValue()[0], x.gex(c.spot), 1e-9, c + " GEX " + e.getKey());
        assertRelative(e.getValue()[1], x.vex(c.spot), 1e-9, c + " VEX " + e.getKey());
        assertRelative(e.getValue()[2], x.cex(c.spot), 1e-9, c + " CEX " + e.getKey());
      }
    }
  }

  @Test
  void strikeTableMatchesTheReferenceRowByRow() {
    for (ReferenceChains.Case c : cases) {
      List<StrikeExposure> rows = c.exposure(ExposureUnit.PER_1PCT).byStrike(c.spot);
      assertEquals(c.strikes.size(), rows.size(), c + " distinct strikes");
      double scale = 0;
      for (double[] r : c.strikes) {
        scale = Math.max(scale, Math.max(Math.abs(r[1]), Math.abs(r[2])));
      }
      for (int j = 0; j < rows.size(); j++) {
        double[] want = c.strikes.get(j);
        StrikeExposure got = rows.get(j);
        assertEquals(want[0], got.strike(), c + " strike order");
        double[] g = {got.call(), got.put(), got.net()};
        for (int k = 0; k < 3; k++) {
          // 1e-9 relative, and far-out-of-the-money strikes (1e-30 of the table) to 1e-15 of the largest
          assertEquals(want[k + 1], g[k], 1e-9 * Math.abs(want[k + 1]) + 1e-15 * scale,
              c + " strike " + got.strike() + " column " + k);
        }
      }
    }
  }

  @Test
  void wallsAreExactlyTheReferenceStrikes() {
    for (ReferenceChains.Case c : cases) {
      Walls w = c.exposure(ExposureUnit.PER_1PCT).walls(c.spot);
      assertEquals(c.callWall, w.call(), c + " call wall");
      assertEquals(c.putWall, w.put(), c + " put wall");
    }
  }

  @Test
  void profileOnTheReferenceGridMatchesTo1e9() {
    for (ReferenceChains.Case c : cases) {
      double[] x = GammaProfile.grid(c.low, c.high, c.steps);
      double[] y = c.exposure(ExposureUnit.PER_1PCT).profile().over(x);
      assertEquals(c.profile.size(), x.length);
      double scale = c.profile.stream().mapToDouble(p -> Math.abs(p[1])).max().orElseThrow();
      for (int j = 0; j < x.length; j++) {
        assertEquals(c.profile.get(j)[0], x[j], c + " grid point " + j + " is the reference's, bit for bit");
        assertEquals(c.profile.get(j)[1], y[j], 1e-9 * Math.abs(c.profile.get(j)[1]) + 1e-14 * scale,
            c + " profile at " + x[j]);
      }
    }
  }

  @Test
  void flipMatchesTheReferenceTo1e8OfSpotAndSitsWhereTheProfileChangesSign() {
    for (ReferenceChains.Case c : cases) {
      GammaProfile p = c.exposure(ExposureUnit.PER_1PCT).profile();
      OptionalDouble flip = p.flip(c.spot, c.low, c.high, c.steps);
      if (Double.isNaN(c.flip)) {
        assertFalse(flip.isPresent(), c + ": the reference has no sign change, got " + flip);
        continue;
      }
      assertTrue(flip.isPresent(), c + ": no flip found");
      assertEquals(c.flip, flip.getAsDouble(), 1e-8 * c.spot, c + " flip");
      double[] x = GammaProfile.grid(c.low, c.high, c.steps);
      double[] y = p.over(x);
      int j = 0;
      while (x[j + 1] < flip.getAsDouble()) {
        j++;
      }
      assertTrue(Math.signum(y[j]) * Math.signum(y[j + 1]) < 0,
          c + ": the profile changes sign between " + x[j] + " and " + x[j + 1] + " around the flip");
      double h = 1e-6 * c.spot;
      assertTrue(p.at(flip.getAsDouble() - h) * p.at(flip.getAsDouble() + h) < 0, c + ": the exact curve crosses 0");
    }
  }

  @Test
  void profileAtASpotIsTheSumOfThePricersGammas() {
    ReferenceChains.Case c = cases.get(0);
    for (ExposureUnit unit : ExposureUnit.values()) {
      GammaExposure x = c.exposure(unit);
      GammaProfile p = x.profile();
      for (double s : new double[] {0.7 * c.spot, 0.97 * c.spot, c.spot, 1.04 * c.spot, 1.3 * c.spot}) {
        assertRelative(x.gex(s), p.at(s), 1e-12, unit + " at " + s);
      }
    }
  }

  @Test
  void callsLongAndSignedAgreeWhenTheSignsAreSupplied() {
    ReferenceChains.Case c = cases.get(0);
    OptionChain.Builder signed = OptionChain.builder(ExposureConvention.SIGNED);
    c.rows.forEach(r -> signed.add(r.type(), r.strike(), r.years(), r.vol(), r.type().sign() * r.openInterest()));
    GammaExposure a = c.exposure(ExposureUnit.PER_1PCT);
    GammaExposure b = GammaExposure.of(signed.build(), c.rate, c.yield, c.multiplier, ExposureUnit.PER_1PCT);
    assertEquals(a.gex(c.spot), b.gex(c.spot));
    assertEquals(a.vex(c.spot), b.vex(c.spot));
    assertEquals(a.cex(c.spot), b.cex(c.spot));
    assertEquals(a.byStrike(c.spot), b.byStrike(c.spot));
    assertEquals(a.walls(c.spot), b.walls(c.spot));
    double[] x = GammaProfile.grid(c.low, c.high, c.steps);
    assertArrayEquals(a.profile().over(x), b.profile().over(x));
    assertEquals(a.profile().flip(c.spot, c.low, c.high, c.steps), b.profile().flip(c.spot, c.low, c.high, c.steps));
  }

  @Test
  void shiftingTimeDropsExpiredOptionsAndAgesTheRest() {
    ReferenceChains.Case c = cases.get(0);
    GammaExposure now = c.exposure(ExposureUnit.PER_1PCT);
    GammaExposure later = now.shifted(2 / 365.0);
    assertTrue(later.chain().size() < now.chain().size(), "the one-day options expired");
    OptionChain.Builder aged = OptionChain.builder(c.convention);
    for (ReferenceChains.Row r : c.rows) {
      if (r.years() > 2 / 365.0) {
        aged.add(r.type(), r.strike(), r.years() - 2 / 365.0, r.vol(), r.openInterest());
      }
    }
    assertEquals(GammaExposure.of(aged.build(), c.rate, c.yield, c.multiplier, ExposureUnit.PER_1PCT).gex(c.spot),
        later.gex(c.spot));
  }

  @Test
  void badRowsNameTheField() {
    OptionChain.Builder b = OptionChain.builder(ExposureConvention.CALLS_LONG);
    assertEquals("open_interest", assertThrows(InvalidInputException.class,
        () -> b.add(OptionType.PUT, 100, 0.1, 0.2, -5)).argument());
    InvalidInputException expired = assertThrows(InvalidInputException.class,
        () -> b.add(OptionType.CALL, 100, 0, 0.2, 5));
    assertEquals("years", expired.argument());
    assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    assertEquals("strike", assertThrows(InvalidInputException.class,
        () -> b.add(OptionType.CALL, Double.NaN, 0.1, 0.2, 5)).argument());
    assertEquals("vol", assertThrows(InvalidInputException.class,
        () -> b.add(OptionType.CALL, 100, 0.1, 0, 5)).argument());
    assertEquals(0, b.size(), "a rejected row is not added");
    OptionChain.builder(ExposureConvention.SIGNED).add(OptionType.PUT, 100, 0.1, 0.2, -5);
  }

  @Test
  void gridIncludesBothEndsAndRejectsAnEmptyRange() {
    double[] x = GammaProfile.grid(80, 120, 5);
    assertArrayEquals(new double[] {80, 90, 100, 110, 120}, x);
    assertThrows(InvalidInputException.class, () -> GammaProfile.grid(120, 80, 5));
    assertThrows(InvalidInputException.class, () -> GammaProfile.grid(80, 120, 1));
  }
}
