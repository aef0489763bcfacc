package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.gammaxl.sheet.SheetCalls.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pricing functions called as a host calls them, compared with the Java API and outside values. */
@ExtendWith(SheetCalls.class)
class PricingFunctionsTest {
  /** Models whose pricer is built; the test covers each. */
  private static final Model[] MODELS = built();

  private static Model[] built() {
    return java.util.Arrays.stream(Model.values()).filter(m -> {
      try {
        m.pricer();
        return true;
      } catch (UnsupportedOperationException e) {
        return false;
      }
    }).toArray(Model[]::new);
  }

  @Test
  void priceMatchesHaug() {
    // Haug, The Complete Guide to Option Pricing Formulas (2007), 1.1.1: S=60 K=65 T=0.25 r=8% vol=30% → 2.1334
    assertEquals(2.1334, number("GX.PRICE", "C", 60.0, 65.0, 0.25, 0.3, 0.08), 5e-5);
    // Black-76 (Haug 1.1.2): F=19 K=19 T=0.75 r=10% vol=28% put → 1.7011
    assertEquals(1.7011, number("GX.PRICE", "P", 19.0, 19.0, 0.75, 0.28, 0.10, 0.0, "BLACK76"), 5e-5);
  }

  @Test
  void americanIsTheAccurateMethodAndTheApproximationsKeepTheirNames() {
    // issue 20's example: the converged value is 32.7810, Bjerksund–Stensland 2002 gives 32.6555
    assertEquals(32.7810, number("GX.PRICE", "C", 120.0, 100.0, 3.0, 0.4, 0.03, 0.07, "AMERICAN"), 1e-4);
    assertEquals(32.6555, number("GX.PRICE", "C", 120.0, 100.0, 3.0, 0.4, 0.03, 0.07, "American.BS2002"), 1e-4);
    assertEquals(32.7810, number("GX.PRICE", "C", 120.0, 100.0, 3.0, 0.4, 0.03, 0.07, "AMERICAN.FAST"), 1e-3);
    assertEquals(32.78, number("GX.PRICE", "C", 120.0, 100.0, 3.0, 0.4, 0.03, 0.07, "AMERICAN.LATTICE"), 5e-3);
    assertTrue(number("GX.PRICE", "C", 120.0, 100.0, 3.0, 0.4, 0.03, 0.07, "american_baw") > 30);
    // two exercise boundaries (a put with rate < 0 and yield below it): #NUM! with the reason; the lattice values it
    assertEquals(ExcelError.NUM, call("GX.PRICE", "P", 100.0, 100.0, 1.0, 0.2, -0.01, -0.03, "AMERICAN"));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("two exercise boundaries"),
        Diagnostics.lastFailure().toString());
    assertTrue(number("GX.PRICE", "P", 100.0, 100.0, 1.0, 0.2, -0.01, -0.03, "AMERICAN.LATTICE") > 7);
  }

  @Test
  void singleGreeksMatchTheJavaApiInTraderAndRawUnits() {
    String[] names = {"GX.PRICE", "GX.DELTA", "GX.GAMMA", "GX.VEGA", "GX.THETA", "GX.RHO"};
    Greek[] greeks = {Greek.PRICE, Greek.DELTA, Greek.GAMMA, Greek.VEGA, Greek.THETA, Greek.RHO};
    for (Model m : MODELS) {
      OptionPricer p = m.pricer();
      for (OptionType t : OptionType.values()) {
        if (m == Model.AMERICAN_BLACK && t == OptionType.PUT) {
          continue; // Black's approximation values calls only (AmericanDividendsTest)
        }
        double spot = m == Model.BACHELIER ? 100 : 100;
        double vol = m == Model.BACHELIER ? 20 : 0.2;
        Greeks g = p.greeks(t, spot, 95, 0.5, vol, 0.03, 0.01);
        Object type = t == OptionType.CALL ? "call" : -1.0;
        for (int i = 0; i < names.length; i++) {
          double expected = greeks[i] == Greek.PRICE ? p.price(t, spot, 95, 0.5, vol, 0.03, 0.01)
              : g.inTraderUnits(greeks[i]);
          assertEquals(expected, number(names[i], type, spot, 95.0, 0.5, vol, 0.03, 0.01, m.name()),
              1e-12 * Math.max(1, Math.abs(expected)), names[i] + " " + m + " " + t);
        }
        assertEquals(g.get(Greek.VEGA), number("GX.VEGA", type, spot, 95.0, 0.5, vol, 0.03, 0.01, m.name(),
            Empty.MISSING, Empty.MISSING, "raw"),
            1e-12 * Math.max(1, Math.abs(g.get(Greek.VEGA))));
        assertEquals(g.get(Greek.THETA), number("GX.THETA", type, spot, 95.0, 0.5, vol, 0.03, 0.01, m.name(),
            Empty.MISSING, Empty.MISSING, "RAW"),
            1e-12 * Math.max(1, Math.abs(g.get(Greek.THETA))));
      }
    }
  }

  @Test
  void greekAndGreeksCoverAllEighteenInOrder() {
    for (Model m : MODELS) {
      if (m == Model.AMERICAN_BLACK) {
        continue; // calls only
      }
      double vol = m == Model.BACHELIER ? 20 : 0.25;
      Greeks g = m.pricer().greeks(OptionType.PUT, 100, 110, 1, vol, 0.05, 0.02);
      Object[][] row = (Object[][]) call("GX.GREEKS", "P", 100.0, 110.0, 1.0, vol, 0.05, 0.02, m.name());
      Object[][] raw = (Object[][]) call("GX.GREEKS", "P", 100.0, 110.0, 1.0, vol, 0.05, 0.02, m.name(), "RAW", true);
      assertEquals(1, row.length);
      assertEquals(18, row[0].length);
      assertEquals(2, raw.length);
      for (Greek k : Greek.values()) {
        assertEquals(k.name(), raw[0][k.ordinal()]);
        Object single = call("GX.GREEK", k.name().toLowerCase(java.util.Locale.ROOT), "P", 100.0, 110.0, 1.0, vol,
            0.05, 0.02, m.name());
        if (Double.isNaN(g.get(k))) {
          assertEquals(ExcelError.NA, row[0][k.ordinal()], k + " " + m);
          assertEquals(ExcelError.NA, single, k + " " + m);
          continue;
        }
        double tol = 1e-12 * Math.max(1, Math.abs(g.get(k)));
        assertEquals(g.inTraderUnits(k), (Double) row[0][k.ordinal()], tol, k + " " + m);
        assertEquals(g.get(k), (Double) raw[1][k.ordinal()], tol, k + " " + m);
        assertEquals(g.inTraderUnits(k), (Double) single, tol, k + " " + m);
      }
    }
  }

  @Test
  void traderUnitsAreTheStatedScalings() {
    Greeks g = Model.BSM.pricer().greeks(OptionType.CALL, 100, 100, 0.5, 0.2, 0.05, 0);
    assertEquals(g.vega() * 0.01, number("GX.VEGA", "C", 100.0, 100.0, 0.5, 0.2, 0.05), 1e-15);
    assertEquals(g.theta() / 365, number("GX.THETA", "C", 100.0, 100.0, 0.5, 0.2, 0.05), 1e-15);
    assertEquals(g.rho() * 0.01, number("GX.RHO", "C", 100.0, 100.0, 0.5, 0.2, 0.05), 1e-15);
    assertEquals(g.vomma() * 1e-4, number("GX.GREEK", "VOMMA", "C", 100.0, 100.0, 0.5, 0.2, 0.05), 1e-15);
    assertEquals(g.veta() * 0.01 / 365, number("GX.GREEK", "VETA", "C", 100.0, 100.0, 0.5, 0.2, 0.05), 1e-15);
    assertTrue(number("GX.THETA", "C", 100.0, 100.0, 0.5, 0.2, 0.05) < 0, "a long call loses value per day");
  }

  @Test
  void missingOptionalsAreZeroRatesAndBsm() {
    double full = number("GX.DELTA", "C", 100.0, 100.0, 0.5, 0.2, 0.0, 0.0, "BSM");
    assertEquals(full, number("GX.DELTA", "C", 100.0, 100.0, 0.5, 0.2));
    assertEquals(full, number("GX.DELTA", "C", 100.0, 100.0, 0.5, 0.2, Empty.MISSING, Empty.BLANK, Empty.MISSING));
    assertEquals(full, number("GX.DELTA", 1.0, new Object[][] {{100.0}}, 100.0, 0.5, 0.2));
  }

  @Test
  void badValuesGiveTheirErrors() {
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "X", 100.0, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", "abc", 100.0, 0.5, 0.2));
    assertEquals(ExcelError.VALUE, call("GX.PRICE", "C", 100.0, 100.0, 0.5, 0.2, 0.0, 0.0, "HESTON"));
    assertEquals(ExcelError.VALUE, call("GX.GREEK", "GAMMA2", "C", 100.0, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.VALUE, call("GX.DELTA", "C", new Object[][] {{100.0}, {101.0}}, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.NUM, call("GX.PRICE", "C", 100.0, 100.0, 0.5, -0.2));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("vol"), Diagnostics.lastFailure().toString());
    assertEquals(ExcelError.NUM, call("GX.PRICE", "C", -100.0, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.NA, call("GX.PRICE", "C", Empty.BLANK, 100.0, 0.5, 0.2));
    assertEquals(ExcelError.REF, call("GX.PRICE", "C", 100.0, ExcelError.REF, 0.5, 0.2));
  }

  @Test
  void errorExplainsTheCall() {
    Object reason = call("GX.ERROR", "GX.PRICE", "C", 100.0, 100.0, 0.5, -0.2);
    assertTrue(((String) reason).startsWith("#NUM! GX.PRICE: vol"), (String) reason);
    assertEquals("OK", call("GX.ERROR", "gx.price", "C", 100.0, 100.0, 0.5, 0.2));
    assertEquals("OK", call("GX.ERROR", "PRICE", "C", 100.0, 100.0, 0.5, 0.2));
    assertEquals("#VALUE! GX.PRICE: type: unknown keyword 'X'; expected C, P, CALL, PUT, 1 or -1",
        call("GX.ERROR", "_xll.GX.PRICE", "X", 100.0, 100.0, 0.5, 0.2));
    assertEquals("#VALUE! GX.PRICE: spot: expected a number, got the text 'abc'",
        call("GX.ERROR", "GX.PRICE", "C", "abc", 100.0, 0.5, 0.2));
    assertEquals("#N/A GX.PRICE: argument vol is #N/A", call("GX.ERROR", "GX.PRICE", "C", 1.0, 1.0, 1.0, ExcelError.NA));
    assertTrue(((String) call("GX.ERROR", "GX.NOPE")).startsWith("#NAME?"));
  }

  @Test
  void impliedVolInvertsPrice() {
    for (Model m : MODELS) {
      if (m == Model.AMERICAN_BLACK) {
        continue; // calls only
      }
      double vol = m == Model.BACHELIER ? 15 : 0.27;
      double price = number("GX.PRICE", "P", 100.0, 105.0, 0.75, vol, 0.02, 0.01, m.name());
      assertEquals(vol, number("GX.IMPLIEDVOL", "P", price, 100.0, 105.0, 0.75, 0.02, 0.01, m.name()), 1e-7, m.name());
    }
    assertEquals(ExcelError.NUM, call("GX.IMPLIEDVOL", "C", 150.0, 100.0, 100.0, 1.0));
    assertTrue(Diagnostics.lastFailure().get().reason().length() > 10);
  }

  @Test
  void premiumAdjustedDeltaIsBsmDeltaLessThePremiumInCoin() {
    OptionPricer bsm = Model.BSM.pricer();
    double delta = bsm.greek(Greek.DELTA, OptionType.CALL, 60000, 65000, 0.25, 0.6, 0.01, 0);
    double usd = bsm.price(OptionType.CALL, 60000, 65000, 0.25, 0.6, 0.01, 0);
    assertEquals(delta - usd / 60000, number("GX.DELTA.PA", "C", 60000.0, 65000.0, 0.25, 0.6, 0.01), 1e-12);
    assertEquals(org.gammaxl.pricing.InverseOption.INSTANCE.premiumAdjustedDelta(OptionType.PUT, 60000, 55000, 0.25,
        0.6, 0, 0), number("GX.DELTA.PA", "P", 60000.0, 55000.0, 0.25, 0.6), 0.0);
    assertEquals(ExcelError.NUM, call("GX.DELTA.PA", "C", 60000.0, 65000.0, 0.25, -0.6));
  }

  @Test
  void forwardIsCarry() {
    assertEquals(100 * Math.exp(0.03 * 0.5), number("GX.FORWARD", 100.0, 0.5, 0.05, 0.02), 1e-12);
    assertEquals(100.0, number("GX.FORWARD", 100.0, 0.5));
    assertEquals(ExcelError.NUM, call("GX.FORWARD", 100.0, -1.0));
  }
}
