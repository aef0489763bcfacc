package org.gammaxl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.gammaxl.pricing.AmericanAndersenLake;
import org.gammaxl.pricing.AmericanBjerksundStensland;
import org.gammaxl.pricing.OptionPricer;

/**
 * The docs/benchmarks.md table of {@link AmericanBenchmark}: per-option times from the JMH csv, ratios to
 * Bjerksund–Stensland 2002 and to each method's own price from the same run, and each method's largest error on the
 * batch against a high-precision solve (Chebyshev degree 64, 96 points, 8 Newton steps, tanh–sinh step 1/40).
 *
 * <p>{@code java -cp <benchmarks jar> org.gammaxl.bench.AmericanReport target/bench/american.csv}
 */
public final class AmericanReport {
  private AmericanReport() {
  }

  public static void main(String[] args) throws IOException {
    Map<String, BenchReport.Score> s = BenchReport.read(Path.of(args[0]));
    AmericanBenchmark.Batch b = AmericanBenchmark.batch();
    OptionPricer reference = AmericanAndersenLake.of(64, 96, 8, 40, true);
    double[] ref = new double[AmericanBenchmark.N];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = reference.price(b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i], b.yield[i]);
    }
    double bs = score(s, "a_price_bs2002");
    StringBuilder t = new StringBuilder();
    t.append("| method | max error on the batch (K = 100) | price µs | × BS2002 | 18 greeks µs | × own price"
        + " | price + 4 greeks µs | × own price |\n|---|---|---|---|---|---|---|---|\n");
    row(t, s, "`AMERICAN` (Andersen–Lake–Offengenden, accurate)", "accurate", AmericanAndersenLake.ACCURATE, b, ref,
        AmericanBenchmark.N, bs);
    row(t, s, "`AMERICAN.FAST`", "fast", AmericanAndersenLake.FAST, b, ref, AmericanBenchmark.N, bs);
    row(t, s, "`AMERICAN.BS2002` (Bjerksund–Stensland 2002)", "bs2002", AmericanBjerksundStensland.INSTANCE, b, ref,
        AmericanBenchmark.N, bs);
    row(t, s, "lattice, extrapolated 201 + 403 steps", "lattice201", AmericanBenchmark.LATTICE_FAST, b, ref,
        AmericanBenchmark.N, bs);
    row(t, s, "lattice, extrapolated 8001 + 16003 steps (first 8 options)", "lattice8001",
        AmericanBenchmark.LATTICE_ACCURATE, b, ref, AmericanBenchmark.SLOW, bs);
    System.out.print(t);
  }

  private static double score(Map<String, BenchReport.Score> s, String name) {
    BenchReport.Score x = s.get(name);
    return x == null ? Double.NaN : x.score;
  }

  private static void row(StringBuilder t, Map<String, BenchReport.Score> s, String label, String key,
      OptionPricer p, AmericanBenchmark.Batch b, double[] ref, int n, double bs) {
    double worst = 0;
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(p.price(b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i],
          b.yield[i]) - ref[i]));
    }
    double price = score(s, "a_price_" + key);
    double greeks = score(s, "b_greeks_" + key);
    double first = score(s, "c_firstGreeks_" + key);
    t.append(String.format(Locale.ROOT, "| %s | %.1e | %s | %s | %s | %s | %s | %s |%n", label, worst, us(price),
        ratio(price, bs), us(greeks), ratio(greeks, price), us(first), ratio(first, price)));
  }

  private static String us(double ns) {
    return Double.isNaN(ns) ? "—" : ns >= 1e5 ? String.format(Locale.ROOT, "%,.0f", ns / 1e3)
        : String.format(Locale.ROOT, "%.2f", ns / 1e3);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "—" : String.format(Locale.ROOT, "%.1f×", a / b);
  }
}
