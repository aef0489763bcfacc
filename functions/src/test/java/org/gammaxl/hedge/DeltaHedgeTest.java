package org.gammaxl.hedge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gammaxl.InvalidInputException;
import org.junit.jupiter.api.Test;

class DeltaHedgeTest {

  @Test
  void spotHedgeSellsThePositionDelta() {
    // long 10 calls × 100 shares with Δ = 0.6 → position delta 600 → sell 600 shares
    assertEquals(-600, DeltaHedge.quantity(600, HedgeInstrument.SPOT, 50, 1, 0.05, 0, 0, 0), 1e-12);
    // contracts of 100 shares
    assertEquals(-6, DeltaHedge.quantity(600, HedgeInstrument.SPOT, 50, 100, 0.05, 0, 0, 0), 1e-12);
  }

  @Test
  void futureHedgeDividesByTheFuturesDelta() {
    // F = S e^{(r−q)τ}: one future moves e^{(0.05−0.01)·0.5} per unit of spot
    assertEquals(-600 * Math.exp(-0.04 * 0.5), DeltaHedge.quantity(600, HedgeInstrument.FUTURE, 50, 1, 0.05, 0.01,
        0.5, 0), 1e-12);
    assertEquals(50 * Math.exp(0.04 * 0.5), HedgeInstrument.FUTURE.markPrice(50, 0.05, 0.01, 0.5), 1e-12);
  }

  @Test
  void inverseHedgeIsCountedInFaceValueContracts() {
    // short 3 BTC delta hedged with USD 100 inverse contracts at 60,000: 3 × 60,000 / 100 = 1,800 contracts
    assertEquals(1800, DeltaHedge.quantity(-3, HedgeInstrument.INVERSE, 60_000, 100, 0, 0, 0, 0), 1e-9);
    assertEquals(-1.5, DeltaHedge.quantity(1.5, HedgeInstrument.PERP, 60_000, 1, 0, 0, 0, 0), 1e-12);
  }

  @Test
  void lotRounding() {
    assertEquals(-600, DeltaHedge.quantity(612.3, HedgeInstrument.SPOT, 50, 1, 0, 0, 0, 100), 1e-12);
    assertEquals(-700, DeltaHedge.quantity(651, HedgeInstrument.SPOT, 50, 1, 0, 0, 0, 100), 1e-12);
    assertEquals(2.5, DeltaHedge.roundToLot(2.4, 0.5), 1e-12);
    assertEquals(0.0, DeltaHedge.roundToLot(-0.2, 1));
    assertEquals(0.0, DeltaHedge.roundToLot(-0.0, 0));
  }

  @Test
  void badInput() {
    assertEquals("spot", assertThrows(InvalidInputException.class,
        () -> DeltaHedge.quantity(1, HedgeInstrument.SPOT, 0, 1, 0, 0, 0, 0)).argument());
    assertEquals("lotSize", assertThrows(InvalidInputException.class,
        () -> DeltaHedge.quantity(1, HedgeInstrument.SPOT, 1, 1, 0, 0, 0, -1)).argument());
    assertEquals(HedgeInstrument.PERP, HedgeInstrument.parse(" perpetual "));
    assertThrows(InvalidInputException.class, () -> HedgeInstrument.parse("bond"));
  }
}
