package org.gammaxl.exposure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.Greek;

/**
 * The dealers' gamma, vanna and charm exposure of an {@link OptionChain} under Black–Scholes–Merton, each
 * option at its own implied vol, with one continuously compounded rate and dividend yield (or borrow cost)
 * for the chain and one contract multiplier. Immutable; see the package documentation for the definitions
 * and sources and {@link ExposureUnit} for the units.
 *
 * <p>Per option, with the dealers' position P (contracts, signed by {@link ExposureConvention}) and multiplier
 * M: GEX = Γ·P·M·S²·0.01 (PER_1PCT), VEX = vanna·P·M·S·0.01, CEX = charm·P·M·S/365; totals are sums over the
 * chain. Positive GEX: dealers are long gamma and their delta hedging sells rallies and buys dips (damps
 * moves); negative: they trade with the move (amplifies it).
 */
public final class GammaExposure {
  private static final BlackScholesMerton BSM = BlackScholesMerton.INSTANCE;

  private final OptionChain chain;
  private final double rate;
  private final double yield;
  private final double multiplier;
  private final ExposureUnit unit;

  private GammaExposure(OptionChain chain, double rate, double yield, double multiplier, ExposureUnit unit) {
    this.chain = chain;
    this.rate = rate;
    this.yield = yield;
    this.multiplier = multiplier;
    this.unit = unit;
  }

  /**
   * @param rate continuously compounded rate, 0.05 = 5 %
   * @param yield continuous dividend yield or borrow cost
   * @param multiplier underlying units per contract (100 for US equity options, 1 for coin-settled), &gt; 0
   * @throws InvalidInputException DOMAIN when rate or yield is not finite or the multiplier not &gt; 0
   */
  public static GammaExposure of(OptionChain chain, double rate, double yield, double multiplier,
      ExposureUnit unit) {
    Require.finite("rate", rate);
    Require.finite("yield", yield);
    Require.positive("multiplier", multiplier);
    return new GammaExposure(chain, rate, yield, multiplier, unit);
  }

  public OptionChain chain() {
    return chain;
  }

  public ExposureUnit unit() {
    return unit;
  }

  /** The same exposure {@code years} later (the profile "with time shifted"): see {@link OptionChain#shifted}. */
  public GammaExposure shifted(double years) {
    return new GammaExposure(chain.shifted(years), rate, yield, multiplier, unit);
  }

  /** Gamma exposure of option {@code i} at {@code spot}, in {@link #unit()}. */
  public double gex(int i, double spot) {
    double gamma = BSM.greek(Greek.GAMMA, chain.type(i), spot, chain.strike(i), chain.years(i), chain.vol(i), rate,
        yield);
    return gamma * chain.position(i) * multiplier * unit.gammaScale(spot);
  }

  /** Total gamma exposure at {@code spot}, in {@link #unit()}. */
  public double gex(double spot) {
    checkSpot(spot);
    double sum = 0;
    for (int i = 0; i < chain.size(); i++) {
      sum += gex(i, spot);
    }
    return sum;
  }

  /** Total vanna exposure at {@code spot}: delta per vol point, in currency (or shares with SHARES). */
  public double vex(double spot) {
    return deltaExposure(Greek.VANNA, 0.01, spot);
  }

  /** Total charm exposure at {@code spot}: delta per calendar day, in currency (or shares with SHARES). */
  public double cex(double spot) {
    return deltaExposure(Greek.CHARM, 1.0 / 365.0, spot);
  }

  private double deltaExposure(Greek greek, double step, double spot) {
    checkSpot(spot);
    double sum = 0;
    for (int i = 0; i < chain.size(); i++) {
      double g = BSM.greek(greek, chain.type(i), spot, chain.strike(i), chain.years(i), chain.vol(i), rate, yield);
      sum += g * chain.position(i);
    }
    return sum * multiplier * step * unit.deltaScale(spot);
  }

  /**
   * Gamma exposure by strike at {@code spot}: one row per distinct strike, ascending, calls and puts summed
   * over every expiry.
   */
  public List<StrikeExposure> byStrike(double spot) {
    return strikeTable(spot).rows;
  }

  /**
   * The call and put walls at {@code spot} (see {@link Walls}): among the strikes that list a call, the one
   * with the largest call GEX; among those that list a put, the one with the most negative put GEX; the lower
   * strike on a tie; {@code NaN} when no call (put) has a non-zero position.
   */
  public Walls walls(double spot) {
    StrikeTable t = strikeTable(spot);
    double callWall = Double.NaN;
    double putWall = Double.NaN;
    double best = 0;
    double worst = 0;
    for (int j = 0; j < t.rows.size(); j++) {
      StrikeExposure row = t.rows.get(j);
      if (t.anyCallPosition && t.hasCall[j] && (Double.isNaN(callWall) || row.call() > best)) {
        best = row.call();
        callWall = row.strike();
      }
      if (t.anyPutPosition && t.hasPut[j] && (Double.isNaN(putWall) || row.put() < worst)) {
        worst = row.put();
        putWall = row.strike();
      }
    }
    return new Walls(callWall, putWall);
  }

  /** The strike table with, per row, whether the strike lists a call and a put. */
  private static final class StrikeTable {
    final List<StrikeExposure> rows = new ArrayList<>();
    boolean[] hasCall;
    boolean[] hasPut;
    boolean anyCallPosition;
    boolean anyPutPosition;
  }

  private StrikeTable strikeTable(double spot) {
    checkSpot(spot);
    int n = chain.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(chain.strike(a), chain.strike(b)));
    StrikeTable t = new StrikeTable();
    t.hasCall = new boolean[n];
    t.hasPut = new boolean[n];
    int i = 0;
    while (i < n) {
      int row = t.rows.size();
      double k = chain.strike(order[i]);
      double call = 0;
      double put = 0;
      for (; i < n && chain.strike(order[i]) == k; i++) {
        int o = order[i];
        double g = gex(o, spot);
        boolean held = chain.position(o) != 0;
        if (chain.phi(o) > 0) {
          call += g;
          t.hasCall[row] = true;
          t.anyCallPosition |= held;
        } else {
          put += g;
          t.hasPut[row] = true;
          t.anyPutPosition |= held;
        }
      }
      t.rows.add(new StrikeExposure(k, call, put, call + put));
    }
    return t;
  }

  /**
   * The total gamma exposure as a function of spot with the per-option work done once
   * ({@link GammaProfile}), for profiles over many spots and the gamma flip.
   */
  public GammaProfile profile() {
    return new GammaProfile(chain, rate, yield, multiplier, unit);
  }

  private static void checkSpot(double spot) {
    Require.positive("spot", spot);
  }
}
