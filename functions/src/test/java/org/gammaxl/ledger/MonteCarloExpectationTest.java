package org.gammaxl.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gammaxl.hedge.GammaScalping;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * The trader formulas against the engine averaged over many simulated paths (fixed seeds, so the
 * tests are deterministic). Tolerances are statistical: the Monte Carlo standard error is estimated
 * from the same sample and the comparison allows 4 standard errors (a 6e-5 chance of a false
 * failure for a correct formula were the seeds random) plus the stated discretisation allowance.
 */
class MonteCarloExpectationTest {
  static final OptionPricer BSM = Model.BSM.pricer();
  static final double S0 = 100;
  static final double K = 100;
  static final double T = 0.5;
  static final double R = 0.05;

  /** Mean and standard error of the discounted final P&amp;L of a long call hedged every step. */
  static double[] simulate(double realizedVol, double impliedVol, double drift, int steps, int paths,
      HedgePolicy policy) {
    HedgeLedger ledger = HedgeLedger.of(BSM, Position.of(OptionLeg.of(OptionType.CALL, K, T, 1, 1)), policy);
    double sum = 0;
    double sum2 = 0;
    double expectedSum = 0;
    for (int p = 0; p < paths; p++) {
      LedgerSummary s = ledger.run(SyntheticPath.gbm(1000 + p, 0, S0, drift, realizedVol, impliedVol, T, steps));
      double pv = s.value(SummaryItem.TOTAL_PNL) * Math.exp(-R * T);
      sum += pv;
      sum2 += pv * pv;
      expectedSum += s.value(SummaryItem.EXPECTED_PNL);
    }
    double mean = sum / paths;
    double sd = Math.sqrt((sum2 / paths - mean * mean) * paths / (paths - 1));
    return new double[] {mean, sd / Math.sqrt(paths), sd, expectedSum / paths};
  }

  @Test
  void hedgingAtImpliedVolEarnsAhmadWilmottExpectation() {
    // Long a call bought at 20 % implied, spot realises 30 % with 10 % drift, daily hedge at implied.
    double formula = GammaScalping.expectedPnlHedgedAtImplied(S0, K, T, 0.30, 0.20, R, 0, 0.10);
    double[] mc = simulate(0.30, 0.20, 0.10, 126, 2000, HedgePolicy.builder().rate(R).build());
    // Daily instead of continuous hedging adds noise but no first-order bias; 4 standard errors.
    assertEquals(formula, mc[0], 4 * mc[1], () -> "formula " + formula + " MC " + mc[0] + " ± " + mc[1]);
    // The summary's Σ ½ΓS²(σ_r² − σ_i²)Δt has the same expectation (undiscounted, so within 3 % more).
    assertEquals(formula, mc[3] * Math.exp(-R * T), 0.05 * formula + 4 * mc[1]);
  }

  @Test
  void hedgingAtRealizedVolLocksInTheValueDifference() {
    // Valued at 20 % but hedged with the delta at the 30 % that the spot realises: the P&L is
    // V(σ_r) − V(σ_i) on every path, up to the discrete-hedging error (mean zero, sd ≈ 0.89/√N of vega·σ).
    double locked = GammaScalping.realizedVolHedgePnl(BSM, OptionType.CALL, S0, K, T, 0.30, 0.20, R, 0);
    double[] mc = simulate(0.30, 0.20, 0.10, 126, 400,
        HedgePolicy.builder().rate(R).hedgeVol(0.30).build());
    assertEquals(locked, mc[0], 4 * mc[1]);
    double vega = BSM.greeks(OptionType.CALL, S0, K, T, 0.30, R, 0).vega();
    // path-to-path dispersion is only the discrete-hedging error, not the vol mismatch
    assertEquals(GammaScalping.hedgingErrorStdev(vega, 0.30, 126), mc[2], 0.25 * mc[2]);
  }

  @Test
  void discreteHedgingErrorMatchesDermanKamal() {
    // Realized = implied = 20 %: the only P&L is the discrete-hedging error, with standard deviation
    // ≈ √(π/4)·vega·σ/√N. 1,000 paths estimate a standard deviation to ≈ 2.2 % (1/√(2·1000)); the
    // formula itself is an asymptotic approximation (drops terms of relative order 1/N and the
    // gamma's variation along the path), so we allow 10 %.
    for (int n : new int[] {26, 104}) {
      double[] mc = simulate(0.20, 0.20, 0.05, n, 1000, HedgePolicy.builder().rate(R).build());
      double vega = BSM.greeks(OptionType.CALL, S0, K, T, 0.20, R, 0).vega();
      double formula = GammaScalping.hedgingErrorStdev(vega, 0.20, n);
      assertEquals(formula, mc[2], 0.10 * formula, "N = " + n);
      assertEquals(0, mc[0], 4 * mc[1], "no bias, N = " + n);
    }
  }
}
