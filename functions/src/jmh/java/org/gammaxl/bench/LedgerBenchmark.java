package org.gammaxl.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 3: a 1,000,000-event path through {@link HedgeLedger}, ns per event. The position is one
 * long at-the-money call, or ({@code legs = 3}) a long at-the-money straddle plus a short 110 call
 * (one BSM greeks call per leg per event), expiring after the path; hedged in spot against a delta band of 0.5 units with 1 bp fees, 0.5 bp
 * slippage and quoted spreads, financed at 3 % with a 1 % yield. The path is a fixed-seed
 * geometric Brownian motion (20 % vol) over 0.9 years with a vol mark on every 100th event (NaN,
 * carried forward, otherwise) and a bid/ask on every event, precomputed as primitive arrays; the
 * rows go to a consumer that reads one field and keeps nothing, so memory stays O(1) per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LedgerBenchmark {
  /** Events on the path. */
  public static final int EVENTS = 1_000_000;

  /** 1: one long at-the-money call; 3: a long straddle plus a short 110 call. */
  @Param({"1", "3"})
  public int legs;

  private HedgeLedger ledger;
  private double[] time;
  private double[] spot;
  private double[] vol;
  private double[] bid;
  private double[] ask;

  @Setup
  public void setUp() {
    Position position = legs == 1
        ? Position.of(OptionLeg.of(OptionType.CALL, 100, 1.0, 10, 100))
        : Position.of(
            OptionLeg.of(OptionType.CALL, 100, 1.0, 10, 100),
            OptionLeg.of(OptionType.PUT, 100, 1.0, 10, 100),
            OptionLeg.of(OptionType.CALL, 110, 1.0, -10, 100));
    HedgePolicy policy = HedgePolicy.builder()
        .rule(RebalanceRule.DELTA).threshold(0.5)
        .feeBps(1).slippageBps(0.5).useHalfSpread(true)
        .rate(0.03).yield(0.01)
        .build();
    ledger = HedgeLedger.of(Model.BSM.pricer(), position, policy);
    double[][] path = path(EVENTS, 0.9);
    time = path[0];
    spot = path[1];
    vol = path[2];
    bid = path[3];
    ask = path[4];
  }

  /**
   * The benchmark path: {@code events} times over {@code years}, a fixed-seed GBM at 20 % from 100, a vol
   * mark on every 100th event (NaN otherwise), a bid/ask 1 bp either side of every spot.
   *
   * @return {time, spot, vol, bid, ask}
   */
  static double[][] path(int events, double years) {
    double[] time = new double[events];
    double[] spot = new double[events];
    double[] vol = new double[events];
    double[] bid = new double[events];
    double[] ask = new double[events];
    SplittableRandom random = new SplittableRandom(42);
    double dt = years / events;
    double sigma = 0.2;
    double s = 100;
    for (int i = 0; i < events; i++) {
      time[i] = i * dt;
      spot[i] = s;
      vol[i] = i % 100 == 0 ? 0.2 + 0.02 * Math.sin(i * 1e-4) : Double.NaN;
      bid[i] = s * (1 - 1e-4);
      ask[i] = s * (1 + 1e-4);
      s *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * gaussian(random));
    }
    return new double[][] {time, spot, vol, bid, ask};
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller, one draw.
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** The whole path event by event through {@link LedgerRun#step}, rows read and dropped. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double ledger_event() {
    LedgerRun run = ledger.start();
    double sum = 0;
    for (int i = 0; i < EVENTS; i++) {
      LedgerRow row = run.step(time[i], spot[i], vol[i], bid[i], ask[i]);
      sum += row.totalPnl();
    }
    return sum + run.events();
  }
}
