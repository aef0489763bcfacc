package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class BlackScholesMertonTest {

  private static final BlackScholesMerton BSM = BlackScholesMerton.INSTANCE;

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  /** QuantLib's year fraction: the table's day count over 360 (the T column is rounded). */
  private static double years(Map<String, String> row) {
    return num(row, "T_ql_days_act360") / 360.0;
  }

  private static OptionType type(Map<String, String> row) {
    return OptionType.valueOf(row.get("type").toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void pricesMatchHaugWithinPublishedToleranceAndQuantLibToTenDigits() {
    List<Map<String, String>> rows = ReferenceTable.read("/reference/ql_european_values.csv");
    assertEquals(43, rows.size());
    for (Map<String, String> row : rows) {
      double v = BSM.price(type(row), num(row, "S"), num(row, "K"), years(row), num(row, "v"), num(row, "r"),
          num(row, "q"));
      String id = "row " + row.get("id");
      assertEquals(num(row, "expected"), v, num(row, "tolerance"), id + " vs Haug");
      double ql = num(row, "ql_1_29_value");
      assertEquals(ql, v, 1e-9 * Math.abs(ql), id + " vs QuantLib 1.29");
    }
  }

  @Test
  void greeksMatchHaugWithinPublishedToleranceAndQuantLibToTenDigits() {
    List<Map<String, String>> rows = ReferenceTable.read("/reference/ql_greek_values_haug.csv");
    assertEquals(11, rows.size());
    for (Map<String, String> row : rows) {
      Greeks g = BSM.greeks(type(row), num(row, "S"), num(row, "K"), years(row), num(row, "v"), num(row, "r"),
          num(row, "q"));
      double actual;
      switch (row.get("measure")) {
        case "delta": actual = g.delta(); break;
        case "elasticity": actual = g.lambda(); break;
        case "gamma": actual = g.gamma(); break;
        case "vega": actual = g.vega(); break;
        case "theta": actual = g.theta(); break;
        case "thetaPerDay": actual = g.inTraderUnits(Greek.THETA); break;
        case "rho": actual = g.rho(); break;
        case "dividendRho": actual = g.phi(); break;
        default: throw new AssertionError("unknown measure " + row.get("measure"));
      }
      String id = "row " + row.get("id") + " " + row.get("measure");
      assertEquals(num(row, "expected"), actual, num(row, "tolerance"), id + " vs Haug");
      double ql = num(row, "ql_1_29_value");
      assertEquals(ql, actual, 1e-9 * Math.abs(ql), id + " vs QuantLib 1.29");
    }
  }

  @Test
  void singleGreekAgreesWithTheFullSet() {
    for (OptionType type : OptionType.values()) {
      Greeks all = BSM.greeks(type, 97, 103, 0.4, 0.27, 0.02, 0.01);
      for (Greek greek : Greek.values()) {
        assertEquals(all.get(greek), BSM.greek(greek, type, 97, 103, 0.4, 0.27, 0.02, 0.01),
            1e-15 * Math.abs(all.get(greek)), greek.name());
      }
      assertEquals(all.price(), BSM.price(type, 97, 103, 0.4, 0.27, 0.02, 0.01), 1e-15 * all.price());
    }
  }

  /** Garman–Kohlhagen: a currency option is BSM with the foreign rate as yield (Haug's example). */
  @Test
  void garmanKohlhagenCurrencyOption() {
    // Haug (2007) §1.1.6: S = 1.56 USD/EUR, K = 1.60, T = 0.5, r_USD = 6 %, r_EUR = 8 %, σ = 12 % → call 0.0291
    assertEquals(0.0291, Model.parse("GK").pricer().price(OptionType.CALL, 1.56, 1.60, 0.5, 0.12, 0.06, 0.08), 5e-5);
  }

  @Test
  void everyGreekIsTheDerivativeOfALowerOneOverAGridIncludingNegativeRates() {
    for (double s : new double[] {80, 100, 125}) {
      for (double t : new double[] {0.1, 1, 3}) {
        for (double vol : new double[] {0.1, 0.3, 0.8}) {
          for (double r : new double[] {-0.01, 0.03}) {
            for (double q : new double[] {-0.005, 0.02}) {
              for (OptionType type : OptionType.values()) {
                GreekChecks.assertGreeksAreDerivatives(BSM, type, new double[] {s, 100, t, vol, r, q}, 2e-7,
                    s * vol * Math.sqrt(t));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void putCallParityAndSymmetries() {
    double s = 104;
    double k = 98;
    double t = 0.7;
    double r = -0.004;
    double q = 0.013;
    Greeks c = BSM.greeks(OptionType.CALL, s, k, t, 0.31, r, q);
    Greeks p = BSM.greeks(OptionType.PUT, s, k, t, 0.31, r, q);
    double cf = Math.exp(-q * t);
    double df = Math.exp(-r * t);
    assertEquals(s * cf - k * df, c.price() - p.price(), 1e-13 * s);
    assertEquals(cf, c.delta() - p.delta(), 1e-15);
    assertEquals(-df, c.dualDelta() - p.dualDelta(), 1e-15);
    assertEquals(t * k * df, c.rho() - p.rho(), 1e-13);
    assertEquals(-t * s * cf, c.phi() - p.phi(), 1e-13);
    for (Greek same : new Greek[] {Greek.GAMMA, Greek.VEGA, Greek.VANNA, Greek.VOMMA, Greek.SPEED, Greek.ZOMMA,
        Greek.COLOR, Greek.VETA, Greek.ULTIMA, Greek.DUALGAMMA}) {
      assertEquals(c.get(same), p.get(same), 1e-13 * Math.abs(c.get(same)), same.name());
    }
    // homogeneity of degree one in (S, K): V = S·Δ + K·∂V/∂K, and S²Γ = K²·∂²V/∂K²
    for (Greeks g : new Greeks[] {c, p}) {
      assertEquals(g.price(), s * g.delta() + k * g.dualDelta(), 1e-13 * s);
      assertEquals(s * s * g.gamma(), k * k * g.dualGamma(), 1e-13 * s * s * g.gamma());
      // Black–Scholes PDE: Θ + (r − q)SΔ + ½σ²S²Γ − rV = 0 (theta is ∂V/∂t)
      assertEquals(0, g.theta() + (r - q) * s * g.delta() + 0.5 * 0.31 * 0.31 * s * s * g.gamma() - r * g.price(),
          1e-12 * s);
    }
  }

  @Test
  void atExpiryTheValueIsIntrinsicAndDeltaIsAStep() {
    Greeks itm = BSM.greeks(OptionType.CALL, 110, 100, 0, 0.2, 0.05, 0.01);
    assertEquals(10, itm.price(), 0);
    assertEquals(1, itm.delta(), 0);
    assertEquals(0, itm.gamma(), 0);
    assertEquals(0, itm.vega(), 0);
    assertEquals(-1, itm.dualDelta(), 0);
    // theta at expiry is the limit from T > 0: −[(b − r)S + rK] in the money
    assertEquals(-((-0.01) * 110 + 0.05 * 100), itm.theta(), 1e-12);
    assertEquals(BSM.greeks(OptionType.CALL, 110, 100, 1e-9, 0.2, 0.05, 0.01).theta(), itm.theta(), 1e-6);
    Greeks otm = BSM.greeks(OptionType.PUT, 110, 100, 0, 0.2, 0.05, 0.01);
    assertEquals(0, otm.price(), 0);
    assertEquals(0, otm.delta(), 0);
    assertEquals(0, otm.theta(), 0);
    assertTrue(Double.isNaN(otm.lambda()), "elasticity of a worthless option is undefined");
    Greeks atmCall = BSM.greeks(OptionType.CALL, 100, 100, 0, 0.2, 0.05, 0.01);
    Greeks atmPut = BSM.greeks(OptionType.PUT, 100, 100, 0, 0.2, 0.05, 0.01);
    assertEquals(0.5, atmCall.delta(), 0);
    assertEquals(-0.5, atmPut.delta(), 0);
    assertEquals(0, atmCall.gamma(), 0);
    assertEquals(0, atmCall.price(), 0);
    assertEquals(0.5, BSM.greek(Greek.DELTA, OptionType.CALL, 100, 100, 0, 0.2, 0.05, 0.01), 0);
    assertEquals(100 - 90.0, BSM.price(OptionType.PUT, 90, 100, 0, 0.5, 0.1, 0), 0);
  }

  @Test
  void zeroVolGivesTheDiscountedIntrinsicValueOfTheForward() {
    double s = 100;
    double k = 100;
    double t = 2;
    double r = 0.05;
    double q = 0.01;
    double forwardValue = s * Math.exp(-q * t) - k * Math.exp(-r * t);
    assertEquals(forwardValue, BSM.price(OptionType.CALL, s, k, t, 0, r, q), 1e-13);
    assertEquals(0, BSM.price(OptionType.PUT, s, k, t, 0, r, q), 0);
    Greeks g = BSM.greeks(OptionType.CALL, s, k, t, 0, r, q);
    assertEquals(Math.exp(-q * t), g.delta(), 1e-15);
    assertEquals(t * k * Math.exp(-r * t), g.rho(), 1e-12);
    // a tiny vol agrees with the limit
    assertEquals(BSM.greeks(OptionType.CALL, s, k, t, 1e-9, r, q).theta(), g.theta(), 1e-9);
  }

  @Test
  void negativeRatesAndDeepTailsStayFiniteAndPositive() {
    double v = BSM.price(OptionType.CALL, 100, 400, 0.25, 0.1, -0.02, 0);
    assertTrue(v > 0 && v < 1e-100, "deep out of the money value is tiny but positive: " + v);
    Greeks g = BSM.greeks(OptionType.PUT, 100, 100, 1, 0.2, -0.01, -0.02);
    for (double x : g.toArray()) {
      assertFalse(Double.isNaN(x) || Double.isInfinite(x), g.toString());
    }
  }

  @Test
  void vanishingTimeAndExtremeMoneynessGiveFiniteGreeks() {
    // (at the money with vanishing time gamma, theta and color really diverge, so that case is not here)
    double[][] cases = {{110, 100, 1e-300, 0.2}, {90, 100, 1e-300, 0.2}, {1e300, 1e-300, 1, 0.2},
      {1e-300, 1e300, 1, 0.2}, {100, 100, 1, 1e-200}, {100, 100, 1e-12, 5}};
    for (double[] c : cases) {
      for (OptionType type : OptionType.values()) {
        Greeks g = BSM.greeks(type, c[0], c[1], c[2], c[3], 0.03, 0.01);
        for (Greek greek : Greek.values()) {
          if (greek != Greek.LAMBDA) {
            assertTrue(Double.isFinite(g.get(greek)), greek + " " + type + " " + java.util.Arrays.toString(c) + g);
          }
        }
      }
    }
    // an in-the-money call one nanosecond before expiry: delta 1, gamma 0, theta the expiry limit
    Greeks g = BSM.greeks(OptionType.CALL, 110, 100, 1e-300, 0.2, 0.03, 0.01);
    assertEquals(1, g.delta(), 1e-15);
    assertEquals(0, g.gamma(), 0);
    assertEquals(BSM.greeks(OptionType.CALL, 110, 100, 0, 0.2, 0.03, 0.01).theta(), g.theta(), 1e-12);
  }

  @Test
  void badInputThrowsDomainErrorsNamingTheArgument() {
    assertBad("spot", () -> BSM.price(OptionType.CALL, -1, 100, 1, 0.2, 0, 0));
    assertBad("spot", () -> BSM.price(OptionType.CALL, 0, 100, 1, 0.2, 0, 0));
    assertBad("spot", () -> BSM.greeks(OptionType.CALL, Double.NaN, 100, 1, 0.2, 0, 0));
    assertBad("strike", () -> BSM.price(OptionType.CALL, 100, -5, 1, 0.2, 0, 0));
    assertBad("strike", () -> BSM.price(OptionType.CALL, 100, Double.POSITIVE_INFINITY, 1, 0.2, 0, 0));
    assertBad("years", () -> BSM.price(OptionType.CALL, 100, 100, -0.1, 0.2, 0, 0));
    assertBad("years", () -> BSM.greek(Greek.GAMMA, OptionType.CALL, 100, 100, Double.NaN, 0.2, 0, 0));
    assertBad("vol", () -> BSM.price(OptionType.CALL, 100, 100, 1, -0.2, 0, 0));
    assertBad("vol", () -> BSM.price(OptionType.CALL, 100, 100, 1, Double.POSITIVE_INFINITY, 0, 0));
    assertBad("rate", () -> BSM.price(OptionType.CALL, 100, 100, 1, 0.2, Double.NaN, 0));
    assertBad("yield", () -> BSM.greeks(OptionType.CALL, 100, 100, 1, 0.2, 0, Double.NEGATIVE_INFINITY));
    assertBad("years", () -> BSM.impliedVol(OptionType.CALL, 5, 100, 100, 0, 0, 0));
    assertBad("price", () -> BSM.impliedVol(OptionType.CALL, Double.NaN, 100, 100, 1, 0, 0));
  }

  static void assertBad(String argument, Runnable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call::run);
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
    assertEquals(argument, e.argument());
  }
}
