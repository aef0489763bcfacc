package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.model;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.spot;
import static org.gammaxl.sheet.OptionArgs.strike;
import static org.gammaxl.sheet.OptionArgs.type;
import static org.gammaxl.sheet.OptionArgs.vol;
import static org.gammaxl.sheet.OptionArgs.years;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.hedge.DeltaHedge;
import org.gammaxl.hedge.GammaScalping;
import org.gammaxl.hedge.HedgeBands;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.hedge.MultiGreekHedge;
import org.gammaxl.pricing.Greek;

/**
 * Hedging and gamma-scalping formulas: {@code GX.HEDGE.QTY}, {@code GX.HEDGE.DELTA},
 * {@code GX.NEUTRALIZE}, {@code GX.BREAKEVEN}, {@code GX.SCALP.PNL}, {@code GX.SCALP.EXPECTED},
 * {@code GX.SCALP.VOLPNL}, {@code GX.HEDGE.ERROR}, {@code GX.HEDGE.BAND}, {@code GX.LELAND.VOL} (implemented in
 * {@code org.gammaxl.hedge}).
 */
final class HedgeFunctions {
  static final String CATEGORY = "GammaXL Hedging";
  static final Keyword INSTRUMENT = Keyword.ofEnum(HedgeInstrument.class, "FUTURES", "FUTURE", "FORWARD", "FUTURE",
      "PERPETUAL", "PERP", "SWAP", "PERP", "UNDERLYING", "SPOT");
  private static final Greek[] GREEKS = Greek.values();
  private static final Param GREEK_NAME = Param.keyword("greeks", "", OptionArgs.GREEK);

  private HedgeFunctions() {
  }

  private static Param days() {
    return Param.number("days", "Calendar days the move or decay spans").optional(1);
  }

