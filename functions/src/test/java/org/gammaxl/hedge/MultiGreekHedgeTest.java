package org.gammaxl.hedge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;
import org.junit.jupiter.api.Test;

class MultiGreekHedgeTest {
  static final List<Greek> DGV = List.of(Greek.DELTA, Greek.GAMMA, Greek.VEGA);

  @Test
  void squareSystemIsSolvedExactly() {
    // position: delta 500, gamma 30, vega 2,000; instruments: stock, option A, option B
    double[] position = {500, 30, 2000};
    double[][] instruments = {{1, 0, 0}, {0.5, 0.04, 20}, {0.3, 0.02, 25}};
    MultiGreekHedge h = MultiGreekHedge.solve(DGV, position, instruments, null);
    // by hand: 0.04a + 0.02b = −30, 20a + 25b = −2000 → a = −(30·25 − 0.02·2000)/(0.04·25 − 0.02·20)
    double a = -(30 * 25 - 0.02 * 2000) / (0.04 * 25 - 0.02 * 20);
    double b = (-30 - 0.04 * a) / 0.02;
    double s = -500 - 0.5 * a - 0.3 * b;
    double[] q = h.quantities();
    assertEquals(s, q[0], 1e-8);
    assertEquals(a, q[1], 1e-8);
    assertEquals(b, q[2], 1e-8);
    for (double r : h.residual()) {
      assertEquals(0, r, 1e-8);
    }
    assertEquals(3, h.rank());
  }

  @Test
  void overDeterminedIsWeightedLeastSquaresWithResidualReported() {
    // gamma and vega with one option: minimise (w_g(30 + 0.04a))² + (w_v(2000 + 20a))²
    double[] position = {30, 2000};
    double[][] instruments = {{0.04, 20}};
    double wg = 100;
    double wv = 0.1;
    MultiGreekHedge h = MultiGreekHedge.solve(List.of(Greek.GAMMA, Greek.VEGA), position, instruments,
        new double[] {wg, wv});
    // normal equation: a = −(wg²·0.04·30 + wv²·20·2000) / (wg²·0.04² + wv²·20²)
    double a = -(wg * wg * 0.04 * 30 + wv * wv * 20 * 2000) / (wg * wg * 0.0016 + wv * wv * 400);
    assertEquals(a, h.quantities()[0], 1e-9);
    assertEquals(30 + 0.04 * a, h.residual(Greek.GAMMA), 1e-9);
    assertEquals(2000 + 20 * a, h.residual(Greek.VEGA), 1e-9);
  }

  @Test
  void underDeterminedIsTheMinimumNormSolution() {
    // delta 100 with two instruments of delta 1 and 0.5: q = −100·(1, 0.5)/1.25
    MultiGreekHedge h = MultiGreekHedge.solve(List.of(Greek.DELTA), new double[] {100},
        new double[][] {{1}, {0.5}}, null);
    assertEquals(-80, h.quantities()[0], 1e-9);
    assertEquals(-40, h.quantities()[1], 1e-9);
    assertEquals(0, h.residual(Greek.DELTA), 1e-9);
  }

  @Test
  void badShapesAreNamed() {
    assertEquals("instruments[2]", assertThrows(InvalidInputException.class, () -> MultiGreekHedge.solve(DGV,
        new double[] {1, 2, 3}, new double[][] {{1, 0, 0}, {1, 2}}, null)).argument());
    assertEquals("position", assertThrows(InvalidInputException.class, () -> MultiGreekHedge.solve(DGV,
        new double[] {1, 2}, new double[][] {{1, 0, 0}}, null)).argument());
    assertThrows(InvalidInputException.class, () -> MultiGreekHedge.solve(DGV, new double[] {1, 2, 3},
        new double[][] {{1, 0, 0}}, null).residual(Greek.THETA));
  }
}
