package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ultima (∂³V/∂σ³) on the cash-dividend lattice: European exercise against Black-Scholes, American not offered. */
class LatticeUltimaTest {
  private static final double[][] CASES = {{100, 100, 0.5, 0.2}, {100, 120, 1, 0.3}, {100, 80, 0.25, 0.25},
      {40, 40, 0.5, 0.3}};

  @Test
  void theEuropeanLatticesUltimaWithoutDividendsIsBlackScholesUltima() {
    for (double[] c : CASES) {
      for (OptionType t : OptionType.values()) {
        double bsm = BlackScholesMerton.INSTANCE.greek(Greek.ULTIMA, t, c[0], c[1], c[2], c[3], 0.05, 0.01);
        double one = DividendLattice.EUROPEAN.greek(Greek.ULTIMA, t, c[0], c[1], c[2], c[3], 0.05, 0.01,
            CashDividends.NONE);
        double all = DividendLattice.EUROPEAN.greeks(t, c[0], c[1], c[2], c[3], 0.05, 0.01, CashDividends.NONE)
            .get(Greek.ULTIMA);
        assertEquals(bsm, one, 2e-3 * Math.abs(bsm), t + " " + java.util.Arrays.toString(c));
        assertEquals(one, all, 0.0);
      }
    }
  }

  @Test
  void withDividendsTheUltimaIsTheThirdVolDerivativeOfTheLatticeValue() {
    CashDividends d = CashDividends.of(new double[] {2 / 12.0, 5 / 12.0}, new double[] {0.5, 0.5}, 0.5);
    double u = DividendLattice.EUROPEAN.greek(Greek.ULTIMA, OptionType.CALL, 40, 40, 0.5, 0.3, 0.09, 0, d);
    // vomma (three grids at ±1 vol point) differenced again over ±2 vol points: a coarser, independent estimate
    double h = 0.02;
    double up = DividendLattice.EUROPEAN.greek(Greek.VOMMA, OptionType.CALL, 40, 40, 0.5, 0.3 + h, 0.09, 0, d);
    double down = DividendLattice.EUROPEAN.greek(Greek.VOMMA, OptionType.CALL, 40, 40, 0.5, 0.3 - h, 0.09, 0, d);
    assertEquals((up - down) / (2 * h), u, 0.03 * Math.abs(u));
  }

  @Test
  void theAmericanLatticeDoesNotOfferUltima() {
    assertTrue(Double.isNaN(DividendLattice.AMERICAN.greek(Greek.ULTIMA, OptionType.PUT, 40, 40, 0.5, 0.3, 0.09, 0,
        CashDividends.NONE)));
    assertTrue(Double.isNaN(DividendLattice.AMERICAN.greeks(OptionType.PUT, 40, 40, 0.5, 0.3, 0.09, 0,
        CashDividends.NONE).get(Greek.ULTIMA)));
  }
}
