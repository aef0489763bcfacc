package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Which dividends an option sees, and the bad input that names its argument. */
class CashDividendsTest {

  @Test
  void dividendsBeforeNowOrAfterExpiryAreIgnored() {
    CashDividends d = CashDividends.of(new double[] {-0.1, 0, 0.3, 0.5, 0.7}, new double[] {1, 2, 3, 4, 5}, 0.5);
    assertEquals(3, d.size());
    assertEquals(0.0, d.time(0));
    assertEquals(0.5, d.time(2));
    assertEquals(2 + 3 + 4, d.amount(0) + d.amount(1) + d.amount(2));
  }

  @Test
  void zeroAmountsAreNoDividends() {
    assertTrue(CashDividends.of(new double[] {0.1, 0.2}, new double[] {0, 0}, 1).isEmpty());
  }

  @Test
  void presentValueDiscountsEachAmountFromItsExDate() {
    CashDividends d = CashDividends.of(new double[] {2 / 12.0, 5 / 12.0}, new double[] {0.5, 0.5}, 0.5);
    assertEquals(0.5 * Math.exp(-0.09 * 2 / 12) + 0.5 * Math.exp(-0.09 * 5 / 12), d.presentValue(0.09, 0.5), 1e-15);
  }

  @Test
  void unsortedTimesNameDivTimes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CashDividends.of(new double[] {0.4, 0.2}, new double[] {1, 1}, 1));
    assertEquals("div_times", e.argument());
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
  }

  @Test
  void negativeAmountsNameDivAmounts() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CashDividends.of(new double[] {0.2, 0.4}, new double[] {1, -1}, 1));
    assertEquals("div_amounts", e.argument());
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
  }

  @Test
  void rangesOfDifferentSizesNameDivAmounts() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CashDividends.of(new double[] {0.2, 0.4}, new double[] {1}, 1));
    assertEquals("div_amounts", e.argument());
    assertEquals(InvalidInputException.Kind.TYPE, e.kind());
  }

  @Test
  void discountFactorsAreExponentialsToAFewUlps() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double x = random.nextDouble(-0.7, 0.7);
      double exact = StrictMath.exp(x); // fdlibm, within an ulp
      assertEquals(exact, CashDividends.discount(x), 2 * Math.ulp(exact), "x = " + x);
    }
  }
}
