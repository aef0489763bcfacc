package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gammaxl.pricing.Normal;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * Bachelier implied vol against 50-digit mpmath prices (reference/bachelier_mpmath.csv): forwards of 100, of
 * −0.2 % and of 0, strikes from −30 to +30 standard deviations, expiries from one minute to 30 years.
 * The same "determined" criterion as the Black round trip: the relative resolution of a double price is
 * ρ = ulp(p)/(σ·∂p/∂σ) with ∂p/∂σ = √T·φ(d); the vol must be within 1e−12 relative wherever 64·ρ ≤ 1e−12,
 * and within 4·ρ elsewhere.
 */
class ImpliedNormalVolatilityTest {

  @Test
  void recoversTheVolOfFiftyDigitPrices() {
    int determined = 0;
    int rows = 0;
    double worst = 0;
    for (Map<String, String> row : ReferenceCsv.read("bachelier_mpmath.csv")) {
      rows++;
      OptionType type = ReferenceCsv.number(row, "type") > 0 ? OptionType.CALL : OptionType.PUT;
      double forward = ReferenceCsv.number(row, "F");
      double strike = ReferenceCsv.number(row, "K");
      double vol = ReferenceCsv.number(row, "sigma");
      double years = ReferenceCsv.number(row, "T");
      double price = ReferenceCsv.number(row, "price");
      double implied = ImpliedVolatility.normal(type, price, forward, strike, years);
      String where = type + " F=" + forward + " K=" + strike + " vol=" + vol + " T=" + years + " price=" + price
          + " implied=" + implied;
      if (price <= type.intrinsic(forward, strike)) {
        assertEquals(0.0, implied, where);
        continue;
      }
      double st = vol * Math.sqrt(years);
      double resolution = Math.ulp(price) / (st * Normal.pdf((forward - strike) / st));
      double error = Math.abs(implied / vol - 1);
      if (64 * resolution <= 1e-12) {
        determined++;
        worst = Math.max(worst, error);
        assertTrue(error <= 1e-12, where);
      } else {
        assertTrue(error <= 4 * resolution, where + " resolution=" + resolution);
      }
    }
    System.out.printf("Bachelier implied vol: %d rows, %d determined, worst error there %.3g%n", rows, determined,
        worst);
    assertEquals(720, rows);
    assertTrue(determined > 400, "determined: " + determined);
  }

  @Test
  void atTheMoneyIsClosedForm() {
    // ATM Bachelier price = σ·√(T/(2π)).
    double price = 0.5 * Math.sqrt(2 / (2 * Math.PI));
    assertEquals(0.5, ImpliedVolatility.normal(OptionType.PUT, price, 1.5, 1.5, 2), 1e-15);
  }

  @Test
  void putCallParityGivesTheSameVol() {
    double forward = 0.013;
    double strike = 0.02;
    double call = 0.0011;
    double put = call - (forward - strike);
    assertEquals(ImpliedVolatility.normal(OptionType.CALL, call, forward, strike, 3),
        ImpliedVolatility.normal(OptionType.PUT, put, forward, strike, 3), 1e-15);
  }
}
