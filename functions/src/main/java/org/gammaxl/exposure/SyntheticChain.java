package org.gammaxl.exposure;

import java.util.SplittableRandom;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.OptionType;

/**
 * A seeded random option chain around a spot of 100 — SYNTHETIC, no market's data — for benchmarks and tests
 * that need a large chain: each option a call or a put with equal odds, strike 60 to 140 in steps of 0.5, 1 to
 * 365 days to expiry (years = days / 365), implied vol uniform in [10 %, 60 %), open interest 0 to 5,000
 * contracts. The same seed and size always give the same chain, whichever program builds it (the exposure
 * engine's benchmark from arrays, the POI benchmark from worksheet cells).
 */
public final class SyntheticChain {
  private SyntheticChain() {}

  /**
   * The chain of {@code size} options drawn with {@code seed}, read with {@link ExposureConvention#CALLS_LONG}:
   * an option's open interest is {@code |position(i)|} (calls +OI, puts −OI).
   *
   * @throws InvalidInputException DOMAIN when size &lt; 1
   */
  public static OptionChain of(long seed, int size) {
    if (size < 1) {
      throw InvalidInputException.domain("size", "must be >= 1, was " + size);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    OptionChain.Builder b = OptionChain.builder(ExposureConvention.CALLS_LONG);
    for (int i = 0; i < size; i++) {
      OptionType type = rng.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      double strike = 60 + 0.5 * rng.nextInt(161);
      double years = (1 + rng.nextInt(365)) / 365.0;
      double vol = 0.1 + 0.5 * rng.nextDouble();
      b.add(type, strike, years, vol, rng.nextInt(5001));
    }
    return b.build();
  }
}
