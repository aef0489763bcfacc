package org.gammaxl.bench;

import java.util.Locale;
import org.gammaxl.pricing.AmericanAndersenLake;
import org.gammaxl.pricing.OptionPricer;

/**
 * The errors of the Andersen–Lake–Offengenden solves on the {@link AmericanBenchmark} batch against a high-precision
 * solve (degree 64, 96 points, 8 Newton steps), apart for boundaries below the strike (put-equivalent yield above the
 * rate) and at it. Without arguments: {@code AMERICAN} and {@code AMERICAN.FAST}. With powers as arguments: the
 * largest errors by Chebyshev degree ({@code -Dn=8,12,16}) for one-piece node maps τ/T = (½(1 + z))^(2·power), with
 * {@code -Dl}, {@code -Dm}, {@code -Dp} points, Newton steps and tanh–sinh steps; with {@code -Dsplit=κ,...}
 * ({@code -Dinner=4}) the split schemes for boundaries below the strike, split at the onset √(c/(κT)).
 *
 * <p>{@code java -cp <benchmarks jar> org.gammaxl.bench.AmericanConvergence [power ...]}
 */
public final class AmericanConvergence {
  private AmericanConvergence() {
  }

  public static void main(String[] args) {
    AmericanBenchmark.Batch b = AmericanBenchmark.batch();
    double refPower = Double.parseDouble(System.getProperty("refPower", "1"));
    int refN = Integer.getInteger("refN", 64);
    int l = Integer.getInteger("l", 64);
    int m = Integer.getInteger("m", 6);
    int pp = Integer.getInteger("p", 40);
    double[] ref = prices(AmericanAndersenLake.of(refN, 96, 8, 40, true, refPower), b);
    if (args.length == 0 && System.getProperty("split") == null) {
      report("AMERICAN", AmericanAndersenLake.ACCURATE, b, ref);
      report("AMERICAN.FAST", AmericanAndersenLake.FAST, b, ref);
      return;
    }
    if (System.getProperty("split") != null) {
      for (String kappa : System.getProperty("split").split(",")) {
        for (String inner : System.getProperty("inner", "3").split(",")) {
          for (String n : System.getProperty("n", "8,12,16").split(",")) {
            split(b, ref, Integer.parseInt(n), Integer.parseInt(inner), l, m, pp, Double.parseDouble(kappa));
          }
        }
      }
      return;
    }
    String[] maps = args;
    int[] degrees = java.util.Arrays.stream(System.getProperty("n", "6,8,10,12,16,24,32").split(","))
        .mapToInt(Integer::parseInt).toArray();
    for (String map : maps) {
      double power = Double.parseDouble(map);
      for (int n : degrees) {
        double[] p = prices(AmericanAndersenLake.of(n, l, m, pp, true, power), b);
        double capped = 0;
        double other = 0;
        int worst = 0;
        for (int i = 0; i < p.length; i++) {
          boolean put = b.type[i] == org.gammaxl.pricing.OptionType.PUT;
          double e = Math.abs(p[i] - ref[i]);
          if ((put ? b.yield[i] > b.rate[i] : b.rate[i] > b.yield[i])) {
            capped = Math.max(capped, e);
          } else {
            other = Math.max(other, e);
          }
          if (e > Math.abs(p[worst] - ref[worst])) {
            worst = i;
          }
        }
        System.out.printf(Locale.ROOT, "map %s n %2d  capped %.1e  other %.1e  worst #%d %s S=%.2f T=%.3f v=%.3f"
            + " r=%.4f q=%.4f%n", map, n, capped, other, worst, b.type[worst], b.spot[worst], b.years[worst],
            b.vol[worst], b.rate[worst], b.yield[worst]);
      }
    }
  }

  /** Per option: capped boundaries split at the kink's onset √(c/(κT)), c = ln²(q/r)/(2σ²); the others power 2. */
  static void split(AmericanBenchmark.Batch b, double[] ref, int n, int inner, int l, int m, int pp, double kappa) {
    AmericanAndersenLake[] family = new AmericanAndersenLake[12];
    for (int j = 0; j < family.length; j++) {
      family[j] = AmericanAndersenLake.split(n, inner, 0.5 * Math.pow(2, -0.5 * j), l, m, pp);
    }
    AmericanAndersenLake single = AmericanAndersenLake.of(n, l, m, pp, true, 1.0);
    AmericanAndersenLake plain = AmericanAndersenLake.of(n, l, m, pp, true, 2.0);
    double capped = 0;
    double other = 0;
    int worst = -1;
    double worstE = 0;
    for (int i = 0; i < AmericanBenchmark.N; i++) {
      boolean put = b.type[i] == org.gammaxl.pricing.OptionType.PUT;
      double rp = put ? b.rate[i] : b.yield[i];
      double qp = put ? b.yield[i] : b.rate[i];
      OptionPricer p = plain;
      if (qp > rp) {
        double c = Math.pow(Math.log(qp / rp), 2) / (2 * b.vol[i] * b.vol[i]);
        double onset = Math.sqrt(c / (kappa * b.years[i]));
        int j = (int) Math.ceil(-2 * Math.log(onset / 0.5) / Math.log(2));
        p = j <= 0 ? single : family[Math.min(j, family.length - 1)];
      }
      double e = Math.abs(p.price(b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i], b.yield[i])
          - ref[i]);
      if (qp > rp) {
        capped = Math.max(capped, e);
      } else {
        other = Math.max(other, e);
      }
      if (e > worstE) {
        worstE = e;
        worst = i;
      }
    }
    System.out.printf(Locale.ROOT, "split kappa %.0f inner %d n %2d l %d m %d  capped %.1e  other %.1e  worst #%d%n",
        kappa, inner, n, l, m, capped, other, worst);
  }

  private static void report(String name, OptionPricer pricer, AmericanBenchmark.Batch b, double[] ref) {
    double[] p = prices(pricer, b);
    double capped = 0;
    double other = 0;
    for (int i = 0; i < p.length; i++) {
      boolean put = b.type[i] == org.gammaxl.pricing.OptionType.PUT;
      double e = Math.abs(p[i] - ref[i]);
      if (put ? b.yield[i] > b.rate[i] : b.rate[i] > b.yield[i]) {
        capped = Math.max(capped, e);
      } else {
        other = Math.max(other, e);
      }
    }
    System.out.printf(Locale.ROOT, "%s  max error %.1e (boundary below the strike %.1e, at the strike %.1e)%n", name,
        Math.max(capped, other), capped, other);
  }

  private static double[] prices(OptionPricer p, AmericanBenchmark.Batch b) {
    double[] out = new double[AmericanBenchmark.N];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.price(b.type[i], b.spot[i], b.strike[i], b.years[i], b.vol[i], b.rate[i], b.yield[i]);
    }
    return out;
  }
}
