package org.gammaxl.workbooks.report;

/** A report that cannot be produced from its inputs; the message says why. */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }
}
