package org.gammaxl.batch;

/**
 * Bad input found while a sweep runs: a malformed price row or a path the engine rejects. The message
 * is one line, {@code file:line: field: problem}, followed by the book when the problem is one book's.
 * Thrown in an executor, it fails the Spark job; the driver finds it in the job's failure and prints it.
 */
final class SweepInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SweepInputException(String message) {
    super(message);
  }

  /** The sweep input problem behind a Spark job failure, or null when the failure is something else. */
  static String find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SweepInputException) {
        return t.getMessage();
      }
      String m = t.getMessage();
      String tag = SweepInputException.class.getName() + ": ";
      int at = m == null ? -1 : m.indexOf(tag);
      if (at >= 0) {
        String rest = m.substring(at + tag.length());
        int nl = rest.indexOf('\n');
        return nl < 0 ? rest : rest.substring(0, nl);
      }
    }
    return null;
  }
}
