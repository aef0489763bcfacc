package org.gammaxl.hedge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Band formulas against values computed by hand (Python, from the formulas quoted in each test). */
class HedgeBandsTest {

  @Test
  void whalleyWilmottHalfWidth() {
    // (3/2 · e^{−0.05·0.5} · 0.001 · 100 · 0.04² / 1)^{1/3}
    assertEquals(0.06162892985367952, HedgeBands.whalleyWilmott(0.05, 0.5, 0.001, 100, 0.04, 1.0), 1e-15);
    // more risk averse → narrower band; no costs → no band
    assertTrue(HedgeBands.whalleyWilmott(0.05, 0.5, 0.001, 100, 0.04, 8.0) < 0.0617 / 1.99);
    assertEquals(0, HedgeBands.whalleyWilmott(0.05, 0.5, 0, 100, 0.04, 1.0));
  }

  @Test
  void zakamoulineBandAndModifiedVol() {
    // H0 = λ/(γSσ²τ) = 0.004; H1 = 1.12 λ^0.31 τ^0.05 (e^{−rτ}/σ)^0.25 (|Γ|/γ)^0.5 = 0.0640942…
    assertEquals(0.06809424772145062, HedgeBands.zakamouline(0.002, 0.5, 100, 0.2, 0.25, 0.03, 0.0398), 1e-15);
    // K = −4.76 λ^0.78 τ^−0.02 (e^{−rτ}/σ)^0.25 (γS²|Γ|)^0.15 = −0.1268…
    assertEquals(0.1868875780851834, HedgeBands.zakamoulineVol(0.002, 0.5, 100, 0.2, 0.25, 0.03, 0.0398, true), 1e-15);
    assertEquals(0.2123041053711739, HedgeBands.zakamoulineVol(0.002, 0.5, 100, 0.2, 0.25, 0.03, 0.0398, false), 1e-15);
  }

  @Test
  void lelandNumberAndAdjustedVol() {
    // Le = √(2/π) · 1 % / (20 % · √(1/52)) = 0.2877; long σ√(1 − Le), short σ√(1 + Le)
    assertEquals(0.28768136958757956, HedgeBands.lelandNumber(0.01, 0.2, 1 / 52.0), 1e-15);
    assertEquals(0.1687979419794472, HedgeBands.lelandVol(0.2, 0.01, 1 / 52.0, true), 1e-15);
    assertEquals(0.22695209799317384, HedgeBands.lelandVol(0.2, 0.01, 1 / 52.0, false), 1e-15);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> HedgeBands.lelandVol(0.2, 0.05, 1 / 365.0, true));
    assertEquals("roundTripCost", e.argument());
  }

  @Test
  void badInputNamesTheArgument() {
    assertEquals("riskAversion", assertThrows(InvalidInputException.class,
        () -> HedgeBands.whalleyWilmott(0.05, 0.5, 0.001, 100, 0.04, 0)).argument());
    assertEquals("vol", assertThrows(InvalidInputException.class,
        () -> HedgeBands.lelandNumber(0.01, -0.2, 0.1)).argument());
    assertEquals("years", assertThrows(InvalidInputException.class,
        () -> HedgeBands.zakamouline(0.002, 0.5, 100, 0.2, 0, 0.03, 0.04)).argument());
  }
}
