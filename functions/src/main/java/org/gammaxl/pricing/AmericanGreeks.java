package org.gammaxl.pricing;

/**
 * Numerical greeks of an American value function: finite differences of the price, sharing every
 * bumped valuation between the greeks that need it (27 valuations for all 18 greeks).
 *
 * <p>Bumps (chosen to balance truncation against rounding for a price known to ~1e-15):
 * <ul>
 *   <li>spot: relative, h_S = 10⁻³·S, central stencils (5 points for speed);</li>
 *   <li>vol: absolute, h_σ = 10⁻³ (0.1 vol point), central; one-sided forward stencils of the same
 *       order when σ &lt; 2·h_σ, so a bumped vol is never negative;</li>
 *   <li>time to expiry: absolute, h_T = 10⁻⁴ years (about 53 minutes), central; forward (towards
 *       longer expiries) when T &lt; 2·h_T;</li>
 *   <li>rate and yield: absolute, 10⁻⁴ (one basis point), central.</li>
 * </ul>
 * Delta, gamma, vega and vomma use five-point central stencils (fourth-order accurate), the third
 * derivatives (speed, ultima) and theta are second-order accurate; mixed derivatives are products of
 * the one-dimensional three-point stencils.
 * Near the exercise boundary, where an approximation's value joins the intrinsic value with a
 * jump in its second derivative, gamma and the higher spot greeks are averages across the kink.
 *
 * <p>The dual greeks follow exactly from the value being homogeneous of degree one in (S, K):
 * dual delta ∂V/∂K = (V − S·Δ)/K and dual gamma ∂²V/∂K² = S²·Γ/K². Lambda is Δ·S/V, NaN when V = 0.
 * At expiry (T = 0) the greeks are those of the payoff: delta φ in the money, ½φ at the money and 0
 * out of it, dual delta likewise with −φ, every other greek 0.
 */
final class AmericanGreeks {
  /** A checked-input American valuation: (type, spot, strike, years, vol, rate, yield) → value. */
  @FunctionalInterface
  interface Valuation {
    double value(OptionType type, double spot, double strike, double years, double vol, double rate, double yield);
  }

  static final double SPOT_BUMP = 1e-3;
  static final double VOL_BUMP = 1e-3;
  static final double TIME_BUMP = 1e-4;
  static final double RATE_BUMP = 1e-4;

  // Five-node stencils, node n at offset (base + n)·h with base −2 (central) or 0 (forward).
  private static final double[] CENTRE_CENTRAL = {0, 0, 1, 0, 0};
  private static final double[] FIRST_CENTRAL = {0, -0.5, 0, 0.5, 0};
  private static final double[] FIRST_CENTRAL5 = {1.0 / 12, -8.0 / 12, 0, 8.0 / 12, -1.0 / 12};
  private static final double[] SECOND_CENTRAL5 = {-1.0 / 12, 16.0 / 12, -30.0 / 12, 16.0 / 12, -1.0 / 12};
  private static final double[] SECOND_CENTRAL = {0, 1, -2, 1, 0};
  private static final double[] THIRD_CENTRAL = {-0.5, 1, 0, -1, 0.5};
  private static final double[] CENTRE_FORWARD = {1, 0, 0, 0, 0};
  private static final double[] FIRST_FORWARD = {-1.5, 2, -0.5, 0, 0};
  private static final double[] SECOND_FORWARD = {2, -5, 4, -1, 0};
  private static final double[] THIRD_FORWARD = {-2.5, 9, -12, 7, -1.5};

  private final Valuation valuation;
  private final OptionType type;
  private final double strike;
  private final double rate;
  private final double yield;
  private final double[] spots = new double[5];
  private final double[] vols = new double[5];
  private final double[] times = new double[5];
  private final boolean volCentral;
  private final boolean timeCentral;
  private final double hS;
  private final double hV;
  private final double hT;
  private final double[] memo = new double[125];

  private AmericanGreeks(Valuation valuation, OptionType type, double spot, double strike, double years,
      double vol, double rate, double yield) {
    this.valuation = valuation;
    this.type = type;
    this.strike = strike;
    this.rate = rate;
    this.yield = yield;
    this.hS = SPOT_BUMP * spot;
    this.hV = VOL_BUMP;
    this.hT = TIME_BUMP;
    this.volCentral = vol >= 2.0 * hV;
    this.timeCentral = years >= 2.0 * hT;
    for (int n = 0; n < 5; n++) {
      spots[n] = spot + (n - 2) * hS;
      vols[n] = vol + (volCentral ? n - 2 : n) * hV;
      times[n] = years + (timeCentral ? n - 2 : n) * hT;
    }
    java.util.Arrays.fill(memo, Double.NaN);
  }

