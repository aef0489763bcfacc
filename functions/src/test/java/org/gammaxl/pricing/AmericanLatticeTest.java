package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class AmericanLatticeTest {
  private static final AmericanLattice TREE = AmericanLattice.of(401);

  @Test
  void callWithoutYieldIsTheEuropeanClosedForm() {
    // With q = 0 early exercise of a call never pays, so the tree must converge to Black-Scholes-Merton.
    for (double spot : new double[] {80, 100, 125}) {
      for (double years : new double[] {0.1, 1, 3}) {
        double european = AmericanSupport.european(OptionType.CALL, spot, 100, years, 0.3, 0.05, 0.0);
        assertEquals(european, TREE.price(OptionType.CALL, spot, 100, years, 0.3, 0.05, 0.0), 1e-4,
            "S=" + spot + " T=" + years);
      }
    }
  }

  @Test
  void convergesAsTheStepCountDoubles() {
    // Early exercise makes the Leisen–Reimer error first order, e(N) ≈ c/N: it must shrink as N doubles
    // and stay below 2.5/N; the two-point extrapolation removes most of it.
    double[][] cases = {{-1, 100, 1, 0.3, 0.05, 0.02}, {-1, 90, 0.5, 0.2, 0.08, 0}, {1, 110, 2, 0.25, 0.03, 0.07}};
    for (double[] c : cases) {
      OptionType type = c[0] > 0 ? OptionType.CALL : OptionType.PUT;
      double reference = AmericanLattice.extrapolated(1601).price(type, c[1], 100, c[2], c[3], c[4], c[5]);
      double previous = Double.POSITIVE_INFINITY;
      for (int n : new int[] {101, 201, 401, 801}) {
        double error = Math.abs(AmericanLattice.of(n).price(type, c[1], 100, c[2], c[3], c[4], c[5]) - reference);
        assertTrue(error < 2.5 / n, type + " S=" + c[1] + " N=" + n + " error " + error);
        assertTrue(error < previous, type + " S=" + c[1] + " N=" + n + " error " + error);
        previous = error;
      }
      assertEquals(reference, AmericanLattice.extrapolated(401).price(type, c[1], 100, c[2], c[3], c[4], c[5]), 1e-3);
    }
  }

  @Test
  void americanPutCallSymmetryHolds() {
    // McDonald–Schroder: P(S, K, r, q) = C(K, S, q, r) for American options — an independent property
    // of the true values, which the tree reproduces to its discretization error.
    double put = TREE.price(OptionType.PUT, 90, 100, 1, 0.3, 0.06, 0.02);
    double call = TREE.price(OptionType.CALL, 100, 90, 1, 0.3, 0.02, 0.06);
    assertEquals(put, call, 5e-4);
  }

  @Test
  void americanIsWorthAtLeastEuropeanAndIntrinsic() {
    for (double[] c : AmericanGrid.cases()) {
      OptionType type = AmericanGrid.type(c);
      double value = AmericanLattice.of(101).price(type, c[1], 100, c[2], c[3], c[4], c[5]);
      assertTrue(value >= type.intrinsic(c[1], 100), AmericanGrid.describe(c));
      // the tree's European error at 101 steps is below 1e-3
      assertTrue(value >= AmericanSupport.european(type, c[1], 100, c[2], c[3], c[4], c[5]) - 1e-3,
          AmericanGrid.describe(c));
    }
  }

  @Test
  void degenerateInputs() {
    assertEquals(7, TREE.price(OptionType.PUT, 93, 100, 0, 0.3, 0.05, 0), 0);
    assertEquals(7, TREE.price(OptionType.PUT, 93, 100, 1, 0, 0.05, 0), 1e-14);
    // vol so small that the Peizer–Pratt probabilities round to 0 or 1: the fallback tree prices it
    assertEquals(10, TREE.price(OptionType.CALL, 110, 100, 1, 1e-4, 0.05, 0.05), 1e-9);
    assertEquals(10, TREE.price(OptionType.PUT, 100, 110, 1, 1e-4, 0.05, 0.05), 1e-9);
    assertEquals(401, TREE.steps());
    assertEquals(403, AmericanLattice.of(402).steps());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AmericanLattice.of(1));
    assertEquals("steps", e.argument());
  }

  @Test
  void treeGreeksMatchTheEuropeanClosedFormsWithoutEarlyExercise() {
    double s = 100;
    double k = 95;
    double t = 0.5;
    double v = 0.3;
    double r = 0.05;
    Greeks g = AmericanLattice.of(801).greeks(OptionType.CALL, s, k, t, v, r, 0);
    double sd = v * Math.sqrt(t);
    double d1 = (Math.log(s / k) + r * t) / sd + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
    double df = Math.exp(-r * t);
    assertEquals(Normal.cdf(d1), g.delta(), 5e-4);
    assertEquals(n1 / (s * sd), g.gamma(), 2e-3 * n1 / (s * sd));
    assertEquals(s * n1 * Math.sqrt(t), g.vega(), 1e-3 * s * n1 * Math.sqrt(t));
    double theta = -s * n1 * v / (2 * Math.sqrt(t)) - r * k * df * Normal.cdf(d2);
    assertEquals(theta, g.theta(), 2e-3 * Math.abs(theta));
    assertEquals(k * t * df * Normal.cdf(d2), g.rho(), 1e-3 * k * t);
    assertEquals(-s * t * Normal.cdf(d1), g.phi(), 1e-3 * s * t);
    assertEquals(-df * Normal.cdf(d2), g.dualDelta(), 5e-4);
    assertTrue(Double.isNaN(g.vanna()) && Double.isNaN(g.ultima()), "documented NaN higher-order greeks");
  }

  @Test
  void thetaIsZeroInTheExerciseRegion() {
    Greeks g = TREE.greeks(OptionType.PUT, 60, 100, 1, 0.2, 0.08, 0);
    assertEquals(40, g.price(), 1e-12);
    assertEquals(-1, g.delta(), 1e-12);
    assertEquals(0, g.theta(), 0);
  }

  @Test
  void impliedVolRoundTrips() {
    AmericanGreeksTest.assertImpliedVolRoundTrip(AmericanLattice.of(101), 1e-8);
  }

  @Test
  void badInputsAreDomainErrorsNamingTheArgument() {
    AmericanGreeksTest.assertRejectsBadInputs(AmericanLattice.of(51));
  }
}
