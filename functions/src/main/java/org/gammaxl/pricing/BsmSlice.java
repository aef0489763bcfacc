package org.gammaxl.pricing;

import org.gammaxl.vol.NormalisedBlack;

/**
 * One expiry of a book at one event: the Black–Scholes–Merton price and first greeks of every European option
 * of that expiry, with what depends only on the spot and the time left — √τ, the discount factor e^{−rτ}, the
 * growth e^{bτ} − 1, the carry factor, the forward — worked out once by {@link #at} instead of once per option.
 * For a ledger that values several legs of one expiry at every event (the book ledger); the pricers themselves
 * do not use it, so they pay nothing for it.
 *
 * <p>{@link #firstGreeks} is {@link BlackScholesMerton#firstGreeks} bit for bit (the same operations on the same
 * values, {@code BsmSliceTest}), given the strike's reciprocal 1/K as the pricer forms it. Inputs are not checked:
 * spot &gt; 0 and finite, τ &gt; 0, vol &gt; 0, rate and yield finite (the ledger checks them once). Mutable: one
 * instance per expiry and thread.
 */
public final class BsmSlice {
  private final double rate;
  private final double carry;

  // this event
  private double spot;
  private double tau;
  private double sqrtT;
  private double twoSqrtT;
  private double bt;
  private double growthMinusOne;
  private double df;
  private double cf;
  private double forward;
  private double scf;
  private boolean regular;
  private final double[] scratch = new double[OptionPricer.FIRST_GREEKS];
  /** 1/S, for {@link #firstGreeksFromLogs}. */
  private double invSpot;

  /**
   * @param rate the continuously compounded rate r
   * @param yield the continuous yield q (carry b = r − q)
   */
  public BsmSlice(double rate, double yield) {
    this.rate = rate;
    this.carry = rate - yield;
  }

  /** Sets the event: {@code spot} (&gt; 0, finite) and the years {@code tau} &gt; 0 left to this expiry. */
  public void at(double spot, double tau) {
    this.spot = spot;
    this.tau = tau;
    double b = carry;
    bt = b * tau;
    growthMinusOne = Exponential.expm1(bt);
    df = Exponential.exp(-rate * tau);
    double c = (1 + growthMinusOne) * df;
    if (!(c > 0 && c < Double.POSITIVE_INFINITY)) {
      c = Math.exp((b - rate) * tau); // growth overflowed or df underflowed: the product is not the carry factor
    }
    cf = c;
    sqrtT = Math.sqrt(tau);
    twoSqrtT = 2 * sqrtT;
    forward = LognormalKernel.forward(spot, growthMinusOne);
    scf = spot * c;
    invSpot = 1 / spot;
    // a forward that overflows or underflows takes the pricer's own path
    regular = forward > 0 && forward < Double.POSITIVE_INFINITY;
  }

  /**
   * Price, delta, gamma, vega and theta per unit of one option of this expiry into {@code out[0..4]}, units as
   * {@link OptionPricer#firstGreeks} (vega per 1.00 of vol, theta per year).
   *
   * @param phi +1 call, −1 put
   * @param strike K &gt; 0
   * @param invStrike 1/K, rounded once
   * @param vol σ &gt; 0
   */
  public void firstGreeks(int phi, double strike, double invStrike, double vol, double[] out) {
    double sd = vol * sqrtT;
    if (!(regular && sd > 0)) {
      LognormalKernel.validate(spot, strike, tau, vol, rate, rate - carry);
      LognormalKernel.firstGreeks(phi, spot, strike, tau, vol, rate, carry, out);
      return;
    }
    double s = spot;
    double k = strike;
    // ln(F/K) = ln(S/K) + bT, as ImpliedVolatility.logMoneyness forms ln(S/K)
    double ratio = s * invStrike;
    double lnSk;
    if (ratio > Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY) {
      lnSk = s == k ? 0.0 : Logarithm.log(ratio) + Math.fma(-ratio, k, s) / s;
    } else {
      lnSk = Math.log(s) - Math.log(k);
    }
    double invSd = 1 / sd;
    fill(phi, k, lnSk + bt, vol, sd, invSd, forward / k, 1 / (s * sd), out, 0);
  }

