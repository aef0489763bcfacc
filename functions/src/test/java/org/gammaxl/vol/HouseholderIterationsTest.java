package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * "Let's Be Rational" spends a fixed, small number of iterations: the rational guess plus two Householder(3)
 * steps, after which more steps change nothing that matters.
 */
class HouseholderIterationsTest {

  @Test
  void productionUsesTwoHouseholderSteps() {
    assertEquals(2, LetsBeRational.HOUSEHOLDER_ITERATIONS);
  }

  /** Over all four branches, wings and short expiries: never more than 2 steps, and 2 steps are as good as 10. */
  @Test
  void twoStepsReachMachinePrecisionOnEveryBranch() {
    int cases = 0;
    int[] histogram = new int[3];
    double worst = 0;
    for (double x : new double[] {-1e-10, -1e-4, -0.01, -0.1, -0.5, -1, -2, -5, -10, -30, -60}) {
      for (double s : new double[] {1e-6, 1e-4, 0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 8, 12}) {
        double beta = NormalisedBlack.outOfTheMoneyCall(x, s);
        double bMax = Math.exp(0.5 * x);
        if (!(beta > 1e-300) || beta >= bMax * (1 - 1e-6)) {
          continue; // the price no longer determines s to machine precision
        }
        LetsBeRational.Trace trace = new LetsBeRational.Trace();
        double two = LetsBeRational.totalStandardDeviation(beta, x, LetsBeRational.HOUSEHOLDER_ITERATIONS, trace);
        double ten = LetsBeRational.totalStandardDeviation(beta, x, 10, null);
        assertTrue(trace.iterations <= 2, "iterations " + trace.iterations);
        histogram[trace.iterations]++;
        double resolution = Math.ulp(beta) / (s * NormalisedBlack.vega(x, s));
        String where = "x=" + x + " s=" + s;
        assertEquals(s, two, Math.max(1e-13, 4 * resolution) * s, where);
        assertEquals(ten, two, Math.max(4e-15, 4 * resolution) * s, where);
        worst = Math.max(worst, Math.abs(two / s - 1));
        cases++;
      }
    }
    System.out.printf("Householder steps over %d cases: 0 → %d, 1 → %d, 2 → %d; worst relative error %.3g%n", cases,
        histogram[0], histogram[1], histogram[2], worst);
    assertTrue(cases > 100);
  }
}
