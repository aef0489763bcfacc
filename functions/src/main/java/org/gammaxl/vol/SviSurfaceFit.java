package org.gammaxl.vol;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;

/**
 * Fits an {@link SviSurface} to implied-vol quotes in long form (one row per quote: expiry, strike, vol), so each
 * expiry may quote its own strikes (ragged grids): the quotes of each distinct expiry are fitted with
 * {@link SviFit} at that expiry's forward, and the slices' calendar margins ({@link SviSurface#calendarMargin})
 * are measured over the quoted log-moneyness of the two expiries and one unit of k beyond.
 */
public final class SviSurfaceFit {
  /**
   * The fitted surface; per slice (expiry order) its forward, its fit's weighted RMS vol error and its calendar
   * margin against the previous slice (the smallest wᵢ(k) − wᵢ₋₁(k), total variance; negative = calendar
   * arbitrage) with the k where it is smallest.
   */
  public record Result(SviSurface surface, double[] forwards, double[] rms, double[] calendarMargin,
      double[] calendarAt) {
  }

  private SviSurfaceFit() {
  }

  /**
   * @param expiries each quote's expiry, years &gt; 0, any order (equal values are one expiry)
   * @param strikes each quote's strike &gt; 0
   * @param vols each quote's implied vol &gt; 0
   * @param forwards one forward per quote (equal within an expiry) or one per distinct expiry, ascending
   * @param weights one per quote, ≥ 0, or {@code null}
   * @throws InvalidInputException DOMAIN naming the expiry ({@code "expiry 0.5"}) whose fit fails or whose forwards
   *     differ, or an argument whose cell is out of range; NOT_AVAILABLE when an expiry has fewer than 5 quotes
   */
  public static Result fit(double[] expiries, double[] strikes, double[] vols, double[] forwards, double[] weights) {
    int n = expiries.length;
    for (int i = 0; i < n; i++) {
      if (!(expiries[i] > 0)) {
        throw InvalidInputException.domain("expiries", "cell " + (i + 1) + " must be > 0 years, was " + expiries[i]);
      }
    }
    double[] distinct = Arrays.stream(expiries).distinct().sorted().toArray();
    int e = distinct.length;
    if (forwards.length != n && forwards.length != e) {
      throw InvalidInputException.type("forwards", "has " + forwards.length + " cells; give one per quote (" + n
          + ") or one per expiry (" + e + ", ascending)");
    }
    Svi[] slices = new Svi[e];
    double[] fwd = new double[e];
    double[] rms = new double[e];
    double[] low = new double[e];
    double[] high = new double[e];
    for (int j = 0; j < e; j++) {
      double t = distinct[j];
      int count = 0;
      for (double x : expiries) {
        count += x == t ? 1 : 0;
      }
      double[] k = new double[count];
      double[] v = new double[count];
      double[] w = weights == null ? null : new double[count];
      double f = forwards.length == e ? forwards[j] : Double.NaN;
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (expiries[i] != t) {
          continue;
        }
        if (forwards.length == n) {
          if (Double.isNaN(f)) {
            f = forwards[i];
          } else if (forwards[i] != f) {
            throw InvalidInputException.domain("forwards", "cell " + (i + 1) + " (" + forwards[i] + ") differs from"
                + " the forward " + f + " of the same expiry " + t);
          }
        }
        k[c] = strikes[i];
        v[c] = vols[i];
        if (w != null) {
          w[c] = weights[i];
        }
        c++;
      }
      SviFit.Result r;
      try {
        r = SviFit.fit(k, v, f, t, w);
      } catch (InvalidInputException x) {
        throw x.at("expiry " + t);
      }
      slices[j] = r.svi();
      fwd[j] = f;
      rms[j] = r.rms();
      low[j] = Double.POSITIVE_INFINITY;
      high[j] = Double.NEGATIVE_INFINITY;
      for (double strike : k) {
        double x = Math.log(strike / f);
        low[j] = Math.min(low[j], x);
        high[j] = Math.max(high[j], x);
      }
    }
    SviSurface surface = SviSurface.of(distinct, slices);
    double[] margin = new double[e];
    double[] at = new double[e];
    for (int j = 0; j < e; j++) {
      double from = (j == 0 ? low[0] : Math.min(low[j], low[j - 1])) - 1;
      double to = (j == 0 ? high[0] : Math.max(high[j], high[j - 1])) + 1;
      double[] m = surface.calendarMargin(j, from, to, 201);
      margin[j] = m[0];
      at[j] = m[1];
    }
    return new Result(surface, fwd, rms, margin, at);
  }
}
