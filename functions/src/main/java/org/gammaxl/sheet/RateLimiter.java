package org.gammaxl.sheet;

import java.util.function.LongSupplier;

/**
 * Lets at most {@code permits} events through per window of {@code windowMillis}, counting the rest,
 * so that a sheet of 10,000 bad cells writes a few log lines and one "suppressed" line, not 10,000.
 * Thread-safe; only error paths use it.
 */
final class RateLimiter {
  private final int permits;
  private final long windowMillis;
  private final LongSupplier clock;
  private long windowStart;
  private int used;
  private long suppressed;

  RateLimiter(int permits, long windowMillis, LongSupplier clock) {
    this.permits = permits;
    this.windowMillis = windowMillis;
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /**
   * Asks to let one event through.
   *
   * @return −1 when the event must be dropped; otherwise the number of events dropped since the
   *     last one let through (0 usually), which the caller reports
   */
  synchronized long acquire() {
    long now = clock.getAsLong();
    if (now - windowStart >= windowMillis) {
      windowStart = now;
      used = 0;
    }
    if (used >= permits) {
      suppressed++;
      return -1;
    }
    used++;
    long dropped = suppressed;
    suppressed = 0;
    return dropped;
  }
}
