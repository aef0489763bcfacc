package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * European and American options with known cash dividends ({@link Dividends}): the escrowed model against Hull's
 * published value and its own derivatives, the lattice against an independent integral of the spot-drop model and
 * against the American lattice without dividends, Black's approximation against its definition.
 */
class DividendPricingTest {
  private static final OptionType C = OptionType.CALL;
  private static final OptionType P = OptionType.PUT;
  private static final CashDividends HULL =
      CashDividends.of(new double[] {2 / 12.0, 5 / 12.0}, new double[] {0.5, 0.5}, 0.5);

  /**
   * Hull, Options, Futures, and Other Derivatives (5th ed., p. 253, exercise 12.8): S 40, K 40, r 9%, σ 30%, T six
   * months, 0.50 dividends at two and five months, European call 3.67 under the escrowed model; QuantLib's
   * test-suite/dividendoption.cpp (testEuropeanKnownValue) checks its AnalyticDividendEuropeanEngine against the same
   * value to 1e-2.
   */
  @Test
  void hullsEuropeanCallWithTwoDividendsIs367() {
    double v = Dividends.price(Model.BSM, C, 40, 40, 0.5, 0.3, 0.09, 0, HULL);
    assertEquals(3.67, v, 0.005);
    // exactly Black-Scholes at the spot less the dividends' present value
    double sStar = 40 - 0.5 * Math.exp(-0.09 * 2 / 12) - 0.5 * Math.exp(-0.09 * 5 / 12);
    assertEquals(BlackScholesMerton.INSTANCE.price(C, sStar, 40, 0.5, 0.3, 0.09, 0), v, 1e-14);
  }

  /** QuantLib testEuropeanStartLimit: a dividend going ex today is the option on the spot less the dividend. */
  @Test
  void aDividendGoingExNowIsTheOptionOnTheExDividendSpot() {
    CashDividends today = CashDividends.of(new double[] {0}, new double[] {10}, 1);
    for (OptionType t : OptionType.values()) {
      for (double k : new double[] {50, 99.5, 100, 100.5, 150}) {
        double expected = BlackScholesMerton.INSTANCE.price(t, 90, k, 1, 0.2, 0.05, 0.1);
        assertEquals(expected, Dividends.price(Model.BSM, t, 100, k, 1, 0.2, 0.05, 0.1, today), 1e-12);
        assertEquals(expected, Dividends.price(Model.EUROPEAN_LATTICE, t, 100, k, 1, 0.2, 0.05, 0.1, today), 2e-4,
            t + " " + k);
      }
    }
  }

  /** QuantLib testEuropeanValues: dividends of 0 change nothing. */
  @Test
  void zeroDividendsAreTheModelWithoutDividends() {
    CashDividends none = CashDividends.of(new double[] {0.25, 0.75}, new double[] {0, 0}, 1);
    for (Model m : new Model[] {Model.BSM, Model.AMERICAN, Model.EUROPEAN_LATTICE}) {
      assertEquals(m.pricer().price(P, 100, 105, 1, 0.2, 0.05, 0.01),
          Dividends.price(m, P, 100, 105, 1, 0.2, 0.05, 0.01, none), 0.0, m.name());
    }
  }

