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
 * <p>The lognormal pricers add the out-of-the-money time value, computed without cancellation, to the
 * intrinsic value of the same forward the inversion forms, so their premiums are the Black value to a few ulps:
 * the premium is known to ν = ulp(premium) ({@link #premiumNoise}), and the vol is determined to the relative
 * resolution ρ = ν/(σ·vega) — the same criterion as for exact prices in {@link BlackRoundTripTest}. The
 * Bachelier premium (F − K)·N(d) + σ√T·n(d) still carries the rounding of its terms, ν = 8ε·(|F − K|·N(φd)
 * + σ√T·n(d)). The test asks for the vol to 1e−13 wherever 64·ρ ≤ 1e−12; elsewhere for a vol that reprices to
 * within a few ν (32 ν far in the lognormal wings); and a refusal (a premium at or past a no-arbitrage bound) only where ρ &gt; 1e−3, with a
 * message naming the bound.
 */
class ModelRoundTripTest {
  private static final double[] RATES = {-0.01, 0.0, 0.03, 0.08};
  private static final double[] YIELDS = {-0.005, 0.0, 0.02};
  private static final double[] YEARS = {1.0 / 525_600, 1.0 / 365, 0.1, 1, 5, 30};

  private int determined;
  private int total;
  private int refused;
  private double worst;
  private double worstRepricing;

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
      assertTrue(error <= 1e-13, where + " implied=" + implied);
    } else {
      double repriced = pricer.price(type, spot, strike, years, implied, rate, yield);
      // Far in the wings the inversion's normalised Black function carries e^{±x/2} factors, a few ulps per
      // unit of |x| = |ln(F/K)| (up to 40 on this grid): an undetermined vol reprices to within 32 ulps there.
      double tolerance = model == Model.BACHELIER ? 2 * noise : 32 * noise;
      worstRepricing = Math.max(worstRepricing, Math.abs(repriced - price) / noise);
      assertTrue(Math.abs(repriced - price) <= tolerance, where + " implied=" + implied + " repriced=" + repriced);
    }
  }

  /**
   * How well a double premium can be known: for the lognormal models, whose premium is the Black value to a few
   * ulps, one ulp of the premium (the margin 64 in the determined criterion covers the few); for Bachelier 8ε
   * times the size of the terms whose difference makes it, e^{−rT}·(|F − K|·N(φd) + σ√T·n(d)), plus 8 ulps of
   * the premium itself.
   */
  static double premiumNoise(Model model, OptionType type, double spot, double strike, double years, double vol,
      double rate, double yield, double price) {
    if (model != Model.BACHELIER) {
      return Math.ulp(price);
    }
    int phi = type.sign();
    double df = Math.exp(-rate * years);
    double st = vol * Math.sqrt(years);
    double d = (spot * Math.exp((rate - yield) * years) - strike) / st;
    double terms = Math.abs(spot * Math.exp((rate - yield) * years) - strike) * Normal.cdf(phi * d)
        + st * Normal.pdf(d);
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

  private void report(Model model, double minimumDeterminedShare) {
    System.out.printf("%s round trip: %d options, %d determined to 1e-13, worst error there %.3g; elsewhere"
        + " repriced to %.3g noise; %d refused at a bound%n", model, total, determined, worst, worstRepricing, refused);
    // Not vacuous: most of the grid is determined through the pricers' premiums (before the lognormal
    // premiums were computed without cancellation, under 30 % by their noise).
    assertTrue(determined > minimumDeterminedShare * total, model + ": " + determined + " of " + total);
  }

  @Test
  void blackScholesMerton() {
    lognormalGrid(Model.BSM);
    report(Model.BSM, 0.6);
  }

  @Test
  void black76() {
    lognormalGrid(Model.BLACK76);
    report(Model.BLACK76, 0.6);
  }

  @Test
  void inverseOption() {
    lognormalGrid(Model.INVERSE);
    report(Model.INVERSE, 0.6);
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
    report(Model.BACHELIER, 0.5);
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
