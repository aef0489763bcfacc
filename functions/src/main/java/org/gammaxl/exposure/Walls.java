package org.gammaxl.exposure;

/**
 * The call wall and the put wall of a chain at one spot: the strike with the largest call gamma exposure and
 * the strike with the most negative put gamma exposure, exposures summed over expiries per strike
 * ({@link GammaExposure#byStrike}). On a tie the lower strike is taken. {@code NaN} when the chain has no
 * call (no put) with a non-zero position.
 *
 * @param call the call wall: strike of the largest call GEX
 * @param put the put wall: strike of the most negative put GEX
 */
public record Walls(double call, double put) {
}
