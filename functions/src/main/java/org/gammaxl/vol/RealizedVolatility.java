package org.gammaxl.vol;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * Realized (historical) volatility estimators, annualised, as a decimal (0.2 = 20 %).
 *
 * <p>Every estimator comes in two forms:
 * <ul>
 *   <li><b>regular</b> — bars of equal length; {@code periodsPerYear} is the annualisation factor
 *       (252 for trading days, 365 for a 24/7 market's days, 52 for weeks, 8760 for hours of a 24/7
 *       market);</li>
 *   <li><b>irregular</b> — each return or bar carries its own length in years (intraday ticks,
 *       weekends, 24/7 markets): each squared return is divided by its own time step, so the result is
 *       already per year. With equal steps Δt both forms agree when {@code periodsPerYear} = 1/Δt.</li>
 * </ul>
 * Demeaned estimators with irregular steps estimate the drift per unit time by μ̂ = Σx / ΣΔt and use
 * σ̂² = Σ (x_i − μ̂Δt_i)² / Δt_i / (n − 1), the Gaussian maximum-likelihood form (unbiased for
 * Brownian motion with drift); with equal steps it is the textbook sample variance times 1/Δt.
 *
 * <p>Rows are numbered from 1 in error messages ("row 3: high"). Prices must be finite and &gt; 0.
 */
public final class RealizedVolatility {
  /** RiskMetrics (J.P. Morgan, 1996) decay factor for daily data. */
  public static final double RISKMETRICS_LAMBDA = 0.94;

  private static final double LN2 = Math.log(2.0);

  private RealizedVolatility() {
  }

  // ---------------------------------------------------------------- close to close

