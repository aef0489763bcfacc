package org.gammaxl.pricing;

import java.util.Arrays;
import org.gammaxl.InvalidInputException;

/**
 * Known cash dividends of the underlying before an option's expiry: ex-dividend times in years from now (the same
 * clock as {@code years}) and amounts in the spot's currency per unit of underlying. Immutable.
 *
 * <p>{@link #of} keeps the dividends that matter to an option expiring in {@code years}: a time before now
 * ({@code t < 0}, already paid and out of the spot) or after expiry ({@code t > years}) is dropped; a dividend at
 * {@code t = 0} goes ex now (the spot is quoted cum-dividend) and one at {@code t = years} goes ex at expiry (the
 * holder receives the ex-dividend spot). A dividend of 0 is dropped. Times must be in ascending order (equal times
 * are allowed and add up), amounts must be ≥ 0; anything else is an error naming {@code div_times} or
 * {@code div_amounts}.
 */
public final class CashDividends {
  /** No dividends. */
  public static final CashDividends NONE = new CashDividends(new double[0], new double[0]);

  private final double[] times;
  private final double[] amounts;

  private CashDividends(double[] times, double[] amounts) {
    this.times = times;
    this.amounts = amounts;
  }

  /**
   * The dividends of {@code times} and {@code amounts} (same length) that fall in [0, years].
   *
   * @throws InvalidInputException TYPE when the lengths differ; DOMAIN naming {@code div_times} for a time that is
   *     not finite or out of order, {@code div_amounts} for an amount that is negative or not finite
   */
  public static CashDividends of(double[] times, double[] amounts, double years) {
    if (times.length != amounts.length) {
      throw InvalidInputException.type("div_amounts", "has " + amounts.length + " cells but div_times has "
          + times.length + "; give one amount per ex-dividend time");
    }
    double[] t = new double[times.length];
    double[] d = new double[times.length];
    int n = 0;
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i])) {
        throw InvalidInputException.domain("div_times", "cell " + (i + 1) + " is not a finite number");
      }
      if (i > 0 && times[i] < times[i - 1]) {
        throw InvalidInputException.domain("div_times", "cell " + (i + 1) + " (" + times[i]
            + ") is before cell " + i + " (" + times[i - 1] + "); list the ex-dividend times in ascending order");
      }
      if (!(amounts[i] >= 0) || !Double.isFinite(amounts[i])) {
        throw InvalidInputException.domain("div_amounts", "cell " + (i + 1) + " (" + amounts[i]
            + ") must be a cash amount >= 0");
      }
      if (times[i] >= 0 && times[i] <= years && amounts[i] > 0) {
        t[n] = times[i];
        d[n] = amounts[i];
        n++;
      }
    }
    return n == 0 ? NONE : new CashDividends(Arrays.copyOf(t, n), Arrays.copyOf(d, n));
  }

  /** How many dividends there are. */
  public int size() {
    return times.length;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return times.length == 0;
  }

  /** The ex-dividend time of dividend {@code i}, years from now, ascending. */
  public double time(int i) {
    return times[i];
  }

  /** The cash amount of dividend {@code i}. */
  public double amount(int i) {
    return amounts[i];
  }

  /** Σ D·e^{−r·t} over the dividends with time ≤ {@code horizon}: what the escrowed model takes off the spot. */
  public double presentValue(double rate, double horizon) {
    double[] t = times;
    double[] d = amounts;
    double minusRate = -rate;
    double pv = 0;
    for (int i = 0; i < t.length && t[i] <= horizon; i++) {
      pv += d[i] * discount(minusRate * t[i]);
    }
    return pv;
  }

  /**
   * e^x: for |x| ≤ ½ (a rate times a time to an ex-date, almost always) the Taylor polynomial of degree 15 by
   * Estrin's scheme (truncation below 1e-18, a few ulps in all), which has no table lookups and runs several
   * at once; {@link Exponential#exp} elsewhere. The dividends' discount factors are the only exponentials the
   * escrowed price adds.
   */
  static double discount(double x) {
    if (!(Math.abs(x) <= 0.5)) {
      return Exponential.exp(x);
    }
    double x2 = x * x;
    double x4 = x2 * x2;
    double q0 = Math.fma(x2, Math.fma(x, 1.0 / 6, 0.5), 1 + x);
    double q1 = Math.fma(x2, Math.fma(x, 1.0 / 5040, 1.0 / 720), Math.fma(x, 1.0 / 120, 1.0 / 24));
    double q2 = Math.fma(x2, Math.fma(x, 1.0 / 39916800, 1.0 / 3628800), Math.fma(x, 1.0 / 362880, 1.0 / 40320));
    double q3 = Math.fma(x2, Math.fma(x, 1.0 / 1307674368000.0, 1.0 / 87178291200.0),
        Math.fma(x, 1.0 / 6227020800.0, 1.0 / 479001600));
    return Math.fma(x4 * x4, Math.fma(x4, q3, q2), Math.fma(x4, q1, q0));
  }

  /** Σ t·D·e^{−r·t} over the dividends with time ≤ {@code horizon}: −∂/∂r of {@link #presentValue}. */
  double durationWeighted(double rate, double horizon) {
    double s = 0;
    for (int i = 0; i < times.length && times[i] <= horizon; i++) {
      s += times[i] * amounts[i] * Math.exp(-rate * times[i]);
    }
    return s;
  }

  /** The dividends strictly before {@code horizon}. */
  CashDividends before(double horizon) {
    int n = 0;
    while (n < times.length && times[n] < horizon) {
      n++;
    }
    return n == times.length ? this : n == 0 ? NONE
        : new CashDividends(Arrays.copyOf(times, n), Arrays.copyOf(amounts, n));
  }

  /**
   * For dividends whose times are on a ledger's clock rather than from now: Σ D·e^{−r·(t − now)} over those with
   * now &lt; t ≤ horizon, what the escrowed model takes off the spot at {@code now} for an option expiring at
   * {@code horizon} (a dividend at {@code now} itself has gone ex: the spot then is ex-dividend). With the times of
   * {@link #ahead} it is {@link #presentValue(double, double)}, term by term.
   */
  public double presentValue(double rate, double now, double horizon) {
    double[] t = times;
    double minusRate = -rate;
    double pv = 0;
    for (int i = 0; i < t.length && t[i] <= horizon; i++) {
      if (t[i] > now) {
        pv += amounts[i] * discount(minusRate * (t[i] - now));
      }
    }
    return pv;
  }

  /** Σ D over the dividends with {@code from} &lt; t ≤ {@code to}: the cash a holder of one unit receives over that step. */
  public double paidIn(double from, double to) {
    double[] t = times;
    double sum = 0;
    for (int i = 0; i < t.length && t[i] <= to; i++) {
      if (t[i] > from) {
        sum += amounts[i];
      }
    }
    return sum;
  }

  /** The dividends with now &lt; t ≤ horizon, their times measured from {@code now} (for a pricer at now). */
  public CashDividends ahead(double now, double horizon) {
    int from = 0;
    while (from < times.length && !(times[from] > now)) {
      from++;
    }
    int to = from;
    while (to < times.length && times[to] <= horizon) {
      to++;
    }
    if (to == from) {
      return NONE;
    }
    double[] t = new double[to - from];
    for (int i = from; i < to; i++) {
      t[i - from] = times[i] - now;
    }
    return new CashDividends(t, Arrays.copyOfRange(amounts, from, to));
  }

  /** The total cash amount. */
  double total() {
    double s = 0;
    for (double a : amounts) {
      s += a;
    }
    return s;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("CashDividends[");
    for (int i = 0; i < times.length; i++) {
      b.append(i == 0 ? "" : ", ").append(amounts[i]).append(" at ").append(times[i]);
    }
    return b.append(']').toString();
  }
}
