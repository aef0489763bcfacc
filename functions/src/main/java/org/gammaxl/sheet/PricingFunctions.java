package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.model;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.spot;
import static org.gammaxl.sheet.OptionArgs.strike;
import static org.gammaxl.sheet.OptionArgs.type;
import static org.gammaxl.sheet.OptionArgs.units;
import static org.gammaxl.sheet.OptionArgs.vol;
import static org.gammaxl.sheet.OptionArgs.volOrSurface;
import static org.gammaxl.sheet.OptionArgs.years;
import static org.gammaxl.sheet.OptionArgs.dividendYield;

import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.pricing.CashDividends;
import org.gammaxl.pricing.Dividends;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Greeks;
import org.gammaxl.pricing.InverseOption;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.pricing.OptionType;

/**
 * Option value, greeks and implied volatility: {@code GX.PRICE}, {@code GX.DELTA} … {@code GX.RHO},
 * {@code GX.GREEK}, {@code GX.GREEKS}, {@code GX.IMPLIEDVOL}, {@code GX.FORWARD}. Each calls the
 * pricer of the {@code model} argument ({@link org.gammaxl.pricing.Model#pricer()}).
 */
final class PricingFunctions {
  static final String CATEGORY = "GammaXL Pricing";
  private static final Greek[] GREEKS = Greek.values();
  /** {@code below_intrinsic}: ERROR (the DOMAIN error, default) or ZERO. */
  static final Keyword BELOW_INTRINSIC = belowIntrinsic();
  private static final double ZERO = 1;
  /** Hull's example (two 0.50 dividends at 2 and 5 months) for the documented examples. */
  private static final Object[][] HULL_TIMES = {{2 / 12.0}, {5 / 12.0}};
  private static final Object[][] HULL_AMOUNTS = {{0.5}, {0.5}};
  /** Why the American dividend lattice has no ultima, for the log and the help. */
  static final String ULTIMA_ON_LATTICE = "with early exercise the lattice's exercise boundary moves by whole grid"
      + " nodes as the vol moves, so a third difference in vol is noise; EUROPEAN.LATTICE and BSM give it";