  /**
   * Close-to-close volatility: log returns r_i = ln(C_i / C_{i−1}), demeaned, divided by n − 1,
   * times {@code periodsPerYear}, square root. Needs at least 3 closes (2 returns).
   */
  public static double closeToClose(double[] closes, double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    checkPrices("close", closes, 3);
    int n = closes.length - 1;
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += Math.log(closes[i] / closes[i - 1]);
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 1; i <= n; i++) {
      double d = Math.log(closes[i] / closes[i - 1]) - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (n - 1) * periodsPerYear);
  }

  /**
   * Close-to-close volatility with irregular timestamps: {@code times[i]} is the time of close i in
   * years (strictly increasing, e.g. from {@code org.gammaxl.time.YearFraction}); each return is
   * scaled by its own step (see the class comment for the demeaning).
   */
  public static double closeToClose(double[] times, double[] closes) {
    checkPrices("close", closes, 3);
    double[] dt = steps(times, closes.length);
    int n = closes.length - 1;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.log(closes[i + 1] / closes[i]);
    }
    return Math.sqrt(demeanedVariance(r, dt));
  }

  // ---------------------------------------------------------------- range estimators

  /**
   * Parkinson (1980) high–low estimator: σ² = Σ ln(H/L)² / (4 n ln 2), times {@code periodsPerYear}.
   * Assumes no drift and continuous trading within the bar; ignores overnight gaps.
   */
  public static double parkinson(double[] high, double[] low, double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    return Math.sqrt(parkinsonSum(high, low, null) / high.length * periodsPerYear);
  }

  /** Parkinson with each bar's own length in years ({@code barYears[i]} &gt; 0). */
  public static double parkinson(double[] high, double[] low, double[] barYears) {
    return Math.sqrt(parkinsonSum(high, low, checkBars(barYears, high.length)) / high.length);
  }

  private static double parkinsonSum(double[] high, double[] low, double[] bars) {
    checkPrices("high", high, 1);
    checkPrices("low", low, high.length);
    sameLength("low", low, high.length);
    double s = 0;
    for (int i = 0; i < high.length; i++) {
      checkHighLow(i, high[i], low[i], high[i], low[i]);
      double hl = Math.log(high[i] / low[i]);
      s += hl * hl / (4 * LN2) / (bars == null ? 1.0 : bars[i]);
    }
    return s;
  }

  /**
   * Garman–Klass (1980): σ² = (1/n) Σ [½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)²], times
   * {@code periodsPerYear}. Assumes no drift and no opening jump.
   */
  public static double garmanKlass(double[] open, double[] high, double[] low, double[] close,
      double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    return Math.sqrt(garmanKlassSum(open, high, low, close, null) / open.length * periodsPerYear);
  }

  /** Garman–Klass with each bar's own length in years. */
  public static double garmanKlass(double[] open, double[] high, double[] low, double[] close,
      double[] barYears) {
    return Math.sqrt(garmanKlassSum(open, high, low, close, checkBars(barYears, open.length)) / open.length);
  }

  private static double garmanKlassSum(double[] o, double[] h, double[] l, double[] c, double[] bars) {
    checkOhlc(o, h, l, c, 1);
    double s = 0;
    for (int i = 0; i < o.length; i++) {
      double hl = Math.log(h[i] / l[i]);
      double co = Math.log(c[i] / o[i]);
      s += (0.5 * hl * hl - (2 * LN2 - 1) * co * co) / (bars == null ? 1.0 : bars[i]);
    }
    return s;
  }

  /**
   * Rogers–Satchell (1991): σ² = (1/n) Σ [ln(H/C) ln(H/O) + ln(L/C) ln(L/O)], times
   * {@code periodsPerYear}. Unbiased under drift; ignores opening jumps.
   */
  public static double rogersSatchell(double[] open, double[] high, double[] low, double[] close,
      double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    checkOhlc(open, high, low, close, 1);
    return Math.sqrt(rsSum(open, high, low, close, 0, null) / open.length * periodsPerYear);
  }

  /** Rogers–Satchell with each bar's own length in years. */
  public static double rogersSatchell(double[] open, double[] high, double[] low, double[] close,
      double[] barYears) {
    checkOhlc(open, high, low, close, 1);
    return Math.sqrt(rsSum(open, high, low, close, 0, checkBars(barYears, open.length)) / open.length);
  }

  private static double rsSum(double[] o, double[] h, double[] l, double[] c, int from, double[] dt) {
    double s = 0;
    for (int i = from; i < o.length; i++) {
      double term = Math.log(h[i] / c[i]) * Math.log(h[i] / o[i]) + Math.log(l[i] / c[i]) * Math.log(l[i] / o[i]);
      s += term / (dt == null ? 1.0 : dt[i - from]);
    }
    return s;
  }

  /**
   * Yang–Zhang (2000): σ² = σ_o² + k σ_c² + (1 − k) σ_rs², k = 0.34 / (1.34 + (n+1)/(n−1)), where
   * σ_o² is the sample variance (n − 1) of the overnight returns ln(O_i / C_{i−1}), σ_c² that of
   * the open-to-close returns ln(C_i / O_i), and σ_rs² the Rogers–Satchell mean. Given n + 1 rows
   * the first supplies only the previous close; needs n ≥ 2.
   */
  public static double yangZhang(double[] open, double[] high, double[] low, double[] close,
      double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    return Math.sqrt(yangZhangVariance(open, high, low, close, null) * periodsPerYear);
  }

  /**
   * Yang–Zhang with irregular timestamps: {@code times[i]} is the time in years of row i's close;
   * bar i spans (times[i−1], times[i]] and each of its terms is divided by that length.
   */
  public static double yangZhang(double[] open, double[] high, double[] low, double[] close, double[] times) {
    return Math.sqrt(yangZhangVariance(open, high, low, close, steps(times, open.length)));
  }

  private static double yangZhangVariance(double[] o, double[] h, double[] l, double[] c, double[] dt) {
    checkOhlc(o, h, l, c, 3);
    int n = o.length - 1;
    double[] overnight = new double[n];
    double[] openClose = new double[n];
    double[] steps = dt == null ? ones(n) : dt;
    for (int i = 1; i <= n; i++) {
      overnight[i - 1] = Math.log(o[i] / c[i - 1]);
      openClose[i - 1] = Math.log(c[i] / o[i]);
    }
    double k = 0.34 / (1.34 + (n + 1.0) / (n - 1.0));
    double so = demeanedVariance(overnight, steps);
    double sc = demeanedVariance(openClose, steps);
    double srs = rsSum(o, h, l, c, 1, steps) / n;
    return so + k * sc + (1 - k) * srs;
  }

  // ---------------------------------------------------------------- EWMA

  /**
   * Exponentially weighted moving average (RiskMetrics) volatility after the last return:
   * σ²_i = λ σ²_{i−1} + (1 − λ) r_i², seeded with σ²_1 = r_1², returns not demeaned; times
   * {@code periodsPerYear}.
   *
   * @param lambda the decay factor in (0, 1), {@link #RISKMETRICS_LAMBDA} for daily data
   */
  public static double ewma(double[] closes, double lambda, double periodsPerYear) {
    positive("periodsPerYear", periodsPerYear);
    return Math.sqrt(ewmaVariance(closes, lambda, null) * periodsPerYear);
  }

  /** EWMA with irregular timestamps: each squared return is divided by its own step in years. */
  public static double ewma(double[] times, double[] closes, double lambda) {
    return Math.sqrt(ewmaVariance(closes, lambda, steps(times, closes.length)));
  }

  private static double ewmaVariance(double[] closes, double lambda, double[] dt) {
    if (!(lambda > 0 && lambda < 1)) {
      throw InvalidInputException.domain("lambda", "must lie strictly between 0 and 1, was " + lambda);
    }
    checkPrices("close", closes, 2);
    double var = 0;
    for (int i = 1; i < closes.length; i++) {
      double r = Math.log(closes[i] / closes[i - 1]);
      double r2 = r * r / (dt == null ? 1.0 : dt[i - 1]);
      var = i == 1 ? r2 : lambda * var + (1 - lambda) * r2;
    }
    return var;
  }

  // ---------------------------------------------------------------- helpers

  /** Σ (x_i − μ̂Δt_i)² / Δt_i / (n − 1) with μ̂ = Σx / ΣΔt (per year). */
  static double demeanedVariance(double[] x, double[] dt) {
    double sx = 0;
    double st = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      st += dt[i];
    }
    double mu = sx / st;
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - mu * dt[i];
      ss += d * d / dt[i];
    }
    return ss / (x.length - 1);
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1.0);
    return a;
  }

  private static double[] steps(double[] times, int rows) {
    if (times == null) {
      throw InvalidInputException.type("times", "missing");
    }
    sameLength("times", times, rows);
    double[] dt = new double[rows - 1];
    for (int i = 0; i < rows; i++) {
      if (!Double.isFinite(times[i])) {
        throw InvalidInputException.domain("row " + (i + 1) + ": time", "must be a finite number, was " + times[i]);
      }
      if (i > 0) {
        dt[i - 1] = times[i] - times[i - 1];
        if (!(dt[i - 1] > 0)) {
          throw InvalidInputException.domain("row " + (i + 1) + ": time", (dt[i - 1] == 0 ? "duplicate" : "unsorted")
              + " timestamp " + times[i] + " (previous row " + times[i - 1] + "); times must be strictly increasing");
        }
      }
    }
    return dt;
  }

  private static double[] checkBars(double[] barYears, int rows) {
    if (barYears == null) {
      throw InvalidInputException.type("barYears", "missing");
    }
    sameLength("barYears", barYears, rows);
    for (int i = 0; i < rows; i++) {
      if (!(barYears[i] > 0) || barYears[i] == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.domain("row " + (i + 1) + ": barYears", "bar length must be > 0 years, was " + barYears[i]);
      }
    }
    return barYears;
  }

  private static void checkOhlc(double[] o, double[] h, double[] l, double[] c, int minRows) {
    checkPrices("open", o, minRows);
    checkPrices("high", h, minRows);
    checkPrices("low", l, minRows);
    checkPrices("close", c, minRows);
    sameLength("high", h, o.length);
    sameLength("low", l, o.length);
    sameLength("close", c, o.length);
    for (int i = 0; i < o.length; i++) {
      checkHighLow(i, h[i], l[i], Math.max(o[i], c[i]), Math.min(o[i], c[i]));
    }
  }

  private static void checkHighLow(int i, double h, double l, double maxOc, double minOc) {
    if (h < maxOc) {
      throw InvalidInputException.domain("row " + (i + 1) + ": high", "high " + h + " is below open/close " + maxOc);
    }
    if (l > minOc) {
      throw InvalidInputException.domain("row " + (i + 1) + ": low", "low " + l + " is above open/close " + minOc);
    }
    if (l > h) {
      throw InvalidInputException.domain("row " + (i + 1) + ": low", "low " + l + " is above high " + h);
    }
  }

  private static void checkPrices(String field, double[] prices, int minRows) {
    if (prices == null) {
      throw InvalidInputException.type(field, "missing");
    }
    if (prices.length < minRows) {
      throw InvalidInputException.notAvailable(field, "needs at least " + minRows + " rows, got " + prices.length);
    }
    for (int i = 0; i < prices.length; i++) {
      double p = prices[i];
      if (!(p > 0) || p == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.domain("row " + (i + 1) + ": " + field, "price must be a finite number > 0, was " + p);
      }
    }
  }

  private static void sameLength(String field, double[] a, int rows) {
    if (a.length != rows) {
      throw InvalidInputException.domain(field, "has " + a.length + " rows, expected " + rows);
    }
  }

  private static void positive(String argument, double value) {
    Require.positive(argument, value);
  }
}
