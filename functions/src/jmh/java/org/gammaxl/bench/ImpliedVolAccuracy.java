package org.gammaxl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The implied-vol round trip of issue 2 over the whole batch, untimed: each implementation inverts
 * the GammaXL premium of every option and the result is compared with the vol the premium was made
 * from.
 *
 * <p>An option's vol is <em>determined</em> by its premium when its vol resolution
 * ({@link OptionBatch#volResolution}: one ulp of the premium — of its larger leg when in the money
 * — divided by vega) is at most 1e-11, a tenth of the 1e-10 target, leaving room for a few ulps of
 * pricing error. This excludes deep in-the-money options whose time value is lost in the premium's
 * last digits and premiums below the smallest normal double; it keeps deep out-of-the-money short-dated options, whose tiny
 * premiums still carry full relative precision. A <em>failure</em> is an exception or a non-finite
 * result on an invertible premium. <em>Deep OTM short-dated</em>: out of the money on the forward,
 * T ≤ 0.1 years and |ln(F/K)| ≥ 3·σ√T.
 */
public final class ImpliedVolAccuracy {
  /** The vol resolution below which a premium determines its vol. */
  public static final double DETERMINED = 1e-11;
  /** The accuracy target. */
  public static final double TARGET = 1e-10;

  /** One implementation's statistics. */
  public static final class Stats {
    public final String name;
    int invertible;
    int determined;
    int failures;
    int failuresDetermined;
    int aboveTarget;
    double worstDetermined;
    int worstIndex = -1;
    int deepOtm;
    double worstDeepOtm;
    int deepOtmAboveTarget;
    double worstAnywhere;

    Stats(String name) {
      this.name = name;
    }

    /** Worst |σ' − σ| on the determined options (failures excluded, counted separately). */
    public double worstDetermined() {
      return worstDetermined;
    }

    public int failures() {
      return failures;
    }

    public int aboveTarget() {
      return aboveTarget;
    }
  }

  interface Solver {
    double impliedVol(OptionBatch b, int i);
  }

  private ImpliedVolAccuracy() {
  }

  /** The statistics of GammaXL, Strata and finmath-lib on {@code batch}. */
  public static List<Stats> measure(OptionBatch batch) {
    List<Stats> all = new ArrayList<>();
    all.add(measure(batch, "GammaXL", (b, i) -> GammaxlBsm.impliedVol(b.type[i], b.price[i], b.spot[i],
        b.strike[i], b.years[i], b.rate[i], b.yield[i])));
    all.add(measure(batch, "Strata", (b, i) -> StrataBsm.impliedVol(b.call[i], b.price[i], b.spot[i],
        b.strike[i], b.years[i], b.rate[i], b.yield[i])));
    all.add(measure(batch, "finmath-lib", (b, i) -> FinmathBsm.impliedVol(b.call[i], b.price[i], b.spot[i],
        b.strike[i], b.years[i], b.rate[i], b.yield[i])));
    return all;
  }

  static Stats measure(OptionBatch b, String name, Solver solver) {
    Stats s = new Stats(name);
    for (int i = 0; i < b.size; i++) {
      if (!b.invertible(i)) {
        continue;
      }
      s.invertible++;
      boolean determined = b.volResolution(i) <= DETERMINED;
      boolean deepOtm = deepOtmShortDated(b, i);
      if (determined) {
        s.determined++;
      }
      if (deepOtm && determined) {
        s.deepOtm++;
      }
      double v;
      try {
        v = solver.impliedVol(b, i);
      } catch (RuntimeException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        s.failures++;
        if (determined) {
          s.failuresDetermined++;
        }
        continue;
      }
      double err = Math.abs(v - b.vol[i]);
      s.worstAnywhere = Math.max(s.worstAnywhere, err);
      if (determined) {
        if (err > TARGET) {
          s.aboveTarget++;
        }
        if (err > s.worstDetermined) {
          s.worstDetermined = err;
          s.worstIndex = i;
        }
        if (deepOtm) {
          s.worstDeepOtm = Math.max(s.worstDeepOtm, err);
          if (err > TARGET) {
            s.deepOtmAboveTarget++;
          }
        }
      }
    }
    return s;
  }

  static boolean deepOtmShortDated(OptionBatch b, int i) {
    double f = b.forward(i);
    double k = b.strike[i];
    boolean otm = b.call[i] ? k > f : k < f;
    return otm && b.years[i] <= 0.1 && Math.abs(Math.log(f / k)) >= 3 * b.vol[i] * Math.sqrt(b.years[i]);
  }

  /** A markdown table of the statistics. */
  public static String table(OptionBatch b, List<Stats> stats) {
    StringBuilder t = new StringBuilder();
    Stats first = stats.get(0);
    t.append(String.format(Locale.ROOT, "Implied-vol round trip on the %,d-option batch: %,d premiums invertible, "
        + "%,d determine their vol to ≤ %.0e (ulp/vega), %,d of them deep OTM short-dated.%n%n",
        b.size, first.invertible, first.determined, DETERMINED, first.deepOtm));
    t.append("| implementation | worst \\|σ'−σ\\| (determined) | > 1e-10 (determined) | failures (determined / all) "
        + "| worst deep OTM short-dated | > 1e-10 deep OTM | worst anywhere (incl. undetermined) |\n");
    t.append("|---|---|---|---|---|---|---|\n");
    for (Stats s : stats) {
      t.append(String.format(Locale.ROOT, "| %s | %.1e | %,d | %,d / %,d | %.1e | %,d | %.1e |%n", s.name,
          s.worstDetermined, s.aboveTarget, s.failuresDetermined, s.failures, s.worstDeepOtm,
          s.deepOtmAboveTarget, s.worstAnywhere));
    }
    t.append('\n');
    for (Stats s : stats) {
      if (s.worstIndex >= 0) {
        int i = s.worstIndex;
        t.append(String.format(Locale.ROOT, "- %s worst at %s S=%.4f K=%.4f T=%.4f σ=%.4f r=%.4f q=%.4f "
            + "premium=%.6e%n", s.name, b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i],
            b.yield[i], b.price[i]));
      }
    }
    return t.toString();
  }
}
