package org.gammaxl.bench;

import java.util.SplittableRandom;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * The fixed pseudo-random batch of the issue-2 benchmark: spot and strike uniform in 50..150, time
 * to expiry uniform in 0.01..2 years, rate uniform in 0..5 %, yield uniform in 0..3 %, vol uniform
 * in 5..100 %, calls and puts with equal probability. The same seed gives the same batch on every
 * machine ({@link SplittableRandom} is specified bit for bit).
 *
 * <p>{@link #price} holds the GammaXL BSM premium of each option: the input of every implied-vol
 * round trip, so that all implementations invert the same numbers.
 */
public final class OptionBatch {
  /** The batch size of the issue. */
  public static final int SIZE = 100_000;
  /** The fixed seed. */
  public static final long SEED = 20_240_601L;

  public final int size;
  public final boolean[] call;
  public final OptionType[] type;
  public final double[] spot;
  public final double[] strike;
  public final double[] years;
  public final double[] rate;
  public final double[] yield;
  public final double[] vol;
  /** GammaXL BSM premium at {@link #vol}. */
  public final double[] price;

  private OptionBatch(int size, long seed) {
    this.size = size;
    call = new boolean[size];
    type = new OptionType[size];
    spot = new double[size];
    strike = new double[size];
    years = new double[size];
    rate = new double[size];
    yield = new double[size];
    vol = new double[size];
    price = new double[size];
    SplittableRandom random = new SplittableRandom(seed);
    OptionPricer bsm = Model.BSM.pricer();
    for (int i = 0; i < size; i++) {
      spot[i] = uniform(random, 50, 150);
      strike[i] = uniform(random, 50, 150);
      years[i] = uniform(random, 0.01, 2);
      rate[i] = uniform(random, 0, 0.05);
      yield[i] = uniform(random, 0, 0.03);
      vol[i] = uniform(random, 0.05, 1.0);
      call[i] = random.nextBoolean();
      type[i] = call[i] ? OptionType.CALL : OptionType.PUT;
      price[i] = bsm.price(type[i], spot[i], strike[i], years[i], vol[i], rate[i], yield[i]);
    }
  }

  /** The batch: {@link #SIZE} options from {@link #SEED}. */
  public static OptionBatch standard() {
    return new OptionBatch(SIZE, SEED);
  }

  /** A batch of any size from any seed. */
  public static OptionBatch of(int size, long seed) {
    return new OptionBatch(size, seed);
  }

  private static double uniform(SplittableRandom random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Discount factor e^{−rT} of option i. */
  public double discount(int i) {
    return Math.exp(-rate[i] * years[i]);
  }

  /** Forward S·e^{(r−q)T} of option i. */
  public double forward(int i) {
    return spot[i] * Math.exp((rate[i] - yield[i]) * years[i]);
  }

  /** Raw BSM vega ∂V/∂σ = S·e^{−qT}·φ(d1)·√T of option i (for the conditioning of its implied vol). */
  public double vega(int i) {
    double sqrtT = Math.sqrt(years[i]);
    double d1 = (Math.log(spot[i] / strike[i]) + (rate[i] - yield[i] + 0.5 * vol[i] * vol[i]) * years[i])
        / (vol[i] * sqrtT);
    return spot[i] * Math.exp(-yield[i] * years[i]) * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * sqrtT;
  }

  /**
   * True when the premium lies strictly inside the no-arbitrage bounds, so that every implied-vol
   * solver is given a legal input: forward intrinsic &lt; price/df &lt; F (call) or K (put).
   */
  public boolean invertible(int i) {
    double df = discount(i);
    double f = forward(i);
    double undiscounted = price[i] / df;
    double intrinsic = Math.max(call[i] ? f - strike[i] : strike[i] - f, 0.0);
    double upper = call[i] ? f : strike[i];
    return undiscounted > intrinsic && undiscounted < upper && price[i] >= Double.MIN_NORMAL;
  }

  /**
   * The vol resolution of option i's premium: how far the vol can move before the premium changes by
   * one unit in the last place — one ulp of the premium divided by vega for an option out of the
   * money on the forward; for one in the money, one ulp of the larger leg df·max(F, K), because an
   * in-the-money premium is the difference of its two legs (price = intrinsic + time value, and
   * only the time value carries the vol).
   */
  public double volResolution(int i) {
    double df = discount(i);
    double f = forward(i);
    boolean itm = call[i] ? f > strike[i] : f < strike[i];
    double scale = itm ? Math.max(price[i], df * Math.max(f, strike[i])) : price[i];
    return Math.ulp(scale) / vega(i);
  }
}
