package org.gammaxl.pricing;

/**
 * Gauss–Legendre quadrature rules on [−1, 1]: the n nodes are the roots of the Legendre polynomial P_n, found by
 * Newton's method from Tricomi's estimate cos(π(i + ¾)/(n + ½)) to rounding, and the weights
 * 2/((1 − x²)·P_n'(x)²). The rule is exact for polynomials of degree up to 2n − 1. One source for every quadrature
 * of the pricing package (the bivariate normal, the American exercise boundary).
 */
final class GaussLegendre {
  private GaussLegendre() {
  }

  /** Nodes [0] (ascending) and weights [1] of the n-point rule on [−1, 1]. */
  static double[][] rule(int n) {
    double[] nodes = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < (n + 1) / 2; i++) {
      double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative = 0.0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p0 = 1.0;
        double p1 = z;
        for (int j = 2; j <= n; j++) {
          double p2 = ((2.0 * j - 1.0) * z * p1 - (j - 1.0) * p0) / j;
          p0 = p1;
          p1 = p2;
        }
        derivative = n * (z * p1 - p0) / (z * z - 1.0);
        double step = p1 / derivative;
        z -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      nodes[i] = -z;
      nodes[n - 1 - i] = z;
      double weight = 2.0 / ((1.0 - z * z) * derivative * derivative);
      weights[i] = weight;
      weights[n - 1 - i] = weight;
    }
    return new double[][] {nodes, weights};
  }
}