  static List<SheetFunction> functions() {
    return List.of(
        SheetFunction.builder("GX.HEDGE.QTY").category(CATEGORY)
            .description("Units of the hedge instrument to trade to flatten delta: -position_delta / hedge_delta,"
                + " rounded to lot; negative = sell")
            .args(Param.number("position_delta", "Delta of the position in units of underlying (GX.DELTA * quantity)"),
                Param.number("hedge_delta", "Delta of one unit of the hedge instrument (see GX.HEDGE.DELTA)").optional(1),
                Param.number("lot", "Trading lot in instrument units, 1 for whole contracts; 0 = no rounding")
                    .optional(0))
            .numeric(HedgeFunctions::hedgeQuantity)
            .example(523.4)
            .example(-1234.0, 50, 1)
            .build(),
        SheetFunction.builder("GX.HEDGE.DELTA").category(CATEGORY)
            .description("Delta to spot of one unit of a hedge instrument: SPOT, FUTURE, PERP or INVERSE"
                + " (coin-margined, contract_size = face value in quote currency)")
            .args(Param.keyword("instrument", "SPOT, FUTURE, PERP or INVERSE", INSTRUMENT),
                spot(),
                Param.number("contract_size", "Underlying units per contract; INVERSE: face value, e.g. 100 USD")
                    .optional(1),
                rate(), dividendYield(),
                Param.number("delivery_years", "FUTURE only: time to the future's delivery in years").optional(0))
            .numeric(a -> {
              HedgeInstrument h = HedgeInstrument.values()[(int) a[0]];
              Require.positive("spot", a[1]);
              Require.positive("contract_size", a[2]);
              Require.nonNegative("delivery_years", a[5]);
              return h.deltaPerUnit(a[1], a[2], a[3], a[4], a[5]);
            })
            .example("FUTURE", 100, 50, 0.05, 0.01, 0.25)
            .example("INVERSE", 40000, 100)
            .build(),
        SheetFunction.builder("GX.NEUTRALIZE").category(CATEGORY)
            .description("Quantities of hedge instruments that flatten several greeks at once (exact, least-squares"
                + " or minimum-norm); returns one quantity per instrument as a column")
            .details("`greeks` names the greeks to flatten (e.g. DELTA, GAMMA, VEGA) and `exposures` gives the book's"
                + " value of each (from `GX.PORTFOLIO.GREEK`). `instrument_greeks` has one row per greek, in the same"
                + " order, and one column per hedge instrument: the greek of one unit of that instrument, in the same"
                + " units as the exposures. Square and independent: exact; more greeks than instruments: weighted"
                + " least squares; otherwise the minimum-norm solution (`org.gammaxl.hedge.MultiGreekHedge`).")
            .args(Param.table("greeks", "Names of the greeks to flatten, e.g. DELTA, GAMMA, VEGA"),
                Param.series("exposures", "The book's value of each greek, same order"),
                Param.table("instrument_greeks", "One row per greek, one column per hedge instrument: greek per unit"),
                Param.series("weights", "Weight of each greek in the least-squares fit; default 1 each").optional())
            .array()
            .body(HedgeFunctions::neutralize)
            .example(new Object[][] {{"DELTA"}, {"GAMMA"}}, new Object[][] {{-500.0}, {-30.0}},
                new Object[][] {{1.0, 0.55}, {0.0, 0.02}})
            .build(),
        SheetFunction.builder("GX.BREAKEVEN").category(CATEGORY)
            .description("Spot move over days at which the gamma P&L of a delta-hedged option pays its theta:"
                + " sqrt(2 |theta| dt / gamma), price units")
            .args(type(), spot(), strike(), years(), vol(), rate(), dividendYield(), days(), model())
            .numeric(a -> {
              double[] b = {a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[8]};
              double theta = OptionArgs.greek(Greek.THETA, b, 0, false);
              double gamma = OptionArgs.greek(Greek.GAMMA, b, 0, false);
              return GammaScalping.breakevenMove(theta, gamma, Require.nonNegative("days", a[7]) / 365.0);
            })
            .example("C", 100, 100, 0.25, 0.2, 0.05)
            .build(),
        SheetFunction.builder("GX.SCALP.PNL").category(CATEGORY)
            .description("P&L of one delta-hedged step: 0.5 * gamma * spot_move^2 + theta * days (theta per day as"
                + " GX.THETA gives it)")
            .args(Param.number("gamma", "Gamma of the position (delta per 1.00 of spot)"),
                Param.number("spot_move", "Spot move over the step, price units"),
                Param.number("theta", "Theta of the position per calendar day (GX.THETA)"),
                days())
            .numeric(a -> GammaScalping.scalpPnl(a[0], a[1], a[2] * 365.0, a[3] / 365.0))
            .example(0.05, 2.0, -0.04)
            .build(),
        SheetFunction.builder("GX.SCALP.EXPECTED").category(CATEGORY)
            .description("Expected P&L of one step hedged at implied vol while spot realises realized_vol:"
                + " 0.5 * gamma * spot^2 * (realized^2 - implied^2) * days / 365")
            .args(Param.number("gamma", "Gamma of the position (delta per 1.00 of spot)"), spot(),
                Param.number("realized_vol", "Realized volatility, 0.25 = 25%"),
                Param.number("implied_vol", "Implied volatility the hedge uses, 0.2 = 20%"),
                days())
            .numeric(a -> GammaScalping.expectedStepPnl(a[0], a[1], a[2], a[3], a[4] / 365.0))
            .example(0.05, 100, 0.25, 0.2)
            .build(),
        SheetFunction.builder("GX.SCALP.VOLPNL").category(CATEGORY)
            .description("P&L locked in by a long option bought at implied_vol and delta hedged at realized_vol:"
                + " value at realized minus value at implied, per unit of underlying (negate for short)")
            .details("Ahmad and Wilmott (2005): hedging continuously with the delta at the realized vol makes the"
                + " P&L deterministic, V(realized) - V(implied), present value at the start"
                + " (`org.gammaxl.hedge.GammaScalping#realizedVolHedgePnl`).")
            .args(type(), spot(), strike(), years(),
                Param.number("realized_vol", "Volatility the spot will realise, 0.25 = 25%"),
                Param.number("implied_vol", "Implied volatility paid for the option, 0.2 = 20%"),
                rate(), dividendYield(), model())
            .numeric(a -> GammaScalping.realizedVolHedgePnl(OptionArgs.pricer(a[8]), OptionArgs.optionType(a[0]), a[1],
                a[2], a[3], a[4], a[5], a[6], a[7]))
            .example("C", 100, 100, 0.25, 0.25, 0.2)
            .build(),
        SheetFunction.builder("GX.HEDGE.ERROR").category(CATEGORY)
            .description("Standard deviation of the P&L of a delta hedge rebalanced N times over the option's"
                + " life: sqrt(pi/4) * vega * vol / sqrt(N) (Derman-Kamal), premium currency")
            .args(type(), spot(), strike(), years(), vol(),
                Param.number("rebalances", "Number of rebalances until expiry, >= 1 (e.g. 63 for daily over 3 months)"),
                rate(), dividendYield(), model())
            .numeric(a -> {
              double[] b = {a[0], a[1], a[2], a[3], a[4], a[6], a[7], a[8]};
              return GammaScalping.hedgingErrorStdev(OptionArgs.greek(Greek.VEGA, b, 0, false), a[4], a[5]);
            })
            .example("C", 100, 100, 0.25, 0.2, 63)
            .build(),
        SheetFunction.builder("GX.HEDGE.BAND").category(CATEGORY)
            .description("Whalley-Wilmott no-trade band half-width in delta: rebalance when |hedge - delta| exceeds it;"
                + " (1.5 e^(-rT) cost S gamma^2 / risk_aversion)^(1/3)")
            .args(spot(), Param.number("gamma", "Gamma of the position (delta per 1.00 of spot)"), years(),
                Param.number("cost", "Proportional cost of trading, 0.001 = 10 bp of traded value"),
                Param.number("risk_aversion", "Risk aversion per unit of currency, > 0"),
                rate())
            .numeric(a -> HedgeBands.whalleyWilmott(a[5], a[2], a[3], a[0], a[1], a[4]))
            .example(100, 50, 0.25, 0.001, 0.01)
            .build(),
        SheetFunction.builder("GX.LELAND.VOL").category(CATEGORY)
            .description("Leland transaction-cost adjusted volatility: vol * sqrt(1 -/+ Le) for a long/short option,"
                + " Le = sqrt(2/pi) * cost / (vol * sqrt(rebalance_years))")
            .args(vol(),
                Param.number("cost", "Round-trip proportional cost, 0.002 = 20 bp"),
                Param.number("rebalance_years", "Time between rebalances in years, e.g. 1/252 for daily"),
                Param.bool("long", "TRUE for a long option (hedged at a lower vol), FALSE for short").optional(1, "TRUE"))
            .numeric(a -> HedgeBands.lelandVol(a[0], a[1], a[2], a[3] != 0))
            .example(0.2, 0.002, 1.0 / 252)
            .example(0.2, 0.002, 1.0 / 252, false)
            .build());
  }

