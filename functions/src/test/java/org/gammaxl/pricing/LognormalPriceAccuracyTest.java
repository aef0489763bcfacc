package org.gammaxl.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gammaxl.vol.NormalisedBlack;
import org.junit.jupiter.api.Test;

/**
 * The lognormal premium is the exact value to a few ulps everywhere: in the money, at the money at minute expiries
 * and deep out of the money, where the textbook F·N(d1) − K·N(d2) loses most of the time value.
 *
 * <p>The reference is the exact value at the binary inputs S, K, T, σ, r and q themselves, evaluated in 60-digit
 * {@link BigDecimal} (forward S·e^{(r−q)T}, total deviation σ√T and discount factor e^{−rT} in 60 digits) with
 * {@link NormalTest}'s series and continued fraction; and the 50-digit mpmath values of normalised_black_mpmath.csv.
 * The bound is c·ε·condition·V with the condition of the premium in the quantities that any double computation
 * rounds: 1 + σ·vega/V for σ√T (and, far in the wings, for h = ln(F/K)/(σ√T), whose rounding costs about h²·ε
 * relative, where the elasticity σ·vega/V is h² too), plus (|ln(S/K)| + |bT|)·S·|Δ|/V for ln(F/K), which is formed
 * as ln(S/K) + bT. So the bound is a few ulps of the premium or, in the wings, a few ulps of the vol it implies.
 */
class LognormalPriceAccuracyTest {
  private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
  private static final double EPS = Math.ulp(1.0);
  private static final double[] YEARS = {1.0 / 525_600, 1.0 / 8760, 1.0 / 365, 0.1, 1, 10};
  private static final double[] MONEYNESS = {-30, -20, -12, -8, -5, -3, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 3, 5,
    8, 12, 20, 30};

  /** ln a for a &gt; 0 to about 55 digits: Newton's iteration y ← y + 2(a − e^y)/(a + e^y) from the double log. */
  static BigDecimal ln(BigDecimal a) {
    BigDecimal y = new BigDecimal(Math.log(a.doubleValue()));
    for (int i = 0; i < 4; i++) {
      BigDecimal e = NormalTest.exp(y);
      y = y.add(BigDecimal.valueOf(2).multiply(a.subtract(e, MC), MC).divide(a.add(e, MC), MC), MC);
    }
    return y;
  }

  /** The undiscounted Black value φ·(F·Φ(φd1) − K·Φ(φd2)) in 60 digits at the exact binary inputs. */
  static BigDecimal black(int phi, double forward, double strike, double sd) {
    return black(phi, new BigDecimal(forward), new BigDecimal(strike), new BigDecimal(sd));
  }

  /** The undiscounted Black value φ·(F·Φ(φd1) − K·Φ(φd2)) in 60 digits. */
  static BigDecimal black(int phi, BigDecimal f, BigDecimal k, BigDecimal s) {
    BigDecimal d1 = ln(f.divide(k, MC)).divide(s, MC).add(s.divide(BigDecimal.valueOf(2), MC), MC);
    BigDecimal d2 = d1.subtract(s, MC);
    BigDecimal sign = BigDecimal.valueOf(phi);
    BigDecimal value = f.multiply(NormalTest.cdfExact(d1.multiply(sign)), MC)
        .subtract(k.multiply(NormalTest.cdfExact(d2.multiply(sign)), MC), MC);
    return value.multiply(sign);
  }

  /** σ·∂V/∂σ = e^{−rT}·F·n(d1)·σ√T: with V, the elasticity that rounding σ√T and ln(F/K) is amplified by. */
  private static double volTimesVega(double forward, double strike, double sd, double df) {
    double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
    return df * forward * Normal.pdf(d1) * sd;
  }

  /** S·|Δ| = e^{−rT}·F·Φ(φd1) = |∂V/∂x| at fixed K: the premium's sensitivity to the rounding of ln(F/K). */
  private static double spotTimesDelta(int phi, double forward, double strike, double sd, double df) {
    double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
    return df * forward * Normal.cdf(phi * d1);
  }

  @Test
  void premiumIsTheExactValueToAFewUlpsInTheMoneyAtTheMoneyAndInTheWings() {
    int cases = 0;
    int textbookOffByHundredUlps = 0;
    double worst = 0;
    double worstTextbook = 0;
    for (double years : YEARS) {
      for (double vol : new double[] {0.05, 0.3, 1.2}) {
        for (double[] rq : new double[][] {{0.05, 0.02}, {-0.01, 0.03}}) {
          double rate = rq[0];
          double yield = rq[1];
          double sd = vol * Math.sqrt(years);
          double forward = 100 * Math.exp((rate - yield) * years);
          double df = Math.exp(-rate * years);
          // the exact forward, deviation and discount factor of these inputs
          BigDecimal exactYears = new BigDecimal(years);
          BigDecimal exactForward = NormalTest.exp(new BigDecimal(rate).subtract(new BigDecimal(yield))
              .multiply(exactYears, MC)).multiply(BigDecimal.valueOf(100), MC);
          BigDecimal exactSd = new BigDecimal(vol).multiply(exactYears.sqrt(MC), MC);
          BigDecimal exactDf = NormalTest.exp(new BigDecimal(-rate).multiply(exactYears, MC));
          List<Double> strikes = new ArrayList<>();
          for (double m : MONEYNESS) {
            strikes.add(forward * Math.exp(m * sd));
          }
          strikes.add(forward); // at the money forward, to the rounded forward's bit
          for (double strike : strikes) {
            for (OptionType type : OptionType.values()) {
              BigDecimal exact = black(type.sign(), exactForward, new BigDecimal(strike), exactSd).multiply(exactDf, MC);
              double expected = exact.doubleValue();
              if (expected < 1e-290) {
                continue;
              }
              double price = BlackScholesMerton.INSTANCE.price(type, 100, strike, years, vol, rate, yield);
              double condition = 1 + volTimesVega(forward, strike, sd, df) / expected
                  + (Math.abs(Math.log(100 / strike)) + Math.abs((rate - yield) * years))
                  * spotTimesDelta(type.sign(), forward, strike, sd, df) / expected;
              double error = exact.subtract(new BigDecimal(price), MC).abs().doubleValue() / (EPS * condition * expected);
              String where = type + " K=" + strike + " T=" + years + " vol=" + vol + " r=" + rate + " q=" + yield
                  + " expected=" + expected + " price=" + price;
              assertTrue(error <= 4, where + " error/(ε·condition·V)=" + error);
              worst = Math.max(worst, error);
              // The textbook difference on the same inputs, to show these cases are the hard ones.
              double textbook = textbook(type.sign(), forward, strike, sd, df);
              double textbookError = Math.abs(textbook - expected) / (EPS * condition * expected);
              worstTextbook = Math.max(worstTextbook, textbookError);
              if (textbookError > 100) {
                textbookOffByHundredUlps++;
              }
              cases++;
            }
          }
        }
      }
    }
    System.out.printf("Lognormal premium vs 60 digits: %d cases, worst error %.3g ε·condition·V;"
        + " the textbook difference is off by more than 100 of those units in %d cases (worst %.3g)%n",
        cases, worst, textbookOffByHundredUlps, worstTextbook);
    assertTrue(cases > 1500);
    assertTrue(textbookOffByHundredUlps > 100, "the grid must contain cases the textbook formula gets wrong");
  }