  /** All 18 greeks of {@code valuation} at the given (checked) inputs. */
  static Greeks of(Valuation valuation, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    if (years == 0.0) {
      return atExpiry(type, spot, strike);
    }
    AmericanGreeks g = new AmericanGreeks(valuation, type, spot, strike, years, vol, rate, yield);
    double[] s0 = CENTRE_CENTRAL;
    double[] s1 = FIRST_CENTRAL;
    double[] s2 = SECOND_CENTRAL;
    double[] s3 = THIRD_CENTRAL;
    double[] v0 = g.volCentral ? CENTRE_CENTRAL : CENTRE_FORWARD;
    double[] v1 = g.volCentral ? FIRST_CENTRAL : FIRST_FORWARD;
    double[] v2 = g.volCentral ? SECOND_CENTRAL : SECOND_FORWARD;
    double[] v3 = g.volCentral ? THIRD_CENTRAL : THIRD_FORWARD;
    double[] t0 = g.timeCentral ? CENTRE_CENTRAL : CENTRE_FORWARD;
    double[] t1 = g.timeCentral ? FIRST_CENTRAL : FIRST_FORWARD;
    double hS = g.hS;
    double hV = g.hV;
    double hT = g.hT;

    // pure spot and vol derivatives use the five nodes the third derivatives need anyway (fourth order)
    double[] v1Pure = g.volCentral ? FIRST_CENTRAL5 : FIRST_FORWARD;
    double[] v2Pure = g.volCentral ? SECOND_CENTRAL5 : SECOND_FORWARD;
    double price = g.apply(s0, v0, t0);
    double delta = g.apply(FIRST_CENTRAL5, v0, t0) / hS;
    double gamma = g.apply(SECOND_CENTRAL5, v0, t0) / (hS * hS);
    double vega = g.apply(s0, v1Pure, t0) / hV;
    double theta = -g.apply(s0, v0, t1) / hT;
    double rho = (valuation.value(type, spot, strike, years, vol, rate + RATE_BUMP, yield)
        - valuation.value(type, spot, strike, years, vol, rate - RATE_BUMP, yield)) / (2.0 * RATE_BUMP);
    double phi = (valuation.value(type, spot, strike, years, vol, rate, yield + RATE_BUMP)
        - valuation.value(type, spot, strike, years, vol, rate, yield - RATE_BUMP)) / (2.0 * RATE_BUMP);
    double vanna = g.apply(s1, v1, t0) / (hS * hV);
    double charm = -g.apply(s1, v0, t1) / (hS * hT);
    double vomma = g.apply(s0, v2Pure, t0) / (hV * hV);
    double speed = g.apply(s3, v0, t0) / (hS * hS * hS);
    double zomma = g.apply(s2, v1, t0) / (hS * hS * hV);
    double color = -g.apply(s2, v0, t1) / (hS * hS * hT);
    double veta = -g.apply(s0, v1, t1) / (hV * hT);
    double ultima = g.apply(s0, v3, t0) / (hV * hV * hV);
    double dualDelta = (price - spot * delta) / strike;
    double dualGamma = spot * spot * gamma / (strike * strike);
    double lambda = price == 0.0 ? Double.NaN : delta * spot / price;
    return Greeks.of(price, delta, gamma, vega, theta, rho, phi, vanna, charm, vomma, speed, zomma, color, veta,
        ultima, dualDelta, dualGamma, lambda);
  }

  /** Greeks of the payoff at expiry. */
  static Greeks atExpiry(OptionType type, double spot, double strike) {
    double sign = type.sign();
    double moneyness = sign * (spot - strike);
    double delta = moneyness > 0 ? sign : moneyness == 0 ? 0.5 * sign : 0.0;
    double price = type.intrinsic(spot, strike);
    double[] values = new double[Greek.values().length];
    values[Greek.PRICE.ordinal()] = price;
    values[Greek.DELTA.ordinal()] = delta;
    values[Greek.DUALDELTA.ordinal()] = -delta;
    values[Greek.LAMBDA.ordinal()] = price == 0.0 ? Double.NaN : delta * spot / price;
    return Greeks.of(values);
  }

  /** Σ wS[i]·wV[j]·wT[k]·V(S_i, σ_j, T_k) over the non-zero weights. */
  private double apply(double[] ws, double[] wv, double[] wt) {
    double sum = 0.0;
    for (int i = 0; i < 5; i++) {
      if (ws[i] == 0) {
        continue;
      }
      for (int j = 0; j < 5; j++) {
        if (wv[j] == 0) {
          continue;
        }
        for (int k = 0; k < 5; k++) {
          if (wt[k] != 0) {
            sum += ws[i] * wv[j] * wt[k] * value(i, j, k);
          }
        }
      }
    }
    return sum;
  }

  private double value(int i, int j, int k) {
    int index = 25 * i + 5 * j + k;
    double v = memo[index];
    if (Double.isNaN(v)) {
      v = valuation.value(type, spots[i], strike, times[k], vols[j], rate, yield);
      memo[index] = v;
    }
    return v;
  }
}
