package org.gammaxl.ledger;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/**
 * How often the ledger calls its pricer for each leg. For closed-form models (BSM, Black-76,
 * Bachelier) every event costs tens of nanoseconds and {@link #EVERY_EVENT} is right; an American
 * model's greeks cost tens of microseconds, which over a year of one-minute events on several legs is
 * minutes of work, and {@link #REUSE} makes it a fraction of a second.
 */
public enum Revaluation {
  /** The pricer's price and greeks at every event. */
  EVERY_EVENT,
  /**
   * Split the value into the European (Black–Scholes–Merton) value, computed exactly at every event,
   * and the early-exercise premium EEP = V_pricer − V_BSM, computed with its greeks by the pricer at an
   * anchor event and carried between anchors by its Taylor expansion
   * EEP ≈ EEP_a + Δ_e·δS + ½Γ_e·δS² + vega_e·δσ − Θ_e·δτ (delta Δ_e + Γ_e·δS, gamma, vega and theta
   * held). A leg is revalued by the pricer (a new anchor) at the first event and whenever, since its
   * anchor, |ln(S/S_a)| exceeds {@value #SPOT_STEP} of σ_a·√τ_a (the move to expiry), the time to
   * expiry has fallen by {@value #TIME_STEP} of τ_a, or the leg's vol has moved by more than
   * {@value #VOL_STEP}. The first event's value is therefore the pricer's exactly.
   */
  REUSE;

  /** REUSE: spot move, as a fraction of σ√τ at the anchor, that triggers a revaluation. */
  public static final double SPOT_STEP = 0.05;
  /** REUSE: fall in time to expiry, as a fraction of τ at the anchor, that triggers a revaluation. */
  public static final double TIME_STEP = 0.01;
  /** REUSE: absolute move of the leg's vol that triggers a revaluation. */
  public static final double VOL_STEP = 0.0025;

  /** Parses EVERY (EVERY_EVENT, EXACT) or REUSE, case-insensitive. */
  public static Revaluation parse(String text) {
    switch (text.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "")) {
      case "EVERY": case "EVERYEVENT": case "EXACT": return EVERY_EVENT;
      case "REUSE": return REUSE;
      default: throw InvalidInputException.type("REVALUE", "unknown revaluation '" + text
          + "'; expected EVERY or REUSE");
    }
  }
}
