package org.gammaxl.sheet;

/**
 * An Excel error found in an argument, on its way to becoming the function's result. Carries no
 * stack trace: propagation is a normal outcome, not a fault.
 */
final class PropagatedError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ExcelError error;
  private final String argument;

  PropagatedError(String argument, ExcelError error) {
    super(argument + " is " + error.text(), null, false, false);
    this.argument = argument;
    this.error = error;
  }

  ExcelError error() {
    return error;
  }

  String argument() {
    return argument;
  }
}
