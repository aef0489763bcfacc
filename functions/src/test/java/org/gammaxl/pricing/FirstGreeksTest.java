package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link OptionPricer#firstGreeks} hands back exactly the first five entries of {@link OptionPricer#greeks}. */
class FirstGreeksTest {
  private static final double[] SPOTS = {40, 95, 100, 100.0000001, 105, 250};
  private static final double[] YEARS = {0, 1e-9, 0.02, 0.5, 3, 30};
  private static final double[] VOLS = {0, 0.001, 0.2, 1.5};
  private static final double[] RATES = {-0.01, 0, 0.05};

  @Test
  void lognormalPricersMatchTheirFullGreeksBitForBit() {
    for (OptionPricer pricer : new OptionPricer[] {BlackScholesMerton.INSTANCE, Model.BLACK76.pricer()}) {
      assertSameAsGreeks(pricer);
    }
  }

  @Test
  void theDefaultCopiesFromGreeks() {
    assertSameAsGreeks(Model.BACHELIER.pricer());
  }

  @Test
  void badInputIsRejectedNamingTheArgument() {
    double[] out = new double[OptionPricer.FIRST_GREEKS];
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> BlackScholesMerton.INSTANCE.firstGreeks(OptionType.CALL, 100, -1, 1, 0.2, 0.01, 0, out));
    assertEquals("strike", e.argument());
  }

  private static void assertSameAsGreeks(OptionPricer pricer) {
    double[] out = new double[OptionPricer.FIRST_GREEKS];
    for (OptionType type : OptionType.values()) {
      for (double s : SPOTS) {
        for (double t : YEARS) {
          for (double vol : VOLS) {
            for (double r : RATES) {
              Greeks g = pricer.greeks(type, s, 100, t, vol, r, 0.02);
              pricer.firstGreeks(type, s, 100, t, vol, r, 0.02, out);
              String at = pricer + " " + type + " S=" + s + " T=" + t + " vol=" + vol + " r=" + r;
              assertEquals(g.price(), out[0], 0.0, at);
              assertEquals(g.delta(), out[1], 0.0, at);
              assertEquals(g.gamma(), out[2], 0.0, at);
              assertEquals(g.vega(), out[3], 0.0, at);
              assertEquals(g.theta(), out[4], 0.0, at);
            }
          }
        }
      }
    }
  }
}
