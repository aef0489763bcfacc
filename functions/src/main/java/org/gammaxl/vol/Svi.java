package org.gammaxl.vol;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * Gatheral's raw SVI smile of one expiry (J. Gatheral, "A parsimonious arbitrage-free implied volatility
 * parameterization", Global Derivatives 2004; Gatheral and Jacquier, "Arbitrage-free SVI volatility surfaces",
 * Quantitative Finance 14, 2014): total implied variance at log-moneyness k = ln(K/F)
 * w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²)), implied vol √(w/T). Immutable.
 *
 * <p>Bounds ({@link #of} checks each and names it): b ≥ 0; |ρ| &lt; 1; σ &gt; 0; a + b·σ·√(1 − ρ²) ≥ 0 (the
 * smallest total variance is not negative); b·(1 + |ρ|) ≤ 2 (Lee's moment bound: neither wing of w grows faster
 * than 2|k|). Within them a smile may still allow butterfly arbitrage; {@link #density} is Gatheral's g(k), which
 * must be ≥ 0 everywhere for the implied risk-neutral density to be.
 */
public final class Svi {
  private final double a;
  private final double b;
  private final double rho;
  private final double m;
  private final double sigma;

  private Svi(double a, double b, double rho, double m, double sigma) {
    this.a = a;
    this.b = b;
    this.rho = rho;
    this.m = m;
    this.sigma = sigma;
  }

  /**
   * The raw SVI smile with these parameters (total variance units: a in variance × years).
   *
   * @throws InvalidInputException DOMAIN naming the argument and the bound it violates
   */
  public static Svi of(double a, double b, double rho, double m, double sigma) {
    Require.finite("a", a);
    Require.finite("m", m);
    Require.finite("rho", rho);
    Require.finite("b", b);
    Require.finite("sigma", sigma);
    if (!(b >= 0)) {
      throw InvalidInputException.domain("b", "must be >= 0 (the smile's slope), was " + b);
    }
    if (!(Math.abs(rho) < 1)) {
      throw InvalidInputException.domain("rho", "must be between -1 and 1 (exclusive), was " + rho);
    }
    if (!(sigma > 0)) {
      throw InvalidInputException.domain("sigma", "must be > 0 (the smile's curvature at m), was " + sigma);
    }
    double floor = a + b * sigma * Math.sqrt(1 - rho * rho);
    if (!(floor >= 0)) {
      throw InvalidInputException.domain("a", "a + b*sigma*sqrt(1-rho^2) = " + floor
          + " < 0: the smallest total variance would be negative");
    }
    if (!(b * (1 + Math.abs(rho)) <= 2)) {
      throw InvalidInputException.domain("b", "b*(1+|rho|) = " + b * (1 + Math.abs(rho))
          + " > 2: a wing steeper than Lee's moment bound (total variance at most 2|k|)");
    }
    return new Svi(a, b, rho, m, sigma);
  }

  public double a() { return a; }
  public double b() { return b; }
  public double rho() { return rho; }
  public double m() { return m; }
  public double sigma() { return sigma; }

  /** Total implied variance w(k) at log-moneyness k = ln(K/F). */
  public double totalVariance(double k) {
    double y = k - m;
    return a + b * (rho * y + Math.sqrt(y * y + sigma * sigma));
  }

  /** w′(k) = b·(ρ + (k − m)/√((k − m)² + σ²)): the slope of total variance in log-moneyness. */
  public double slope(double k) {
    double y = k - m;
    return b * (rho + y / Math.sqrt(y * y + sigma * sigma));
  }

  /** The implied vol at strike K for forward F and expiry T years: √(w(ln(K/F))/T). */
  public double vol(double strike, double forward, double years) {
    Require.positive("strike", strike);
    Require.positive("forward", forward);
    Require.positive("years", years);
    return Math.sqrt(totalVariance(Math.log(strike / forward)) / years);
  }

  /**
   * Gatheral's g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2: the risk-neutral density of the strike is
   * n(d₂)/√w · g(k), so the smile is free of butterfly arbitrage where g ≥ 0.
   */
  public double density(double k) {
    double y = k - m;
    double r = Math.sqrt(y * y + sigma * sigma);
    double w = a + b * (rho * y + r);
    double w1 = b * (rho + y / r);
    double w2 = b * sigma * sigma / (r * r * r);
    double t = 1 - k * w1 / (2 * w);
    return t * t - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
  }

  /**
   * The smallest g(k) on a grid of {@code points} log-moneyness values from {@code from} to {@code to}, and where:
   * {min g, k}.
   */
  public double[] smallestDensity(double from, double to, int points) {
    return smallest(this::density, from, to, points);
  }

  /** The smallest f(k) on a grid of {@code points} values of k from {@code from} to {@code to}, and where: {min, k}. */
  static double[] smallest(java.util.function.DoubleUnaryOperator f, double from, double to, int points) {
    double worst = Double.POSITIVE_INFINITY;
    double at = from;
    for (int i = 0; i < points; i++) {
      double k = from + (to - from) * i / (points - 1);
      double y = f.applyAsDouble(k);
      if (y < worst) {
        worst = y;
        at = k;
      }
    }
    return new double[] {worst, at};
  }

  @Override
  public String toString() {
    return "Svi[a=" + a + ", b=" + b + ", rho=" + rho + ", m=" + m + ", sigma=" + sigma + "]";
  }
}