  /** QuantLib testEuropeanGreeks: the escrowed greeks reproduce numerical derivatives of the escrowed value. */
  @Test
  void escrowedGreeksAreTheDerivativesOfTheEscrowedValue() {
    double[] times = {0.25, 0.75};
    double[] amounts = {5, 5};
    for (OptionType t : OptionType.values()) {
      for (double k : new double[] {50, 99.5, 100, 150}) {
        for (double vol : new double[] {0.05, 0.2, 0.4}) {
          double s = 100;
          double y = 1.5;
          double r = 0.05;
          double q = 0.02;
          Greeks g = Dividends.greeks(Model.BSM, t, s, k, y, vol, r, q, CashDividends.of(times, amounts, y));
          Valuation v = (ds, dk, dy, dv, dr, dq) -> Dividends.price(Model.BSM, t, s + ds, k + dk, y - dy, vol + dv,
              r + dr, q + dq, CashDividends.of(shift(times, -dy), amounts, y - dy));
          if (g.price() < 1e-5 * s) {
            continue;
          }
          double h = 1e-3;
          String where = t + " K " + k + " vol " + vol;
          check(g.delta(), (v.at(h, 0, 0, 0, 0, 0) - v.at(-h, 0, 0, 0, 0, 0)) / (2 * h), where + " delta");
          check(g.gamma(), (v.at(h, 0, 0, 0, 0, 0) - 2 * g.price() + v.at(-h, 0, 0, 0, 0, 0)) / (h * h),
              where + " gamma");
          double e = 1e-5;
          check(g.vega(), (v.at(0, 0, 0, e, 0, 0) - v.at(0, 0, 0, -e, 0, 0)) / (2 * e), where + " vega");
          check(g.rho(), (v.at(0, 0, 0, 0, e, 0) - v.at(0, 0, 0, 0, -e, 0)) / (2 * e), where + " rho");
          check(g.phi(), (v.at(0, 0, 0, 0, 0, e) - v.at(0, 0, 0, 0, 0, -e)) / (2 * e), where + " phi");
          check(g.theta(), (v.at(0, 0, e, 0, 0, 0) - v.at(0, 0, -e, 0, 0, 0)) / (2 * e), where + " theta");
          check(g.dualDelta(), (v.at(0, e, 0, 0, 0, 0) - v.at(0, -e, 0, 0, 0, 0)) / (2 * e), where + " dual delta");
          // second-order cross greeks from the first-order greeks of the bumped valuations
          Greeks later = Dividends.greeks(Model.BSM, t, s, k, y - e, vol, r, q,
              CashDividends.of(shift(times, -e), amounts, y - e));
          Greeks earlier = Dividends.greeks(Model.BSM, t, s, k, y + e, vol, r, q,
              CashDividends.of(shift(times, e), amounts, y + e));
          check(g.charm(), (later.delta() - earlier.delta()) / (2 * e), where + " charm");
          check(g.color(), (later.gamma() - earlier.gamma()) / (2 * e), where + " color");
          check(g.veta(), (later.vega() - earlier.vega()) / (2 * e), where + " veta");
        }
      }
    }
  }

  /**
   * The European lattice against the spot-drop model computed independently: with one dividend D at t1 the value is
   * e^{−r·t1}·E[BS(S(t1) − D, K, T − t1)], S(t1) lognormal, integrated here by Simpson's rule.
   */
  @Test
  void europeanLatticeMatchesTheIntegralOfTheSpotDropModel() {
    for (OptionType t : OptionType.values()) {
      for (double k : new double[] {80, 100, 120}) {
        double expected = oneDividendEuropean(t, 100, k, 1.0, 0.3, 0.05, 0.01, 0.4, 4.0);
        CashDividends d = CashDividends.of(new double[] {0.4}, new double[] {4.0}, 1);
        assertEquals(expected, Dividends.price(Model.EUROPEAN_LATTICE, t, 100, k, 1.0, 0.3, 0.05, 0.01, d), 5e-5,
            t + " " + k);
      }
    }
  }

  /**
   * Where early exercise cannot pay the American lattice is the European value: a call without yield whose every
   * dividend is below K·(1 − e^{−r·Δt}) to the next ex-date or expiry (Merton), against the integral above.
   */
  @Test
  void americanCallThatNeverPaysToExerciseEarlyIsTheEuropeanValue() {
    for (double k : new double[] {90, 100, 110}) {
      double d = 0.9; // below 100·(1 − e^{−0.05·0.6}) = 2.96 and 90·... alike
      double expected = oneDividendEuropean(C, 100, k, 1.0, 0.25, 0.05, 0, 0.4, d);
      CashDividends one = CashDividends.of(new double[] {0.4}, new double[] {d}, 1);
      assertEquals(expected, Dividends.price(Model.AMERICAN, C, 100, k, 1.0, 0.25, 0.05, 0, one), 1e-4, "K " + k);
    }
    CashDividends four = CashDividends.of(new double[] {0.1, 0.35, 0.6, 0.85}, new double[] {0.5, 0.5, 0.5, 0.5}, 1);
    assertEquals(Dividends.price(Model.EUROPEAN_LATTICE, C, 100, 100, 1, 0.25, 0.05, 0, four),
        Dividends.price(Model.AMERICAN, C, 100, 100, 1, 0.25, 0.05, 0, four), 1e-4);
  }

