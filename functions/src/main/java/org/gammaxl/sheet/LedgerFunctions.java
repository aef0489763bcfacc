package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.type;

import java.util.List;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.SummaryItem;

/**
 * The rolling delta-hedge ledger of one option position along a path of spots: {@code GX.LEDGER}
 * (one row per event under a header row of {@link LedgerColumn} names) and {@code GX.LEDGER.SUMMARY}
 * (the {@link SummaryItem}s as name/value pairs), both computed by {@link HedgeLedger}.
 */
final class LedgerFunctions {
  static final String CATEGORY = "GammaXL Ledger";

  private static final int TIMES = 0;
  private static final int SPOTS = 1;
  private static final int TYPE = 2;
  private static final int STRIKE = 3;
  private static final int EXPIRY = 4;
  private static final int QUANTITY = 5;
  private static final int VOL = 6;
  private static final int RATE = 7;
  private static final int YIELD = 8;
  private static final int SETTINGS = 9;
  private static final int DIV_TIMES = 10;

  private LedgerFunctions() {
  }

  private static Param[] params() {
    return new Param[] {
        Param.series("times", "Event times, oldest first: Excel date-times (or years with TIME=YEARS)"),
        Param.series("spots", "Spot of the underlying at each time"),
        type(),
        Param.number("strike", "Strike price"),
        Param.number("expiry", "Expiry as an Excel date-time (or years on the times' clock with TIME=YEARS)"),
        Param.number("quantity", "Signed number of options: -100000 = short 100,000 (see MULTIPLIER)"),
        Param.table("vol", "Implied vol, 0.2 = 20%: one number, or one mark per time (blank = carry forward)"),
        rate(), dividendYield(),
        Param.table("settings", "Name/value pairs: RULE, THRESHOLD, TIME, FEE_BPS, SLIPPAGE_BPS, MULTIPLIER, HEDGE…"
            + " (see the reference)").optional(),
        DividendArgs.ledgerTimes(), DividendArgs.amounts()};
  }

  static List<SheetFunction> functions() {
    Object[][] times = {{0.0}, {1.0 / 52}, {2.0 / 52}, {3.0 / 52}};
    Object[][] spots = {{100.0}, {102.0}, {99.0}, {101.0}};
    Object[][] settings = {{"TIME", "YEARS"}, {"FEE_BPS", 1.0}};
    return List.of(
        SheetFunction.builder("GX.LEDGER").category(CATEGORY)
            .description("The rolling delta-hedge ledger of an option position along a path: header row of column"
                + " names, then one row per time (cash, hedge, greeks, P&L attribution)")
            .details(LedgerSettings.HELP + "\nColumns (money in the premium currency, greeks of the whole position, raw:"
                + " vega per 1.00 of vol, theta per year): " + LedgerSheet.names(LedgerColumn.values()) + ". With TIME=DATES the TIME column"
                + " shows the given date-times. `HEDGE_CASH` is the cumulative cash of the hedge including its"
                + " financing. TOTAL_PNL = DELTA_PNL + GAMMA_PNL + THETA_PNL + VEGA_PNL + CARRY_PNL + COST_PNL +"
                + " RESIDUAL_PNL. A blank cell (TRADE_PRICE without a trade) means no value.\n\n"
                + DividendArgs.LEDGER_DETAILS)
            .args(params())
            .array()
            .body(v -> ledger(v, false))
            .example(times, spots, "C", 100, 0.25, -100, 0.2, 0.05, 0, settings)
            .build(),
        SheetFunction.builder("GX.LEDGER.SUMMARY").category(CATEGORY)
            .description("Summary of the delta-hedge ledger (same arguments as GX.LEDGER) as two columns: name and"
                + " value (total and attributed P&L, costs, turnover, realized vs implied vol)")
            .details("Items: " + LedgerSheet.names(SummaryItem.values()) + ". See `GX.LEDGER` for the arguments and settings.")
            .args(params())
            .array()
            .body(v -> ledger(v, true))
            .example(times, spots, "C", 100, 0.25, -100, 0.2, 0.05, 0, settings)
            .build());
  }

  private static Object ledger(Values v, boolean summaryOnly) {
    LedgerSettings s = LedgerSettings.parse(v.table(SETTINGS), false);
    LedgerSheet.Path at = new LedgerSheet.Path(TIMES, SPOTS, VOL, RATE, YIELD);
    at.divTimes = DIV_TIMES;
    return LedgerSheet.run(v, at, s, origin -> {
      LedgerSheet.Legs legs = new LedgerSheet.Legs();
      double expiry = s.years(origin, v.number(EXPIRY), "expiry");
      legs.legs.add(OptionLeg.of(OptionArgs.optionType(v.number(TYPE)), v.number(STRIKE), expiry,
          v.number(QUANTITY), s.multiplier));
      legs.rows.add(1);
      legs.expiries.add(v.number(EXPIRY));
      return legs;
    }, summaryOnly ? LedgerSheet.Output.SUMMARY : LedgerSheet.Output.LEDGER);
  }
}
