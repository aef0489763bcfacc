package org.gammaxl.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * The textbook exercise (Hull, <i>Options, Futures and Other Derivatives</i>, "delta hedging" tables):
 * a bank has sold 100,000 European calls, S₀ = 49, K = 50, r = 5 %, σ = 20 %, 20 weeks to expiry,
 * the stock drifts at μ = 13 %, and the bank rebalances its delta hedge weekly, borrowing at the
 * risk-free rate. The cumulative cost of hedging including interest is the bank's borrowed cash.
 *
 * <p>The stock path is our own (a seeded μ = 13 % walk rounded to cents, like the book's table);
 * the deltas come from the pricer; the cumulative cost is computed here line by line by hand, and the
 * engine's HEDGE_CASH must equal minus that cost to the cent every week.
 */
class HullTableTest {
  static final OptionPricer BSM = Model.BSM.pricer();
  static final double N = 100_000;
  static final double K = 50;
  static final double R = 0.05;
  static final double SIGMA = 0.20;
  static final double WEEK = 1 / 52.0;
  static final double T = 20 * WEEK;

  static double[] path(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] s = new double[21];
    s[0] = 49;
    for (int k = 1; k <= 20; k++) {
      double z = random.nextGaussian();
      double next = s[k - 1] * Math.exp((0.13 - 0.5 * SIGMA * SIGMA) * WEEK + SIGMA * Math.sqrt(WEEK) * z);
      s[k] = Math.round(next * 100) / 100.0;
    }
    return s;
  }

  void checkPath(long seed) {
    double[] s = path(seed);
    HedgeLedger ledger = HedgeLedger.of(BSM,
        Position.of(OptionLeg.of(OptionType.CALL, K, T, -N, 1)),
        HedgePolicy.builder().rate(R).build());
    List<Observation> obs = new ArrayList<>();
    for (int k = 0; k <= 20; k++) {
      obs.add(Observation.of(k * WEEK, s[k], SIGMA));
    }
    List<LedgerRow> rows = new ArrayList<>();
    ledger.run(obs, row -> rows.add(row.snapshot()));

    // Hand computation, week by week: shares held = delta × 100,000; cost of shares bought is
    // added to the cumulative cost; interest for the week = cost × (e^{r·Δt} − 1).
    double sharesHeld = 0;
    double cumulativeCost = 0;
    for (int k = 0; k <= 20; k++) {
      double interest = cumulativeCost * (Math.exp(R * WEEK) - 1);
      double shares;
      if (k < 20) {
        shares = BSM.greeks(OptionType.CALL, s[k], K, T - k * WEEK, SIGMA, R, 0).delta() * N;
      } else {
        shares = s[20] > K ? N : 0; // at expiry the call is exercised or not
      }
      double costOfSharesPurchased = (shares - sharesHeld) * s[k];
      cumulativeCost = cumulativeCost + interest + costOfSharesPurchased;
      sharesHeld = shares;
      if (k < 20) {
        assertEquals(-cumulativeCost, rows.get(k).hedgeCash(), 0.005, "week " + k);
        assertEquals(shares, rows.get(k).hedgePosition(), 1e-6, "week " + k);
      }
    }
    // Week 20: if exercised, the bank delivers 100,000 shares for K each; the cost of hedging is
    // the cumulative cost less the strike received. The engine closes the hedge at S_T and pays the
    // call's intrinsic value: the same money.
    double costOfHedging = cumulativeCost - (s[20] > K ? N * K : 0);
    LedgerRow last = rows.get(20);
    assertEquals(-costOfHedging, last.hedgeCash() + last.value(LedgerColumn.SETTLEMENT), 0.005);
    assertEquals(0, last.hedgePosition());
    assertEquals(0, last.value(LedgerColumn.OPTION_VALUE));
  }

  @Test
  void weeklyHedgedShortCallCostIncludingInterestToTheCent() {
    for (long seed = 1; seed <= 6; seed++) {
      checkPath(seed);
    }
  }

  @Test
  void dailyObservationsWithAWeeklyTimeRuleGiveTheSameWeeklyCosts() {
    // The same exercise observed every day (7 a week) but rebalanced by the TIME rule once a week:
    // between rebalances the engine only accrues interest, e^{r/364} seven times = e^{r/52}.
    double[] weekly = path(3);
    List<Observation> obs = new ArrayList<>();
    for (int d = 0; d <= 140; d++) {
      // daily spots: the weekly closes, with a wiggle in between that the weekly rule must ignore
      double s = d % 7 == 0 ? weekly[d / 7] : weekly[d / 7] + 0.37 * Math.sin(d);
      obs.add(Observation.of(d / 364.0, s, SIGMA));
    }
    HedgeLedger ledger = HedgeLedger.of(BSM, Position.of(OptionLeg.of(OptionType.CALL, K, T, -N, 1)),
        HedgePolicy.builder().rule(RebalanceRule.TIME).threshold(WEEK).rate(R).build());
    List<LedgerRow> rows = new ArrayList<>();
    ledger.run(obs, row -> rows.add(row.snapshot()));
    double sharesHeld = 0;
    double cumulativeCost = 0;
    for (int k = 0; k < 20; k++) {
      double interest = cumulativeCost * (Math.exp(R * WEEK) - 1);
      double shares = BSM.greeks(OptionType.CALL, weekly[k], K, T - k * WEEK, SIGMA, R, 0).delta() * N;
      cumulativeCost += interest + (shares - sharesHeld) * weekly[k];
      sharesHeld = shares;
      assertEquals(-cumulativeCost, rows.get(7 * k).hedgeCash(), 0.005, "week " + k);
      for (int d = 7 * k + 1; d < 7 * k + 7; d++) {
        assertEquals(0, rows.get(d).tradeQuantity(), "day " + d);
      }
    }
  }

  @Test
  void pathsFinishBothInAndOutOfTheMoney() {
    // so that both expiry branches of the hand computation above are exercised
    boolean in = false;
    boolean out = false;
    for (long seed = 1; seed <= 6; seed++) {
      double sT = path(seed)[20];
      in |= sT > K;
      out |= sT <= K;
    }
    assertEquals(true, in && out);
  }
}
