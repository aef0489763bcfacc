package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * Price → implied vol → the same vol, over strikes from −10 to +10 standard deviations, expiries from one
 * minute to fifty years and volatilities from 1 % to 500 %.
 *
 * <p>When is a volatility "determined" by a price? A double price p is only known to within half an ulp,
 * so the volatility is only known to within the resolution ρ = ulp(p)/(σ·∂p/∂σ), relative. The test
 * requires |σ̂/σ − 1| ≤ 1e−12 wherever 64·ρ ≤ 1e−12 (a relative vol change of 1e−12 moves the price by at
 * least 64 ulps), and |σ̂/σ − 1| ≤ 4·ρ elsewhere — the implied vol is then as good as the price allows.
 * Prices that round onto a bound (p = intrinsic, or p = the upper bound F or K) carry no information:
 * they must give 0 and a domain error respectively, never a made-up volatility.
 */
class BlackRoundTripTest {
  static final double ONE_MINUTE = 1.0 / 525_600;
  static final double[] EXPIRIES = {ONE_MINUTE, 1.0 / 1440, 1.0 / 365, 1.0 / 52, 1.0 / 12, 0.25, 1, 2, 5, 10, 30, 50};
  static final double[] VOLS = {0.01, 0.03, 0.1, 0.2, 0.35, 0.5, 1, 2, 3.5, 5};

  /**
   * The undiscounted Black price: intrinsic value plus √(FK)·b(−|x|, σ√T), the time value from the normalised
   * function (checked against mpmath in {@link NormalisedBlackTest}).
   */
  static double blackPrice(OptionType type, double forward, double strike, double vol, double years) {
    double x = -Math.abs(ImpliedVolatility.logMoneyness(forward, strike));
    double s = vol * Math.sqrt(years);
    double timeValue = Math.sqrt(forward) * Math.sqrt(strike) * NormalisedBlack.call(x, s);
    if (timeValue < 1e-290) {
      // Far wing: √(FK)·vega·(b/vega) in one rounding, so that a subnormal price keeps every bit it can.
      timeValue = Math.exp(0.5 * (Math.log(forward) + Math.log(strike)) + NormalisedBlack.logVega(x, s))
          * NormalisedBlack.scaledOutOfTheMoneyCall(x, s);
    }
    return type.intrinsic(forward, strike) + timeValue;
  }

  /** The relative vol resolution of a double price: ulp(p)/(σ·∂p/∂σ). */
  static double resolution(OptionType type, double forward, double strike, double vol, double years, double price) {
    double x = ImpliedVolatility.logMoneyness(forward, strike);
    double s = vol * Math.sqrt(years);
    return Math.ulp(price) / (Math.sqrt(forward) * Math.sqrt(strike) * NormalisedBlack.vega(x, s) * s);
  }

  @Test
  void roundTripsToMachinePrecisionWhereverThePriceDeterminesTheVol() {
    double forward = 100;
    int determined = 0;
    int total = 0;
    double worstDetermined = 0;
    double worstRatio = 0;
    for (double years : EXPIRIES) {
      for (double vol : VOLS) {
        double s = vol * Math.sqrt(years);
        for (int i = -40; i <= 40; i++) {
          double strike = forward * Math.exp(0.25 * i * s);
          for (OptionType type : OptionType.values()) {
            double price = blackPrice(type, forward, strike, vol, years);
            double upper = type == OptionType.CALL ? forward : strike;
            double intrinsic = type.intrinsic(forward, strike);
            total++;
            if (price >= upper - 4 * Math.ulp(upper)) {
              // Within rounding of the upper bound: either the bound error or a vol as good as the price allows.
              if (price < upper) {
                try {
                  double implied = ImpliedVolatility.black(type, price, forward, strike, years);
                  assertTrue(Math.abs(implied / vol - 1) <= 64 * resolution(type, forward, strike, vol, years, price));
                } catch (InvalidInputException e) {
                  assertTrue(e.getMessage().contains("upper bound"), e.getMessage());
                }
                continue;
              }
              InvalidInputException e = assertThrows(InvalidInputException.class,
                  () -> ImpliedVolatility.black(type, price, forward, strike, years));
              assertEquals(InvalidInputException.Kind.DOMAIN, e.kind());
              continue;
            }
            if (price <= intrinsic) {
              assertEquals(0.0, ImpliedVolatility.black(type, price, forward, strike, years));
              continue;
            }
            double implied = ImpliedVolatility.black(type, price, forward, strike, years);
            double error = Math.abs(implied / vol - 1);
            double resolution = resolution(type, forward, strike, vol, years, price);
            String where = type + " F=" + forward + " K=" + strike + " T=" + years + " vol=" + vol + " price=" + price
                + " implied=" + implied + " resolution=" + resolution;
            if (64 * resolution <= 1e-12) {
              determined++;
              worstDetermined = Math.max(worstDetermined, error);
              assertTrue(error <= 1e-12, where);
            } else {
              worstRatio = Math.max(worstRatio, error / resolution);
              assertTrue(error <= 4 * resolution, where);
            }
          }
        }
      }
    }
    System.out.printf("Black round trip: %d options, %d determined to 1e-12, worst error there %.3g;"
        + " elsewhere worst error / resolution %.3g%n", total, determined, worstDetermined, worstRatio);
    assertTrue(determined > total / 2);
  }
}
