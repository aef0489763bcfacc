package org.gammaxl.sheet;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gammaxl.InvalidInputException;

/**
 * Why a worksheet function returned an error, for the user and for the log.
 *
 * <p>Every error a catalogue function returns has a reason — the argument and what is wrong with it.
 * The reason reaches the user in two ways:
 * <ul>
 *   <li>{@code GX.ERROR(function, args…)} re-evaluates the call with the same arguments and returns
 *       the reason as text ("OK" when the call succeeds). It is a pure function of its arguments, so
 *       it is right under multi-threaded recalculation and in every host.</li>
 *   <li>{@link #lastFailure()} is the last failure <em>on the calling thread</em>, for hosts and Java
 *       callers that want the reason right after a call (a host must read it before the thread
 *       evaluates another cell).</li>
 * </ul>
 * The reason is also logged through {@code java.util.logging} under the logger
 * {@code org.gammaxl.sheet}: bad input at {@link Level#INFO}, unexpected exceptions (bugs) at
 * {@link Level#WARNING} with the stack trace. At most {@value #LOG_PERMITS} lines per
 * {@value #LOG_WINDOW_MS} ms are written; the next line written says how many were suppressed.
 * Errors that merely propagate from an argument are not logged (the cell that made them was).
 */
public final class Diagnostics {
  /** The logger every catalogue function writes to. */
  public static final Logger LOG = Logger.getLogger("org.gammaxl.sheet");
  static final int LOG_PERMITS = 20;
  static final long LOG_WINDOW_MS = 60_000;

  private static final ThreadLocal<Failure> LAST = new ThreadLocal<>();
  private static final RateLimiter LIMITER = new RateLimiter(LOG_PERMITS, LOG_WINDOW_MS, System::currentTimeMillis);

  /**
   * One failed call.
   *
   * @param function the worksheet name, e.g. {@code GX.DELTA}
   * @param error the error returned
   * @param reason what went wrong, naming the argument
   */
  public record Failure(String function, ExcelError error, String reason) {
    /** For a cell: {@code "#NUM! GX.DELTA: vol: must be a finite number > 0, was -0.2"}. */
    public String text() {
      return error.text() + " " + function + ": " + reason;
    }
  }

  private Diagnostics() {
  }

  /** The last failure on this thread, if any since the last {@link #clear()}. */
  public static Optional<Failure> lastFailure() {
    return Optional.ofNullable(LAST.get());
  }

  /** Forgets this thread's last failure. */
  public static void clear() {
    LAST.remove();
  }

  /** Maps the kind of an {@link InvalidInputException} to the Excel error every host shows. */
  public static ExcelError errorOf(InvalidInputException.Kind kind) {
    switch (kind) {
      case DOMAIN: return ExcelError.NUM;
      case NOT_AVAILABLE: return ExcelError.NA;
      case TYPE:
      default: return ExcelError.VALUE;
    }
  }

  /** Maps an unexpected exception: bad arguments reaching Java code → #VALUE!, anything else → #NUM!. */
  static ExcelError errorOfUnexpected(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof NullPointerException
        || e instanceof ClassCastException || e instanceof ArrayIndexOutOfBoundsException
        ? ExcelError.VALUE : ExcelError.NUM;
  }

  static ExcelError invalid(String function, InvalidInputException e) {
    ExcelError error = errorOf(e.kind());
    record(new Failure(function, error, e.getMessage()), Level.INFO, null);
    return error;
  }

  static ExcelError propagated(String function, PropagatedError e) {
    LAST.set(new Failure(function, e.error(), "argument " + e.getMessage()));
    return e.error();
  }

  static ExcelError unexpected(String function, Throwable e) {
    ExcelError error = errorOfUnexpected(e);
    record(new Failure(function, error, "internal error " + e), Level.WARNING, e);
    return error;
  }

  /** Records a failure found by the function itself (e.g. a result that is not a finite number). */
  static ExcelError fail(String function, ExcelError error, String reason) {
    record(new Failure(function, error, reason), Level.INFO, null);
    return error;
  }

  private static void record(Failure failure, Level level, Throwable thrown) {
    LAST.set(failure);
    if (!LOG.isLoggable(level)) {
      return;
    }
    long dropped = LIMITER.acquire();
    if (dropped < 0) {
      return;
    }
    String text = failure.text();
    if (dropped > 0) {
      text += " (" + dropped + " earlier messages suppressed)";
    }
    LogRecord r = new LogRecord(level, text);
    r.setLoggerName(LOG.getName());
    r.setThrown(thrown);
    LOG.log(r);
  }
}
