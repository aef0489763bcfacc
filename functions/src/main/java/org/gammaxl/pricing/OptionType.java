package org.gammaxl.pricing;

/** Call or put. {@link #sign()} is +1 for a call and −1 for a put, the φ of the textbook formulas. */
public enum OptionType {
  CALL(1),
  PUT(-1);

  private final int sign;

  OptionType(int sign) {
    this.sign = sign;
  }

  /** +1 for a call, −1 for a put. */
  public int sign() {
    return sign;
  }

  /** Payoff at expiry for one unit of underlying: max(φ(S − K), 0). */
  public double intrinsic(double spot, double strike) {
    return Math.max(sign * (spot - strike), 0.0);
  }
}
