package org.gammaxl.vol;

import org.gammaxl.pricing.Normal;

/**
 * The Bachelier implied volatility of Jäckel's "Implied Normal Volatility" (Wilmott, 2017): a rational
 * approximation followed by one Householder step of third order, which reaches machine precision.
 *
 * <p>An out-of-the-money option with forward distance x = −|F − K| &lt; 0, total standard deviation
 * s = σ_N·√T and z = x/s &lt; 0 is worth v = x·Φ̃(z) with Φ̃(z) = Φ(z) + φ(z)/z, which increases from
 * −∞ (z → 0⁻) to 0 (z → −∞). The method solves Φ̃(z) = −v/|x| for z and returns σ_N = |x|/(|z|·√T).
 */
final class ImpliedNormalVolatility {
  /** Where the two rational approximations of Jäckel (2017) for the inverse of Φ̃ meet. */
  private static final double BRANCH_POINT = -0.001882039271;
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private ImpliedNormalVolatility() {
  }

  /**
   * The total standard deviation σ_N·√T of the out-of-the-money option worth {@code timeValue} &gt; 0
   * at forward distance {@code distance} = |F − K| ≥ 0.
   */
  static double totalStandardDeviation(double timeValue, double distance) {
    if (distance == 0) {
      return timeValue * SQRT_TWO_PI;
    }
    double target = -timeValue / distance;
    double z = initialGuess(target);
    z += householderStep(z, target);
    return distance / Math.abs(z);
  }

  /** Jäckel's rational approximation of the inverse of Φ̃ (relative accuracy about 10⁻¹⁰ in z). */
  static double initialGuess(double target) {
    if (target < BRANCH_POINT) {
      double g = 1 / (target - 0.5);
      double g2 = g * g;
      double xi = (0.032114372355 - g2 * (0.016969777977 - g2 * (2.6207332461e-3 - 9.6066952861e-5 * g2)))
          / (1 - g2 * (0.6635646938 - g2 * (0.14528712196 - 0.010472855461 * g2)));
      return g * (NormalisedBlack.ONE_OVER_SQRT_TWO_PI + xi * g2);
    }
    double h = Math.sqrt(-Math.log(-target));
    return (9.4883409779 - h * (9.6320903635 - h * (0.58556997323 + 2.1464093351 * h)))
        / (1 - h * (0.65174820867 + h * (1.5120247828 + 6.6437847132e-5 * h)));
  }

  /**
   * One Householder(3) step for g(z) = Φ̃(z) − target. With g' = −φ(z)/z², g''/g' = −(z² + 2)/z and
   * g'''/g' = (z⁴ + 3z² + 6)/z². The Newton step −g/g' = z²·[Φ̃(z)/φ(z) + |target|/φ(z)] is formed from
   * the Mills ratio Y = Φ/φ, so that nothing underflows in the far wing.
   */
  static double householderStep(double z, double target) {
    double z2 = z * z;
    double millsRatio = NormalisedBlack.SQRT_PI_OVER_TWO * Normal.erfcx(-NormalisedBlack.ONE_OVER_SQRT_TWO * z);
    double targetOverPdf = SQRT_TWO_PI * Math.exp(0.5 * z2 + Math.log(-target));
    double newton = z2 * ((millsRatio + 1 / z) + targetOverPdf);
    if (!Double.isFinite(newton)) {
      return 0.0;
    }
    double halley = -(z2 + 2) / z;
    double hh3 = (z2 * (z2 + 3) + 6) / z2;
    return newton * (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6));
  }
}
