package org.gammaxl.vol;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * An implied-vol surface of raw {@link Svi} slices, one per expiry (Gatheral and Jacquier, "Arbitrage-free SVI
 * volatility surfaces", 2014, section 5: slices interpolated in total variance). Immutable.
 *
 * <p>Conventions. Expiries are years from now, strictly increasing. A point is read at log-forward-moneyness
 * k = ln(K/F(T)), F(T) the forward of that expiry, so the surface moves with the forward. Total variance w(k, T):
 * <ul>
 *   <li>at a slice's expiry Tᵢ: that slice's wᵢ(k) (its {@code GX.SVI.VOL} exactly);</li>
 *   <li>between two slices Tᵢ &lt; T &lt; Tᵢ₊₁: linear in T at fixed k,
 *       w = wᵢ(k) + (T − Tᵢ)/(Tᵢ₊₁ − Tᵢ)·(wᵢ₊₁(k) − wᵢ(k));</li>
 *   <li>before the first slice (0 &lt; T &lt; T₁) and after the last (T &gt; Tₙ): <b>flat in implied vol at fixed
 *       k</b>, w = w₁(k)·T/T₁ and w = wₙ(k)·T/Tₙ: the nearest slice's smile, vol for vol, in moneyness (before the
 *       first slice this is also the linear interpolation between w = 0 at T = 0 and the first slice).</li>
 * </ul>
 * In strike no extrapolation is needed: each SVI slice is defined for every k, its wings linear in k (within Lee's
 * bound, which {@link Svi#of} enforces).
 *
 * <p>Calendar arbitrage (total variance falling with expiry at some k) is not rejected, because quotes fitted one
 * expiry at a time may cross far in the wings; {@link #calendarMargin} measures it, slice by slice. Between slices
 * that do not cross, the linear interpolation is free of calendar arbitrage.
 */
public final class SviSurface {
  private final double[] years;
  private final Svi[] slices;

  private SviSurface(double[] years, Svi[] slices) {
    this.years = years;
    this.slices = slices;
  }

  /**
   * The surface of these slices.
   *
   * @param years each slice's expiry, years &gt; 0, strictly increasing
   * @param slices one smile per expiry
   * @throws InvalidInputException DOMAIN naming the row ({@code "row i"}, 1-based) of an expiry that is not
   *     positive or not after the previous one
   */
  public static SviSurface of(double[] years, Svi[] slices) {
    if (years.length != slices.length) {
      throw new IllegalArgumentException(years.length + " expiries, " + slices.length + " slices");
    }
    if (years.length == 0) {
      throw InvalidInputException.notAvailable("surface", "has no slices");
    }
    for (int i = 0; i < years.length; i++) {
      Require.finite("row " + (i + 1) + ": years", years[i]);
      if (!(years[i] > 0)) {
        throw InvalidInputException.domain("row " + (i + 1) + ": years", "must be > 0, was " + years[i]);
      }
      if (i > 0 && !(years[i] > years[i - 1])) {
        throw InvalidInputException.domain("row " + (i + 1) + ": years", "expiries must increase row by row: "
            + years[i] + " is not after row " + i + "'s " + years[i - 1]);
      }
    }
    return new SviSurface(years.clone(), slices.clone());
  }

  /** Number of slices. */
  public int size() {
    return years.length;
  }

  /** Expiry of slice i, years. */
  public double years(int i) {
    return years[i];
  }

  /** Smile of slice i. */
  public Svi slice(int i) {
    return slices[i];
  }

  /** Total implied variance w(k, T) (vol² × years) at log-forward-moneyness k and expiry T &gt; 0 years. */
  public double totalVariance(double k, double t) {
    int n = years.length;
    if (t <= years[0]) {
      return t == years[0] ? slices[0].totalVariance(k) : slices[0].totalVariance(k) * (t / years[0]);
    }
    if (t >= years[n - 1]) {
      return t == years[n - 1] ? slices[n - 1].totalVariance(k) : slices[n - 1].totalVariance(k) * (t / years[n - 1]);
    }
    int i = Arrays.binarySearch(years, t);
    if (i >= 0) {
      return slices[i].totalVariance(k);
    }
    i = -i - 2; // years[i] < t < years[i + 1]
    double x = (t - years[i]) / (years[i + 1] - years[i]);
    double lo = slices[i].totalVariance(k);
    return lo + x * (slices[i + 1].totalVariance(k) - lo);
  }

  /** ∂w/∂k at (k, T), interpolated and extrapolated as {@link #totalVariance}. */
  public double slope(double k, double t) {
    int n = years.length;
    if (t <= years[0]) {
      return slices[0].slope(k) * (t / years[0]);
    }
    if (t >= years[n - 1]) {
      return slices[n - 1].slope(k) * (t / years[n - 1]);
    }
    int i = Arrays.binarySearch(years, t);
    if (i >= 0) {
      return slices[i].slope(k);
    }
    i = -i - 2;
    double x = (t - years[i]) / (years[i + 1] - years[i]);
    double lo = slices[i].slope(k);
    return lo + x * (slices[i + 1].slope(k) - lo);
  }

  /**
   * The implied vol at strike K, expiry T years and that expiry's forward F: √(w(ln(K/F), T)/T); at T = 0 its limit
   * under the flat extrapolation, the first slice's vol √(w₁(k)/T₁).
   *
   * @throws InvalidInputException DOMAIN naming strike or forward when not &gt; 0, years when negative
   */
  public double vol(double strike, double forward, double t) {
    Require.positive("strike", strike);
    Require.positive("forward", forward);
    Require.nonNegative("years", t);
    double k = Math.log(strike / forward);
    return t == 0 ? Math.sqrt(slices[0].totalVariance(k) / years[0]) : Math.sqrt(totalVariance(k, t) / t);
  }

  /**
   * The calendar margin of slice i: the smallest wᵢ(k) − wᵢ₋₁(k) over {@code points} log-moneyness values from
   * {@code from} to {@code to} (for the first slice, its smallest w₁(k), its margin over T = 0), and where:
   * {margin, k}. A negative margin is calendar arbitrage against the previous slice at that k.
   */
  public double[] calendarMargin(int i, double from, double to, int points) {
    Svi slice = slices[i];
    Svi previous = i == 0 ? null : slices[i - 1];
    return Svi.smallest(k -> slice.totalVariance(k) - (previous == null ? 0 : previous.totalVariance(k)), from, to,
        points);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("SviSurface[");
    for (int i = 0; i < years.length; i++) {
      b.append(i == 0 ? "" : ", ").append(years[i]).append(": ").append(slices[i]);
    }
    return b.append(']').toString();
  }
}
