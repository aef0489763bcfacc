package org.gammaxl.hedge;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.Greek;

/**
 * Neutralises several greeks (delta, gamma, vega, …) at once with several hedge instruments.
 *
 * <p>With m greeks and n instruments the quantities q solve A·q = −p, where A[i][j] is greek i of
 * one unit of instrument j and p the position's greeks. When m = n and A is regular the solution is
 * exact; when over-determined (m &gt; n) it is the weighted least-squares solution minimising
 * Σ (w_i · residual_i)²; when under-determined (m &lt; n) or rank deficient it is the minimum-norm
 * solution among the least-squares ones (Moore–Penrose pseudo-inverse, computed by singular value
 * decomposition with commons-math3). The residual exposure p + A·q is always reported, greek by
 * greek, so that a trader sees what is left unhedged.
 *
 * <p>Weights make greeks of different sizes comparable (a vega per 1.00 of vol is ~100 times a vega
 * per vol point); use 1/(typical size) or the trader's cost of one unit of each residual.
 */
public final class MultiGreekHedge {
  private final List<Greek> greeks;
  private final double[] quantities;
  private final double[] residual;
  private final int rank;

  private MultiGreekHedge(List<Greek> greeks, double[] quantities, double[] residual, int rank) {
    this.greeks = greeks;
    this.quantities = quantities;
    this.residual = residual;
    this.rank = rank;
  }

  /**
   * Solves for the hedge quantities.
   *
   * @param greeks the greeks to neutralise, in row order (for example DELTA, GAMMA, VEGA)
   * @param position the position's exposure to each greek (raw units, see {@link Greek})
   * @param instruments {@code instruments[j][i]} = greek i of one unit of instrument j
   * @param weights one weight &gt; 0 per greek, or {@code null} for all 1
   */
  public static MultiGreekHedge solve(List<Greek> greeks, double[] position, double[][] instruments, double[] weights) {
    int m = greeks.size();
    if (m == 0) {
      throw InvalidInputException.notAvailable("greeks", "no greek to neutralise");
    }
    if (position.length != m) {
      throw InvalidInputException.domain("position", "has " + position.length + " exposures for " + m + " greeks");
    }
    int n = instruments.length;
    if (n == 0) {
      throw InvalidInputException.notAvailable("instruments", "no hedge instrument");
    }
    double[] w = weights == null ? filled(m, 1.0) : weights;
    if (w.length != m) {
      throw InvalidInputException.domain("weights", "has " + w.length + " weights for " + m + " greeks");
    }
    for (int i = 0; i < m; i++) {
      Require.finite("position[" + (i + 1) + "]", position[i]);
      Require.positive("weights[" + (i + 1) + "]", w[i]);
    }
    double[][] a = new double[m][n];
    for (int j = 0; j < n; j++) {
      if (instruments[j].length != m) {
        throw InvalidInputException.domain("instruments[" + (j + 1) + "]", "has " + instruments[j].length
            + " greeks, expected " + m);
      }
      for (int i = 0; i < m; i++) {
        a[i][j] = w[i] * Require.finite("instruments[" + (j + 1) + "][" + (i + 1) + "]", instruments[j][i]);
      }
    }
    RealVector b = new ArrayRealVector(m);
    for (int i = 0; i < m; i++) {
      b.setEntry(i, -w[i] * position[i]);
    }
    RealMatrix matrix = new Array2DRowRealMatrix(a, false);
    SingularValueDecomposition svd = new SingularValueDecomposition(matrix);
    double[] q = svd.getSolver().solve(b).toArray();
    double[] residual = new double[m];
    for (int i = 0; i < m; i++) {
      double r = position[i];
      for (int j = 0; j < n; j++) {
        r += instruments[j][i] * q[j];
      }
      residual[i] = r;
    }
    return new MultiGreekHedge(List.copyOf(greeks), q, residual, svd.getRank());
  }

  /** The greeks, in row order. */
  public List<Greek> greeks() {
    return greeks;
  }

  /** Quantity of each instrument (signed, instrument units), in the order given. */
  public double[] quantities() {
    return quantities.clone();
  }

  /** Residual exposure p + A·q per greek, raw units, in {@link #greeks()} order. */
  public double[] residual() {
    return residual.clone();
  }

  /** The residual exposure to one greek. */
  public double residual(Greek greek) {
    int i = greeks.indexOf(greek);
    if (i < 0) {
      throw InvalidInputException.domain("greek", greek + " was not among the hedged greeks " + greeks);
    }
    return residual[i];
  }

  /** The numerical rank of the (weighted) instrument matrix; less than min(m, n) means redundant instruments. */
  public int rank() {
    return rank;
  }

  @Override
  public String toString() {
    return "MultiGreekHedge{greeks=" + greeks + ", quantities=" + Arrays.toString(quantities)
        + ", residual=" + Arrays.toString(residual) + ", rank=" + rank + '}';
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
