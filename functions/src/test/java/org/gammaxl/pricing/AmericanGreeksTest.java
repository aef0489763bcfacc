package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The finite-difference machinery shared by the American approximations, checked on a value whose greeks
 * are known in closed form (the European Black-Scholes-Merton value), plus the shared checks every American
 * pricer must pass (greeks against the lattice, implied-vol round trip, bad inputs).
 */
class AmericanGreeksTest {

  private static final AmericanGreeks.Valuation EUROPEAN = AmericanSupport::european;

  @Test
  void finiteDifferencesReproduceClosedFormEuropeanGreeks() {
    for (OptionType type : OptionType.values()) {
      double s = 105;
      double k = 100;
      double t = 0.75;
      double v = 0.28;
      double r = 0.04;
      double q = 0.015;
      Greeks g = AmericanGreeks.of(EUROPEAN, type, s, k, t, v, r, q);
      double phi = type.sign();
      double sd = v * Math.sqrt(t);
      double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
      double d2 = d1 - sd;
      double dq = Math.exp(-q * t);
      double dr = Math.exp(-r * t);
      double n1 = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
      double delta = phi * dq * Normal.cdf(phi * d1);
      double gamma = dq * n1 / (s * sd);
      double vega = s * dq * n1 * Math.sqrt(t);
      double theta = -s * dq * n1 * v / (2 * Math.sqrt(t)) - phi * r * k * dr * Normal.cdf(phi * d2)
          + phi * q * s * dq * Normal.cdf(phi * d1);
      double price = AmericanSupport.european(type, s, k, t, v, r, q);
      assertEquals(price, g.price(), 1e-14);
      assertEquals(delta, g.delta(), 1e-7, "delta");
      assertEquals(gamma, g.gamma(), 1e-7, "gamma");
      assertEquals(vega, g.vega(), 1e-5, "vega");
      assertEquals(theta, g.theta(), 1e-5, "theta");
      assertEquals(phi * k * t * dr * Normal.cdf(phi * d2), g.rho(), 1e-5, "rho");
      assertEquals(-phi * s * t * dq * Normal.cdf(phi * d1), g.phi(), 1e-5, "phi");
      assertEquals(-dq * n1 * d2 / v, g.vanna(), 1e-5, "vanna");
      assertEquals(vega * d1 * d2 / v, g.vomma(), 1e-4, "vomma");
      assertEquals(-gamma / s * (d1 / sd + 1), g.speed(), 1e-7, "speed");
      assertEquals(gamma * (d1 * d2 - 1) / v, g.zomma(), 1e-5, "zomma");
      assertEquals(-phi * dr * Normal.cdf(phi * d2), g.dualDelta(), 1e-7, "dual delta");
      assertEquals(dr * Math.exp(-0.5 * d2 * d2) / Math.sqrt(2 * Math.PI) / (k * sd), g.dualGamma(), 1e-7);
      assertEquals(delta * s / price, g.lambda(), 1e-6, "lambda");
      // calendar-time greeks against derivatives of the closed forms in time to expiry
      double e = 1e-5;
      assertEquals(-(deltaAt(type, s, k, t + e, v, r, q) - deltaAt(type, s, k, t - e, v, r, q)) / (2 * e), g.charm(),
          1e-5, "charm");
      assertEquals(-(gammaAt(s, k, t + e, v, r, q) - gammaAt(s, k, t - e, v, r, q)) / (2 * e), g.color(), 1e-5,
          "color");
      assertEquals(-(vegaAt(s, k, t + e, v, r, q) - vegaAt(s, k, t - e, v, r, q)) / (2 * e), g.veta(), 1e-3, "veta");
      double ev = 1e-5;
      double ultima = (vegaAt(s, k, t, v + ev, r, q) * d(s, k, t, v + ev, r, q, 1) * d(s, k, t, v + ev, r, q, 2)
          / (v + ev) - vegaAt(s, k, t, v - ev, r, q) * d(s, k, t, v - ev, r, q, 1) * d(s, k, t, v - ev, r, q, 2)
          / (v - ev)) / (2 * ev);
      assertEquals(ultima, g.ultima(), 2e-2 * Math.max(1, Math.abs(ultima)), "ultima");
    }
  }

