package org.gammaxl.xll;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The add-in's log: whole lines appended to the file the shim also writes (start-up, the runtime
 * chosen, every error with its function and arguments). Errors are rate-limited per function so a
 * sheet full of bad inputs cannot flood the disk: the first {@value #FIRST_ERRORS} errors of a
 * function are logged, then one line every {@value #EVERY_NTH} errors with the running count.
 */
public final class BridgeLog {
  /** Errors of one function logged in full before sampling starts. */
  public static final int FIRST_ERRORS = 20;
  /** After the first errors, one in this many is logged. */
  public static final int EVERY_NTH = 10_000;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final OutputStream out;
  private final AtomicLongArray errorCounts;

  /**
   * A log appending to {@code path}, or writing nowhere when {@code path} is null or cannot be opened.
   *
   * @param functionCount how many functions errors are counted for
   */
  public BridgeLog(String path, int functionCount) {
    OutputStream o = null;
    if (path != null && !path.isEmpty()) {
      try {
        o = new FileOutputStream(path, true);
      } catch (IOException e) {
        o = null;
      }
    }
    this.out = o;
    this.errorCounts = new AtomicLongArray(Math.max(functionCount, 1));
  }

  /** Appends one line, time-stamped and tagged {@code [java]}. */
  public void info(String message) {
    write(LocalDateTime.now().format(TIME) + " [java] " + message + System.lineSeparator());
  }

  /**
   * Records that function {@code index} produced an error; the message is built only if the
   * line is logged.
   *
   * @return whether a line was written
   */
  public boolean error(int index, java.util.function.Supplier<String> message) {
    int i = Math.floorMod(index, errorCounts.length());
    long n = errorCounts.incrementAndGet(i);
    if (n <= FIRST_ERRORS) {
      info("error: " + message.get() + (n == FIRST_ERRORS ? " (further errors of this function are sampled)" : ""));
      return true;
    }
    if (n % EVERY_NTH == 0) {
      info("error #" + n + ": " + message.get());
      return true;
    }
    return false;
  }

  /**
   * Sends the records of the {@code loggerName} java.util.logging logger (the catalogue's diagnostics:
   * the reason behind each error value) to this log instead of the console Excel does not have. The
   * first {@value #FIRST_ERRORS} × 10 records are written, then one in {@value #EVERY_NTH}.
   */
  public void capture(String loggerName) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(loggerName);
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
    logger.setUseParentHandlers(false);
    logger.addHandler(new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        long n = seen.incrementAndGet();
        if (n <= FIRST_ERRORS * 10L || n % EVERY_NTH == 0) {
          String msg = r.getMessage();
          if (r.getParameters() != null && msg != null && msg.contains("{0")) {
            msg = java.text.MessageFormat.format(msg, r.getParameters());
          }
          info(r.getLevel() + " " + r.getLoggerName() + ": " + msg + (n > FIRST_ERRORS * 10L ? " (record #" + n + ")" : ""));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  /** How many errors function {@code index} has had. */
  public long errorCount(int index) {
    return errorCounts.get(index);
  }

  private synchronized void write(String line) {
    if (out == null) {
      return;
    }
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the log is best effort: a full disk must not break the sheet
    }
  }
}
