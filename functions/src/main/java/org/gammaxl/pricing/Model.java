package org.gammaxl.pricing;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * The models a worksheet can name in its {@code model} argument. Each maps to one {@link OptionPricer}.
 */
public enum Model {
  /** Generalized Black-Scholes-Merton with cost of carry b = rate − yield (equity, index, Garman–Kohlhagen FX). */
  BSM(BlackScholesMerton.INSTANCE),
  /** Black-76: {@code spot} is the forward or futures price, b = 0, discounted at {@code rate}; {@code yield} is ignored. */
  BLACK76(Black76.INSTANCE),
  /** Bachelier (normal) model: absolute vol, forward S·e^{(r−q)T}; for spreads and underlyings that go negative. */
  BACHELIER(Bachelier.INSTANCE),
  /** American exercise, Bjerksund–Stensland (2002) approximation. */
  AMERICAN(AmericanBjerksundStensland.INSTANCE),
  /** Inverse (coin-margined) option: premium and greeks in units of the underlying. */
  INVERSE(InverseOption.INSTANCE),
  /** European exercise on the cash-dividend lattice (spot drops by each dividend; {@link DividendLattice}). */
  EUROPEAN_LATTICE(DividendLattice.EUROPEAN),
  /** Black's approximation of an American call with cash dividends ({@link BlackDividendApproximation}). */
  AMERICAN_BLACK(BlackDividendApproximation.INSTANCE);

  private final OptionPricer pricer;

  Model(OptionPricer pricer) {
    this.pricer = pricer;
  }

  /** The pricer for this model. */
  public OptionPricer pricer() {
    return pricer;
  }

  /** Parses a worksheet keyword, case-insensitive ("BSM", "BLACK76", "BACHELIER", "AMERICAN", "INVERSE"). */
  public static Model parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    switch (key) {
      case "BSM": case "BS": case "BLACKSCHOLES": case "GK": case "GARMANKOHLHAGEN": return BSM;
      case "BLACK76": case "BLACK": return BLACK76;
      case "BACHELIER": case "NORMAL": return BACHELIER;
      case "AMERICAN": return AMERICAN;
      case "INVERSE": return INVERSE;
      case "EUROPEAN.LATTICE": case "EUROPEANLATTICE": case "EUROPEAN_LATTICE": return EUROPEAN_LATTICE;
      case "AMERICAN.BLACK": case "AMERICANBLACK": case "AMERICAN_BLACK": return AMERICAN_BLACK;
      default: throw InvalidInputException.type("model", "unknown model '" + text
          + "'; expected BSM, BLACK76, BACHELIER, AMERICAN, INVERSE, EUROPEAN.LATTICE or AMERICAN.BLACK");
    }
  }
}