  /** Without dividends the American lattice agrees with the extrapolated Leisen–Reimer tree. */
  @Test
  void americanLatticeWithoutDividendsAgreesWithTheBinomialTree() {
    AmericanLattice tree = AmericanLattice.extrapolated(1501);
    for (OptionType t : OptionType.values()) {
      for (double k : new double[] {90, 100, 110}) {
        for (double[] c : new double[][] {{0.5, 0.2, 0.05, 0.0}, {1, 0.3, 0.08, 0.04}, {0.25, 0.5, 0.02, 0.06}}) {
          double expected = tree.price(t, 100, k, c[0], c[1], c[2], c[3]);
          assertEquals(expected, DividendLattice.AMERICAN.price(t, 100, k, c[0], c[1], c[2], c[3]), 5e-4,
              t + " K " + k + " " + java.util.Arrays.toString(c));
        }
      }
    }
  }

  @Test
  void americanWithDividendsIsWorthAtLeastTheEuropeanAndTheIntrinsic() {
    CashDividends big = CashDividends.of(new double[] {0.3}, new double[] {6}, 0.5);
    double european = Dividends.price(Model.EUROPEAN_LATTICE, C, 105, 100, 0.5, 0.2, 0.03, 0, big);
    double american = Dividends.price(Model.AMERICAN, C, 105, 100, 0.5, 0.2, 0.03, 0, big);
    assertTrue(american > european + 0.3, american + " vs " + european); // exercising before the drop pays
    assertTrue(american >= 5);
    double put = Dividends.price(Model.AMERICAN, P, 100, 100, 0.5, 0.2, 0.03, 0, big);
    assertTrue(put >= Dividends.price(Model.EUROPEAN_LATTICE, P, 100, 100, 0.5, 0.2, 0.03, 0, big));
  }

