package org.gammaxl.exposure;

/**
 * The gamma exposure at one strike, summed over every expiry, in the unit the table was made with
 * ({@link ExposureUnit}).
 *
 * @param strike the strike
 * @param call the calls' exposure at that strike (dealers' sign included: ≥ 0 under CALLS_LONG)
 * @param put the puts' exposure (≤ 0 under CALLS_LONG)
 * @param net call + put
 */
public record StrikeExposure(double strike, double call, double put, double net) {
}
