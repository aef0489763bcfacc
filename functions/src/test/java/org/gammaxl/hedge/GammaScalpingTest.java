package org.gammaxl.hedge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The trader formulas; the Monte Carlo checks against the ledger engine are in the ledger package. */
class GammaScalpingTest {

  @Test
  void breakevenMoveIsTheImpliedOnePeriodMoveForABlackScholesTheta() {
    // with r = q = 0, Θ = −½σ²S²Γ, so √(2|Θ|Δt/Γ) = σ·S·√Δt: 20 % on 100 over a day
    double gamma = 0.0398;
    double theta = -0.5 * 0.04 * 100 * 100 * gamma;
    assertEquals(0.2 * 100 * Math.sqrt(1 / 365.0), GammaScalping.breakevenMove(theta, gamma, 1 / 365.0), 1e-12);
    // a move of exactly the breakeven scalps zero
    double move = GammaScalping.breakevenMove(theta, gamma, 1 / 365.0);
    assertEquals(0, GammaScalping.scalpPnl(gamma, move, theta, 1 / 365.0), 1e-12);
    assertEquals("gamma", assertThrows(InvalidInputException.class,
        () -> GammaScalping.breakevenMove(theta, 0, 1)).argument());
  }

  @Test
  void expectedStepPnl() {
    assertEquals(0.5 * 0.04 * 10_000 * (0.09 - 0.04) / 365, GammaScalping.expectedStepPnl(0.04, 100, 0.3, 0.2,
        1 / 365.0), 1e-15);
  }

  @Test
  void ahmadWilmottInnerExpectationAgreesWithBruteForceIntegration() {
    // E[S_s² Γ_i(S_s, s)] under the real-world lognormal law, done here by brute-force quadrature
    // over the density of S_s instead of the closed form, at several times s.
    double s0 = 100;
    double k = 110;
    double t = 1;
    double sr = 0.35;
    double si = 0.25;
    double r = 0.03;
    double q = 0.01;
    double mu = 0.08;
    for (double s : new double[] {0.01, 0.25, 0.5, 0.9, 0.99}) {
      double tau = t - s;
      // trapezoid rule in the standard normal x of S_s = S₀e^{(μ−σ²/2)s + σ√s·x}, step 0.001 on
      // [−10, 10]: the integrand is smooth and decays like a Gaussian, so the rule converges
      // exponentially fast (its narrowest feature here, at s = 0.99, is ≈ 0.07 wide in x)
      double h = 0.001;
      double bruteForce = 0;
      for (int i = -10_000; i <= 10_000; i++) {
        double x = i * h;
        double spot = s0 * Math.exp((mu - 0.5 * sr * sr) * s + sr * Math.sqrt(s) * x);
        double d1 = (Math.log(spot / k) + (r - q + 0.5 * si * si) * tau) / (si * Math.sqrt(tau));
        double gamma = Math.exp(-q * tau) * phi(d1) / (spot * si * Math.sqrt(tau));
        bruteForce += (Math.abs(i) == 10_000 ? 0.5 : 1.0) * h * phi(x) * spot * spot * gamma;
      }
      assertEquals(bruteForce, GammaScalping.expectedCashGamma(s, s0, k, t, sr, si, r, q, mu), 1e-9 * bruteForce,
          "s = " + s);
    }
    // at s = 0 it is today's S²Γ
    double d1 = (Math.log(s0 / k) + (r - q + 0.5 * si * si) * t) / (si * Math.sqrt(t));
    assertEquals(s0 * Math.exp(-q * t) * phi(d1) / (si * Math.sqrt(t)),
        GammaScalping.expectedCashGamma(0, s0, k, t, sr, si, r, q, mu), 1e-12);
    // no vol edge, no expected P&L
    assertEquals(0, GammaScalping.expectedPnlHedgedAtImplied(s0, k, t, si, si, r, q, mu));
  }

  @Test
  void dermanKamalAtTheMoneyIsAbout0point89OverRootNOfThePremium() {
    // ATM, r = q = 0: vega = S√T·n(σ√T/2), premium ≈ S·σ√T·n(0); ratio → √(π/4)/√N
    double vega = 100 * Math.sqrt(0.5) * 0.3989;
    assertEquals(Math.sqrt(Math.PI / 4) * vega * 0.2 / 10, GammaScalping.hedgingErrorStdev(vega, 0.2, 100), 1e-12);
    assertEquals("rebalances", assertThrows(InvalidInputException.class,
        () -> GammaScalping.hedgingErrorStdev(vega, 0.2, 0.5)).argument());
  }

  static double phi(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }
}
