package org.gammaxl.hedge;

import org.gammaxl.Require;

/** The delta-neutral hedge quantity of an option position in a chosen hedge instrument. */
public final class DeltaHedge {
  private DeltaHedge() {
  }

  /**
   * The quantity of {@code instrument} that makes the position delta-neutral,
   * q = −Δ_position / δ_unit, rounded to the nearest multiple of {@code lotSize}.
   *
   * @param positionDelta the option position's delta in units of underlying: Σ contracts ×
   *     multiplier × ∂V/∂S over the legs (a long call on 100 shares with Δ = 0.5 is 50)
   * @param instrument what the hedge trades
   * @param spot the underlying price &gt; 0
   * @param contractSize underlying units per contract (face value in quote currency for INVERSE), &gt; 0
   * @param rate continuously compounded rate (FUTURE only)
   * @param yield continuous yield (FUTURE only)
   * @param yearsToDelivery the future's time to delivery in years (FUTURE only)
   * @param lotSize the trading lot in instrument units, 0 for no rounding
   * @return the signed quantity in instrument units (negative = sell)
   */
  public static double quantity(double positionDelta, HedgeInstrument instrument, double spot, double contractSize,
      double rate, double yield, double yearsToDelivery, double lotSize) {
    Require.finite("positionDelta", positionDelta);
    Require.positive("spot", spot);
    Require.positive("contractSize", contractSize);
    Require.finite("rate", rate);
    Require.finite("yield", yield);
    Require.nonNegative("yearsToDelivery", yearsToDelivery);
    Require.nonNegative("lotSize", lotSize);
    double perUnit = instrument.deltaPerUnit(spot, contractSize, rate, yield, yearsToDelivery);
    return roundToLot(-positionDelta / perUnit, lotSize);
  }

  /**
   * Rounds a quantity to the nearest multiple of {@code lotSize} (half-way cases to the even
   * number of lots); returns the quantity unchanged when {@code lotSize} is 0.
   */
  public static double roundToLot(double quantity, double lotSize) {
    if (lotSize == 0) {
      return quantity + 0.0; // turns -0.0 into 0.0
    }
    double lots = Math.rint(quantity / lotSize);
    return lots == 0 ? 0.0 : lots * lotSize;
  }
}
