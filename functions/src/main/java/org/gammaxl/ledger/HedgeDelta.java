package org.gammaxl.ledger;

import java.util.Locale;
import org.gammaxl.InvalidInputException;

/** Which delta of the option legs the ledger hedges (the book's HEDGE_DELTA column shows it). */
public enum HedgeDelta {
  /** The model's delta at each leg's vol, ∂V/∂S with the vol held fixed. The default. */
  BS,
  /**
   * The smile-adjusted delta Σ qᵢ·(Δᵢ + vegaᵢ·∂σᵢ/∂S), with ∂σᵢ/∂S from the run's
   * {@link SmileDynamics} (0 under STICKY_STRIKE, so it equals BS there).
   */
  SMILE;

  /** Parses BS (BSM, MODEL) or SMILE (SMILE_ADJUSTED), case-insensitive. */
  public static HedgeDelta parse(String text) {
    switch (text.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "")) {
      case "BS": case "BSM": case "MODEL": case "BLACKSCHOLES": return BS;
      case "SMILE": case "SMILEADJUSTED": return SMILE;
      default: throw InvalidInputException.type("HEDGE_DELTA", "unknown hedge delta '" + text
          + "'; expected BS or SMILE");
    }
  }
}
