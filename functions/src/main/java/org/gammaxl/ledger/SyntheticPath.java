package org.gammaxl.ledger;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;

/**
 * A seeded geometric Brownian motion path of {@link Observation}s, generated lazily (O(1) memory
 * however long), for simulations, tests and benchmarks: {@code steps + 1} observations at times
 * start, start + Δt, …, start + years, Δt = years / steps, spot
 * S_{k+1} = S_k·exp((μ − σ²/2)Δt + σ√Δt·Z), Z standard normal, each with the constant vol mark
 * {@code markVol} and no quotes. The same seed always gives the same path.
 *
 * <p>For example, one million events for a benchmark:
 * {@code ledger.run(SyntheticPath.gbm(42, 0, 100, 0.05, 0.2, 0.2, 1.0, 1_000_000))}.
 */
public final class SyntheticPath implements Iterable<Observation> {
  private final long seed;
  private final double start;
  private final double spot;
  private final double drift;
  private final double realizedVol;
  private final double markVol;
  private final double years;
  private final int steps;

  private SyntheticPath(long seed, double start, double spot, double drift, double realizedVol, double markVol,
      double years, int steps) {
    this.seed = seed;
    this.start = start;
    this.spot = spot;
    this.drift = drift;
    this.realizedVol = realizedVol;
    this.markVol = markVol;
    this.years = years;
    this.steps = steps;
  }

  /**
   * A GBM path.
   *
   * @param seed the random seed
   * @param start time of the first observation, years
   * @param spot the first spot &gt; 0
   * @param drift μ, the real-world drift of the spot (continuously compounded, per year)
   * @param realizedVol σ ≥ 0 of the simulated spot
   * @param markVol the implied vol mark carried by every observation &gt; 0
   * @param years the path's length in years &gt; 0
   * @param steps the number of steps ≥ 1 (the path has steps + 1 observations)
   */
  public static SyntheticPath gbm(long seed, double start, double spot, double drift, double realizedVol,
      double markVol, double years, int steps) {
    Require.finite("start", start);
    Require.positive("spot", spot);
    Require.finite("drift", drift);
    Require.nonNegative("realizedVol", realizedVol);
    Require.positive("markVol", markVol);
    Require.positive("years", years);
    if (steps < 1) {
      throw InvalidInputException.domain("steps", "must be >= 1, was " + steps);
    }
    return new SyntheticPath(seed, start, spot, drift, realizedVol, markVol, years, steps);
  }

  /** Number of observations, steps + 1. */
  public int size() {
    return steps + 1;
  }

  @Override
  public Iterator<Observation> iterator() {
    return new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private final double dt = years / steps;
      private final double mu = (drift - 0.5 * realizedVol * realizedVol) * dt;
      private final double sd = realizedVol * Math.sqrt(dt);
      private int k;
      private double s = spot;

      @Override
      public boolean hasNext() {
        return k <= steps;
      }

      @Override
      public Observation next() {
        if (k > steps) {
          throw new NoSuchElementException();
        }
        if (k > 0) {
          s *= Math.exp(mu + sd * random.nextGaussian());
        }
        double t = k == steps ? start + years : start + k * dt;
        k++;
        return Observation.of(t, s, markVol);
      }
    };
  }
}
