package org.gammaxl.pricing;

/**
 * American options by the quadratic approximation of Barone-Adesi and Whaley (1987, "Efficient
 * analytic approximation of American option values", Journal of Finance 42), generalized
 * Black-Scholes-Merton dynamics with cost of carry b = rate − yield.
 *
 * <p>The early-exercise premium solves the pricing PDE with the time-derivative term scaled away,
 * which gives C = c + A₂·(S/S*)^{q₂} below the critical price S* (P = p + A₁·(S/S**)^{q₁} above
 * S** for a put) and the intrinsic value beyond it. The critical price is found by Newton's method
 * on the value-matching condition, started from the Barone-Adesi–Whaley seed and kept inside
 * (K, ∞) for a call and (0, K) for a put, to a relative accuracy of 10⁻¹³, so that the value is a
 * smooth function of its inputs (QuantLib stops at 10⁻⁶, which moves prices by up to about 10⁻⁵).
 *
 * <p>Special cases as {@link AmericanBjerksundStensland}: a call with b ≥ r and a put with r ≤ 0 are
 * European; T = 0 is intrinsic; vol = 0 is the exact deterministic value; the result is floored at
 * the European and intrinsic values. Greeks are numerical ({@link AmericanGreeks}); implied vol is
 * a bracketed Brent search.
 */
public final class AmericanBaroneAdesiWhaley extends AmericanApproximation {
  /** The single instance. */
  public static final AmericanBaroneAdesiWhaley INSTANCE = new AmericanBaroneAdesiWhaley();

  private static final double ACCURACY = 1e-13;
  private static final int MAX_ITERATIONS = 200;

  private AmericanBaroneAdesiWhaley() {
  }

  @Override
  double earlyExerciseValue(OptionType type, double spot, double strike, double years, double vol, double rate,
      double yield, double european) {
    return type == OptionType.CALL
        ? call(spot, strike, years, vol, rate, yield, european)
        : put(spot, strike, years, vol, rate, yield, european);
  }

  private static double call(double s, double k, double t, double v, double r, double q, double european) {
    double b = r - q;
    double v2 = v * v;
    double sd = v * Math.sqrt(t);
    double n = 2.0 * b / v2;
    double m = 2.0 * r / v2;
    double q2 = (-(n - 1.0) + Math.sqrt((n - 1.0) * (n - 1.0) + 4.0 * mOverK(r, t, v2))) / 2.0;
    double q2Infinity = (-(n - 1.0) + Math.sqrt((n - 1.0) * (n - 1.0) + 4.0 * m)) / 2.0;
    double sInfinity = k / (1.0 - 1.0 / q2Infinity);
    double h2 = -(b * t + 2.0 * sd) * k / (sInfinity - k);
    double si = k + (sInfinity - k) * (1.0 - Math.exp(h2));
    if (!(si > k) || Double.isInfinite(si)) {
      si = 2.0 * k; // the seed needs the perpetual root, which fails for some r <= 0; Newton still converges
    }
    double carryDiscount = Math.exp((b - r) * t);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double d1 = (Math.log(si / k) + b * t) / sd + 0.5 * sd;
      double nd1 = Normal.cdf(d1);
      double rhs = AmericanSupport.european(OptionType.CALL, si, k, t, v, r, q)
          + (1.0 - carryDiscount * nd1) * si / q2;
      double slope = carryDiscount * nd1 * (1.0 - 1.0 / q2)
          + (1.0 - carryDiscount * Normal.pdf(d1) / sd) / q2;
      double next = (k + rhs - slope * si) / (1.0 - slope);
      if (!(next > k) || Double.isInfinite(next)) {
        next = 0.5 * (si + k);
      }
      boolean done = Math.abs(next - si) <= ACCURACY * si;
      si = next;
      if (done) {
        break;
      }
    }
    if (s >= si) {
      return s - k;
    }
    double d1 = (Math.log(si / k) + b * t) / sd + 0.5 * sd;
    double a2 = si / q2 * (1.0 - carryDiscount * Normal.cdf(d1));
    return european + a2 * Math.pow(s / si, q2);
  }

  private static double put(double s, double k, double t, double v, double r, double q, double european) {
    double b = r - q;
    double v2 = v * v;
    double sd = v * Math.sqrt(t);
    double n = 2.0 * b / v2;
    double m = 2.0 * r / v2;
    double q1 = (-(n - 1.0) - Math.sqrt((n - 1.0) * (n - 1.0) + 4.0 * mOverK(r, t, v2))) / 2.0;
    double q1Infinity = (-(n - 1.0) - Math.sqrt((n - 1.0) * (n - 1.0) + 4.0 * m)) / 2.0;
    double sInfinity = k / (1.0 - 1.0 / q1Infinity);
    double h1 = (b * t - 2.0 * sd) * k / (k - sInfinity);
    double si = sInfinity + (k - sInfinity) * Math.exp(h1);
    if (!(si > 0 && si < k)) {
      si = 0.5 * k;
    }
    double carryDiscount = Math.exp((b - r) * t);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double d1 = (Math.log(si / k) + b * t) / sd + 0.5 * sd;
      double nMinusD1 = Normal.cdf(-d1);
      double rhs = AmericanSupport.european(OptionType.PUT, si, k, t, v, r, q)
          - (1.0 - carryDiscount * nMinusD1) * si / q1;
      double slope = -carryDiscount * nMinusD1 * (1.0 - 1.0 / q1)
          - (1.0 + carryDiscount * Normal.pdf(d1) / sd) / q1;
      double next = (k - rhs + slope * si) / (1.0 + slope);
      if (!(next < k)) {
        next = 0.5 * (si + k);
      } else if (!(next > 0)) {
        next = 0.5 * si;
      }
      boolean done = Math.abs(next - si) <= ACCURACY * si;
      si = next;
      if (done) {
        break;
      }
    }
    if (s <= si) {
      return k - s;
    }
    double d1 = (Math.log(si / k) + b * t) / sd + 0.5 * sd;
    double a1 = -si / q1 * (1.0 - carryDiscount * Normal.cdf(-d1));
    return european + a1 * Math.pow(s / si, q1);
  }

  /** M/K(T) = (2r/σ²) / (1 − e^{−rT}), with its limit 2/(σ²T) at r = 0. */
  private static double mOverK(double r, double t, double v2) {
    return r == 0.0 ? 2.0 / (v2 * t) : 2.0 * r / v2 / -Math.expm1(-r * t);
  }

  @Override
  public String toString() {
    return "AmericanBaroneAdesiWhaley";
  }
}