  /**
   * {@link #firstGreeks} for a book that values many options at one spot: ln(S/K) taken as {@code logSpot −
   * logStrike}, logarithms the caller forms once (ln S once per event for all the expiries and legs, ln K once per
   * leg), and 1/S and 1/K once per event or leg, so that an option costs two divisions (1/σ√τ and the decay's
   * σ/2√τ) instead of four and no logarithm. Not bit for bit {@link #firstGreeks}:
   * <ul>
   *   <li>with both logarithms from {@link Logarithm#log} (within 0.6 ulp), x = ln(F/K) is off by at most
   *       ε = 2^−52·(0.6·|ln S| + 0.6·|ln K| + ½·|ln(S/K)|) absolute (1.1e−15 for S and K in [e^4, e^5), 55–148),
   *       where firstGreeks's ln(S/K) is within about an ulp of itself; d1 and d2 move by ε/(σ√τ) (1.1e−13 at
   *       σ√τ = 0.01, a day at 20 %), each output by that times its own sensitivity to d;</li>
   *   <li>φ(d2) = φ(d1)·F·(1/K) and Γ = c·φ(d1)·(1/S)·(1/σ√τ) round once more each (an ulp or two).</li>
   * </ul>
   * {@code BsmSliceTest} checks every output against {@link BlackScholesMerton#firstGreeks} on random books within
   * 16 ulps plus ε·(|d1| + |d2| + 2)/(σ√τ) relative (theta relative to the sum of its three terms' sizes, which
   * cancel deep in the money). S = K gives x = bτ exactly, as firstGreeks does.
   *
   * @param phi +1 call, −1 put
   * @param strike K &gt; 0
   * @param invStrike 1/K, rounded once
   * @param logSpot ln S of this event's spot (the spot {@link #at} was given)
   * @param logStrike ln K
   * @param vol σ &gt; 0
   * @param out receives price, delta, gamma, vega, theta at {@code out[at..at+4]}
   */
  public void firstGreeksFromLogs(int phi, double strike, double invStrike, double logSpot, double logStrike,
      double vol, double[] out, int at) {
    double sd = vol * sqrtT;
    if (!(regular && sd > 0)) {
      irregular(phi, strike, vol, out, at);
      return;
    }
    double invSd = 1 / sd;
    fill(phi, strike, (logSpot - logStrike) + bt, vol, sd, invSd, forward * invStrike, invSpot * invSd, out, at);
  }

  /** A forward that overflows or underflows, or σ√τ = 0: the pricer's own path (rare; out of the callers' line). */
  private void irregular(int phi, double strike, double vol, double[] out, int at) {
    LognormalKernel.validate(spot, strike, tau, vol, rate, rate - carry);
    LognormalKernel.firstGreeks(phi, spot, strike, tau, vol, rate, carry, scratch);
    System.arraycopy(scratch, 0, out, at, OptionPricer.FIRST_GREEKS);
  }

  /**
   * The price and first greeks from x = ln(F/K), σ√τ and its reciprocal, F/K and the gamma's 1/(S·σ√τ), each formed
   * by the caller ({@link #firstGreeks} as the pricer does, {@link #firstGreeksFromLogs} from its reciprocals), into
   * {@code out[at..at+4]}. One method on purpose, larger than the JIT inlines into a hot caller (325 bytecodes), so
   * that a book's loop calls it whatever order the methods were compiled in (inlined into the loop it was measured
   * slower).
   */
  private void fill(int phi, double k, double x, double vol, double sd, double invSd, double fOverK,
      double gammaScale, double[] out, int at) {
    double q = x == 0 ? 0.0 : x * invSd;
    double d1 = q + 0.5 * sd;
    double d2 = d1 - sd;
    double n1 = Normal.pdf(d1);
    double f = forward;
    double n2 = n1 > 1e-290 ? n1 * fOverK : Normal.pdf(d2);
    double tail1 = Normal.lowerTail(Math.abs(d1), n1);
    double tail2 = Normal.lowerTail(Math.abs(d2), n2);
    double nd1 = phi * d1 > 0 ? 1 - tail1 : tail1;
    double nd2 = phi * d2 > 0 ? 1 - tail2 : tail2;
    double h = -Math.abs(q);
    double halfSd = 0.5 * sd;
    double timeValue = NormalisedBlack.needsExpansionAt(h, halfSd)
        ? LognormalKernel.expandedTimeValue(f, k, x, h, halfSd, n1, n2)
        : LognormalKernel.plainTimeValue(f, k, x, d1, d2, tail1, tail2);
    double s = spot;
    double c = cf;
    double sc = scf;
    out[at] = df * (Math.max(phi * LognormalKernel.forwardMinusStrike(s, k, growthMinusOne), 0.0) + timeValue);
    out[at + 1] = phi * c * nd1;
    if (n1 == 0) {
      out[at + 2] = 0.0;
      out[at + 3] = 0.0;
    } else {
      out[at + 2] = c * n1 * gammaScale;
      out[at + 3] = sc * n1 * sqrtT;
    }
    double r = rate;
    out[at + 4] = -sc * n1 * vol / twoSqrtT - (carry - r) * sc * phi * nd1 + r * k * (-phi * df * nd2);
  }
}
