package org.gammaxl;

/**
 * Thrown when an input cannot produce a truthful result. Every spreadsheet host maps it to an Excel
 * error value through {@link #kind()} and logs {@link #getMessage()}, which always names the
 * offending argument (or row and field) and what is wrong with it.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, which decides the Excel error a host shows. */
  public enum Kind {
    /** A number outside the function's domain (negative vol, price above the no-arbitrage bound…): {@code #NUM!}. */
    DOMAIN,
    /** A value of the wrong kind (text where a number is needed, unknown keyword…): {@code #VALUE!}. */
    TYPE,
    /** Nothing to compute yet (empty series, not enough observations…): {@code #N/A}. */
    NOT_AVAILABLE
  }

  private final Kind kind;
  private final String argument;

  private InvalidInputException(Kind kind, String argument, String message) {
    super(argument + ": " + message);
    this.kind = kind;
    this.argument = argument;
  }

  /** A number out of domain; {@code argument} names the argument, {@code message} says what is wrong. */
  public static InvalidInputException domain(String argument, String message) {
    return new InvalidInputException(Kind.DOMAIN, argument, message);
  }

  /** A value of the wrong kind. */
  public static InvalidInputException type(String argument, String message) {
    return new InvalidInputException(Kind.TYPE, argument, message);
  }

  /** Nothing to compute yet. */
  public static InvalidInputException notAvailable(String argument, String message) {
    return new InvalidInputException(Kind.NOT_AVAILABLE, argument, message);
  }

  /** The same problem named at {@code where}: {@code "where: argument"} (e.g. the row of a table the value came from). */
  public InvalidInputException at(String where) {
    String message = getMessage().substring(argument.length() + 2);
    return new InvalidInputException(kind, where + ": " + argument, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The argument (or {@code file:row: field}) the problem is about. */
  public String argument() {
    return argument;
  }
}
