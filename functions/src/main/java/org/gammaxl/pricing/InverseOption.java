package org.gammaxl.pricing;

import org.gammaxl.Require;
import org.gammaxl.vol.ImpliedVolatility;

/**
 * Inverse (coin-margined) options as crypto venues such as Deribit list them: the strike K and the
 * spot S are in USD per coin, the payoff max(φ(S_T − K), 0)/S_T is paid in <b>coin</b>, and the
 * premium is quoted in coin.
 *
 * <p><b>Valuation.</b> The coin payoff, converted to USD at S_T, is exactly the standard payoff
 * max(φ(S_T − K), 0) USD. Its USD value today is therefore the Black–Scholes–Merton value
 * V_USD(S, K, T, σ, r, q) — no change of measure and no extra assumption beyond those of BSM — and
 * converting at today's spot gives the coin premium P = V_USD/S. Here {@code rate} r is the USD
 * (quote currency) rate and {@code yield} q the coin's own rate (for example a lending or funding
 * rate; venues usually quote with r = q = 0 and S the index or the future's price).
 *
 * <p><b>Units.</b> {@link #price} and every greek returned by {@link #greeks} are derivatives of the
 * coin premium P(S, K, T, σ, r, q) = V_USD/S in raw units (see {@link Greek}):
 * <ul>
 *   <li>PRICE in coin per option (per coin of notional);</li>
 *   <li>DELTA = ∂P/∂S in coin per USD of spot move; GAMMA and SPEED in coin per USD² and USD³;
 *       DUALDELTA, DUALGAMMA in coin per USD of strike (per USD²);</li>
 *   <li>VEGA, VOMMA, ULTIMA, THETA, RHO, PHI, CHARM, VANNA, COLOR, ZOMMA, VETA: the corresponding
 *       derivative of P, in coin (per USD of spot where a spot derivative is involved);</li>
 *   <li>LAMBDA = DELTA·S/P = Δ_BSM·S/V_USD − 1, unitless.</li>
 * </ul>
 * A hedger in coin wants the position in coin that offsets the option: that is
 * {@link #premiumAdjustedDelta} = S·∂P/∂S = Δ_BSM − V_USD/S, in coin per coin of notional (the
 * "delta in BTC of a BTC-premium option"), which is the Black–Scholes delta less the premium
 * already held in coin.
 *
 * <p>Domain and expiry conventions as in {@link BlackScholesMerton}.
 */
public final class InverseOption implements OptionPricer {

  /** The shared stateless instance. */
  public static final InverseOption INSTANCE = new InverseOption();

  private InverseOption() {
  }

  /** The coin premium V_USD/S. */
  @Override
  public double price(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    return LognormalKernel.price(type.sign(), spot, strike, years, vol, rate, rate - yield) / spot;
  }

  /** The derivatives of the coin premium P = V_USD/S (units in the class description). */
  @Override
  public Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    double[] u = LognormalKernel.greeks(type.sign(), spot, strike, years, vol, rate, rate - yield);
    double s = spot;
    double s2 = s * s;
    double s3 = s2 * s;
    double v = u[0];
    double delta = u[1];
    double gamma = u[2];
    double[] c = new double[LognormalKernel.N];
    // P = V·g with g = 1/S: Leibniz rule for every derivative that involves S, plain division otherwise.
    c[0] = v / s;
    c[1] = delta / s - v / s2;
    c[2] = gamma / s - 2 * delta / s2 + 2 * v / s3;
    c[3] = u[3] / s;
    c[4] = u[4] / s;
    c[5] = u[5] / s;
    c[6] = u[6] / s;
    c[7] = u[7] / s - u[3] / s2;
    c[8] = u[8] / s - u[4] / s2;
    c[9] = u[9] / s;
    c[10] = u[10] / s - 3 * gamma / s2 + 6 * delta / s3 - 6 * v / (s3 * s);
    c[11] = u[11] / s - 2 * u[7] / s2 + 2 * u[3] / s3;
    c[12] = u[12] / s - 2 * u[8] / s2 + 2 * u[4] / s3;
    c[13] = u[13] / s;
    c[14] = u[14] / s;
    c[15] = u[15] / s;
    c[16] = u[16] / s;
    c[17] = v == 0 ? Double.NaN : delta * s / v - 1;
    return Greeks.of(c);
  }

  /**
   * The delta a coin-based hedger needs: Δ_BSM − V_USD/S = S·∂P/∂S, in coin per coin of notional.
   * For a call it is below the Black–Scholes delta by the premium (in coin) already received or
   * paid; for a put it is more negative.
   */
  public double premiumAdjustedDelta(OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    LognormalKernel.validate(spot, strike, years, vol, rate, yield);
    int phi = type.sign();
    double b = rate - yield;
    return LognormalKernel.delta(phi, spot, strike, years, vol, rate, b)
        - LognormalKernel.price(phi, spot, strike, years, vol, rate, b) / spot;
  }

  /**
   * The BSM vol that reproduces a coin premium: the premium times S is the USD value, which is
   * divided by e^{−rT} and inverted with {@link ImpliedVolatility#black} on the forward S·e^{(r−q)T}.
   */
  @Override
  public double impliedVol(OptionType type, double price, double spot, double strike, double years, double rate,
      double yield) {
    LognormalKernel.validate(spot, strike, years, 0.0, rate, yield);
    Require.positive("years", years);
    Require.nonNegative("price", price);
    double usd = price * spot;
    return LognormalKernel.impliedVol(type, usd / Exponential.exp(-rate * years), spot, strike, years, rate - yield);
  }
}