  @Test
  void shortExpiriesAndTinyVolsUseOneSidedStencils() {
    // T below two time bumps and vol below two vol bumps: forward stencils, still accurate.
    Greeks g = AmericanGreeks.of(EUROPEAN, OptionType.CALL, 100, 100, 1e-4, 0.3, 0.02, 0.0);
    double sd = 0.3 * Math.sqrt(1e-4);
    double vegaExact = 100 * Math.sqrt(1e-4) * Math.exp(-0.5 * Math.pow(0.02 * 1e-4 / sd + 0.5 * sd, 2))
        / Math.sqrt(2 * Math.PI);
    assertEquals(vegaExact, g.vega(), 1e-4 * vegaExact);
    Greeks lowVol = AmericanGreeks.of(EUROPEAN, OptionType.PUT, 100, 100, 1, 0.001, 0.0, 0.0);
    assertTrue(lowVol.vega() > 0 && Double.isFinite(lowVol.vomma()));
    assertEquals(100 * Math.exp(-0.5 * 0.0005 * 0.0005) / Math.sqrt(2 * Math.PI), lowVol.vega(), 1e-4);
  }

  @Test
  void atExpiryTheGreeksAreThoseOfThePayoff() {
    Greeks itm = AmericanGreeks.atExpiry(OptionType.PUT, 90, 100);
    assertEquals(10, itm.price());
    assertEquals(-1, itm.delta());
    assertEquals(1, itm.dualDelta());
    assertEquals(0, itm.gamma());
    assertEquals(0, itm.theta());
    assertEquals(-9, itm.lambda(), 1e-15);
    Greeks otm = AmericanGreeks.atExpiry(OptionType.CALL, 90, 100);
    assertEquals(0, otm.delta());
    assertTrue(Double.isNaN(otm.lambda()));
    assertEquals(0.5, AmericanGreeks.atExpiry(OptionType.CALL, 100, 100).delta());
  }

  /** Approximation greeks against the 801-step lattice on ITM/ATM/OTM calls and puts. */
  static void assertCloseToLattice(OptionPricer pricer) {
    double[][] cases = {
        {-1, 100, 100, 0.5, 0.3, 0.05, 0.02}, {1, 100, 100, 1, 0.25, 0.03, 0.07}, {-1, 110, 100, 0.25, 0.2, 0.06, 0},
        {-1, 90, 100, 1, 0.35, 0.08, 0.0}, {1, 100, 90, 0.5, 0.3, 0.05, 0}};
    AmericanLattice lattice = AmericanLattice.of(801);
    for (double[] c : cases) {
      OptionType type = c[0] > 0 ? OptionType.CALL : OptionType.PUT;
      Greeks ref = lattice.greeks(type, c[1], c[2], c[3], c[4], c[5], c[6]);
      Greeks g = pricer.greeks(type, c[1], c[2], c[3], c[4], c[5], c[6]);
      String at = type + " S=" + c[1] + " K=" + c[2] + " T=" + c[3];
      assertEquals(ref.delta(), g.delta(), 0.01, "delta " + at);
      assertEquals(ref.gamma(), g.gamma(), 0.03 * ref.gamma(), "gamma " + at);
      assertEquals(ref.vega(), g.vega(), 0.02 * ref.vega(), "vega " + at);
      assertEquals(ref.theta(), g.theta(), 0.04 * Math.abs(ref.theta()), "theta " + at);
      assertEquals(ref.rho(), g.rho(), 0.08 * Math.abs(ref.rho()) + 0.1, "rho " + at);
      assertEquals(ref.phi(), g.phi(), 0.08 * Math.abs(ref.phi()) + 0.1, "phi " + at);
      assertEquals(ref.dualDelta(), g.dualDelta(), 0.01, "dual delta " + at);
      for (Greek greek : Greek.values()) {
        assertTrue(Double.isFinite(g.get(greek)), greek + " " + at);
      }
    }
  }