  /** Black's approximation: the best of the European calls to expiry and to just before each ex-date. */
  @Test
  void blacksApproximationIsTheBestEuropeanCall() {
    // Hull's example: the call to five months (first dividend only) is worth less than the call to expiry
    double toFiveMonths = Dividends.price(Model.BSM, C, 40, 40, 5 / 12.0, 0.3, 0.09, 0,
        CashDividends.of(new double[] {2 / 12.0}, new double[] {0.5}, 5 / 12.0));
    double toExpiry = Dividends.price(Model.BSM, C, 40, 40, 0.5, 0.3, 0.09, 0, HULL);
    assertTrue(toFiveMonths < toExpiry);
    assertEquals(toExpiry, Dividends.price(Model.AMERICAN_BLACK, C, 40, 40, 0.5, 0.3, 0.09, 0, HULL), 0.0);
    // a large dividend just before expiry: exercising before it is worth more
    CashDividends late = CashDividends.of(new double[] {0.45}, new double[] {5}, 0.5);
    double early = BlackScholesMerton.INSTANCE.price(C, 100, 95, 0.45, 0.2, 0.05, 0);
    assertEquals(early, Dividends.price(Model.AMERICAN_BLACK, C, 100, 95, 0.5, 0.2, 0.05, 0, late), 1e-14);
    assertEquals(BlackScholesMerton.INSTANCE.greeks(C, 100, 95, 0.45, 0.2, 0.05, 0).delta(),
        Dividends.greek(Greek.DELTA, Model.AMERICAN_BLACK, C, 100, 95, 0.5, 0.2, 0.05, 0, late), 1e-14);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Dividends.price(Model.AMERICAN_BLACK, P, 100, 95, 0.5, 0.2, 0.05, 0, late));
    assertEquals("type", e.argument());
  }

  @Test
  void latticeGreeksAgreeWithTheEscrowedClosedFormsWhereTheModelsMeet() {
    // a dividend going ex now: both models are the option on S − D, so their greeks meet
    CashDividends now = CashDividends.of(new double[] {0}, new double[] {5}, 1);
    Greeks closed = BlackScholesMerton.INSTANCE.greeks(P, 95, 100, 1, 0.25, 0.04, 0.01);
    Greeks lattice = Dividends.greeks(Model.EUROPEAN_LATTICE, P, 100, 100, 1, 0.25, 0.04, 0.01, now);
    // (not theta: a dividend going ex now makes the value jump at t = 0)
    for (Greek g : new Greek[] {Greek.PRICE, Greek.DELTA, Greek.GAMMA, Greek.VEGA, Greek.PHI,
        Greek.VANNA, Greek.VOMMA, Greek.SPEED, Greek.ZOMMA}) {
      assertEquals(closed.get(g), lattice.get(g), 2e-3 * Math.max(1e-2, Math.abs(closed.get(g))), g.name());
    }
  }

  @Test
  void impliedVolInvertsEachDividendModel() {
    CashDividends d = CashDividends.of(new double[] {0.1, 0.35, 0.6, 0.85}, new double[] {1, 1, 1, 1}, 1);
    for (Model m : new Model[] {Model.BSM, Model.EUROPEAN_LATTICE, Model.AMERICAN, Model.AMERICAN_BLACK}) {
      for (OptionType t : OptionType.values()) {
        if (m == Model.AMERICAN_BLACK && t == P) {
          continue;
        }
        double price = Dividends.price(m, t, 100, 105, 1, 0.32, 0.04, 0, d);
        assertEquals(0.32, Dividends.impliedVol(m, t, price, 100, 105, 1, 0.04, 0, d), 1e-8, m + " " + t);
      }
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Dividends.impliedVol(Model.AMERICAN, P, 1.0, 100, 105, 1, 0.04, 0, d));
    assertEquals("price", e.argument()); // below intrinsic
  }

  @Test
  void modelsWithoutCashDividendsSaySo() {
    for (Model m : new Model[] {Model.BLACK76, Model.INVERSE}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> Dividends.price(m, C, 100, 100, 1, 0.2, 0.05, 0, HULL.before(0.3)));
      assertEquals("div_times", e.argument());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Dividends.price(Model.BSM, C, 0.9, 1, 0.5, 0.2, 0.05, 0, HULL));
    assertEquals("div_amounts", e.argument()); // the dividends are worth more than the spot
  }

  /** e^{−r·t1}·E[V(t1, S(t1) − D)] with V the Black-Scholes value to expiry, Simpson's rule over the normal. */
  static double oneDividendEuropean(OptionType type, double s, double k, double years, double vol, double rate,
      double yield, double t1, double d) {
    int n = 4000;
    double lo = -9;
    double hi = 9;
    double h = (hi - lo) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double z = lo + i * h;
      double s1 = s * Math.exp((rate - yield - 0.5 * vol * vol) * t1 + vol * Math.sqrt(t1) * z);
      double ex = s1 - d;
      double v = ex > 0 ? BlackScholesMerton.INSTANCE.price(type, ex, k, years - t1, vol, rate, yield)
          : type == P ? k * Math.exp(-rate * (years - t1)) : 0.0;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * v * Math.exp(-0.5 * z * z);
    }
    return Math.exp(-rate * t1) * sum * h / 3 / Math.sqrt(2 * Math.PI);
  }

  private interface Valuation {
    double at(double ds, double dk, double dy, double dv, double dr, double dq);
  }

  private static double[] shift(double[] times, double by) {
    double[] out = times.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += by;
    }
    return out;
  }

  private static void check(double expected, double numerical, String what) {
    assertEquals(numerical, expected, 1e-5 * Math.max(1, Math.abs(numerical)), what);
  }
}
