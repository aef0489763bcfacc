package org.gammaxl.hedge;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * What a delta hedge trades. One unit of each instrument has the delta to spot given by
 * {@link #deltaPerUnit}; hedge quantities are counted in these units.
 *
 * <p>{@code contractSize} is the number of underlying units per contract for the linear
 * instruments (1 for plain shares or coins) and the face value in quote currency (e.g. USD 100)
 * for {@link #INVERSE}.
 */
public enum HedgeInstrument {
  /** The underlying itself (shares, coins, FX): delta per unit = contractSize. Paid in cash. */
  SPOT,
  /**
   * A future or forward delivering at time T_f: its price is F = S·e^{(r−q)τ} with τ = T_f − t,
   * so one contract has delta contractSize·e^{(r−q)τ} to spot. Margined: no cash changes hands at
   * the trade, gains and losses settle as variation margin.
   */
  FUTURE,
  /**
   * A linear perpetual swap tracking spot: delta per unit = contractSize; margined. Its carry is
   * the funding rate (see {@code HedgePolicy.fundingRate}); with zero funding a short perp hedge
   * does not earn the interest a short sale of the underlying would.
   */
  PERP,
  /**
   * An inverse (coin-margined) contract of face value contractSize in quote currency: long one
   * contract gains contractSize·(1/S₀ − 1/S) coins, worth ≈ contractSize/S units of underlying, so
   * delta per contract = contractSize / S. Margined.
   */
  INVERSE;

  /**
   * Delta to spot of one unit (contract) of this instrument.
   *
   * @param spot the underlying price S &gt; 0
   * @param contractSize underlying units per contract, or face value in quote currency for INVERSE
   * @param rate continuously compounded rate r (FUTURE only)
   * @param yield continuous yield q (FUTURE only)
   * @param yearsToDelivery τ = T_f − t in years (FUTURE only)
   */
  public double deltaPerUnit(double spot, double contractSize, double rate, double yield, double yearsToDelivery) {
    switch (this) {
      case FUTURE:
        return contractSize * Math.exp((rate - yield) * yearsToDelivery);
      case INVERSE:
        return contractSize / spot;
      default:
        return contractSize;
    }
  }

  /** The instrument's own price: S·e^{(r−q)τ} for FUTURE, S otherwise (an INVERSE contract is quoted in S). */
  public double markPrice(double spot, double rate, double yield, double yearsToDelivery) {
    return this == FUTURE ? spot * Math.exp((rate - yield) * yearsToDelivery) : spot;
  }

  /** True when the instrument is margined (no cash for the notional at the trade), false for SPOT. */
  public boolean isMargined() {
    return this != SPOT;
  }

  /** Parses a worksheet keyword, case-insensitive: SPOT, FUTURE (or FORWARD), PERP (or PERPETUAL), INVERSE. */
  public static HedgeInstrument parse(String text) {
    switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "SPOT": case "UNDERLYING": case "STOCK": return SPOT;
      case "FUTURE": case "FUTURES": case "FORWARD": return FUTURE;
      case "PERP": case "PERPETUAL": case "SWAP": return PERP;
      case "INVERSE": return INVERSE;
      default: throw InvalidInputException.type("instrument", "unknown hedge instrument '" + text
          + "'; expected SPOT, FUTURE, PERP or INVERSE");
    }
  }
}
