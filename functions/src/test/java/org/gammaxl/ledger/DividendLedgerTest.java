package org.gammaxl.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * Cash dividends in the ledger: each leg valued with the dividends still ahead of it (the escrowed model, as
 * GX.PRICE), the hedge's shares paid the cash on each ex-date inside the path. Hull's example 15.x: S 40, K 40,
 * r 9 %, σ 30 %, T 0.5 y, 0.50 dividends at 2 and 5 months; European call 3.67 under the escrowed model.
 */
class DividendLedgerTest {
  static final double[] EX = {2.0 / 12, 5.0 / 12};
  static final double[] AMOUNT = {0.5, 0.5};
  static final CashDividends HULL = CashDividends.of(EX, AMOUNT, Double.POSITIVE_INFINITY);

  /** 126 daily events over the option's half year on a fixed-seed GBM path at 30 % from 40. */
  static double[][] path() {
    int n = 126;
    double[] t = new double[n];
    double[] s = new double[n];
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    double spot = 40;
    for (int i = 0; i < n; i++) {
      t[i] = i * (0.5 / n);
      s[i] = spot;
      spot *= Math.exp(0.3 * Math.sqrt(0.5 / n) * random.nextGaussian());
    }
    return new double[][] {t, s};
  }

  static LedgerRun run(Model model, OptionType type, HedgePolicy policy, Revaluation revaluation) {
    Position book = Position.of(OptionLeg.of(type, 40, 0.5, 1, 100));
    return HedgeLedger.of(model.pricer(), book, policy, Marking.of(SmileDynamics.STICKY_STRIKE, revaluation))
        .start();
  }

