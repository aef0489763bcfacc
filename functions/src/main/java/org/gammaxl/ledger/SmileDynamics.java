package org.gammaxl.ledger;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * How each leg's implied vol moves along a path. Every leg starts at its own vol σᵢ (its
 * {@link OptionLeg#vol()}, or the ledger's vol mark when it has none); the ledger's vol mark σ_ATM(t)
 * is read as the at-the-money vol, and each leg keeps its skew offset oᵢ = σᵢ − σ_ATM(t₀) to it.
 */
public enum SmileDynamics {
  /**
   * σᵢ(t) = σ_ATM(t) + oᵢ: a leg's vol moves with the mark only; a move of spot alone leaves it where
   * it is (∂σᵢ/∂S = 0), so the smile-adjusted delta equals the Black–Scholes delta. The default.
   */
  STICKY_STRIKE,
  /**
   * The skew is a function of moneyness m = ln(K/S) and slides with spot. At the first event the
   * ledger builds the smile offset curve s(m), piecewise linear through (0, 0) — the mark is the
   * at-the-money vol — and every leg's point (ln(Kᵢ/S₀), oᵢ) (points at the same m averaged), flat
   * beyond the outermost points. Then σᵢ(t) = σ_ATM(t) + oᵢ + s(ln(Kᵢ/S_t)) − s(ln(Kᵢ/S₀)), so each
   * leg starts exactly at its own vol, and ∂σᵢ/∂S = −s′(mᵢ)/S: with a put skew (s falling in m) every
   * leg's vol rises as spot rises (its moneyness falls) — an OTM put slides towards the ATM vol as
   * spot falls towards its strike.
   */
  STICKY_MONEYNESS;

  /** Parses STICKY_STRIKE (STRIKE) or STICKY_MONEYNESS (MONEYNESS, STICKY_DELTA), case-insensitive. */
  public static SmileDynamics parse(String text) {
    switch (text.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "")) {
      case "STICKYSTRIKE": case "STRIKE": return STICKY_STRIKE;
      case "STICKYMONEYNESS": case "MONEYNESS": case "STICKYDELTA": return STICKY_MONEYNESS;
      default: throw InvalidInputException.type("SMILE", "unknown smile dynamics '" + text
          + "'; expected STICKY_STRIKE or STICKY_MONEYNESS");
    }
  }
}
