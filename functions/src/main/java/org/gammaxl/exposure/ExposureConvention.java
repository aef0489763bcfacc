package org.gammaxl.exposure;

/**
 * Whose side the open interest is counted on: the sign that turns an option's open interest into the
 * dealers' position, in contracts.
 */
public enum ExposureConvention {
  /**
   * Dealers are long the calls and short the puts (SqueezeMetrics' assumption: the public buys puts for
   * protection and sells calls for yield). Open interest must be ≥ 0; a call counts +OI, a put −OI.
   */
  CALLS_LONG,
  /** The open-interest column already holds the dealers' signed positions (+ long, − short), used as given. */
  SIGNED;

  /**
   * The dealers' position in contracts for {@code openInterest} of an option of type sign {@code phi}
   * (+1 call, −1 put).
   */
  double position(int phi, double openInterest) {
    return this == CALLS_LONG ? phi * openInterest : openInterest;
  }
}