  @Test
  void theFirstRowsValueIsGxPriceWithTheSameDividendsHullsThreeSixtySeven() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.09).dividends(HULL).build();
    LedgerRow first = run(Model.BSM, OptionType.CALL, policy, Revaluation.EVERY_EVENT).step(0, 40, 0.3, Double.NaN,
        Double.NaN);
    double price = Dividends.price(Model.BSM, OptionType.CALL, 40, 40, 0.5, 0.3, 0.09, 0,
        CashDividends.of(EX, AMOUNT, 0.5));
    assertEquals(price * 100, first.value(LedgerColumn.OPTION_VALUE), 1e-13 * price * 100);
    assertEquals(3.67, price, 0.005); // Hull, Options, Futures and Other Derivatives, the escrowed example
    double theta = Dividends.greeks(Model.BSM, OptionType.CALL, 40, 40, 0.5, 0.3, 0.09, 0,
        CashDividends.of(EX, AMOUNT, 0.5)).theta();
    assertEquals(theta * 100, first.value(LedgerColumn.THETA), 1e-9 * Math.abs(theta * 100));
  }

  @Test
  void anAmericanLegsFirstValueIsGxPriceAmericanWithTheDividends() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.09).dividends(HULL).build();
    for (Revaluation revaluation : Revaluation.values()) {
      LedgerRow first = run(Model.AMERICAN, OptionType.CALL, policy, revaluation).step(0, 40, 0.3, Double.NaN,
          Double.NaN);
      double price = Dividends.price(Model.AMERICAN, OptionType.CALL, 40, 40, 0.5, 0.3, 0.09, 0,
          CashDividends.of(EX, AMOUNT, 0.5));
      assertEquals(price * 100, first.value(LedgerColumn.OPTION_VALUE), 1e-9 * price * 100, revaluation.name());
    }
  }

  /**
   * REUSE carries the early-exercise premium between pricings and re-prices it at the first row after an ex-date,
   * where it jumps: on a flat spot every ~2 hours across the first ex-date (no spot, time or vol trigger), its
   * values are GX.PRICE's with the dividends still ahead.
   */
  @Test
  void anAmericanPutWithDividendsUnderReuseIsRepricedAfterTheExDate() {
    HedgePolicy policy = HedgePolicy.builder().rate(0.09).dividends(HULL).build();
    LedgerRun reuse = run(Model.AMERICAN, OptionType.PUT, policy, Revaluation.REUSE);
    double worst = 0;
    for (int i = 0; i < 12; i++) {
      double t = 0.1655 + 0.00025 * i;
      double carried = reuse.step(t, 40, 0.3, Double.NaN, Double.NaN).value(LedgerColumn.OPTION_VALUE);
      double exact = Dividends.price(Model.AMERICAN, OptionType.PUT, 40, 40, 0.5 - t, 0.3, 0.09, 0,
          HULL.ahead(t, 0.5));
      worst = Math.max(worst, Math.abs(carried / 100 - exact));
    }
    assertEquals(2, reuse.revaluations(), "the first row and the first row after the ex-date");
    assertTrue(worst < 1e-3, "worst REUSE error per option " + worst);
  }

  @Test
  void theHedgesSharesReceiveTheAmountOnEachExDateAndTheAttributionStillAddsUp() {
    double[][] p = path();
    HedgePolicy withDividends = HedgePolicy.builder().rate(0.09).dividends(HULL).build();
    for (OptionType type : OptionType.values()) {
      LedgerRun run = run(Model.BSM, type, withDividends, Revaluation.EVERY_EVENT);
      double expected = 0;
      double held = 0;
      int exDate = 0;
      for (int i = 0; i < p[0].length; i++) {
        if (exDate < EX.length && p[0][i] >= EX[exDate]) {
          expected += held * AMOUNT[exDate]; // shares held over the step that holds the ex-date
          exDate++;
        }
        held = run.step(p[0][i], p[1][i], 0.3, Double.NaN, Double.NaN).hedgePosition();
      }
      LedgerSummary s = run.summary();
      assertEquals(2, exDate);
      assertTrue(Math.abs(expected) > 10, type + ": dividends worth checking " + expected);
      assertEquals(expected, s.value(SummaryItem.DIVIDENDS), 1e-12 * Math.abs(expected), type.name());
      // zero costs, hedged every event: the residual is the discrete-hedging error of the same path without
      // dividends, give or take 2 % of the dividend cash (an attribution on the ex-dividend spot move would leave
      // Δ·D, about the cash itself, in it)
      double residual = s.value(SummaryItem.RESIDUAL_PNL);
      LedgerRun plain = run(Model.BSM, type, HedgePolicy.builder().rate(0.09).build(), Revaluation.EVERY_EVENT);
      for (int i = 0; i < p[0].length; i++) {
        plain.step(p[0][i], p[1][i], 0.3, Double.NaN, Double.NaN);
      }
      double plainResidual = plain.summary().value(SummaryItem.RESIDUAL_PNL);
      assertEquals(plainResidual, residual, 0.02 * Math.abs(expected), type + ": residual vs without dividends");
      double sum = s.value(SummaryItem.DELTA_PNL) + s.value(SummaryItem.GAMMA_PNL) + s.value(SummaryItem.THETA_PNL)
          + s.value(SummaryItem.VEGA_PNL) + s.value(SummaryItem.CARRY_PNL) + s.value(SummaryItem.COST_PNL) + residual;
      assertEquals(s.value(SummaryItem.TOTAL_PNL), sum, 1e-9 * Math.abs(s.value(SummaryItem.TOTAL_PNL)) + 1e-9);
    }
  }

  @Test
  void dividendsNeedAStockHedgeAndASpotAboveTheirValue() {
    InvalidInputException future = assertThrows(InvalidInputException.class, () -> HedgePolicy.builder()
        .instrument(HedgeInstrument.FUTURE).futureExpiry(1).dividends(HULL).build());
    assertEquals("div_times", future.argument());
    HedgePolicy huge = HedgePolicy.builder().dividends(CashDividends.of(new double[] {0.25}, new double[] {45},
        Double.POSITIVE_INFINITY)).build();
    InvalidInputException spot = assertThrows(InvalidInputException.class,
        () -> run(Model.BSM, OptionType.PUT, huge, Revaluation.EVERY_EVENT).step(0, 40, 0.3, Double.NaN, Double.NaN));
    assertEquals("row 1: div_amounts", spot.argument());
  }
}
