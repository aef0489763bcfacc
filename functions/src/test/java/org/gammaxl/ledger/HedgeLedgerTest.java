package org.gammaxl.ledger;

import static org.gammaxl.ledger.LedgerColumn.CARRY_PNL;
import static org.gammaxl.ledger.LedgerColumn.COST_PNL;
import static org.gammaxl.ledger.LedgerColumn.DELTA;
import static org.gammaxl.ledger.LedgerColumn.DELTA_PNL;
import static org.gammaxl.ledger.LedgerColumn.FEES;
import static org.gammaxl.ledger.LedgerColumn.GAMMA;
import static org.gammaxl.ledger.LedgerColumn.GAMMA_PNL;
import static org.gammaxl.ledger.LedgerColumn.OPTION_VALUE;
import static org.gammaxl.ledger.LedgerColumn.RESIDUAL_PNL;
import static org.gammaxl.ledger.LedgerColumn.SETTLEMENT;
import static org.gammaxl.ledger.LedgerColumn.SLIPPAGE;
import static org.gammaxl.ledger.LedgerColumn.THETA_PNL;
import static org.gammaxl.ledger.LedgerColumn.TOTAL_PNL;
import static org.gammaxl.ledger.LedgerColumn.TRADE_CASH;
import static org.gammaxl.ledger.LedgerColumn.TRADE_PRICE;
import static org.gammaxl.ledger.LedgerColumn.VEGA_PNL;
import static org.gammaxl.ledger.LedgerColumn.VOL;
import static org.gammaxl.ledger.LedgerColumn.YEARS_LEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeBands;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

class HedgeLedgerTest {
  static final OptionPricer BSM = Model.BSM.pricer();
  static final Position LONG_CALL = Position.of(OptionLeg.of(OptionType.CALL, 100, 0.5, 10, 100));

  static List<LedgerRow> rows(HedgeLedger ledger, Iterable<Observation> path) {
    List<LedgerRow> rows = new ArrayList<>();
    ledger.run(path, r -> rows.add(r.snapshot()));
    return rows;
  }

  static double attributed(LedgerRow r) {
    return r.value(DELTA_PNL) + r.value(GAMMA_PNL) + r.value(THETA_PNL) + r.value(VEGA_PNL) + r.value(CARRY_PNL)
        + r.value(COST_PNL);
  }

  // ------------------------------------------------------------------ attribution

