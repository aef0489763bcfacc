package org.gammaxl.ledger;

import java.util.List;
import org.gammaxl.InvalidInputException;

/** An option position of one or more legs on the same underlying; immutable. */
public final class Position {
  private final List<OptionLeg> legs;

  private Position(List<OptionLeg> legs) {
    this.legs = legs;
  }

  /** A position of the given legs (at least one). */
  public static Position of(List<OptionLeg> legs) {
    if (legs.isEmpty()) {
      throw InvalidInputException.notAvailable("legs", "a position needs at least one option leg");
    }
    return new Position(List.copyOf(legs));
  }

  /** A position of the given legs (at least one). */
  public static Position of(OptionLeg... legs) {
    return of(List.of(legs));
  }

  public List<OptionLeg> legs() {
    return legs;
  }

  /** The earliest expiry of the legs. */
  public double firstExpiry() {
    double e = Double.POSITIVE_INFINITY;
    for (OptionLeg leg : legs) {
      e = Math.min(e, leg.expiry());
    }
    return e;
  }

  /** The latest expiry of the legs. */
  public double lastExpiry() {
    double e = Double.NEGATIVE_INFINITY;
    for (OptionLeg leg : legs) {
      e = Math.max(e, leg.expiry());
    }
    return e;
  }

  @Override
  public String toString() {
    return "Position" + legs;
  }
}
