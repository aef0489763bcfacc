package org.gammaxl.pricing;

import org.gammaxl.Require;
import org.gammaxl.vol.ImpliedVolatility;

/**
 * The Bachelier (normal) model: the forward F = S·e^{(r−q)T} is normally distributed at expiry with
 * standard deviation σ_N·√T, where σ_N is an <b>absolute</b> volatility in price units per √year
 * (for example 25 for a spread that moves about 25 per year, not 0.25). The premium is discounted
 * at e^{−rT}:
 * V = e^{−rT}·(φ·(F − K)·N(φ·d) + σ_N√T·n(d)), d = (F − K)/(σ_N√T).
 *
 * <p>Greeks are closed forms with respect to the spot S (∂F/∂S = e^{(r−q)T}), raw units as on
 * {@link Greek}: vega and vomma per 1.00 of the absolute vol, theta/charm/color/veta = ∂/∂t = −∂/∂T
 * per year, RHO = ∂V/∂r with the yield fixed (the forward moves with the rate), PHI = ∂V/∂q,
 * LAMBDA = Δ·S/V (NaN where V = 0; meaningless sign when S ≤ 0).
 *
 * <p>Spot and strike may be any finite number, including zero and negative (spreads, power and
 * negative-priced commodities). years ≥ 0 and vol ≥ 0, rate and yield finite. At expiry or zero vol
 * the value is the discounted intrinsic value of the forward, delta is the step (½ at the money)
 * and the density-carrying greeks are 0, as for {@link BlackScholesMerton}.
 */
public final class Bachelier implements OptionPricer {

  /** The shared stateless instance. */
  public static final Bachelier INSTANCE = new Bachelier();

  private Bachelier() {
  }

  private static void validate(double spot, double strike, double years, double vol, double rate, double yield) {
    Require.finite("spot", spot);
    Require.finite("strike", strike);
    Require.nonNegative("years", years);
    Require.nonNegative("vol", vol);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
  }

  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    validate(spot, strike, years, vol, rate, yield);
    int phi = type.sign();
    double df = Math.exp(-rate * years);
    double forward = spot * Math.exp((rate - yield) * years);
    double sd = vol * Math.sqrt(years);
    double x = phi * (forward - strike);
    if (sd == 0) {
      return df * Math.max(x, 0.0);
    }
    double d = x / sd;
    double n = Normal.pdf(d);
    return df * Math.max(x * Normal.cdf(d, n) + sd * n, 0.0);
  }

  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    validate(spot, strike, years, vol, rate, yield);
    int phi = type.sign();
    double t = years;
    double r = rate;
    double q = yield;
    double b = rate - yield;
    double df = Math.exp(-r * t);
    double cf = Math.exp(-q * t);
    double forward = spot * Math.exp(b * t);
    double sqrtT = Math.sqrt(t);
    double sd = vol * sqrtT;
    double[] g = new double[LognormalKernel.N];
    if (sd == 0) {
      double m = phi * (forward - strike);
      double w = m > 0 ? 1.0 : m == 0 ? 0.5 : 0.0;
      double v = df * Math.max(m, 0.0);
      double delta = phi * cf * w;
      g[0] = v;
      g[1] = delta;
      g[4] = r * v - df * phi * b * forward * w;
      g[5] = t * df * phi * strike * w;
      g[6] = -t * spot * delta;
      g[8] = q * delta;
      g[15] = -phi * df * w;
      g[17] = LognormalKernel.lambda(delta, spot, v);
      return Greeks.of(g);
    }
    // d for the chosen side: φ·(F − K)/(σ√T), so N(φ·d) = N(dPhi) and n(d) = n(dPhi)
    double dPhi = phi * (forward - strike) / sd;
    double d = phi * dPhi;
    double n = Normal.pdf(dPhi);
    double nPhi = Normal.cdf(dPhi, n);
    double v = df * Math.max(phi * (forward - strike) * nPhi + sd * n, 0.0);
    double delta = phi * cf * nPhi;
    double gamma = cf * Math.exp(b * t) * n / sd;
    double vega = df * sqrtT * n;
    // ∂d/∂T = b·F/(σ√T) − d/(2T)
    double ddT = b * forward / sd - d / (2 * t);
    g[0] = v;
    g[1] = delta;
    g[2] = gamma;
    g[3] = vega;
    g[4] = r * v - df * (phi * b * forward * nPhi + n * vol / (2 * sqrtT));
    g[5] = t * df * (phi * strike * nPhi - sd * n);
    g[6] = -t * spot * delta;
    g[7] = -cf * n * d / vol;
    g[8] = q * delta - cf * n * ddT;
    g[9] = vega * d * d / vol;
    g[10] = -gamma * d * Math.exp(b * t) / sd;
    g[11] = gamma * (d * d - 1) / vol;
    g[12] = -gamma * ((2 * b - r) - d * ddT - 1 / (2 * t));
    g[13] = -vega * (-r + 1 / (2 * t) - d * ddT);
    g[14] = vega * d * d * (d * d - 3) / (vol * vol);
    g[15] = -phi * df * nPhi;
    g[16] = df * n / sd;
    g[17] = LognormalKernel.lambda(delta, spot, v);
    if (n == 0) {
      LognormalKernel.zeroDensityTerms(g);
      g[4] = r * v - df * phi * b * forward * nPhi;
      g[5] = t * df * phi * strike * nPhi;
      g[8] = q * delta;
    }
    return Greeks.of(g);
  }

  /**
   * The absolute (normal) vol that reproduces {@code price}: the premium divided by e^{−rT} is
   * inverted with {@link ImpliedVolatility#normal} on the forward S·e^{(r−q)T}.
   */
  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    validate(spot, strike, years, 0.0, rate, yield);
    Require.positive("years", years);
    Require.nonNegative("price", price);
    double forward = spot * Math.exp((rate - yield) * years);
    return ImpliedVolatility.normal(type, price / Math.exp(-rate * years), forward, strike, years);
  }
}