  private PricingFunctions() {
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.PRICE").category(CATEGORY)
            .description("Option value per unit of underlying, in the premium currency (INVERSE: in units of the underlying)")
            .details(DividendArgs.DETAILS + "\n\n" + SurfaceArgs.HELP)
            .args(type(), spot(), strike(), years(), volOrSurface(), rate(), dividendYield(), model(),
                DividendArgs.times(), DividendArgs.amounts())
            .numericValues((type, s, k, t, vol, r, q, model) ->
                OptionArgs.greek(Greek.PRICE, type, s, k, t, vol, r, q, model, true))
            .body(v -> withDividends(Greek.PRICE, v, 0, 8, true))
            .example("C", 100, 100, 0.5, 0.2, 0.05)
            .example("P", 100, 110, 1, 0.25, 0.03, 0.01, "AMERICAN")
            .example("C", 40, 40, 0.5, 0.3, 0.09, 0, "BSM", HULL_TIMES, HULL_AMOUNTS)
            .example("P", 40, 40, 0.5, 0.3, 0.09, 0, "AMERICAN", HULL_TIMES, HULL_AMOUNTS)
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
            .details(greekUnitsTable() + "\nULTIMA with cash dividends and an American model is `#N/A`: "
                + ULTIMA_ON_LATTICE + ".\n\n" + SurfaceArgs.HELP)
            .args(Param.keyword("greek", "Greek name, e.g. \"VANNA\"; see GX.GREEKS for the list and order",
                    OptionArgs.GREEK),
                type(), spot(), strike(), years(), volOrSurface(), rate(), dividendYield(), model(), units(),
                DividendArgs.times(), DividendArgs.amounts())
            .numeric(a -> OptionArgs.greek(GREEKS[(int) a[0]], a, 1, a[9] != OptionArgs.RAW))
            .body(v -> withDividends(GREEKS[(int) v.number(0)], v, 1, 10, v.number(9) != OptionArgs.RAW))
            .example("VANNA", "C", 100, 100, 0.5, 0.2, 0.05)
            .example("THETA", "C", 100, 100, 0.5, 0.2, 0.05, 0, "BSM", "RAW")
            .build(),
        SheetFunction.builder("GX.GREEKS").category(CATEGORY)
            .description("All 18 greeks as one row: PRICE, DELTA, GAMMA, VEGA, THETA, RHO, PHI, VANNA, CHARM, VOMMA,"
                + " SPEED, ZOMMA, COLOR, VETA, ULTIMA, DUALDELTA, DUALGAMMA, LAMBDA")
            .details("Enter as an array formula over 18 cells (or let it spill). A greek the model does not define is"
                + " `#N/A` in its cell. Units as in `GX.GREEK`. " + DividendArgs.DETAILS + "\n\n"
                + SurfaceArgs.HELP)
            .args(type(), spot(), strike(), years(), volOrSurface(), rate(), dividendYield(), model(), units(),
                Param.bool("header", "TRUE adds a first row with the greek names").optional(0, "FALSE"),
                DividendArgs.times(), DividendArgs.amounts())
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

  private static Keyword belowIntrinsic() {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("ERROR", 0.0);
    m.put("ZERO", ZERO);
    return Keyword.of(m);
  }

  /** GX.IMPLIEDVOL. */
  static SheetFunction impliedVolFunction() {
    return SheetFunction.builder("GX.IMPLIEDVOL").category(CATEGORY)
            .description("Volatility at which the model's value equals price (BACHELIER: absolute vol); #NUM! when"
                + " the price is outside the no-arbitrage bounds")
            .details("A price below the lowest value any vol gives (the zero-vol value: the discounted intrinsic"
                + " value of the forward for a European, at least the intrinsic value for an American) has no implied"
                + " vol: `#NUM!` naming the bound by default; with `below_intrinsic` = \"ZERO\" such a price (a stale"
                + " or crossed quote) gives 0 instead, so a smile sheet keeps computing. A price above the upper bound"
                + " is `#NUM!` either way. " + DividendArgs.DETAILS)
            .args(type(), Param.number("price", "Option price per unit of underlying, premium currency"),
                spot(), strike(), years(), rate(), dividendYield(), model(), DividendArgs.times(),
                DividendArgs.amounts(), Param.keyword("below_intrinsic",
                    "ERROR (#NUM! naming the bound) or ZERO (0 for a price at or below the zero-vol value)",
                    BELOW_INTRINSIC).optional("ERROR"))
            .numeric(PricingFunctions::impliedVol)
            .body(PricingFunctions::impliedVolWithDividends)
            .example("C", 10.45058357, 100, 100, 1, 0.05)
            .example("C", 3.67123321, 40, 40, 0.5, 0.09, 0, "BSM", HULL_TIMES, HULL_AMOUNTS)
            .example("P", 7.0, 100, 110, 0.5, 0.05, 0, "BSM", Empty.MISSING, Empty.MISSING, "ZERO")
            .build();
  }

  private static SheetFunction single(String name, Greek greek, boolean withUnits, String description) {
    SheetFunction.Builder b = SheetFunction.builder(name).category(CATEGORY)
        .description(description)
        .details("Same as `GX.GREEK(\"" + greek + "\", ...)`; unit: " + OptionArgs.unit(greek, true)
            + (withUnits ? " (units=\"RAW\": " + OptionArgs.unit(greek, false) + ")" : "") + ". Cash dividends as in"
            + " `GX.PRICE`; `vol` may be a vol surface, as in `GX.PRICE`.");
    if (withUnits) {
      b.args(type(), spot(), strike(), years(), volOrSurface(), rate(), dividendYield(), model(),
              DividendArgs.times(), DividendArgs.amounts(), units())
          .numeric(a -> OptionArgs.greek(greek, a, 0, a[10] != OptionArgs.RAW))
          .body(v -> withDividends(greek, v, 0, 8, v.number(10) != OptionArgs.RAW))
          .example("C", 100, 100, 0.5, 0.2, 0.05);
    } else {
      b.args(type(), spot(), strike(), years(), volOrSurface(), rate(), dividendYield(), model(),
              DividendArgs.times(), DividendArgs.amounts())
          .numericValues((type, s, k, t, vol, r, q, model) ->
              OptionArgs.greek(greek, type, s, k, t, vol, r, q, model, true))
          .body(v -> withDividends(greek, v, 0, 8, true))
          .example("C", 100, 100, 0.5, 0.2, 0.05);
    }
    return b.build();
  }

  private static Object greeks(Values v) {
    double[] a = new double[8];
    for (int i = 0; i < 8; i++) {
      a[i] = i == 4 ? 0 : v.number(i);
    }
    boolean trader = v.number(8) != OptionArgs.RAW;
    CashDividends dividends = DividendArgs.read(v, 10, a[3]);
    Model model = OptionArgs.model(a[7]);
    double vol = SurfaceArgs.vol(v, 4, model, a[1], a[2], a[3], a[5], a[6], dividends);
    Greeks g = Dividends.greeks(model, OptionArgs.optionType(a[0]), a[1], a[2], a[3], vol, a[5], a[6], dividends);
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

  /**
   * One greek (trader units when {@code trader}) from the option arguments at {@code at} … {@code at + 7} and the
   * dividends at {@code dividendsAt}, {@code dividendsAt + 1} ({@link Dividends}); the vol a number or read off a
   * surface ({@link SurfaceArgs}).
   */
  private static double withDividends(Greek greek, Values v, int at, int dividendsAt, boolean trader) {
    double years = v.number(at + 3);
    CashDividends dividends = DividendArgs.read(v, dividendsAt, years);
    Model model = OptionArgs.model(v.number(at + 7));
    double spot = v.number(at + 1);
    double strike = v.number(at + 2);
    double rate = v.number(at + 5);
    double yield = v.number(at + 6);
    double vol = SurfaceArgs.vol(v, at + 4, model, spot, strike, years, rate, yield, dividends);
    double x = Dividends.greek(greek, model, OptionArgs.optionType(v.number(at)), spot, strike, years, vol, rate,
        yield, dividends);
    if (Double.isNaN(x)) {
      throw InvalidInputException.notAvailable("greek", model + " does not define " + greek
          + (dividends.isEmpty() ? "" : " with cash dividends") + (greek == Greek.ULTIMA && !dividends.isEmpty()
          ? ": " + ULTIMA_ON_LATTICE : ""));
    }
    return trader ? x * greek.traderScale() : x;
  }

  private static double impliedVolWithDividends(Values v) {
    double years = v.number(4);
    return impliedVol(OptionArgs.model(v.number(7)), OptionArgs.optionType(v.number(0)), v.number(1),
        v.number(2), v.number(3), years, v.number(5), v.number(6), DividendArgs.read(v, 8, years),
        v.number(10) == ZERO);
  }

  private static double impliedVol(double[] a) {
    return impliedVol(OptionArgs.model(a[7]), OptionArgs.optionType(a[0]), a[1], a[2], a[3], a[4], a[5], a[6],
        CashDividends.NONE, a[10] == ZERO);
  }

  /**
   * The implied vol; with {@code zeroBelow}, 0 for a price at or below the zero-vol value (the lowest value any vol
   * gives) instead of the DOMAIN error.
   */
  private static double impliedVol(Model model, OptionType type, double price, double spot, double strike,
      double years, double rate, double yield, CashDividends dividends, boolean zeroBelow) {
    if (zeroBelow && price <= Dividends.price(model, type, spot, strike, years, 0.0, rate, yield, dividends)) {
      return 0.0;
    }
    return Dividends.impliedVol(model, type, price, spot, strike, years, rate, yield, dividends);
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
