package org.gammaxl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 2: the same 100,000-option batch ({@link OptionBatch#standard()}) through GammaXL, Strata
 * and finmath-lib. Every benchmark walks the whole batch once per invocation, so the reported
 * ns/op is the average time per option. Names: {@code a_price_*} the premium, {@code b_greeks_*}
 * the premium plus delta, gamma, vega, theta and rho, {@code c_impliedVol_*} the implied vol of the
 * GammaXL premium (over the {@link OptionBatch#invertible} options — those whose premium lies
 * strictly inside the no-arbitrage bounds, topped up to 100,000 by repeating the first ones).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BsmBenchmark {
  private static final int N = OptionBatch.SIZE;
  private static final int FINMATH_IV = 10_000;

  private OptionBatch batch;
  private int[] invertible;
  private final double[] out = new double[6];

  @Setup
  public void setUp() {
    batch = OptionBatch.standard();
    int[] idx = new int[N];
    int m = 0;
    for (int i = 0; i < N; i++) {
      if (batch.invertible(i)) {
        idx[m++] = i;
      }
    }
    // Exactly N implied vols per invocation: the invertible options, the first few again if some
    // premiums were not invertible (they round onto a no-arbitrage bound or underflow).
    invertible = new int[N];
    for (int j = 0; j < N; j++) {
      invertible[j] = idx[j % m];
    }
  }

  // ---------------------------------------------------------------- (a) price

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_gammaxl() {
    OptionBatch x = batch;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += GammaxlBsm.price(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_strata() {
    OptionBatch x = batch;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += StrataBsm.price(x.call[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double a_price_finmath() {
    OptionBatch x = batch;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += FinmathBsm.price(x.call[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i], x.yield[i]);
    }
    return sum;
  }

  // ---------------------------------------------------------------- (b) price + 5 greeks

  /** GammaXL {@code greeks()}: all 18 greeks in one shared-work call, six of them read. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_gammaxl() {
    OptionBatch x = batch;
    double[] o = out;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      GammaxlBsm.priceAndFiveGreeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i],
          x.yield[i], o);
      sum += o[0] + o[1] + o[2] + o[3] + o[4] + o[5];
    }
    return sum;
  }

  /** GammaXL {@code price()} plus five single {@code greek()} calls. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_gammaxlSingleCalls() {
    OptionBatch x = batch;
    double[] o = out;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      GammaxlBsm.priceAndFiveSingleGreeks(x.type[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i],
          x.yield[i], o);
      sum += o[0] + o[1] + o[2] + o[3] + o[4] + o[5];
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_strata() {
    OptionBatch x = batch;
    double[] o = out;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      StrataBsm.priceAndFiveGreeks(x.call[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i],
          x.yield[i], o);
      sum += o[0] + o[1] + o[2] + o[3] + o[4] + o[5];
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double b_greeks_finmath() {
    OptionBatch x = batch;
    double[] o = out;
    double sum = 0;
    for (int i = 0; i < N; i++) {
      FinmathBsm.priceAndFiveGreeks(x.call[i], x.spot[i], x.strike[i], x.years[i], x.vol[i], x.rate[i],
          x.yield[i], o);
      sum += o[0] + o[1] + o[2] + o[3] + o[4] + o[5];
    }
    return sum;
  }

  // ---------------------------------------------------------------- (c) implied vol

  @Benchmark
  @OperationsPerInvocation(N)
  public double c_impliedVol_gammaxl() {
    OptionBatch x = batch;
    int[] idx = invertible;
    double sum = 0;
    for (int j = 0; j < idx.length; j++) {
      int i = idx[j];
      sum += GammaxlBsm.impliedVol(x.type[i], x.price[i], x.spot[i], x.strike[i], x.years[i], x.rate[i],
          x.yield[i]);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double c_impliedVol_strata() {
    OptionBatch x = batch;
    int[] idx = invertible;
    double sum = 0;
    for (int j = 0; j < idx.length; j++) {
      int i = idx[j];
      sum += StrataBsm.impliedVol(x.call[i], x.price[i], x.spot[i], x.strike[i], x.years[i], x.rate[i],
          x.yield[i]);
    }
    return sum;
  }

  /**
   * finmath-lib takes about 0.1 ms per implied vol (a generic root search), so it is timed on the
   * first 10,000 options of the implied-vol batch only (its accuracy is still measured on all of it).
   */
  @Benchmark
  @OperationsPerInvocation(FINMATH_IV)
  public double c_impliedVol_finmath() {
    OptionBatch x = batch;
    int[] idx = invertible;
    double sum = 0;
    for (int j = 0; j < FINMATH_IV; j++) {
      int i = idx[j];
      sum += FinmathBsm.impliedVol(x.call[i], x.price[i], x.spot[i], x.strike[i], x.years[i], x.rate[i],
          x.yield[i]);
    }
    return sum;
  }
}