  static void assertImpliedVolRoundTrip(OptionPricer pricer, double tolerance) {
    for (OptionType type : OptionType.values()) {
      for (double spot : new double[] {85, 100, 115}) {
        for (double vol : new double[] {0.05, 0.3, 1.2}) {
          double price = pricer.price(type, spot, 100, 0.75, vol, 0.05, 0.02);
          if (price - type.intrinsic(spot, 100) < 1e-6) {
            continue; // in the exercise region: the value is flat in vol
          }
          assertEquals(vol, pricer.impliedVol(type, price, spot, 100, 0.75, 0.05, 0.02), tolerance,
              type + " S=" + spot + " vol=" + vol);
        }
      }
    }
    InvalidInputException below = assertThrows(InvalidInputException.class,
        () -> pricer.impliedVol(OptionType.PUT, 9.5, 90, 100, 0.5, 0.05, 0.0));
    assertEquals("price", below.argument());
    assertTrue(below.getMessage().contains("intrinsic"), below.getMessage());
    InvalidInputException above = assertThrows(InvalidInputException.class,
        () -> pricer.impliedVol(OptionType.CALL, 100.5, 100, 100, 0.5, 0.05, 0.0));
    assertEquals("price", above.argument());
    assertTrue(above.getMessage().contains("upper bound 100"), above.getMessage());
    InvalidInputException abovePut = assertThrows(InvalidInputException.class,
        () -> pricer.impliedVol(OptionType.PUT, 100, 100, 100, 0.5, 0.05, 0.0));
    assertTrue(abovePut.getMessage().contains("strike"), abovePut.getMessage());
    assertEquals(InvalidInputException.Kind.DOMAIN, abovePut.kind());
  }

  static void assertRejectsBadInputs(OptionPricer pricer) {
    assertBad("spot", () -> pricer.price(OptionType.CALL, Double.NaN, 100, 1, 0.2, 0.05, 0));
    assertBad("spot", () -> pricer.price(OptionType.CALL, -100, 100, 1, 0.2, 0.05, 0));
    assertBad("strike", () -> pricer.price(OptionType.PUT, 100, Double.POSITIVE_INFINITY, 1, 0.2, 0.05, 0));
    assertBad("strike", () -> pricer.greeks(OptionType.PUT, 100, 0, 1, 0.2, 0.05, 0));
    assertBad("years", () -> pricer.price(OptionType.PUT, 100, 100, -1, 0.2, 0.05, 0));
    assertBad("vol", () -> pricer.price(OptionType.PUT, 100, 100, 1, -0.2, 0.05, 0));
    assertBad("vol", () -> pricer.greeks(OptionType.PUT, 100, 100, 1, Double.NaN, 0.05, 0));
    assertBad("rate", () -> pricer.price(OptionType.PUT, 100, 100, 1, 0.2, Double.NaN, 0));
    assertBad("yield", () -> pricer.price(OptionType.PUT, 100, 100, 1, 0.2, 0.05, Double.NEGATIVE_INFINITY));
    assertBad("price", () -> pricer.impliedVol(OptionType.PUT, Double.NaN, 100, 100, 1, 0.05, 0));
    assertBad("price", () -> pricer.impliedVol(OptionType.PUT, -1, 100, 100, 1, 0.05, 0));
    assertBad("years", () -> pricer.impliedVol(OptionType.PUT, 5, 100, 100, 0, 0.05, 0));
  }

  private static void assertBad(String argument, org.junit.jupiter.api.function.Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(argument, e.argument());
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
  }

  private static double d(double s, double k, double t, double v, double r, double q, int which) {
    double sd = v * Math.sqrt(t);
    double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
    return which == 1 ? d1 : d1 - sd;
  }

  private static double deltaAt(OptionType type, double s, double k, double t, double v, double r, double q) {
    return type.sign() * Math.exp(-q * t) * Normal.cdf(type.sign() * d(s, k, t, v, r, q, 1));
  }

  private static double gammaAt(double s, double k, double t, double v, double r, double q) {
    double d1 = d(s, k, t, v, r, q, 1);
    return Math.exp(-q * t) * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) / (s * v * Math.sqrt(t));
  }

  private static double vegaAt(double s, double k, double t, double v, double r, double q) {
    double d1 = d(s, k, t, v, r, q, 1);
    return s * Math.exp(-q * t) * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * Math.sqrt(t);
  }
}
