package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void letsPermitsThroughPerWindowAndCountsTheRest() {
    AtomicLong now = new AtomicLong(1_000);
    RateLimiter limiter = new RateLimiter(3, 60_000, now::get);
    assertEquals(0, limiter.acquire());
    assertEquals(0, limiter.acquire());
    assertEquals(0, limiter.acquire());
    for (int i = 0; i < 10_000; i++) {
      assertEquals(-1, limiter.acquire());
    }
    now.addAndGet(59_999);
    assertEquals(-1, limiter.acquire());
    now.addAndGet(1);
    assertEquals(10_001, limiter.acquire(), "the first line of a new window reports what was dropped");
    assertEquals(0, limiter.acquire());
  }
}
