package org.gammaxl.exposure;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.OptionType;

/**
 * The options of one underlying with the dealers' position in each, immutable: type, strike, years to
 * expiry, implied vol and the dealers' signed position in contracts, which {@link ExposureConvention} makes
 * from the open interest. Built row by row with {@link #builder(ExposureConvention)}; each row is checked as
 * it is added, and a bad one throws {@link InvalidInputException} naming the field (so a caller can add the
 * row or file line).
 */
public final class OptionChain {
  private final int[] phi;
  private final double[] strike;
  private final double[] years;
  private final double[] vol;
  private final double[] position;

  private OptionChain(int[] phi, double[] strike, double[] years, double[] vol, double[] position) {
    this.phi = phi;
    this.strike = strike;
    this.years = years;
    this.vol = vol;
    this.position = position;
  }

  /** Starts a chain whose open interest is read with {@code convention}. */
  public static Builder builder(ExposureConvention convention) {
    return new Builder(convention);
  }

  /** The number of options. */
  public int size() {
    return strike.length;
  }

  /** +1 for a call, −1 for a put. */
  public int phi(int i) {
    return phi[i];
  }

  public OptionType type(int i) {
    return phi[i] > 0 ? OptionType.CALL : OptionType.PUT;
  }

  public double strike(int i) {
    return strike[i];
  }

  /** Years to expiry (ACT/365F when the caller converts dates), &gt; 0. */
  public double years(int i) {
    return years[i];
  }

  /** Implied vol, 0.2 = 20 %, &gt; 0. */
  public double vol(int i) {
    return vol[i];
  }

  /** The dealers' signed position in contracts (+ long, − short). */
  public double position(int i) {
    return position[i];
  }

  /**
   * The chain {@code years} later, each option keeping its strike, vol and position; options that expire by
   * then (years ≤ shift) are left out: their gamma is gone.
   *
   * @throws InvalidInputException DOMAIN when {@code shift} is negative or not finite
   */
  public OptionChain shifted(double shift) {
    Require.nonNegative("time_shift", shift);
    int n = 0;
    for (double t : years) {
      n += t > shift ? 1 : 0;
    }
    int[] p = new int[n];
    double[] k = new double[n];
    double[] t = new double[n];
    double[] v = new double[n];
    double[] q = new double[n];
    int j = 0;
    for (int i = 0; i < size(); i++) {
      if (years[i] > shift) {
        p[j] = phi[i];
        k[j] = strike[i];
        t[j] = years[i] - shift;
        v[j] = vol[i];
        q[j] = position[i];
        j++;
      }
    }
    return new OptionChain(p, k, t, v, q);
  }

  /** Adds rows; {@link #build()} freezes them. */
  public static final class Builder {
    private final ExposureConvention convention;
    private int[] phi = new int[16];
    private double[] strike = new double[16];
    private double[] years = new double[16];
    private double[] vol = new double[16];
    private double[] position = new double[16];
    private int n;

    private Builder(ExposureConvention convention) {
      this.convention = convention;
    }

    /**
     * Adds one option.
     *
     * @param openInterest contracts; ≥ 0 under {@link ExposureConvention#CALLS_LONG}, signed under
     *     {@link ExposureConvention#SIGNED}
     * @throws InvalidInputException DOMAIN naming the field ({@code strike}, {@code years}, {@code vol},
     *     {@code open_interest}) when a value is out of domain: strike, vol ≤ 0; years ≤ 0 (expired);
     *     negative open interest under CALLS_LONG; anything not finite
     */
    public Builder add(OptionType type, double strike, double years, double vol, double openInterest) {
      Require.positive("strike", strike);
      if (!(years > 0) || years == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.domain("years", years == 0 || years < 0
            ? "the option has expired (years to expiry " + years + " <= 0)" : "must be a finite number > 0, was " + years);
      }
      Require.positive("vol", vol);
      Require.finite("open_interest", openInterest);
      if (convention == ExposureConvention.CALLS_LONG && openInterest < 0) {
        throw InvalidInputException.domain("open_interest", "must be >= 0 under CALLS_LONG (use SIGNED for signed"
            + " dealer positions), was " + openInterest);
      }
      if (n == this.strike.length) {
        int m = 2 * n;
        phi = Arrays.copyOf(phi, m);
        this.strike = Arrays.copyOf(this.strike, m);
        this.years = Arrays.copyOf(this.years, m);
        this.vol = Arrays.copyOf(this.vol, m);
        position = Arrays.copyOf(position, m);
      }
      phi[n] = type.sign();
      this.strike[n] = strike;
      this.years[n] = years;
      this.vol[n] = vol;
      position[n] = convention.position(type.sign(), openInterest) + 0.0; // + 0.0: a −0 position is 0
      n++;
      return this;
    }

    /** The number of options added so far. */
    public int size() {
      return n;
    }

    public OptionChain build() {
      return new OptionChain(Arrays.copyOf(phi, n), Arrays.copyOf(strike, n), Arrays.copyOf(years, n),
          Arrays.copyOf(vol, n), Arrays.copyOf(position, n));
    }
  }
}
