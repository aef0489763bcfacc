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
  /**
   * American exercise, accurate: the Andersen–Lake–Offengenden boundary iteration, about 1e-9 of the strike
   * ({@link AmericanAndersenLake#ACCURATE}).
   */
  AMERICAN(AmericanAndersenLake.ACCURATE),
  /** Inverse (coin-margined) option: premium and greeks in units of the underlying. */
  INVERSE(InverseOption.INSTANCE),
  /** European exercise on the cash-dividend lattice (spot drops by each dividend; {@link DividendLattice}). */
  EUROPEAN_LATTICE(DividendLattice.EUROPEAN),
  /** Black's approximation of an American call with cash dividends ({@link BlackDividendApproximation}). */
  AMERICAN_BLACK(BlackDividendApproximation.INSTANCE),
  /** American exercise, fast: the same method on a coarser scheme, about 1e-7 of the strike within a year. */
  AMERICAN_FAST(AmericanAndersenLake.FAST),
  /** American exercise, Bjerksund–Stensland (2002) approximation (a lower bound, tenths of a percent of the strike below the true value within a year). */
  AMERICAN_BS2002(AmericanBjerksundStensland.INSTANCE),
  /** American exercise, Barone-Adesi–Whaley (1987) quadratic approximation. */
  AMERICAN_BAW(AmericanBaroneAdesiWhaley.INSTANCE),
  /** American exercise, Leisen–Reimer binomial tree of {@value AmericanLattice#DEFAULT_STEPS} steps. */
  AMERICAN_LATTICE(AmericanLattice.INSTANCE);

  private final OptionPricer pricer;

  Model(OptionPricer pricer) {
    this.pricer = pricer;
  }

  /** The pricer for this model. */
  public OptionPricer pricer() {
    return pricer;
  }

  /** The worksheet keyword: the name with a dot for the underscore, e.g. {@code AMERICAN.BS2002}. */
  public String keyword() {
    return name().replace('_', '.');
  }

  /**
   * Parses a worksheet keyword, case-insensitive, ignoring blanks, hyphens, dots and underscores ("BSM", "BLACK76",
   * "BACHELIER", "AMERICAN", "INVERSE", "AMERICAN.FAST", "AMERICAN.BS2002", "AMERICAN.BAW", "AMERICAN.LATTICE").
   */
  public static Model parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replaceAll("[-_. ]", "");
    switch (key) {
      case "BS": case "BLACKSCHOLES": case "GK": case "GARMANKOHLHAGEN": return BSM;
      case "BLACK": return BLACK76;
      case "NORMAL": return BACHELIER;
      default:
        for (Model m : values()) {
          if (m.name().replace("_", "").equals(key)) {
            return m;
          }
        }
        throw InvalidInputException.type("model", "unknown model '" + text + "'; expected " + expected());
    }
  }

  /** The keywords, for messages and help: "BSM, BLACK76, …, AMERICAN.LATTICE". */
  public static String expected() {
    StringBuilder b = new StringBuilder();
    for (Model m : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(m.keyword());
    }
    return b.toString();
  }
}
