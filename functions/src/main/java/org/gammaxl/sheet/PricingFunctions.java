package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.model;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.spot;
import static org.gammaxl.sheet.OptionArgs.strike;
import static org.gammaxl.sheet.OptionArgs.type;
import static org.gammaxl.sheet.OptionArgs.units;
import static org.gammaxl.sheet.OptionArgs.vol;
import static org.gammaxl.sheet.OptionArgs.years;
import static org.gammaxl.sheet.OptionArgs.dividendYield;

import java.util.List;
import org.gammaxl.Require;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.InverseOption;
import org.gammaxl.pricing.OptionPricer;

/**
 * Option value, greeks and implied volatility: {@code GX.PRICE}, {@code GX.DELTA} … {@code GX.RHO},
 * {@code GX.GREEK}, {@code GX.GREEKS}, {@code GX.IMPLIEDVOL}, {@code GX.FORWARD}. Each calls the
 * pricer of the {@code model} argument ({@link org.gammaxl.pricing.Model#pricer()}).
 */
final class PricingFunctions {
  static final String CATEGORY = "GammaXL Pricing";
  private static final Greek[] GREEKS = Greek.values();

  private PricingFunctions() {
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.PRICE").category(CATEGORY)
            .description("Option value per unit of underlying, in the premium currency (INVERSE: in units of the underlying)")
            .args(type(), spot(), strike(), years(), vol(), rate(), dividendYield(), model())
            .numericValues((type, s, k, t, vol, r, q, model) ->
                OptionArgs.greek(Greek.PRICE, type, s, k, t, vol, r, q, model, true))
            .example("C", 100, 100, 0.5, 0.2, 0.05)
            .example("P", 100, 110, 1, 0.25, 0.03, 0.01, "AMERICAN")
            .build(),
        single("GX.DELTA", Greek.DELTA, false, "Delta: change in option value per 1.00 move in spot"),
        single("GX.GAMMA", Greek.GAMMA, false, "Gamma: change in delta per 1.00 move in spot"),
        single("GX.VEGA", Greek.VEGA, true,
            "Vega: change in value per 1 vol point (0.01); units=RAW: per 1.00 of vol"),
        single("GX.THETA", Greek.THETA, true,
            "Theta: change in value per calendar day that passes, usually negative; units=RAW: per year"),
        single("GX.RHO", Greek.RHO, true,
            "Rho: change in value per 1% rise in the rate; units=RAW: per 1.00 of rate"),
        SheetFunction.builder("GX.GREEK").category(CATEGORY)
            .description("Any greek by name (PRICE, DELTA, GAMMA, VEGA, THETA, RHO, PHI, VANNA, CHARM, VOMMA, SPEED,"
                + " ZOMMA, COLOR, VETA, ULTIMA, DUALDELTA, DUALGAMMA, LAMBDA), trader units unless units=RAW")
            .details(greekUnitsTable())
            .args(Param.keyword("greek", "Greek name, e.g. \"VANNA\"; see GX.GREEKS for the list and order",
                    OptionArgs.GREEK),
                type(), spot(), strike(), years(), vol(), rate(), dividendYield(), model(), units())
            .numeric(a -> OptionArgs.greek(GREEKS[(int) a[0]], a, 1, a[9] != OptionArgs.RAW))
            .example("VANNA", "C", 100, 100, 0.5, 0.2, 0.05)
            .example("THETA", "C", 100, 100, 0.5, 0.2, 0.05, 0, "BSM", "RAW")
            .build(),
        SheetFunction.builder("GX.GREEKS").category(CATEGORY)
            .description("All 18 greeks as one row: PRICE, DELTA, GAMMA, VEGA, THETA, RHO, PHI, VANNA, CHARM, VOMMA,"
                + " SPEED, ZOMMA, COLOR, VETA, ULTIMA, DUALDELTA, DUALGAMMA, LAMBDA")
            .details("Enter as an array formula over 18 cells (or let it spill). A greek the model does not define is"
                + " `#N/A` in its cell. Units as in `GX.GREEK`.")
            .args(type(), spot(), strike(), years(), vol(), rate(), dividendYield(), model(), units(),
                Param.bool("header", "TRUE adds a first row with the greek names").optional(0, "FALSE"))
            .array()
            .body(PricingFunctions::greeks)
            .example("C", 100, 100, 0.5, 0.2, 0.05, 0, "BSM", "TRADER", true)
            .build(),
        SheetFunction.builder("GX.DELTA.PA").category(CATEGORY)
            .description("Premium-adjusted delta of an inverse (coin-margined) option: BSM delta - USD value / spot,"
                + " in coin per coin of notional: the coin position that hedges it")
            .details("For options whose premium is paid in the underlying (Deribit-style BTC options): the coin a"
                + " hedger holds against one option is the Black-Scholes delta less the premium already held in"
                + " coin (`org.gammaxl.pricing.InverseOption#premiumAdjustedDelta`).")
            .args(type(), spot(), strike(), years(), vol(), rate(), dividendYield())
            .numeric(a -> InverseOption.INSTANCE.premiumAdjustedDelta(OptionArgs.optionType(a[0]), a[1], a[2], a[3],
                a[4], a[5], a[6]))
            .example("C", 60000, 65000, 0.25, 0.6)
            .build(),
        impliedVolFunction(),
        SheetFunction.builder("GX.FORWARD").category(CATEGORY)
            .description("Forward price spot * exp((rate - yield) * years), continuous compounding")
            .args(spot(), years(), rate(), dividendYield())
            .numeric(a -> forward(a[0], a[1], a[2], a[3]))
            .example(100, 0.5, 0.05, 0.02)
            .build());
  }

  /** GX.IMPLIEDVOL. */
  static SheetFunction impliedVolFunction() {
    return SheetFunction.builder("GX.IMPLIEDVOL").category(CATEGORY)
            .description("Volatility at which the model's value equals price (BACHELIER: absolute vol); #NUM! when"
                + " the price is outside the no-arbitrage bounds")
            .args(type(), Param.number("price", "Option price per unit of underlying, premium currency"),
                spot(), strike(), years(), rate(), dividendYield(), model())
            .numeric(PricingFunctions::impliedVol)
            .example("C", 10.45058357, 100, 100, 1, 0.05)
            .build();
  }

  private static SheetFunction single(String name, Greek greek, boolean withUnits, String description) {
    SheetFunction.Builder b = SheetFunction.builder(name).category(CATEGORY)
        .description(description)
        .details("Same as `GX.GREEK(\"" + greek + "\", ...)`; unit: " + OptionArgs.unit(greek, true)
            + (withUnits ? " (units=\"RAW\": " + OptionArgs.unit(greek, false) + ")" : "") + ".");
    if (withUnits) {
      b.args(type(), spot(), strike(), years(), vol(), rate(), dividendYield(), model(), units())
          .numeric(a -> OptionArgs.greek(greek, a, 0, a[8] != OptionArgs.RAW))
          .example("C", 100, 100, 0.5, 0.2, 0.05);
    } else {
      b.args(type(), spot(), strike(), years(), vol(), rate(), dividendYield(), model())
          .numericValues((type, s, k, t, vol, r, q, model) ->
              OptionArgs.greek(greek, type, s, k, t, vol, r, q, model, true))
          .example("C", 100, 100, 0.5, 0.2, 0.05);
    }
    return b.build();
  }

  private static Object greeks(Values v) {
    double[] a = new double[8];
    for (int i = 0; i < 8; i++) {
      a[i] = v.number(i);
    }
    boolean trader = v.number(8) != OptionArgs.RAW;
    OptionPricer pricer = OptionArgs.pricer(a[7]);
    Greeks g = pricer.greeks(OptionArgs.optionType(a[0]), a[1], a[2], a[3], a[4], a[5], a[6]);
    boolean header = v.bool(9);
    Object[][] out = new Object[header ? 2 : 1][GREEKS.length];
    for (Greek k : GREEKS) {
      double x = g.get(k);
      if (header) {
        out[0][k.ordinal()] = k.name();
      }
      out[header ? 1 : 0][k.ordinal()] = trader ? x * k.traderScale() : x;
    }
    return out;
  }

  private static double impliedVol(double[] a) {
    OptionPricer pricer = OptionArgs.pricer(a[7]);
    return pricer.impliedVol(OptionArgs.optionType(a[0]), a[1], a[2], a[3], a[4], a[5], a[6]);
  }

  static double forward(double spot, double years, double rate, double yield) {
    Require.nonNegative("years", years);
    return spot * Math.exp((rate - yield) * years);
  }

  /** The Markdown table of greek units for the reference. */
  static String greekUnitsTable() {
    StringBuilder b = new StringBuilder("| greek | trader units (default) | units=\"RAW\" |\n|---|---|---|\n");
    for (Greek g : GREEKS) {
      b.append("| ").append(g).append(" | ").append(OptionArgs.unit(g, true)).append(" | ")
          .append(OptionArgs.unit(g, false)).append(" |\n");
    }
    return b.toString();
  }
}