  static double hedgeQuantity(double[] a) {
    Require.finite("position_delta", a[0]);
    if (a[1] == 0) {
      throw InvalidInputException.domain("hedge_delta", "must be non-zero: a hedge without delta hedges nothing");
    }
    Require.finite("hedge_delta", a[1]);
    Require.nonNegative("lot", a[2]);
    return DeltaHedge.roundToLot(-a[0] / a[1], a[2]);
  }

  private static Object neutralize(Values v) {
    Object[][] names = v.table(0);
    List<Greek> greeks = new ArrayList<>();
    for (Object[] row : names) {
      for (Object cell : row) {
        if (cell != Empty.BLANK && cell != null) {
          greeks.add(GREEKS[(int) Values.read(GREEK_NAME, cell, "greeks cell " + (greeks.size() + 1))]);
        }
      }
    }
    double[] exposures = v.series(1);
    if (exposures.length != greeks.size()) {
      throw InvalidInputException.type("exposures", "has " + exposures.length + " values for " + greeks.size()
          + " greeks");
    }
    Object[][] t = v.table(2);
    if (t.length != greeks.size()) {
      throw InvalidInputException.type("instrument_greeks", "has " + t.length + " rows for " + greeks.size()
          + " greeks; give one row per greek");
    }
    int n = t[0].length;
    for (Object[] row : t) {
      if (row.length != n) {
        throw InvalidInputException.type("instrument_greeks", "rows have different lengths");
      }
    }
    double[][] instruments = new double[n][greeks.size()];
    for (int r = 0; r < t.length; r++) {
      for (int c = 0; c < n; c++) {
        instruments[c][r] = v.tableNumber(2, r, c);
      }
    }
    double[] weights = v.isAbsent(3) ? null : v.series(3);
    double[] q = MultiGreekHedge.solve(greeks, exposures, instruments, weights).quantities();
    Object[][] out = new Object[n][1];
    for (int c = 0; c < n; c++) {
      out[c][0] = q[c];
    }
    return out;
  }
}
