package org.gammaxl.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gammaxl.pricing.BlackScholesMerton;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.DividendLattice;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.vol.Svi;
import org.gammaxl.vol.SviFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 18: what pricing depth costs. {@code a_} and {@code b_}: a batch of 10,000 European options (spot 80–120,
 * strike 100, 1–2 years, vol 10–60 %, rate 0–6 %, calls and puts) priced by Black-Scholes-Merton without dividends
 * and with four quarterly cash dividends under the escrowed model (a book of options on 50 stocks, each stock's
 * {@link CashDividends} built once, as a sheet or a book holds them; every price discounts its four dividends);
 * ns per option. {@code c_}: one American put with four dividends on the spot-drop
 * lattice ({@link DividendLattice#AMERICAN}, default grid). {@code d_}: a raw SVI fit ({@link SviFit}) to 30 quotes
 * of Gatheral's example smile; ns per fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DepthBenchmark {
  private static final int N = 10_000;
  /** The options are on this many stocks, each with its own dividend schedule. */
  private static final int UNDERLYINGS = 50;

  private OptionType[] type;
  private double[] spot;
  private double[] years;
  private double[] vol;
  private double[] rate;
  private CashDividends[] dividends;
  private double[] strikes;
  private double[] quotes;
  private CashDividends four;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(18);
    type = new OptionType[N];
    spot = new double[N];
    years = new double[N];
    vol = new double[N];
    rate = new double[N];
    dividends = new CashDividends[N];
    CashDividends[] schedules = new CashDividends[UNDERLYINGS];
    for (int u = 0; u < UNDERLYINGS; u++) { // quarterly, the first ex-date 0.02-0.24 years away: all before expiry
      double first = 0.02 + 0.22 * random.nextDouble();
      double amount = 0.2 + random.nextDouble();
      schedules[u] = CashDividends.of(new double[] {first, first + 0.25, first + 0.5, first + 0.75},
          new double[] {amount, amount, amount, amount}, 1);
    }
    for (int i = 0; i < N; i++) {
      type[i] = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      spot[i] = 80 + 40 * random.nextDouble();
      years[i] = 1 + random.nextDouble();
      vol[i] = 0.1 + 0.5 * random.nextDouble();
      rate[i] = 0.06 * random.nextDouble();
      dividends[i] = schedules[i % UNDERLYINGS];
    }
    Svi svi = Svi.of(0.04, 0.1, -0.4, 0, 0.1);
    strikes = new double[30];
    quotes = new double[30];
    for (int i = 0; i < 30; i++) {
      strikes[i] = 60 + 3 * i;
      quotes[i] = svi.vol(strikes[i], 100, 1);
    }
    four = CashDividends.of(new double[] {0.1, 0.35, 0.6, 0.85}, new double[] {1, 1, 1, 1}, 1);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_european_noDividends() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += BlackScholesMerton.INSTANCE.price(type[i], spot[i], 100, years[i], vol[i], rate[i], 0);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_european_fourDividends() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += Dividends.price(Model.BSM, type[i], spot[i], 100, years[i], vol[i], rate[i], 0, dividends[i]);
    }
    return sum;
  }

  @Benchmark
  public double c_american_lattice_fourDividends() {
    return DividendLattice.AMERICAN.price(OptionType.PUT, 100, 100, 1, 0.25, 0.05, 0, four);
  }

  @Benchmark
  public double d_sviFit_30quotes() {
    return SviFit.fit(strikes, quotes, 100, 1, null).rms();
  }
}
