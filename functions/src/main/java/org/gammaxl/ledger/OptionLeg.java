package org.gammaxl.ledger;

import java.util.Objects;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.OptionType;

/**
 * One leg of an option position: {@code quantity} contracts (signed: positive long, negative short)
 * of a European {@code type} option struck at {@code strike}, expiring at {@code expiry} (years on the
 * observations' clock), each contract on {@code multiplier} units of underlying.
 */
public final class OptionLeg {
  private final OptionType type;
  private final double strike;
  private final double expiry;
  private final double quantity;
  private final double multiplier;

  private OptionLeg(OptionType type, double strike, double expiry, double quantity, double multiplier) {
    this.type = type;
    this.strike = strike;
    this.expiry = expiry;
    this.quantity = quantity;
    this.multiplier = multiplier;
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
    return new OptionLeg(type, strike, expiry, quantity, multiplier);
  }

  public OptionType type() { return type; }

  public double strike() { return strike; }

  /** Expiry in years on the observations' clock. */
  public double expiry() { return expiry; }

  /** Signed number of contracts. */
  public double quantity() { return quantity; }

  /** Units of underlying per contract. */
  public double multiplier() { return multiplier; }

  /** quantity × multiplier: the signed number of options on one unit of underlying. */
  public double units() { return quantity * multiplier; }

  @Override
  public String toString() {
    return quantity + " x " + type + " K=" + strike + " T=" + expiry + " (x" + multiplier + ")";
  }
}
