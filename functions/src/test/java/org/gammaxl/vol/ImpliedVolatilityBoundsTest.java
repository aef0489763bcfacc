package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** No-arbitrage bounds and bad inputs: always an error naming the argument, never a made-up vol. */
class ImpliedVolatilityBoundsTest {

  private static InvalidInputException domainError(String argument, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
    assertEquals(argument, e.argument());
    return e;
  }

  @Test
  void blackPriceBelowIntrinsicNamesTheIntrinsicValue() {
    InvalidInputException e = domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, 9.99, 110, 100, 1));
    assertTrue(e.getMessage().contains("below intrinsic value 10.0"), e.getMessage());
    e = domainError("price", () -> ImpliedVolatility.black(OptionType.PUT, 4, 95, 100, 1));
    assertTrue(e.getMessage().contains("below intrinsic value 5.0"), e.getMessage());
  }

  @Test
  void blackPriceAtOrAboveTheUpperBoundNamesTheBound() {
    InvalidInputException call = domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, 100, 100, 90, 1));
    assertTrue(call.getMessage().contains("below the forward 100.0"), call.getMessage());
    domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, 150, 100, 90, 1));
    InvalidInputException put = domainError("price", () -> ImpliedVolatility.black(OptionType.PUT, 90, 100, 90, 1));
    assertTrue(put.getMessage().contains("below the strike 90.0"), put.getMessage());
  }

  @Test
  void priceJustInsideTheBoundsHasAVol() {
    double nearUpper = Math.nextDown(1.0) * 100 * (1 - 1e-9);
    double vol = ImpliedVolatility.black(OptionType.CALL, nearUpper, 100, 100, 1);
    assertTrue(vol > 5 && Double.isFinite(vol), "vol " + vol);
    assertTrue(ImpliedVolatility.black(OptionType.CALL, 10 + 1e-9, 110, 100, 1) > 0);
  }

  @Test
  void priceEqualToIntrinsicIsZeroVol() {
    assertEquals(0.0, ImpliedVolatility.black(OptionType.CALL, 10, 110, 100, 1));
    assertEquals(0.0, ImpliedVolatility.black(OptionType.CALL, 0, 90, 100, 1));
    assertEquals(0.0, ImpliedVolatility.black(OptionType.PUT, 0, 110, 100, 1));
    assertEquals(0.0, ImpliedVolatility.normal(OptionType.PUT, 3, 97, 100, 1));
    assertEquals(0.0, ImpliedVolatility.normal(OptionType.CALL, 0, 97, 100, 1));
  }

  @Test
  void badNumbersNameTheirArgument() {
    domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, Double.NaN, 100, 100, 1));
    domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, -1, 100, 100, 1));
    domainError("price", () -> ImpliedVolatility.black(OptionType.CALL, Double.POSITIVE_INFINITY, 100, 100, 1));
    domainError("forward", () -> ImpliedVolatility.black(OptionType.CALL, 5, 0, 100, 1));
    domainError("forward", () -> ImpliedVolatility.black(OptionType.CALL, 5, -100, 100, 1));
    domainError("forward", () -> ImpliedVolatility.black(OptionType.CALL, 5, Double.NaN, 100, 1));
    domainError("strike", () -> ImpliedVolatility.black(OptionType.CALL, 5, 100, -1, 1));
    domainError("strike", () -> ImpliedVolatility.black(OptionType.CALL, 5, 100, Double.POSITIVE_INFINITY, 1));
    domainError("years", () -> ImpliedVolatility.black(OptionType.CALL, 5, 100, 100, 0));
    domainError("years", () -> ImpliedVolatility.black(OptionType.CALL, 5, 100, 100, -0.5));
    domainError("years", () -> ImpliedVolatility.black(OptionType.CALL, 5, 100, 100, Double.NaN));
    InvalidInputException type = assertThrows(InvalidInputException.class,
        () -> ImpliedVolatility.black(null, 5, 100, 100, 1));
    assertEquals(InvalidInputException.Kind.TYPE, type.kind());
    assertEquals("type", type.argument());
  }

  @Test
  void bachelierHasNoUpperBoundButRejectsPricesBelowIntrinsic() {
    double vol = ImpliedVolatility.normal(OptionType.CALL, 1e6, 100, 100, 1);
    assertEquals(1e6 * Math.sqrt(2 * Math.PI), vol, 1e-9 * vol);
    assertTrue(ImpliedVolatility.normal(OptionType.CALL, 1e6, 100, 90, 1) > 0);
    InvalidInputException e = domainError("price", () -> ImpliedVolatility.normal(OptionType.PUT, 2, -1, 2, 1));
    assertTrue(e.getMessage().contains("below intrinsic value 3.0"), e.getMessage());
    domainError("price", () -> ImpliedVolatility.normal(OptionType.PUT, Double.NaN, -1, 2, 1));
    domainError("forward", () -> ImpliedVolatility.normal(OptionType.PUT, 1, Double.NEGATIVE_INFINITY, 2, 1));
    domainError("strike", () -> ImpliedVolatility.normal(OptionType.PUT, 1, 1, Double.NaN, 1));
    domainError("years", () -> ImpliedVolatility.normal(OptionType.PUT, 1, 1, 2, 0));
  }

  /** Extreme but valid inputs: a finite vol ≥ 0 or a domain error about the price — never NaN, never a crash. */
  @Test
  void extremeInputsNeverGiveNaN() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double forward = Math.pow(10, -8 + 16 * random.nextDouble());
      double strike = Math.pow(10, -8 + 16 * random.nextDouble());
      double years = Math.pow(10, -6 + 8 * random.nextDouble());
      OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      double intrinsic = type.intrinsic(forward, strike);
      double upper = type == OptionType.CALL ? forward : strike;
      double u = random.nextDouble();
      double price = intrinsic + (upper - intrinsic) * (random.nextBoolean() ? u : Math.pow(u, 40));
      String where = type + " F=" + forward + " K=" + strike + " T=" + years + " price=" + price;
      try {
        double vol = ImpliedVolatility.black(type, price, forward, strike, years);
        assertTrue(vol >= 0 && Double.isFinite(vol), where + " vol=" + vol);
      } catch (InvalidInputException e) {
        assertEquals("price", e.argument(), where);
      }
      double normalVol = ImpliedVolatility.normal(type, price, forward, strike, years);
      assertTrue(normalVol >= 0 && Double.isFinite(normalVol), where + " normal vol=" + normalVol);
    }
  }
}
