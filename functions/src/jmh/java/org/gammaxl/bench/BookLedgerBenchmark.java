package org.gammaxl.bench;

import java.util.concurrent.TimeUnit;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.Marking;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.Revaluation;
import org.gammaxl.ledger.SmileDynamics;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
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
 * Issue 14: the book ledger, ns per event. A year of one-minute events on the TRADING clock
 * (252 sessions × 390 minutes = 98,280 events on {@link LedgerBenchmark#path}: 20 % realized vol, an ATM
 * vol mark every 100th event, a bid/ask on every event), hedged in spot against a delta band of 0.5 units with 1 bp fees, 0.5 bp
 * slippage and the quoted half-spread, financed at 3 % with a 1 % yield.
 *
 * <ul>
 *   <li>{@code book_event}, legs = 1, 4, 8: European legs (calls and puts around the money, two expiries,
 *       each at its own smile vol, STICKY_STRIKE), one BSM firstGreeks call per leg per event;</li>
 *   <li>{@code bsm_greeks_loop}: the peer — a plain loop of the same BSM firstGreeks calls for the same legs
 *       and events, summed, with nothing else: what the ledger's bookkeeping costs on top;</li>
 *   <li>{@code american_book_reuse}: a 4-leg American book (MODEL=AMERICAN) over the whole year with
 *       REVALUE=REUSE, the sheet's default for American models;</li>
 *   <li>{@code american_book_every}: the same book revaluing every event with the American pricer, on the
 *       year's first 2,000 events only (a whole year would take tens of seconds per invocation).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BookLedgerBenchmark {
  /** One-minute events in a trading year. */
  public static final int EVENTS = 252 * 390;
  /** Events of the every-event American run. */
  public static final int EVERY_EVENTS = 2_000;

  @Param({"1", "4", "8"})
  public int legs;

  private HedgeLedger european;
  private HedgeLedger americanReuse;
  private HedgeLedger americanEvery;
  private OptionLeg[] book;
  private final OptionPricer bsm = Model.BSM.pricer();
  private final double[] greeks = new double[OptionPricer.FIRST_GREEKS];
  private double[] time;
  private double[] spot;
  private double[] vol;
  private double[] bid;
  private double[] ask;

  /** Up to eight legs: a straddle, a strangle and a calendar, each leg at its own vol. */
  static OptionLeg[] legs(int n) {
    OptionLeg[] all = {
        OptionLeg.of(OptionType.CALL, 100, 1.2, 10, 100).withVol(0.20),
        OptionLeg.of(OptionType.PUT, 100, 1.2, 10, 100).withVol(0.20),
        OptionLeg.of(OptionType.PUT, 90, 1.2, 5, 100).withVol(0.24),
        OptionLeg.of(OptionType.CALL, 110, 1.2, 5, 100).withVol(0.18),
        OptionLeg.of(OptionType.CALL, 100, 1.5, -5, 100).withVol(0.205),
        OptionLeg.of(OptionType.PUT, 95, 1.5, -5, 100).withVol(0.225),
        OptionLeg.of(OptionType.CALL, 105, 1.1, 3, 100).withVol(0.19),
        OptionLeg.of(OptionType.PUT, 85, 1.1, 3, 100).withVol(0.27)};
    OptionLeg[] out = new OptionLeg[n];
    System.arraycopy(all, 0, out, 0, n);
    return out;
  }

  @Setup
  public void setUp() {
    book = legs(legs);
    HedgePolicy policy = HedgePolicy.builder()
        .rule(RebalanceRule.DELTA).threshold(0.5)
        .feeBps(1).slippageBps(0.5).useHalfSpread(true)
        .rate(0.03).yield(0.01)
        .build();
    european = HedgeLedger.of(bsm, Position.of(book), policy, Marking.DEFAULT);
    Position american = Position.of(legs(4));
    americanReuse = HedgeLedger.of(Model.AMERICAN.pricer(), american, policy,
        Marking.of(SmileDynamics.STICKY_STRIKE, Revaluation.REUSE));
    americanEvery = HedgeLedger.of(Model.AMERICAN.pricer(), american, policy, Marking.DEFAULT);
    double[][] path = LedgerBenchmark.path(EVENTS, 1.0);
    time = path[0];
    spot = path[1];
    vol = path[2];
    bid = path[3];
    ask = path[4];
  }

  private static double run(HedgeLedger ledger, double[] time, double[] spot, double[] vol, double[] bid,
      double[] ask, int events) {
    LedgerRun run = ledger.start();
    double sum = 0;
    for (int i = 0; i < events; i++) {
      LedgerRow row = run.step(time[i], spot[i], vol[i], bid[i], ask[i]);
      sum += row.totalPnl();
    }
    return sum + run.events();
  }

  /** The European book over the year, event by event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double book_event() {
    return run(european, time, spot, vol, bid, ask, EVENTS);
  }

  /** The peer: the same BSM greeks calls, legs × events, and nothing else. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double bsm_greeks_loop() {
    double sum = 0;
    double mark = vol[0];
    OptionLeg[] b = book;
    for (int i = 0; i < EVENTS; i++) {
      double v = vol[i];
      mark = v == v ? v : mark;
      for (OptionLeg leg : b) {
        bsm.firstGreeks(leg.type(), spot[i], leg.strike(), leg.expiry() - time[i], mark + leg.vol() - 0.2, 0.03,
            0.01, greeks);
        sum += leg.units() * (greeks[0] + greeks[1] + greeks[2] + greeks[3] + greeks[4]);
      }
    }
    return sum;
  }

  /** The 4-leg American book over the year with REVALUE=REUSE (run with legs = 4 only; the others repeat it). */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double american_book_reuse() {
    return run(americanReuse, time, spot, vol, bid, ask, EVENTS);
  }

  /** The 4-leg American book revalued every event, on the first 2,000 events. */
  @Benchmark
  @OperationsPerInvocation(EVERY_EVENTS)
  public double american_book_every() {
    return run(americanEvery, time, spot, vol, bid, ask, EVERY_EVENTS);
  }
}
