package org.gammaxl.ledger;

import java.util.Objects;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.OptionType;

/**
 * One leg of an option position: {@code quantity} contracts (signed: positive long, negative short)
 * of a {@code type} option struck at {@code strike}, expiring at {@code expiry} (years on the
 * observations' clock), each contract on {@code multiplier} units of underlying, optionally marked at
 * its own implied {@link #vol()} (its point on the smile). The exercise style is the ledger's pricer's
 * (European for BSM, American for the AMERICAN models).
 */
public final class OptionLeg {
  private final OptionType type;
  private final double strike;
  private final double expiry;
  private final double quantity;
  private final double multiplier;
  private final double vol;

  private OptionLeg(OptionType type, double strike, double expiry, double quantity, double multiplier, double vol) {
    this.type = type;
    this.strike = strike;
    this.expiry = expiry;
    this.quantity = quantity;
    this.multiplier = multiplier;
    this.vol = vol;
  }

  /**
   * A leg.
   *
   * @throws InvalidInputException naming the argument when strike, multiplier are not &gt; 0, or
   *     expiry, quantity are not finite
   */
  public static OptionLeg of(OptionType type, double strike, double expiry, double quantity, double multiplier) {
    Objects.requireNonNull(type, "type");
    Require.positive("strike", strike);
    Require.finite("expiry", expiry);
    Require.finite("quantity", quantity);
    Require.positive("multiplier", multiplier);
    return new OptionLeg(type, strike, expiry, quantity, multiplier, Double.NaN);
  }

  /**
   * This leg marked at its own implied vol (a decimal, 0.22 = 22 %) at the first event, or NaN to mark it
   * at the ledger's vol mark. How the leg's vol moves afterwards is the {@link SmileDynamics} of the run.
   *
   * @throws InvalidInputException DOMAIN naming "vol" unless it is NaN or a finite number &gt; 0
   */
  public OptionLeg withVol(double legVol) {
    if (!Double.isNaN(legVol)) {
      Require.positive("vol", legVol);
    }
    return new OptionLeg(type, strike, expiry, quantity, multiplier, legVol);
  }

  public OptionType type() { return type; }

  public double strike() { return strike; }

  /** Expiry in years on the observations' clock. */
  public double expiry() { return expiry; }

  /** Signed number of contracts. */
  public double quantity() { return quantity; }

  /** Units of underlying per contract. */
  public double multiplier() { return multiplier; }

  /** The leg's own implied vol at the first event, or NaN when it is marked at the ledger's vol. */
  public double vol() { return vol; }

  /** quantity × multiplier: the signed number of options on one unit of underlying. */
  public double units() { return quantity * multiplier; }

  @Override
  public String toString() {
    return quantity + " x " + type + " K=" + strike + " T=" + expiry + " (x" + multiplier + ")"
        + (Double.isNaN(vol) ? "" : " vol=" + vol);
  }
}
