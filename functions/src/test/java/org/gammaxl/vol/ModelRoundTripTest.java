package org.gammaxl.vol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.Normal;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * pricer.price → pricer.impliedVol for every European model, calls and puts, with negative rates,
 * dividends and a borrow cost.
 *
 * <p>The pricers' premiums carry their own rounding: F·N(d1) − K·N(d2) (and the Bachelier analogue) is a
 * difference of two terms that, in the money, are of size F and K, so the premium is only known to about
 * ν = 8ε·(F·N(d1) + K·N(d2)) ({@link #premiumNoise}). The vol is then determined to the relative resolution
 * ρ = ν/(σ·vega). The test asks for the vol to 1e−12 wherever
 * 64·ρ ≤ 1e−12; elsewhere for a vol that reprices to within 2ν; and a refusal (a premium the pricer rounded
 * onto or past a no-arbitrage bound) only where ρ &gt; 1e−3, with a message naming the bound.
 */
class ModelRoundTripTest {
  private static final double[] RATES = {-0.01, 0.0, 0.03, 0.08};
  private static final double[] YIELDS = {-0.005, 0.0, 0.02};
  private static final double[] YEARS = {1.0 / 525_600, 1.0 / 365, 0.1, 1, 5, 30};

  private int determined;
  private int total;
  private int refused;
  private double worst;

  private void roundTrip(Model model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield) {
    OptionPricer pricer = model.pricer();
    double price = pricer.price(type, spot, strike, years, vol, rate, yield);
    double vega = pricer.greek(Greek.VEGA, type, spot, strike, years, vol, rate, yield);
    double noise = premiumNoise(model, type, spot, strike, years, vol, rate, yield, price);
    double resolution = noise / Math.abs(vol * vega);
    String where = model + " " + type + " S=" + spot + " K=" + strike + " T=" + years + " vol=" + vol + " r=" + rate
        + " q=" + yield + " price=" + price + " resolution=" + resolution;
    double implied;
    try {
      implied = pricer.impliedVol(type, price, spot, strike, years, rate, yield);
    } catch (InvalidInputException e) {
      assertEquals(InvalidInputException.Kind.DOMAIN, e.kind(), where);
      assertTrue(e.getMessage().contains("bound") || e.getMessage().contains("intrinsic"), where + ": " + e.getMessage());
      assertTrue(resolution > 1e-3, where + ": refused a premium that determines the vol");
      refused++;
      return;
    }
    total++;
    double error = Math.abs(implied / vol - 1);
    if (64 * resolution <= 1e-12) {
      determined++;
      worst = Math.max(worst, error);
      assertTrue(error <= 1e-12, where + " implied=" + implied);
    } else {
      double repriced = pricer.price(type, spot, strike, years, implied, rate, yield);
      assertTrue(Math.abs(repriced - price) <= 2 * noise, where + " implied=" + implied + " repriced=" + repriced);
    }
  }

  /**
   * How well a double premium can be known: 8ε times the size of the terms whose difference makes it,
   * e^{−rT}·(F·N(φd1) + K·N(φd2)) for the lognormal models (over S for the inverse option, quoted in coin)
   * and e^{−rT}·(|F − K|·N(φd) + σ√T·n(d)) for Bachelier, plus 8 ulps of the premium itself.
   */
  static double premiumNoise(Model model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, double price) {
    int phi = type.sign();
    double df = Math.exp(-rate * years);
    double forward = model == Model.BLACK76 ? spot : spot * Math.exp((rate - yield) * years);
    double st = vol * Math.sqrt(years);
    double terms;
    if (model == Model.BACHELIER) {
      double d = (forward - strike) / st;
      terms = Math.abs(forward - strike) * Normal.cdf(phi * d) + st * Normal.pdf(d);
    } else {
      double d1 = Math.log(forward / strike) / st + 0.5 * st;
      terms = forward * Normal.cdf(phi * d1) + strike * Normal.cdf(phi * (d1 - st));
      if (model == Model.INVERSE) {
        terms /= spot;
      }
    }
    return 8 * Math.ulp(1.0) * df * terms + 8 * Math.ulp(price);
  }

  private void lognormalGrid(Model model) {
    for (double years : YEARS) {
      for (double vol : new double[] {0.02, 0.2, 0.8, 2.5}) {
        double s = vol * Math.sqrt(years);
        for (double sd = -8; sd <= 8; sd += 1) {
          double strike = 100 * Math.exp(sd * s);
          for (double rate : RATES) {
            for (double yield : YIELDS) {
              for (OptionType type : OptionType.values()) {
                roundTrip(model, type, 100, strike, years, vol, rate, yield);
              }
            }
          }
        }
      }
    }
  }

  private void report(Model model) {
    System.out.printf("%s round trip: %d options, %d determined to 1e-12, worst error there %.3g; %d refused at a"
        + " bound%n", model, total, determined, worst, refused);
    // Not vacuous: a good share of the grid is determined even through the pricers' rounding.
    assertTrue(determined > total / 5, model + ": " + determined + " of " + total);
  }

  @Test
  void blackScholesMerton() {
    lognormalGrid(Model.BSM);
    report(Model.BSM);
  }

  @Test
  void black76() {
    lognormalGrid(Model.BLACK76);
    report(Model.BLACK76);
  }

  @Test
  void inverseOption() {
    lognormalGrid(Model.INVERSE);
    report(Model.INVERSE);
  }

  /** Bachelier with an equity-like underlying and with rates near and below zero (absolute vols). */
  @Test
  void bachelier() {
    for (double years : YEARS) {
      for (double[] spotVol : new double[][] {{100, 20}, {100, 2}, {0.01, 0.008}, {-0.002, 0.005}}) {
        double spot = spotVol[0];
        double vol = spotVol[1];
        double s = vol * Math.sqrt(years);
        for (double sd = -8; sd <= 8; sd += 1) {
          double strike = spot + sd * s;
          for (double rate : RATES) {
            for (double yield : YIELDS) {
              for (OptionType type : OptionType.values()) {
                roundTrip(Model.BACHELIER, type, spot, strike, years, vol, rate, yield);
              }
            }
          }
        }
      }
    }
    report(Model.BACHELIER);
  }

  @Test
  void pricesOutsideTheBoundsAreRefusedByEveryModel() {
    for (Model model : new Model[] {Model.BSM, Model.BLACK76, Model.INVERSE}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> model.pricer().impliedVol(OptionType.CALL, 1e9, 100, 100, 1, 0.01, 0.0));
      assertEquals("price", e.argument());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Model.BACHELIER.pricer().impliedVol(OptionType.PUT, 1, 90, 100, 1, 0.0, 0.0));
    assertTrue(e.getMessage().contains("intrinsic"), e.getMessage());
  }
}
