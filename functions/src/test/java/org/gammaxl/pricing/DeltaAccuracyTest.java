package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The single delta ({@code GX.DELTA}, {@link BlackScholesMerton#greek} with {@link Greek#DELTA}) against its exact
 * value at the binary inputs, ψ·e^{(b−r)T}·Φ(ψ·d1) with d1 = (ln(S/K) + (b + σ²/2)T)/(σ√T), in 60 digits
 * ({@link LognormalPriceAccuracyTest#ln}, {@link NormalTest#cdfExact}). The bound is c·ε·condition·|Δ| with the
 * condition of Φ(ψd1) in the rounding of d1, which any double computation makes about
 * ε·(1 + |ln(S/K)| + |bT|)/(σ√T) + ε·σ√T in absolute terms (the 1 for the rounding of S/K, whose logarithm moves by
 * its relative error): 1 + φ(d1)/Φ(ψd1)·((1 + |ln(S/K)| + |bT|)/(σ√T) + σ√T). The delta is computed by its own short chain
 * (the Taylor series of Φ in the center, {@link Normal#scaledCdf}), so it is checked by itself here.
 */
class DeltaAccuracyTest {
  private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
  private static final double EPS = Math.ulp(1.0);

  @Test
  void singleDeltaIsTheExactValueToAFewUlpsAcrossStrikesExpiriesAndCarry() {
    int cases = 0;
    double worst = 0;
    String worstCase = "";
    for (double years : new double[] {1.0 / 8760, 1.0 / 365, 0.1, 0.5, 1, 10}) {
      for (double vol : new double[] {0.05, 0.25, 1.2}) {
        for (double[] rq : new double[][] {{0.05, 0.02}, {-0.01, 0.03}, {0.03, 0.0}}) {
          double rate = rq[0];
          double yield = rq[1];
          double sd = vol * Math.sqrt(years);
          BigDecimal exactYears = new BigDecimal(years);
          BigDecimal exactSd = new BigDecimal(vol).multiply(exactYears.sqrt(MC), MC);
          BigDecimal carry = new BigDecimal(rate).subtract(new BigDecimal(yield));
          BigDecimal cf = NormalTest.exp(new BigDecimal(-yield).multiply(exactYears, MC));
          for (double m = -8; m <= 8; m += 0.25) {
            double strike = 100 * Math.exp(m * sd);
            BigDecimal x = LognormalPriceAccuracyTest.ln(BigDecimal.valueOf(100).divide(new BigDecimal(strike), MC))
                .add(carry.multiply(exactYears, MC), MC);
            BigDecimal d1 = x.divide(exactSd, MC).add(exactSd.divide(BigDecimal.valueOf(2), MC), MC);
            for (OptionType type : OptionType.values()) {
              int psi = type.sign();
              BigDecimal tail = NormalTest.cdfExact(d1.multiply(BigDecimal.valueOf(psi), MC));
              BigDecimal exact = cf.multiply(tail, MC).multiply(BigDecimal.valueOf(psi), MC);
              double expected = exact.doubleValue();
              if (Math.abs(expected) < 1e-290) {
                continue;
              }
              double delta = BlackScholesMerton.INSTANCE.greek(Greek.DELTA, type, 100, strike, years, vol, rate, yield);
              double d = d1.doubleValue();
              double density = Normal.pdf(d) / tail.doubleValue();
              double condition = 1 + density * ((1 + Math.abs(Math.log(100 / strike)) + Math.abs((rate - yield) * years))
                  / sd + sd);
              double error = exact.subtract(new BigDecimal(delta), MC).abs().doubleValue()
                  / (EPS * condition * Math.abs(expected));
              String where = type + " K=" + strike + " T=" + years + " vol=" + vol + " r=" + rate + " q=" + yield
                  + " expected=" + expected + " delta=" + delta;
              assertTrue(error <= 4, where + " error/(ε·condition·|Δ|)=" + error);
              if (error > worst) {
                worst = error;
                worstCase = where;
              }
              cases++;
            }
          }
        }
      }
    }
    System.out.printf("Single delta vs 60 digits: %d cases, worst error %.3g ε·condition·|Δ| (%s)%n", cases, worst,
        worstCase);
    assertTrue(cases > 5000, "cases " + cases);
  }
}
