package org.gammaxl.ledger;

import java.util.Arrays;

/**
 * The smile offset curve s(m) of {@link SmileDynamics#STICKY_MONEYNESS}: piecewise linear in
 * log-moneyness m = ln(K/S) through its knots, flat beyond the outermost. Immutable.
 */
final class SmileCurve {
  private final double[] m;
  private final double[] s;

  private SmileCurve(double[] m, double[] s) {
    this.m = m;
    this.s = s;
  }

  /** The curve through (0, 0) and the points (mᵢ, oᵢ), points at the same m averaged. */
  static SmileCurve through(double[] moneyness, double[] offsets) {
    int n = moneyness.length + 1;
    double[][] points = new double[n][];
    points[0] = new double[] {0, 0};
    for (int i = 0; i < moneyness.length; i++) {
      points[i + 1] = new double[] {moneyness[i], offsets[i]};
    }
    Arrays.sort(points, (a, b) -> Double.compare(a[0], b[0]));
    double[] xs = new double[n];
    double[] ys = new double[n];
    int k = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      double sum = 0;
      while (j < n && points[j][0] == points[i][0]) {
        sum += points[j][1];
        j++;
      }
      xs[k] = points[i][0];
      ys[k] = sum / (j - i);
      k++;
      i = j;
    }
    return new SmileCurve(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k));
  }

  /** s(x). */
  double value(double x) {
    int n = m.length;
    if (x <= m[0]) {
      return s[0];
    }
    if (x >= m[n - 1]) {
      return s[n - 1];
    }
    int i = segment(x);
    return s[i] + (s[i + 1] - s[i]) * (x - m[i]) / (m[i + 1] - m[i]);
  }

  /** s′(x): the segment's slope, 0 beyond the outermost knots (the right-hand slope at a knot). */
  double slope(double x) {
    int n = m.length;
    if (x < m[0] || x >= m[n - 1]) {
      return 0;
    }
    int i = segment(x);
    return (s[i + 1] - s[i]) / (m[i + 1] - m[i]);
  }

  /** The i with m[i] ≤ x &lt; m[i + 1], for m[0] ≤ x &lt; m[n − 1]. */
  private int segment(double x) {
    int i = Arrays.binarySearch(m, x);
    return i >= 0 ? Math.min(i, m.length - 2) : -i - 2;
  }
}
