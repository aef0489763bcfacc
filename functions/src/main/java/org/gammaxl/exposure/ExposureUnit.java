package org.gammaxl.exposure;

/**
 * The unit an exposure is stated in. Only gamma is a sensitivity to a spot move, so only gamma exposure
 * depends on how that move is measured; vanna and charm exposure are delta per vol point and per calendar
 * day, in currency (×S) or in shares.
 *
 * <table>
 *   <caption>Per option, with the dealers' signed position P in contracts and multiplier M</caption>
 *   <tr><th>unit</th><th>GEX</th><th>VEX</th><th>CEX</th></tr>
 *   <tr><td>PER_1PCT</td><td>Γ·P·M·S²·0.01: currency of delta per 1 % spot move</td>
 *       <td rowspan="2">vanna·P·M·S·0.01: currency of delta per vol point</td>
 *       <td rowspan="2">charm·P·M·S/365: currency of delta per calendar day</td></tr>
 *   <tr><td>PER_POINT</td><td>Γ·P·M·S: currency of delta per 1.00 spot move</td></tr>
 *   <tr><td>SHARES</td><td>Γ·P·M: shares per 1.00 spot move</td><td>vanna·P·M·0.01: shares per vol point</td>
 *       <td>charm·P·M/365: shares per calendar day</td></tr>
 * </table>
 * Vanna is ∂Δ/∂σ per 1.00 of vol and charm ∂Δ/∂t per year of calendar time, as {@link org.gammaxl.pricing.Greek}
 * defines them.
 */
public enum ExposureUnit {
  /** Currency per 1 % move of spot (the default, SqueezeMetrics' "$ per 1 %"). */
  PER_1PCT,
  /** Currency per 1.00 move of spot. */
  PER_POINT,
  /** Shares (units of underlying) per 1.00 move of spot. */
  SHARES;

  /** What Γ·P·M is multiplied by at spot {@code s}. */
  double gammaScale(double s) {
    switch (this) {
      case PER_1PCT: return s * s * 0.01;
      case PER_POINT: return s;
      default: return 1.0;
    }
  }

  /** What a delta sensitivity (vanna per vol point, charm per day) times P·M is multiplied by at spot {@code s}. */
  double deltaScale(double s) {
    return this == SHARES ? 1.0 : s;
  }
}
