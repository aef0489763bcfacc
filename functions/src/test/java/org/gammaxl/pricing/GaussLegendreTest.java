package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {
  @Test
  void theNPointRuleIsExactUpToDegree2nMinus1() {
    for (int n : new int[] {1, 2, 6, 7, 12, 20, 64}) {
      double[][] rule = GaussLegendre.rule(n);
      for (int degree = 0; degree <= 2 * n - 1; degree++) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += rule[1][i] * Math.pow(rule[0][i], degree);
        }
        double exact = degree % 2 == 1 ? 0.0 : 2.0 / (degree + 1);
        assertEquals(exact, sum, 1e-14, "n=" + n + " degree " + degree);
      }
    }
  }

  @Test
  void nodesAscendInsideTheIntervalAndMatchTheTabulatedFivePointRule() {
    double[][] rule = GaussLegendre.rule(20);
    for (int i = 0; i < 20; i++) {
      assertTrue(rule[0][i] > -1 && rule[0][i] < 1 && (i == 0 || rule[0][i] > rule[0][i - 1]));
      assertTrue(rule[1][i] > 0);
    }
    // Abramowitz & Stegun table 25.4: n = 5, x = 0.538469310105683, w = 0.478628670499366, centre w = 128/225
    double[][] five = GaussLegendre.rule(5);
    assertEquals(0.538469310105683, five[0][3], 1e-15);
    assertEquals(0.478628670499366, five[1][3], 1e-15);
    assertEquals(128.0 / 225, five[1][2], 1e-15);
  }
}
