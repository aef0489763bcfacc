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
  private final OptionType[] type;
  private final double[] strike;
  private final double[] years;
  private final double[] vol;
  private final double[] openInterest;

  private SyntheticChain(int size, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    type = new OptionType[size];
    strike = new double[size];
    years = new double[size];
    vol = new double[size];
    openInterest = new double[size];
    for (int i = 0; i < size; i++) {
      type[i] = rng.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      strike[i] = 60 + 0.5 * rng.nextInt(161);
      years[i] = (1 + rng.nextInt(365)) / 365.0;
      vol[i] = 0.1 + 0.5 * rng.nextDouble();
      openInterest[i] = rng.nextInt(5001);
    }
  }

  /**
   * The chain of {@code size} options drawn with {@code seed}.
   *
   * @throws InvalidInputException DOMAIN when size &lt; 1
   */
  public static SyntheticChain of(long seed, int size) {
    if (size < 1) {
      throw InvalidInputException.domain("size", "must be >= 1, was " + size);
    }
    return new SyntheticChain(size, seed);
  }

  public int size() {
    return strike.length;
  }

  public OptionType type(int i) {
    return type[i];
  }

  public double strike(int i) {
    return strike[i];
  }

  /** Years to expiry, &gt; 0. */
  public double years(int i) {
    return years[i];
  }

  /** Implied vol, 0.2 = 20 %. */
  public double vol(int i) {
    return vol[i];
  }

  /** Open interest in contracts, ≥ 0. */
  public double openInterest(int i) {
    return openInterest[i];
  }

  /** The options as an {@link OptionChain} whose open interest is read with {@code convention}. */
  public OptionChain chain(ExposureConvention convention) {
    OptionChain.Builder b = OptionChain.builder(convention);
    for (int i = 0; i < size(); i++) {
      b.add(type[i], strike[i], years[i], vol[i], openInterest[i]);
    }
    return b.build();
  }
}
