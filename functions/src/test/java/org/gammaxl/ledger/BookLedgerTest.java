package org.gammaxl.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/** The ledger of a book of legs: the same engine as one leg, each leg on its own point of the smile. */
class BookLedgerTest {
  static final OptionPricer BSM = Model.BSM.pricer();
  static final OptionLeg CALL = OptionLeg.of(OptionType.CALL, 100, 0.25, 10, 100);
  static final OptionLeg PUT = OptionLeg.of(OptionType.PUT, 100, 0.25, 10, 100);
  static final OptionLeg WING = OptionLeg.of(OptionType.PUT, 90, 0.5, -5, 100);

  static List<Observation> path(long seed, int steps) {
    List<Observation> path = new ArrayList<>();
    for (Observation o : SyntheticPath.gbm(seed, 0, 100, 0.03, 0.25, 0.2, 0.2, steps)) {
      path.add(o);
    }
    return path;
  }

  static LedgerRow last(HedgeLedger ledger, List<Observation> path) {
    LedgerRow[] last = new LedgerRow[1];
    ledger.run(path, r -> last[0] = r.snapshot());
    return last[0];
  }

  @Test
  void withoutCostsAndRebalancingEveryEventABooksPnlIsTheSumOfItsLegsSingleLegPnls() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.04).yield(0.01).build();
    List<Observation> path = path(5, 300);
    double book = last(HedgeLedger.of(BSM, Position.of(CALL, PUT, WING), policy), path).totalPnl();
    double sum = 0;
    for (OptionLeg leg : List.of(CALL, PUT, WING)) {
      sum += last(HedgeLedger.of(BSM, Position.of(leg), policy), path).totalPnl();
    }
    assertTrue(Math.abs(book) > 10, "a P&L worth comparing: " + book);
    assertEquals(sum, book, 1e-9 * Math.abs(sum));
  }

  @Test
  void theLegsAttributionAddsUpToTheBooksOptionSide() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.DELTA).threshold(20).rate(0.04).feeBps(1).build();
    LedgerRun run = HedgeLedger.of(BSM, Position.of(CALL, PUT, WING.withVol(0.26)), policy,
        Marking.of(SmileDynamics.STICKY_MONEYNESS, Revaluation.EVERY_EVENT)).start();
    for (Observation o : path(9, 200)) {
      LedgerRow row = run.step(o);
      for (LedgerColumn c : new LedgerColumn[] {LedgerColumn.OPTION_VALUE, LedgerColumn.GAMMA, LedgerColumn.VEGA,
          LedgerColumn.THETA, LedgerColumn.OPTION_PNL, LedgerColumn.GAMMA_PNL, LedgerColumn.THETA_PNL,
          LedgerColumn.VEGA_PNL}) {
        double sum = 0;
        for (int i = 0; i < run.legs(); i++) {
          sum += run.leg(i, LegColumn.valueOf(c.name()));
        }
        assertEquals(row.value(c), sum, 1e-9 * (1 + Math.abs(sum)), c + " at " + o);
      }
    }
    double gamma = 0;
    for (int i = 0; i < run.legs(); i++) {
      gamma += run.legSummary(i).value(LegItem.GAMMA_PNL);
    }
    assertEquals(run.summary().value(SummaryItem.GAMMA_PNL), gamma, 1e-9 * Math.abs(gamma));
  }

  @Test
  void aSmileMarkedBooksInitialValueIsEachLegPricedAtItsOwnVol() {
    OptionLeg put = OptionLeg.of(OptionType.PUT, 90, 0.25, 10, 100).withVol(0.27);
    OptionLeg call = OptionLeg.of(OptionType.CALL, 110, 0.25, 10, 100).withVol(0.18);
    OptionLeg atm = OptionLeg.of(OptionType.CALL, 100, 0.25, -5, 100); // no own vol: the mark
    for (SmileDynamics smile : SmileDynamics.values()) {
      LedgerRun run = HedgeLedger.of(BSM, Position.of(put, call, atm), HedgePolicy.builder().rate(0.03).build(),
          Marking.of(smile, Revaluation.EVERY_EVENT)).start();
      run.step(0, 100, 0.21, Double.NaN, Double.NaN);
      double expected = 1000 * BSM.price(OptionType.PUT, 100, 90, 0.25, 0.27, 0.03, 0)
          + 1000 * BSM.price(OptionType.CALL, 100, 110, 0.25, 0.18, 0.03, 0)
          - 500 * BSM.price(OptionType.CALL, 100, 100, 0.25, 0.21, 0.03, 0);
      assertEquals(expected, run.summary().value(SummaryItem.INITIAL_OPTION_VALUE), 1e-9, smile.name());
      assertEquals(0.27, run.leg(0, LegColumn.VOL), 1e-15);
      assertEquals(0.21, run.leg(2, LegColumn.VOL), 1e-15);
    }
  }

  @Test
  void stickyStrikeLegsFollowTheMarkKeepingTheirOffset() {
    OptionLeg put = OptionLeg.of(OptionType.PUT, 90, 0.25, 10, 100).withVol(0.27);
    LedgerRun run = HedgeLedger.of(BSM, Position.of(put), HedgePolicy.builder().build(),
        Marking.of(SmileDynamics.STICKY_STRIKE, Revaluation.EVERY_EVENT)).start();
    run.step(0, 100, 0.21, Double.NaN, Double.NaN);
    run.step(0.01, 95, 0.23, Double.NaN, Double.NaN);
    assertEquals(0.29, run.leg(0, LegColumn.VOL), 1e-15, "0.23 + (0.27 - 0.21): spot alone does not move it");
    assertEquals(run.leg(0, LegColumn.DELTA), run.leg(0, LegColumn.SMILE_DELTA));
  }

  /** The value of a one-event-old run whose second event is at {@code spot}, under sticky moneyness. */
  private static double valueAt(Position position, double spot) {
    LedgerRun run = HedgeLedger.of(BSM, position, HedgePolicy.builder().build(),
        Marking.of(SmileDynamics.STICKY_MONEYNESS, Revaluation.EVERY_EVENT)).start();
    run.step(0, 100, 0.2, Double.NaN, Double.NaN);
    return run.step(0.01, spot, 0.2, Double.NaN, Double.NaN).value(LedgerColumn.OPTION_VALUE);
  }

  @Test
  void stickyMoneynessSlidesEachLegAlongTheSkewAndTheSmileDeltaIsTheTotalDerivative() {
    // a put skew: 90 put at 26 %, ATM mark 20 %, 110 call at 17 %
    Position position = Position.of(OptionLeg.of(OptionType.PUT, 90, 0.25, 10, 100).withVol(0.26),
        OptionLeg.of(OptionType.CALL, 110, 0.25, 10, 100).withVol(0.17));
    LedgerRun run = HedgeLedger.of(BSM, position, HedgePolicy.builder().hedgeDelta(HedgeDelta.SMILE).build(),
        Marking.of(SmileDynamics.STICKY_MONEYNESS, Revaluation.EVERY_EVENT)).start();
    run.step(0, 100, 0.2, Double.NaN, Double.NaN);
    run.step(0.01, 96, 0.2, Double.NaN, Double.NaN);
    // the 90 put is now at ln(90/96), nearer the money: on the curve between (ln 0.9, +6 %) and (0, 0)
    double m0 = Math.log(0.9);
    double m1 = Math.log(90 / 96.0);
    assertEquals(0.2 + 0.06 * m1 / m0, run.leg(0, LegColumn.VOL), 1e-12);
    assertTrue(run.leg(0, LegColumn.VOL) < 0.26, "spot down towards its strike: the put slides towards the ATM vol");
    // the 110 call at ln(110/96) lies beyond the outermost point (ln 1.1, -3 %): flat there
    assertEquals(0.17, run.leg(1, LegColumn.VOL), 1e-12);
    // the smile delta is dV/dS with the vol sliding: compare with a central difference of whole revaluations
    double h = 0.01;
    double numeric = (valueAt(position, 96 + h) - valueAt(position, 96 - h)) / (2 * h);
    double smileDelta = run.leg(0, LegColumn.SMILE_DELTA) + run.leg(1, LegColumn.SMILE_DELTA);
    assertEquals(numeric, smileDelta, 1e-6 * Math.abs(numeric) + 1e-6);
    assertNotEquals(run.row().value(LedgerColumn.DELTA), smileDelta, 1e-3);
    assertEquals(smileDelta, run.book(BookColumn.HEDGE_DELTA), 1e-12, "HEDGE_DELTA=SMILE hedges it");
  }

  @Test
  void americanLegsStartAtThePricersValueAndReuseStaysCloseToRevaluingEveryEvent() {
    OptionPricer american = Model.AMERICAN.pricer();
    Position position = Position.of(OptionLeg.of(OptionType.PUT, 100, 0.5, 10, 100),
        OptionLeg.of(OptionType.PUT, 95, 0.25, -10, 100).withVol(0.24),
        OptionLeg.of(OptionType.CALL, 105, 0.5, 10, 100));
    HedgePolicy policy = HedgePolicy.builder().rate(0.05).yield(0.01).build();
    LedgerRun exact = HedgeLedger.of(american, position, policy, Marking.DEFAULT).start();
    LedgerRun reuse = HedgeLedger.of(american, position, policy,
        Marking.of(SmileDynamics.STICKY_STRIKE, Revaluation.REUSE)).start();
    double worst = 0;
    int events = 0;
    // two weeks of five-minute events (78 a 6.5-hour day) at 30 % realized
    for (Observation o : SyntheticPath.gbm(21, 0, 100, 0, 0.3, 0.2, 10.0 / 252, 780)) {
      double e = exact.step(o).value(LedgerColumn.OPTION_VALUE);
      double r = reuse.step(o).value(LedgerColumn.OPTION_VALUE);
      if (events++ == 0) {
        double p = 1000 * american.price(OptionType.PUT, 100, 100, 0.5, 0.2, 0.05, 0.01)
            - 1000 * american.price(OptionType.PUT, 100, 95, 0.25, 0.24, 0.05, 0.01)
            + 1000 * american.price(OptionType.CALL, 100, 105, 0.5, 0.2, 0.05, 0.01);
        assertEquals(p, e, 1e-9);
        assertEquals(p, r, 1e-9);
      }
      worst = Math.max(worst, Math.abs(e - r));
    }
    // 1,000 options a leg: the book within 1e-4 per option of revaluing every event (measured 4e-5), at
    // under a tenth of the pricer calls (measured 6 %)
    assertTrue(worst < 3 * 1000 * 1e-4, "worst |reuse - exact| " + worst);
    assertTrue(reuse.revaluations() < 0.1 * 3 * events, reuse.revaluations() + " pricer calls for " + events);
    double pnl = exact.summary().value(SummaryItem.TOTAL_PNL);
    assertEquals(pnl, reuse.summary().value(SummaryItem.TOTAL_PNL), 1e-3 * Math.abs(pnl) + 0.1);
  }

  @Test
  void userFillsAreBookedAndTheRuleIsFollowedAlongside() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.DELTA).threshold(50).feeBps(1).build();
    HedgeLedger ledger = HedgeLedger.of(BSM, Position.of(CALL, PUT), policy);
    List<Observation> path = path(13, 100);
    // the rule's own trades, then the same trades given as fills: the same ledger
    List<Double> trades = new ArrayList<>();
    LedgerRun byRule = ledger.start();
    for (Observation o : path) {
      trades.add(byRule.step(o).tradeQuantity());
    }
    LedgerRun same = ledger.start();
    LedgerRun lazy = ledger.start();
    for (int k = 0; k < path.size(); k++) {
      Observation o = path.get(k);
      same.step(o.time(), o.spot(), o.vol(), Double.NaN, Double.NaN, trades.get(k), Double.NaN);
      // a lazy trader: hedges once at the start, then never
      lazy.step(o.time(), o.spot(), o.vol(), Double.NaN, Double.NaN, k == 0 ? trades.get(0) : 0, Double.NaN);
    }
    assertTrue(same.booksUserFills());
    assertEquals(byRule.summary().value(SummaryItem.TOTAL_PNL), same.summary().value(SummaryItem.TOTAL_PNL), 1e-9);
    assertEquals(byRule.summary().value(SummaryItem.TOTAL_PNL), lazy.ruleSummary().value(SummaryItem.TOTAL_PNL), 1e-9,
        "what the rule would have done");
    assertEquals(byRule.summary().value(SummaryItem.TOTAL_PNL), lazy.book(BookColumn.RULE_TOTAL_PNL), 1e-9);
    assertEquals(1, lazy.summary().value(SummaryItem.HEDGE_COUNT));
    assertEquals(trades.get(0), lazy.row().hedgePosition());
    assertThrows(InvalidInputException.class, () -> byRule.step(1, 100, 0.2, Double.NaN, Double.NaN, 5, Double.NaN));
  }

  @Test
  void aFillAtItsOwnPriceCountsTheDifferenceToTheMarkAsSlippage() {
    LedgerRun run = HedgeLedger.of(BSM, Position.of(CALL), HedgePolicy.builder().build()).start();
    run.step(0, 100, 0.2, Double.NaN, Double.NaN, -500, 99.9);
    assertEquals(-500 * (99.9 - 100), run.row().value(LedgerColumn.SLIPPAGE), 1e-9);
    assertEquals(500 * 99.9, run.row().value(LedgerColumn.TRADE_CASH), 1e-9);
  }

  @Test
  void aLegWhoseVolWouldTurnNegativeNamesTheRowAndLeg() {
    LedgerRun run = HedgeLedger.of(BSM, Position.of(CALL, PUT.withVol(0.1)), HedgePolicy.builder().build()).start();
    run.step(0, 100, 0.2, Double.NaN, Double.NaN);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> run.step(0.01, 100, 0.05, Double.NaN, Double.NaN));
    assertTrue(e.getMessage().contains("row 2: vol") && e.getMessage().contains("leg 2"), e.getMessage());
  }
}
