package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.ReferenceChains;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GX.GEX family called through the catalogue as a host calls it (ranges as {@code Object[][]}), against the
 * mpmath fixture of {@code scripts/gex_reference.py}, and the errors a bad row gives.
 */
@ExtendWith(SheetCalls.class)
class ExposureFunctionsTest {
  private static final Catalogue C = Catalogue.standard();
  private static ReferenceChains.Case index;
  private static Object[][][] ranges;

  @BeforeAll
  static void setUp() throws Exception {
    index = ReferenceChains.load().get(0);
    int n = index.rows.size();
    ranges = new Object[5][n][1];
    for (int i = 0; i < n; i++) {
      ReferenceChains.Row r = index.rows.get(i);
      ranges[0][i][0] = r.type().name();
      ranges[1][i][0] = r.strike();
      ranges[2][i][0] = r.years();
      ranges[3][i][0] = r.vol();
      ranges[4][i][0] = r.openInterest();
    }
  }

  private static Object call(String name, Object... args) {
    Diagnostics.clear();
    return C.find(name).orElseThrow().invoke(args);
  }

  private static Object[] chainArgs(Object[][][] r, Object... rest) {
    Object[] a = new Object[6 + rest.length];
    a[0] = index.spot;
    System.arraycopy(r, 0, a, 1, 5);
    System.arraycopy(rest, 0, a, 6, rest.length);
    return a;
  }

  private Object[] indexArgs(Object... rest) {
    Object[] market = {index.rate, index.yield, index.multiplier};
    Object[] all = new Object[market.length + rest.length];
    System.arraycopy(market, 0, all, 0, market.length);
    System.arraycopy(rest, 0, all, market.length, rest.length);
    return chainArgs(ranges, all);
  }

  private static void assertRelative(double expected, Object actual, double tolerance, String what) {
    assertTrue(actual instanceof Double, what + ": " + actual + " " + Diagnostics.lastFailure());
    double a = (Double) actual;
    assertTrue(Math.abs(a - expected) <= tolerance * Math.abs(expected), what + ": expected " + expected + ", got " + a);
  }

  @Test
  void totalsFromAWorksheetCallMatchTheReference() {
    for (var e : index.totals.entrySet()) {
      String units = e.getKey().name();
      assertRelative(e.getValue()[0], call("GX.GEX", indexArgs("CALLS_LONG", units)), 1e-9, "GX.GEX " + units);
      assertRelative(e.getValue()[1], call("GX.VEX", indexArgs("CALLS_LONG", units)), 1e-9, "GX.VEX " + units);
      assertRelative(e.getValue()[2], call("GX.CEX", indexArgs("CALLS_LONG", units)), 1e-9, "GX.CEX " + units);
    }
    assertEquals(call("GX.GEX", indexArgs()), call("GX.GEX", indexArgs("CALLS_LONG", "PER_1PCT")), "defaults");
  }

  @Test
  void strikesProfileFlipAndWallsFromAWorksheetCall() {
    Object[][] strikes = (Object[][]) call("GX.GEX.STRIKES", indexArgs());
    assertEquals(index.strikes.size(), strikes.length);
    for (int j = 0; j < strikes.length; j++) {
      assertEquals(4, strikes[j].length);
      assertEquals(index.strikes.get(j)[0], strikes[j][0]);
      double want = index.strikes.get(j)[3];
      assertEquals(want, (Double) strikes[j][3], 1e-9 * Math.abs(want) + 1e-6, "net at " + strikes[j][0]);
    }
    Object[][] profile = (Object[][]) call("GX.GEX.PROFILE", indexArgs("CALLS_LONG", "PER_1PCT", Empty.MISSING,
        Empty.MISSING, Empty.MISSING, Empty.MISSING));
    assertEquals(index.steps, profile.length, "steps default 100, low and high default 0.8 and 1.2 spot");
    for (int j = 0; j < profile.length; j++) {
      assertEquals(index.profile.get(j)[0], profile[j][0]);
      assertRelative(index.profile.get(j)[1], profile[j][1], 1e-9, "profile " + j);
    }
    assertEquals(index.flip, (Double) call("GX.GAMMA.FLIP", indexArgs()), 1e-8 * index.spot);
    Object[][] walls = (Object[][]) call("GX.GEX.WALLS", indexArgs());
    assertEquals(List.of(index.callWall, index.putWall), List.of(walls[0]));
  }

