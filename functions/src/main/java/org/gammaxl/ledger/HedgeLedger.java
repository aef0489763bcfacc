package org.gammaxl.ledger;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.pricing.OptionPricer;

/**
 * The gamma-scalping ledger: an event-driven simulation of an option position delta hedged along a
 * path of {@link Observation}s, one {@link LedgerRow} per event and a {@link LedgerSummary} at the
 * end. Immutable and thread-safe; each {@link #run} (or {@link #start()}) has its own state.
 *
 * <p>At each event the engine, in this order: credits interest on the hedge cash and the financed
 * premium over the elapsed time (e^{rΔt} − 1), settles variation margin or dividends of the hedge,
 * settles legs whose expiry has been reached at intrinsic value (at this event's spot), values the
 * live legs, each at its own vol on the smile ({@link Marking}), with one {@link OptionPricer#firstGreeks}
 * call per leg (or the {@link Revaluation#REUSE} schedule), attributes the step's
 * P&amp;L, applies the {@link RebalanceRule} and executes the trade with its costs (see
 * {@link HedgePolicy}). Once every leg has expired the hedge is closed at that event, whatever the
 * rule; later events only accrue interest.
 *
 * <p>Premium convention: the position is bought (or sold) at its model value at the first event
 * and that premium is financed at the rate, so OPTION_PNL and TOTAL_PNL are carry-adjusted — the
 * natural measure for a desk, under which a Black–Scholes theta is paid back by the carry.
 *
 * <p>Bad input throws {@link InvalidInputException} naming the row (1-based) and field, e.g.
 * {@code "row 17: time"}: unsorted or duplicate times, non-positive or non-finite spots, a missing
 * first vol mark (later missing marks carry the last one forward), half a quote, a path that
 * starts on or after a leg's expiry.
 *
 * <p>A book of several legs runs on the same engine as one leg: the row's greeks and P&amp;L are the
 * book's sums, {@link LedgerRun#leg} gives each leg's own values and attribution at each event and
 * {@link LedgerRun#legSummary} its summary; {@link LedgerRun#book} adds the delta hedged and what the
 * rule would have done when the run books the user's fills.
 *
 * <p>Memory is O(number of legs), independent of the path length: rows stream to the consumer.
 */
public final class HedgeLedger {
  private final OptionPricer pricer;
  private final Position position;
  private final HedgePolicy policy;
  private final Marking marking;

  private HedgeLedger(OptionPricer pricer, Position position, HedgePolicy policy, Marking marking) {
    this.pricer = pricer;
    this.position = position;
    this.policy = policy;
    this.marking = marking;
  }

  /**
   * A ledger for {@code position} hedged by {@code policy}, valued by {@code pricer} (for example
   * {@code Model.BSM.pricer()}).
   */
  public static HedgeLedger of(OptionPricer pricer, Position position, HedgePolicy policy) {
    return of(pricer, position, policy, Marking.DEFAULT);
  }

  /**
   * A ledger for a book of legs, each marked at its own vol on the smile as {@code marking} says (see
   * {@link SmileDynamics}), valued by {@code pricer} on the {@link Marking#revaluation()} schedule.
   * A one-leg position with {@link Marking#DEFAULT} is exactly {@link #of(OptionPricer, Position, HedgePolicy)}.
   */
  public static HedgeLedger of(OptionPricer pricer, Position position, HedgePolicy policy, Marking marking) {
    Objects.requireNonNull(pricer, "pricer");
    Objects.requireNonNull(marking, "marking");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(policy, "policy");
    if (policy.instrument() == HedgeInstrument.FUTURE && policy.futureExpiry() < position.lastExpiry()) {
      throw InvalidInputException.domain("futureExpiry", "the hedge future delivers at " + policy.futureExpiry()
          + ", before the last option expiry " + position.lastExpiry());
    }
    return new HedgeLedger(pricer, position, policy, marking);
  }

  public OptionPricer pricer() { return pricer; }

  public Position position() { return position; }

  public HedgePolicy policy() { return policy; }

  public Marking marking() { return marking; }

  /** A fresh, mutable run to feed event by event (the streaming core of {@link #run}). */
  public LedgerRun start() {
    return new LedgerRun(pricer, position, policy, marking);
  }

  /**
   * Runs the ledger over {@code path}, handing each row to {@code rows} as it is produced.
   *
   * @param rows receives a reused row view per event (see {@link LedgerRow}); may be {@code r -> { }}
   * @throws InvalidInputException naming the row and field of the first bad observation, or
   *     NOT_AVAILABLE when the path is empty
   */
  public LedgerSummary run(Iterator<Observation> path, Consumer<? super LedgerRow> rows) {
    LedgerRun run = start();
    while (path.hasNext()) {
      Observation o = path.next();
      rows.accept(run.step(o));
    }
    return run.summary();
  }

  /** Runs the ledger over {@code path}; see {@link #run(Iterator, Consumer)}. */
  public LedgerSummary run(Iterable<Observation> path, Consumer<? super LedgerRow> rows) {
    return run(path.iterator(), rows);
  }

  /** Runs the ledger keeping only the summary. */
  public LedgerSummary run(Iterable<Observation> path) {
    return run(path.iterator(), r -> { });
  }
}
