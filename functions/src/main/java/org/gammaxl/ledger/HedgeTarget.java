package org.gammaxl.ledger;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/** Where a rebalance trades to. Only the band rules ({@link RebalanceRule#DELTA}, {@link RebalanceRule#WW}) have an edge. */
public enum HedgeTarget {
  /** Back to zero net delta. */
  NEUTRAL,
  /** To the nearer edge of the band (the smallest trade that brings the net delta back inside). */
  BAND_EDGE;

  /** Parses NEUTRAL or EDGE (BAND_EDGE), case-insensitive. */
  public static HedgeTarget parse(String text) {
    switch (text.trim().toUpperCase(Locale.ROOT).replace(" ", "_")) {
      case "NEUTRAL": case "CENTRE": case "CENTER": return NEUTRAL;
      case "EDGE": case "BAND_EDGE": case "BANDEDGE": return BAND_EDGE;
      default: throw InvalidInputException.type("target", "unknown hedge target '" + text + "'; expected NEUTRAL or EDGE");
    }
  }
}
