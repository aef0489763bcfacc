package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks every closed-form greek of a pricer against a fourth-order central finite difference of
 * the next lower-order closed form (delta from price, speed from gamma, ultima from vomma, …), so a
 * higher-order formula is only trusted if it is the derivative of a lower one that is itself
 * checked against outside references.
 */
final class GreekChecks {

  /** The six inputs of {@link OptionPricer}, one of which a finite difference bumps. */
  enum Input { SPOT, STRIKE, YEARS, VOL, RATE, YIELD }

  private GreekChecks() {
  }

  /** Each greek as (greek, lower-order greek it differentiates, input, sign); sign −1 for ∂/∂t = −∂/∂T. */
  private static final Object[][] DEFINITIONS = {
    {Greek.DELTA, Greek.PRICE, Input.SPOT, 1},
    {Greek.GAMMA, Greek.DELTA, Input.SPOT, 1},
    {Greek.VEGA, Greek.PRICE, Input.VOL, 1},
    {Greek.THETA, Greek.PRICE, Input.YEARS, -1},
    {Greek.RHO, Greek.PRICE, Input.RATE, 1},
    {Greek.PHI, Greek.PRICE, Input.YIELD, 1},
    {Greek.VANNA, Greek.DELTA, Input.VOL, 1},
    {Greek.VANNA, Greek.VEGA, Input.SPOT, 1},
    {Greek.CHARM, Greek.DELTA, Input.YEARS, -1},
    {Greek.VOMMA, Greek.VEGA, Input.VOL, 1},
    {Greek.SPEED, Greek.GAMMA, Input.SPOT, 1},
    {Greek.ZOMMA, Greek.GAMMA, Input.VOL, 1},
    {Greek.COLOR, Greek.GAMMA, Input.YEARS, -1},
    {Greek.VETA, Greek.VEGA, Input.YEARS, -1},
    {Greek.ULTIMA, Greek.VOMMA, Input.VOL, 1},
    {Greek.DUALDELTA, Greek.PRICE, Input.STRIKE, 1},
    {Greek.DUALGAMMA, Greek.DUALDELTA, Input.STRIKE, 1},
  };

  static double value(OptionPricer pricer, Greek greek, OptionType type, double[] x) {
    return pricer.greeks(type, x[0], x[1], x[2], x[3], x[4], x[5]).get(greek);
  }

  /** Fourth-order central difference of {@code greek} in {@code input}. */
  static double derivative(OptionPricer pricer, Greek greek, OptionType type, double[] x, Input input,
      double priceScale) {
    int i = input.ordinal();
    double h = step(x, input, priceScale);
    double[] y = x.clone();
    double[] f = new double[4];
    double[] offsets = {-2, -1, 1, 2};
    for (int j = 0; j < 4; j++) {
      y[i] = x[i] + offsets[j] * h;
      f[j] = value(pricer, greek, type, y);
    }
    return (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
  }

  /**
   * The finite-difference step: 1e-4 for rates, 1e-3 of the value for years and vol, and for spot
   * and strike 1e-3 of the smaller of the price level and {@code priceScale}, the standard deviation
   * of the underlying at expiry in price units (S·σ√T lognormal, σ√T normal), so that a step moves
   * d by about 0.001 however short the option.
   */
  static double step(double[] x, Input input, double priceScale) {
    switch (input) {
      case RATE: case YIELD: return 1e-4;
      case SPOT: case STRIKE: return 1e-3 * Math.min(Math.max(Math.abs(x[input.ordinal()]), 1.0), priceScale);
      default: return 1e-3 * x[input.ordinal()];
    }
  }

  /**
   * Asserts every greek of {@code pricer} at {@code x} = (spot, strike, years, vol, rate, yield)
   * against finite differences, with relative tolerance {@code tol} plus the finite difference's
   * own rounding noise, and lambda against Δ·S/V.
   */
  static void assertGreeksAreDerivatives(OptionPricer pricer, OptionType type, double[] x, double tol,
      double priceScale) {
    Greeks g = pricer.greeks(type, x[0], x[1], x[2], x[3], x[4], x[5]);
    for (Object[] d : DEFINITIONS) {
      Greek greek = (Greek) d[0];
      Greek lower = (Greek) d[1];
      Input input = (Input) d[2];
      double fd = (Integer) d[3] * derivative(pricer, lower, type, x, input, priceScale);
      double closed = g.get(greek);
      // noise of the difference quotient: about eps·|f|/h; scale by the lower greek's size
      double h = step(x, input, priceScale);
      double noise = 1e-12 * (Math.abs(g.get(lower)) + 1e-3) / h;
      assertEquals(fd, closed, tol * Math.abs(fd) + noise,
          () -> greek + " vs d" + lower + "/d" + input + " for " + type + " at " + java.util.Arrays.toString(x));
    }
    double lambda = g.delta() * x[0] / g.price();
    assertEquals(lambda, g.lambda(), 1e-12 * Math.abs(lambda), "lambda = delta*S/V");
    assertTrue(g.price() >= 0, "value is non-negative");
  }
}
