package org.gammaxl;

/**
 * Argument checks that name the argument in the {@link InvalidInputException} they throw.
 *
 * <p>They live here rather than on the exception class because HotSpot's C2 compiler never inlines a
 * method of a {@link Throwable} subclass into ordinary code: a check written as
 * {@code InvalidInputException.finite(..)} costs a real call on every use, this one compiles to a compare.
 */
public final class Require {
  private Require() {
  }

  /**
   * Checks that {@code value} is a finite number, naming the argument otherwise.
   *
   * @return the value, for chaining
   * @throws InvalidInputException DOMAIN when it is NaN or infinite
   */
  public static double finite(String argument, double value) {
    if (!Double.isFinite(value)) {
      throw InvalidInputException.domain(argument, "must be a finite number, was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} is finite and strictly positive.
   *
   * @return the value, for chaining
   * @throws InvalidInputException DOMAIN otherwise
   */
  public static double positive(String argument, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw InvalidInputException.domain(argument, "must be a finite number > 0, was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} is finite and not negative.
   *
   * @return the value, for chaining
   * @throws InvalidInputException DOMAIN otherwise
   */
  public static double nonNegative(String argument, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw InvalidInputException.domain(argument, "must be a finite number >= 0, was " + value);
    }
    return value;
  }
}