  @Test
  void attributionIdentityHoldsOnEveryRow() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.DELTA).threshold(50).rate(0.03).yield(0.01)
        .feeBps(2).slippageBps(1).feePerContract(0.01).build();
    for (LedgerRow r : rows(HedgeLedger.of(BSM, LONG_CALL, policy), SyntheticPath.gbm(7, 0, 100, 0.1, 0.3, 0.2, 0.4, 400))) {
      assertEquals(r.totalPnl(), attributed(r) + r.value(RESIDUAL_PNL), 1e-9 * (1 + Math.abs(r.totalPnl())));
    }
  }

  @Test
  void residualIsSmallWhenHedgingFinely() {
    // 1,000 options hedged 4,000 times over a quarter at the marked vol with rates and a yield:
    // what gamma, theta, carry and the unhedged delta do not explain is third order in the step.
    Position position = Position.of(OptionLeg.of(OptionType.CALL, 100, 0.5, 10, 100));
    HedgePolicy policy = HedgePolicy.builder().rate(0.05).yield(0.02).build();
    List<LedgerRow> rows = rows(HedgeLedger.of(BSM, position, policy),
        SyntheticPath.gbm(11, 0, 100, 0.08, 0.35, 0.25, 0.25, 4000));
    LedgerRow last = rows.get(rows.size() - 1);
    double gamma = Math.abs(last.value(GAMMA_PNL));
    assertTrue(gamma > 100, "a meaningful gamma P&L: " + gamma);
    assertTrue(Math.abs(last.value(RESIDUAL_PNL)) < 0.01 * gamma, last.toString());
    // and the delta P&L of a hedge rebalanced every step is tiny too (only the hedge's own carry)
    assertTrue(Math.abs(last.value(DELTA_PNL)) < 0.01 * gamma, last.toString());
  }

  @Test
  void vegaPnlFollowsTheVolMarksAndMissingMarksCarryForward() {
    List<Observation> path = List.of(Observation.of(0, 100, 0.20), Observation.of(0.01, 100, 0.22),
        Observation.of(0.02, 100), Observation.of(0.03, 100, Double.NaN, Double.NaN, Double.NaN));
    List<LedgerRow> rows = rows(HedgeLedger.of(BSM, LONG_CALL, HedgePolicy.builder().build()), path);
    assertEquals(0.22, rows.get(2).value(VOL));
    assertEquals(0.22, rows.get(3).value(VOL));
    double vega0 = rows.get(0).value(LedgerColumn.VEGA);
    assertEquals(vega0 * 0.02, rows.get(1).value(VEGA_PNL), 1e-9);
    assertEquals(vega0 * 0.02, rows.get(3).value(VEGA_PNL), 1e-9); // no further vol change
  }

  // ------------------------------------------------------------------ expiry

  @Test
  void expiryInsideThePathSettlesAtIntrinsicAndClosesTheHedge() {
    Position position = Position.of(OptionLeg.of(OptionType.PUT, 100, 0.1, -5, 100));
    List<Observation> path = new ArrayList<>();
    double[] spots = {100, 98, 97, 95, 96, 94, 93};
    for (int k = 0; k < spots.length; k++) {
      path.add(Observation.of(k * 0.025, spots[k], 0.3)); // expiry 0.1 is row 5
    }
    List<LedgerRow> rows = rows(HedgeLedger.of(BSM, position, HedgePolicy.builder().rate(0.02).build()), path);
    LedgerRow expiry = rows.get(4);
    assertEquals(0, expiry.value(YEARS_LEFT));
    assertEquals(-5 * 100 * (100 - 96.0), expiry.value(SETTLEMENT), 1e-9);
    assertEquals(0, expiry.value(OPTION_VALUE));
    assertEquals(0, expiry.value(DELTA));
    assertEquals(0, expiry.hedgePosition());
    assertEquals(-rows.get(3).hedgePosition(), expiry.tradeQuantity(), 1e-12);
    for (LedgerRow later : rows.subList(5, rows.size())) {
      assertEquals(0, later.tradeQuantity());
      assertEquals(0, later.hedgePosition());
      // only interest moves the P&L after expiry
      assertEquals(expiry.totalPnl() * Math.exp(0.02 * (later.time() - expiry.time())), later.totalPnl(), 1e-6);
    }
  }

  // ------------------------------------------------------------------ rules

  static List<LedgerRow> ruleRows(HedgePolicy policy) {
    return rows(HedgeLedger.of(BSM, LONG_CALL, policy), SyntheticPath.gbm(3, 0, 100, 0, 0.3, 0.3, 0.2, 200));
  }

  static double netDeltaBefore(LedgerRow prev, LedgerRow r) {
    return r.value(DELTA) + prev.hedgePosition();
  }

  @Test
  void everyObservationRebalancesToNeutral() {
    for (LedgerRow r : ruleRows(HedgePolicy.builder().build())) {
      assertEquals(0, r.value(DELTA) + r.hedgePosition(), 1e-9);
      assertTrue(r.tradeQuantity() != 0);
    }
  }

  @Test
  void timeRuleTradesOnlyAfterTheInterval() {
    // 200 steps of 0.001 years; rebalance every 0.005 years → rows 0, 5, 10, …
    List<LedgerRow> rows = ruleRows(HedgePolicy.builder().rule(RebalanceRule.TIME).threshold(0.005).build());
    for (int k = 0; k < rows.size(); k++) {
      assertEquals(k % 5 == 0, rows.get(k).tradeQuantity() != 0, "row " + k);
    }
  }

  @Test
  void deltaBandTradesOnlyWhenNetDeltaLeavesTheBand() {
    double band = 40;
    for (HedgeTarget target : HedgeTarget.values()) {
      List<LedgerRow> rows = ruleRows(HedgePolicy.builder().rule(RebalanceRule.DELTA).threshold(band).target(target)
          .build());
      int trades = 0;
      for (int k = 1; k < rows.size(); k++) {
        LedgerRow r = rows.get(k);
        double before = netDeltaBefore(rows.get(k - 1), r);
        double after = r.value(DELTA) + r.hedgePosition();
        assertEquals(Math.abs(before) > band, r.tradeQuantity() != 0, "row " + k);
        if (r.tradeQuantity() != 0) {
          trades++;
          assertEquals(target == HedgeTarget.NEUTRAL ? 0 : Math.copySign(band, before), after, 1e-9);
        } else {
          assertTrue(Math.abs(after) <= band);
        }
      }
      assertTrue(trades > 3 && trades < 100, target + " trades " + trades);
    }
  }

  @Test
  void moveRulesTradeWhenTheSpotHasMovedEnoughSinceTheLastHedge() {
    List<LedgerRow> abs = ruleRows(HedgePolicy.builder().rule(RebalanceRule.MOVE).threshold(1.5).build());
    List<LedgerRow> pct = ruleRows(HedgePolicy.builder().rule(RebalanceRule.MOVE_PERCENT).threshold(0.015).build());
    for (List<LedgerRow> rows : List.of(abs, pct)) {
      boolean percent = rows == pct;
      double lastHedgeSpot = rows.get(0).spot();
      int trades = 0;
      for (int k = 1; k < rows.size(); k++) {
        LedgerRow r = rows.get(k);
        double move = percent ? Math.abs(r.spot() / lastHedgeSpot - 1) : Math.abs(r.spot() - lastHedgeSpot);
        boolean expected = move >= (percent ? 0.015 : 1.5);
        assertEquals(expected, r.tradeQuantity() != 0, "row " + k);
        if (expected) {
          lastHedgeSpot = r.spot();
          trades++;
          assertEquals(0, r.value(DELTA) + r.hedgePosition(), 1e-9);
        }
      }
      assertTrue(trades > 3, "trades " + trades);
    }
  }

  @Test
  void whalleyWilmottBandWidensWithCostsAndTradesLess() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.WW).threshold(0.01).feeBps(10).rate(0.01).build();
    List<LedgerRow> rows = ruleRows(policy);
    int trades = 0;
    for (int k = 1; k < rows.size(); k++) {
      LedgerRow r = rows.get(k);
      double h = HedgeBands.whalleyWilmott(0.01, r.value(YEARS_LEFT), 0.001, r.spot(), r.value(GAMMA), 0.01);
      double before = netDeltaBefore(rows.get(k - 1), r);
      assertEquals(Math.abs(before) > h, r.tradeQuantity() != 0, "row " + k);
      trades += r.tradeQuantity() != 0 ? 1 : 0;
    }
    assertTrue(trades > 3 && trades < 150, "trades " + trades);
  }

  @Test
  void lotSizeRoundsEveryHedge() {
    for (LedgerRow r : ruleRows(HedgePolicy.builder().lotSize(25).build())) {
      assertEquals(0, Math.IEEEremainder(r.hedgePosition(), 25), 1e-9);
      assertTrue(Math.abs(r.value(DELTA) + r.hedgePosition()) <= 12.5 + 1e-9);
    }
  }

  // ------------------------------------------------------------------ costs

  @Test
  void feesSlippageAndHalfSpreadByHand() {
    // long 10 calls x 100 hedged by selling delta x 1000 shares at the bid side
    HedgePolicy policy = HedgePolicy.builder().feeBps(5).feePerContract(0.01).slippageBps(2).useHalfSpread(true).build();
    LedgerRun run = HedgeLedger.of(BSM, LONG_CALL, policy).start();
    LedgerRow r = run.step(0, 100, 0.2, 99.9, 100.1);
    double q = r.tradeQuantity();
    assertTrue(q < -500);
    double price = 100 * (1 - 0.1 / 100) * (1 - 2e-4); // mark × (1 − half-spread) × (1 − slippage)
    assertEquals(price, r.value(TRADE_PRICE), 1e-12);
    assertEquals(-q * price, r.value(TRADE_CASH), 1e-9);
    assertEquals(-q * price * 5e-4 + -q * 0.01, r.value(FEES), 1e-9);
    assertEquals(q * (price - 100), r.value(SLIPPAGE), 1e-9);
    assertEquals(-(r.value(FEES) + r.value(SLIPPAGE)), r.totalPnl(), 1e-9);
    // no trade → no price
    LedgerRow same = run.step(0.001, 100, Double.NaN, Double.NaN, Double.NaN);
    assertTrue(same.tradeQuantity() != 0); // delta moved with time
    LedgerSummary s = run.summary();
    assertEquals(2, s.value(SummaryItem.HEDGE_COUNT));
  }

  @Test
  void noTradeRowHasNoTradePrice() {
    HedgePolicy policy = HedgePolicy.builder().rule(RebalanceRule.MOVE).threshold(5).build();
    LedgerRun run = HedgeLedger.of(BSM, LONG_CALL, policy).start();
    run.step(0, 100, 0.2, Double.NaN, Double.NaN);
    LedgerRow r = run.step(0.01, 101, 0.2, Double.NaN, Double.NaN);
    assertEquals(0, r.tradeQuantity());
    assertTrue(Double.isNaN(r.value(TRADE_PRICE)));
  }

  // ------------------------------------------------------------------ instruments

  @Test
  void futureHedgeMatchesTheSpotHedgeAndMarginedPerpsMissTheCarry() {
    SyntheticPath path = SyntheticPath.gbm(5, 0, 100, 0.05, 0.25, 0.25, 0.25, 2000);
    HedgePolicy spot = HedgePolicy.builder().rate(0.04).build();
    List<LedgerRow> spotRows = rows(HedgeLedger.of(BSM, LONG_CALL, spot), path);
    LedgerRow spotLast = spotRows.get(spotRows.size() - 1);
    double tolerance = 0.02 * Math.abs(spotLast.value(GAMMA_PNL));

    // A future F = S e^{rτ} carries the rate in its price: its roll-down pays what the spot
    // hedge's short-sale proceeds earn, so the two hedges make the same money up to second order.
    HedgePolicy future = spot.withInstrument(HedgeInstrument.FUTURE, 1, 1.0);
    List<LedgerRow> futureRows = rows(HedgeLedger.of(BSM, LONG_CALL, future), path);
    assertEquals(-futureRows.get(0).value(DELTA) * Math.exp(-0.04 * 1.0), futureRows.get(0).hedgePosition(), 1e-9);
    LedgerRow futureLast = futureRows.get(futureRows.size() - 1);
    assertEquals(spotLast.totalPnl(), futureLast.totalPnl(), tolerance);
    assertTrue(Math.abs(futureLast.value(RESIDUAL_PNL)) < tolerance);

    // A perpetual (funding not modelled) and an inverse contract track spot without carry: they
    // miss exactly the interest the spot hedge earns on its short-sale proceeds.
    double interestOnShortSale = 0;
    for (int k = 1; k < spotRows.size(); k++) {
      LedgerRow prev = spotRows.get(k - 1);
      interestOnShortSale += -prev.hedgePosition() * prev.spot() * Math.expm1(0.04 * (spotRows.get(k).time() - prev.time()));
    }
    HedgePolicy perp = spot.withInstrument(HedgeInstrument.PERP, 1, Double.NaN);
    HedgePolicy inverse = spot.withInstrument(HedgeInstrument.INVERSE, 100, Double.NaN);
    List<LedgerRow> perpRows = rows(HedgeLedger.of(BSM, LONG_CALL, perp), path);
    List<LedgerRow> inverseRows = rows(HedgeLedger.of(BSM, LONG_CALL, inverse), path);
    // one inverse contract of face 100 at S = 100 is one unit of underlying
    assertEquals(perpRows.get(0).hedgePosition(), inverseRows.get(0).hedgePosition(), 1e-9);
    LedgerRow perpLast = perpRows.get(perpRows.size() - 1);
    LedgerRow inverseLast = inverseRows.get(inverseRows.size() - 1);
    assertEquals(perpLast.totalPnl(), inverseLast.totalPnl(), 1e-6);
    assertEquals(spotLast.totalPnl() - interestOnShortSale, perpLast.totalPnl(), tolerance);
    assertTrue(Math.abs(perpLast.value(RESIDUAL_PNL)) < tolerance);

    // A perp whose funding equals the rate pays that interest back: it hedges like spot again.
    HedgePolicy funded = perp.toBuilder().fundingRate(0.04).build();
    LedgerRow fundedLast = rows(HedgeLedger.of(BSM, LONG_CALL, funded), path).get(perpRows.size() - 1);
    assertEquals(spotLast.totalPnl(), fundedLast.totalPnl(), tolerance);
    assertTrue(Math.abs(spotLast.totalPnl() - perpLast.totalPnl()) > 10 * Math.abs(spotLast.totalPnl()
        - fundedLast.totalPnl()));
  }

  // ------------------------------------------------------------------ summary

  @Test
  void summaryReportsRealizedVolExpectationAndBreakeven() {
    SyntheticPath path = SyntheticPath.gbm(9, 0, 100, 0, 0.3, 0.2, 0.5, 2000);
    LedgerSummary s = HedgeLedger.of(BSM, Position.of(OptionLeg.of(OptionType.CALL, 100, 0.5, 1, 1)),
        HedgePolicy.builder().build()).run(path);
    assertEquals(2001, s.value(SummaryItem.EVENTS));
    assertEquals(0.3, s.value(SummaryItem.REALIZED_VOL), 0.015); // 2,000 returns: sd of the estimate ≈ 0.3/√4000
    assertEquals(0.2, s.value(SummaryItem.IMPLIED_VOL), 1e-12);
    assertEquals(0.5 / 2000, s.value(SummaryItem.MEAN_PERIOD), 1e-15);
    assertTrue(s.value(SummaryItem.EXPECTED_PNL) > 0);
    // with Θ ≈ −½σ²S²Γ the breakeven move is ≈ σ·S·√Δt (rates are zero here, so exactly)
    assertEquals(0.2 * 100 * Math.sqrt(0.5 / 2000), s.value(SummaryItem.BREAKEVEN_MOVE), 1e-9);
    assertEquals(s.value(SummaryItem.TOTAL_PNL), s.entries().get(SummaryItem.TOTAL_PNL.ordinal()).getValue());
    assertEquals("TOTAL_PNL", s.entries().get(SummaryItem.TOTAL_PNL.ordinal()).getKey());
    assertEquals(LedgerColumn.values().length, LedgerRow.headers().size());
  }

  @Test
  void summaryRealizedVolIsTheIrregularCloseToCloseEstimator() {
    double[] times = {0, 0.004, 0.005, 0.011, 0.0111, 0.02, 0.021};
    double[] spots = {100, 101.2, 100.7, 99.1, 99.3, 102.0, 101.1};
    List<Observation> path = new ArrayList<>();
    for (int k = 0; k < times.length; k++) {
      path.add(Observation.of(times[k], spots[k], 0.2));
    }
    LedgerSummary s = HedgeLedger.of(BSM, LONG_CALL, HedgePolicy.builder().build()).run(path);
    assertEquals(org.gammaxl.vol.RealizedVolatility.closeToClose(times, spots), s.value(SummaryItem.REALIZED_VOL), 1e-12);
  }

  @Test
  void multiLegPositionHedgesTheNetDelta() {
    // long straddle plus a short call spread leg, different multipliers and expiries
    Position book = Position.of(OptionLeg.of(OptionType.CALL, 100, 0.5, 10, 100),
        OptionLeg.of(OptionType.PUT, 100, 0.5, 10, 100), OptionLeg.of(OptionType.CALL, 110, 0.25, -20, 50));
    LedgerRow r = HedgeLedger.of(BSM, book, HedgePolicy.builder().rate(0.03).build()).start()
        .step(0, 104, 0.25, Double.NaN, Double.NaN);
    double delta = 1000 * BSM.greeks(OptionType.CALL, 104, 100, 0.5, 0.25, 0.03, 0).delta()
        + 1000 * BSM.greeks(OptionType.PUT, 104, 100, 0.5, 0.25, 0.03, 0).delta()
        - 1000 * BSM.greeks(OptionType.CALL, 104, 110, 0.25, 0.25, 0.03, 0).delta();
    assertEquals(delta, r.value(DELTA), 1e-9);
    assertEquals(-delta, r.hedgePosition(), 1e-9);
    assertEquals(0.25, r.value(YEARS_LEFT), 1e-15);
  }

  @Test
  void policyWithersAndKeywords() {
    HedgePolicy p = HedgePolicy.builder().rule(RebalanceRule.parse("move%")).threshold(0.01)
        .target(HedgeTarget.parse("edge")).build();
    assertEquals(RebalanceRule.MOVE_PERCENT, p.rule());
    assertEquals(HedgeTarget.BAND_EDGE, p.target());
    HedgePolicy q = p.withRule(RebalanceRule.WW, 2).withCosts(3, 0.5, 1, true).withRates(0.04, 0.01);
    assertEquals(RebalanceRule.WW, q.rule());
    assertEquals(2, q.threshold());
    assertEquals(3, q.feeBps());
    assertEquals(0.04, q.rate());
    assertEquals(RebalanceRule.MOVE_PERCENT, p.rule()); // p unchanged
    assertEquals("feeBps", assertThrows(InvalidInputException.class, () -> p.withCosts(-1, 0, 0, false)).argument());
    assertThrows(InvalidInputException.class, () -> RebalanceRule.parse("sometimes"));
  }

  // ------------------------------------------------------------------ bad input

  static InvalidInputException bad(Observation... path) {
    return assertThrows(InvalidInputException.class,
        () -> HedgeLedger.of(BSM, LONG_CALL, HedgePolicy.builder().build()).run(List.of(path)));
  }

  @Test
  void badInputNamesTheRowAndField() {
    assertEquals("row 3: time", bad(Observation.of(0, 100, 0.2), Observation.of(0.1, 100), Observation.of(0.1, 100))
        .argument());
    assertEquals("row 2: time", bad(Observation.of(0.1, 100, 0.2), Observation.of(0.05, 100)).argument());
    assertEquals("row 2: spot", bad(Observation.of(0, 100, 0.2), Observation.of(0.1, -1)).argument());
    assertEquals("row 1: spot", bad(Observation.of(0, Double.NaN, 0.2)).argument());
    assertEquals("row 1: time", bad(Observation.of(0.5, 100, 0.2)).argument()); // starts at expiry
    assertEquals("row 1: vol", bad(Observation.of(0, 100)).argument());
    assertEquals("row 2: vol", bad(Observation.of(0, 100, 0.2), Observation.of(0.1, 100, -0.2)).argument());
    assertEquals("row 2: ask", bad(Observation.of(0, 100, 0.2), Observation.of(0.1, 100, 0.2, 99, Double.NaN))
        .argument());
    assertEquals("row 1: ask", bad(Observation.of(0, 100, 0.2, 101, 99)).argument());
    assertEquals(InvalidInputException.Kind.NOT_AVAILABLE, bad().kind());
    assertThrows(InvalidInputException.class, () -> HedgeLedger.of(BSM, LONG_CALL,
        HedgePolicy.builder().instrument(HedgeInstrument.FUTURE).futureExpiry(0.25).build()));
    assertThrows(InvalidInputException.class, () -> HedgePolicy.builder().rule(RebalanceRule.TIME).build());
  }
}
