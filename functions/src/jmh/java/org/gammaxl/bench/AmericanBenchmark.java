package org.gammaxl.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gammaxl.pricing.AmericanAndersenLake;
import org.gammaxl.pricing.AmericanBjerksundStensland;
import org.gammaxl.pricing.AmericanLattice;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 20: American options by the accurate and fast Andersen–Lake–Offengenden schemes ({@code AMERICAN},
 * {@code AMERICAN.FAST}), Bjerksund–Stensland 2002 and the Leisen–Reimer lattice, over one batch of options where
 * early exercise matters ({@link #batch}). ns/op is per option. {@code a_*} the price, {@code b_*} all 18 greeks,
 * {@code c_*} price, delta, gamma, vega and theta ({@code firstGreeks}, what the hedge ledger asks per event). The
 * lattice runs at two accuracies: extrapolated 2 × 201 steps ({@code lattice201}, about the fast scheme's accuracy)
 * and extrapolated 2 × 8001 steps ({@code lattice8001}, about the accurate scheme's), the latter on the first 8
 * options only. {@link AmericanReport} prints the table with each method's error on the batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AmericanBenchmark {
  static final int N = 256;
  static final int SLOW = 8;
  static final AmericanLattice LATTICE_FAST = AmericanLattice.extrapolated(201);
  static final AmericanLattice LATTICE_ACCURATE = AmericanLattice.extrapolated(8001);

  private final Batch x = batch();
  private final double[] out = new double[OptionPricer.FIRST_GREEKS];

  /** The options: one a row, puts and calls with early exercise worth something. */
  static final class Batch {
    final OptionType[] type = new OptionType[N];
    final double[] spot = new double[N];
    final double[] strike = new double[N];
    final double[] years = new double[N];
    final double[] vol = new double[N];
    final double[] rate = new double[N];
    final double[] yield = new double[N];
  }

  /**
   * Strike 100, spot uniform in 80..120, expiry uniform in 1 week..2 years, vol 10..60 %, rate 1..8 %, yield
   * 0..8 %, calls and puts; calls without yield above the rate (never exercised early, so European) are redrawn.
   */
  static Batch batch() {
    Batch b = new Batch();
    SplittableRandom random = new SplittableRandom(20_261_207L);
    for (int i = 0; i < N; i++) {
      do {
        b.type[i] = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
        b.spot[i] = 80 + 40 * random.nextDouble();
        b.strike[i] = 100;
        b.years[i] = 1.0 / 52 + (2 - 1.0 / 52) * random.nextDouble();
        b.vol[i] = 0.1 + 0.5 * random.nextDouble();
        b.rate[i] = 0.01 + 0.07 * random.nextDouble();
        b.yield[i] = 0.08 * random.nextDouble();
      } while (b.type[i] == OptionType.CALL && b.yield[i] < 0.005);
    }
    return b;
  }

  private double price(OptionPricer p, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += p.price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
    }
    return sum;
  }

  private double greeks(OptionPricer p, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += p.greeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]).vega();
    }
    return sum;
  }

  private double first(OptionPricer p, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      p.firstGreeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i], out);
      sum += out[0] + out[1] + out[2] + out[3] + out[4];
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_accurate() {
    return price(AmericanAndersenLake.ACCURATE, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_fast() {
    return price(AmericanAndersenLake.FAST, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_bs2002() {
    return price(AmericanBjerksundStensland.INSTANCE, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_lattice201() {
    return price(LATTICE_FAST, N);
  }

  @Benchmark
  @OperationsPerInvocation(SLOW)
  public double a_price_lattice8001() {
    return price(LATTICE_ACCURATE, SLOW);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_accurate() {
    return greeks(AmericanAndersenLake.ACCURATE, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_fast() {
    return greeks(AmericanAndersenLake.FAST, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_bs2002() {
    return greeks(AmericanBjerksundStensland.INSTANCE, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_lattice201() {
    return greeks(LATTICE_FAST, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double c_firstGreeks_accurate() {
    return first(AmericanAndersenLake.ACCURATE, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double c_firstGreeks_fast() {
    return first(AmericanAndersenLake.FAST, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double c_firstGreeks_bs2002() {
    return first(AmericanBjerksundStensland.INSTANCE, N);
  }
}