  private static double textbook(int phi, double forward, double strike, double sd, double df) {
    double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
    return Math.max(phi * df * (forward * Normal.cdf(phi * d1) - strike * Normal.cdf(phi * (d1 - sd))), 0.0);
  }

  /**
   * In the money a minute before expiry the time value is a sliver of the premium, and at the money the premium is
   * a few cents on a forward of 100: both come out to a few ulps of the 60-digit value, through every lognormal
   * model and through greeks().
   */
  @Test
  void minuteExpiriesInAndAtTheMoney() {
    double years = 1.0 / 525_600;
    double vol = 0.2;
    double sd = vol * Math.sqrt(years);
    for (double strike : new double[] {99.9, 99.99, 99.999, 100, 100.001, 100.01, 100.1}) {
      for (OptionType type : OptionType.values()) {
        double expected = black(type.sign(), 100, strike, sd).doubleValue();
        double black76 = Black76.INSTANCE.price(type, 100, strike, years, vol, 0.0, 0.0);
        double bsm = BlackScholesMerton.INSTANCE.price(type, 100, strike, years, vol, 0.0, 0.0);
        double inverse = InverseOption.INSTANCE.price(type, 100, strike, years, vol, 0.0, 0.0) * 100;
        double fromGreeks = BlackScholesMerton.INSTANCE.greeks(type, 100, strike, years, vol, 0.0, 0.0).get(Greek.PRICE);
        String where = type + " K=" + strike;
        // out of the money h = ln(F/K)/(σ√T) reaches ±3.6 here: allow for its rounding as above
        double tolerance = 4 * EPS * (1 + volTimesVega(100, strike, sd, 1) / expected) * expected;
        assertEquals(expected, black76, tolerance, where);
        assertEquals(expected, bsm, tolerance, where);
        assertEquals(expected, inverse, tolerance + Math.ulp(expected), where);
        assertEquals(bsm, fromGreeks, 0.0, where + ": greeks() shares the price path");
      }
    }
  }

  /**
   * At the money (F = K = 100, T = 1, σ = s, r = 0) the premium is 100·b(0, s), for s from 1e−8 to 40, against the
   * 50-digit mpmath values; and {@link NormalisedBlack#scaledTimeValue} is b(−|x|, s)/vega for both signs of x
   * (the out-of-the-money option's value, which is also the in-the-money option's time value, over the vega).
   */
  @Test
  void matchesFiftyDigitNormalisedBlackValues() throws IOException {
    int atTheMoney = 0;
    int expanded = 0;
    for (String[] row : mpmathRows()) {
      double x = Double.parseDouble(row[0]);
      double s = Double.parseDouble(row[1]);
      double b = Double.parseDouble(row[2]);
      double vega = Double.parseDouble(row[3]);
      double condition = 1 + s * vega / b;
      if (x < 0 && NormalisedBlack.needsExpansion(x, s)) {
        expanded++;
      }
      for (double signedX : new double[] {x, -x}) {
        double h = x / s;
        assertEquals(b / vega, NormalisedBlack.scaledTimeValue(signedX, s),
            4 * EPS * (2 + condition + h * h + s * s / 4) * b / vega, "scaledTimeValue(" + signedX + ", " + s + ")");
      }
      if (x == 0) {
        for (OptionType type : OptionType.values()) {
          assertEquals(100 * b, Black76.INSTANCE.price(type, 100, 100, 1, s, 0.0, 0.0), 3 * Math.ulp(100 * b),
              type + " s=" + s);
          assertEquals(100 * b, BlackScholesMerton.INSTANCE.price(type, 100, 100, 1, s, 0.0, 0.0), 3 * Math.ulp(100 * b),
              type + " s=" + s);
        }
        atTheMoney++;
      }
    }
    assertTrue(atTheMoney >= 19);
    assertTrue(expanded > 50, "the expansions must be exercised");
  }

  private static List<String[]> mpmathRows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = getResource("/reference/normalised_black_mpmath.csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
    }
    assertTrue(rows.size() > 150);
    return rows;
  }

  private static InputStream getResource(String name) {
    InputStream in = LognormalPriceAccuracyTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }
}
