package org.gammaxl.ledger;

import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.Normal;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/** TEMPORARY test-only Black-Scholes-Merton until pricing.BlackScholesMerton lands on main. */
public final class TestBsm implements OptionPricer {
  public static final TestBsm INSTANCE = new TestBsm();

  @Override
  public double price(OptionType type, double s, double k, double t, double v, double r, double q) {
    return greeks(type, s, k, t, v, r, q).price();
  }

  @Override
  public Greeks greeks(OptionType type, double s, double k, double t, double v, double r, double q) {
    double sq = Math.sqrt(t);
    double d1 = (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / (v * sq);
    double d2 = d1 - v * sq;
    double dq = Math.exp(-q * t);
    double dr = Math.exp(-r * t);
    int phi = type.sign();
    double price = phi * (s * dq * Normal.cdf(phi * d1) - k * dr * Normal.cdf(phi * d2));
    double delta = phi * dq * Normal.cdf(phi * d1);
    double gamma = dq * Normal.pdf(d1) / (s * v * sq);
    double vega = s * dq * Normal.pdf(d1) * sq;
    double theta = -s * dq * Normal.pdf(d1) * v / (2 * sq) + phi * (q * s * dq * Normal.cdf(phi * d1)
        - r * k * dr * Normal.cdf(phi * d2));
    double n = Double.NaN;
    return Greeks.of(price, delta, gamma, vega, theta, n, n, n, n, n, n, n, n, n, n, n, n, n);
  }

  @Override
  public double impliedVol(OptionType type, double price, double s, double k, double t, double r, double q) {
    throw new UnsupportedOperationException();
  }
}