  @Test
  void noSignChangeIsNaNamingTheRange() {
    Object r = call("GX.GAMMA.FLIP", indexArgs("CALLS_LONG", "PER_1PCT", Empty.MISSING, 4500, 4600));
    assertEquals(ExcelError.NA, r);
    String reason = Diagnostics.lastFailure().orElseThrow().reason();
    assertTrue(reason.contains("no sign change in [4500.0, 4600.0]"), reason);
  }

  @Test
  void blankOpenInterestRowsAreSkipped() {
    Object[][][] r = {
        {{"C"}, {"P"}, {"C"}, {Empty.BLANK}}, {{100.0}, {95.0}, {"oops"}, {Empty.BLANK}},
        {{0.1}, {0.1}, {0.1}, {Empty.BLANK}}, {{0.2}, {0.25}, {0.2}, {Empty.BLANK}},
        {{1000.0}, {2000.0}, {Empty.BLANK}, {Empty.BLANK}}};
    Object[][][] two = {{{"C"}, {"P"}}, {{100.0}, {95.0}}, {{0.1}, {0.1}}, {{0.2}, {0.25}}, {{1000.0}, {2000.0}}};
    assertEquals(call("GX.GEX", chainArgs(two)), call("GX.GEX", chainArgs(r)));
  }

  @Test
  void badRowsAreValueOrNumNamingTheRangeAndRow() {
    assertError(ExcelError.VALUE, "strikes row 2", row(1, "abc", 5.0));
    assertError(ExcelError.NUM, "open_interest row 2", row(4, -5.0, 5.0));
    assertError(ExcelError.NUM, "years row 2", row(2, 0.0, 5.0));
    assertError(ExcelError.VALUE, "types row 2", row(0, "X", 5.0));
    assertError(ExcelError.NUM, "vols row 2", row(3, -0.2, 5.0));
    Object[][][] r = row(0, "P", 5.0);
    r[1] = new Object[][] {{100.0}};
    assertEquals(ExcelError.VALUE, call("GX.GEX", chainArgs(r)), "ranges of different sizes");
    Object[][][] signed = row(4, -5.0, 5.0);
    assertTrue(call("GX.GEX", chainArgs(signed, 0, 0, 100, "SIGNED")) instanceof Double, "SIGNED takes short positions");
  }

  /** A two-row chain whose second row has {@code value} in range {@code range}. */
  private static Object[][][] row(int range, Object value, Object unused) {
    Object[][][] r = {{{"C"}, {"P"}}, {{100.0}, {95.0}}, {{0.1}, {0.1}}, {{0.2}, {0.25}}, {{1000.0}, {2000.0}}};
    r[range][1][0] = value;
    return r;
  }

  private static void assertError(ExcelError error, String where, Object[][][] r) {
    assertEquals(error, call("GX.GEX", chainArgs(r)), where);
    String reason = Diagnostics.lastFailure().orElseThrow().reason();
    assertTrue(reason.startsWith(where + ":"), reason);
  }

  @Test
  void expiryDatesWithAValuationDateGiveTheSameExposureAsYears() {
    double valuation = ExcelDates.parseIso("v", "2024-03-15T16:00");
    Object[][][] dates = {{{"C"}, {"P"}}, {{100.0}, {95.0}}, {{valuation + 36.5}, {"2024-04-19T16:00"}},
        {{0.2}, {0.25}}, {{1000.0}, {2000.0}}};
    Object[][][] years = {{{"C"}, {"P"}}, {{100.0}, {95.0}}, {{0.1}, {35 / 365.0}}, {{0.2}, {0.25}},
        {{1000.0}, {2000.0}}};
    Object[] withDates = chainArgs(dates, 0.01, 0, 100, "CALLS_LONG", "PER_1PCT", valuation);
    withDates[0] = 100.0;
    Object[] withYears = chainArgs(years, 0.01, 0, 100);
    withYears[0] = 100.0;
    assertRelative((Double) call("GX.GEX", withYears), call("GX.GEX", withDates), 1e-12, "dates vs years");
    dates[2][1][0] = valuation - 1;
    assertEquals(ExcelError.NUM, call("GX.GEX", withDates), "expired");
    assertTrue(Diagnostics.lastFailure().orElseThrow().reason().contains("years row 2: the option has expired"));
  }

  @Test
  void unitsAndConventionKeywords() {
    assertEquals(call("GX.GEX", indexArgs("CALLS_LONG", "SHARES")), call("GX.GEX", indexArgs("naive", "share")));
    assertEquals(ExcelError.VALUE, call("GX.GEX", indexArgs("LONG_PUTS")));
    assertTrue(ExposureUnit.values().length == 3);
  }
}
