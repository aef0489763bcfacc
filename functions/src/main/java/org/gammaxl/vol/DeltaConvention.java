package org.gammaxl.vol;

/**
 * How a smile quoted by delta defines the delta (Reiswich and Wystup, "FX volatility smile construction", Wilmott
 * 2012). With φ = +1 for a call and −1 for a put, F = S·e^{(r−q)T}, d1,2 = (ln(F/K) ± σ²T/2)/(σ√T):
 * <ul>
 *   <li>{@link #SPOT}: Δ = φ·e^{−qT}·N(φd1), the Black–Scholes–Merton spot delta ({@code GX.DELTA}); FX pairs
 *       quoted in the foreign currency's premium, equity and crypto smiles;</li>
 *   <li>{@link #FORWARD}: Δ = φ·N(φd1), the delta of a forward hedge; longer-dated FX;</li>
 *   <li>{@link #SPOT_PA}: premium-adjusted spot delta Δ = φ·e^{−qT}·(K/F)·N(φd2) = spot delta − premium/spot,
 *       for a premium paid in the underlying (USD/JPY-style pairs, coin-margined crypto; {@code GX.DELTA.PA});</li>
 *   <li>{@link #FORWARD_PA}: premium-adjusted forward delta Δ = φ·(K/F)·N(φd2).</li>
 * </ul>
 */
public enum DeltaConvention {
  SPOT, FORWARD, SPOT_PA, FORWARD_PA;

  /** Whether the premium (in the underlying) is taken off the delta. */
  public boolean premiumAdjusted() {
    return this == SPOT_PA || this == FORWARD_PA;
  }

  /** Whether the delta is discounted by e^{−qT} (a spot hedge). */
  public boolean spot() {
    return this == SPOT || this == SPOT_PA;
  }
}
