package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.rate;

import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.ledger.BookColumn;
import org.gammaxl.ledger.LegItem;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.SummaryItem;

/**
 * The gamma-scalping ledger of a book of legs — a straddle, a strangle, a calendar, each leg at its own
 * point of the smile, American or European — hedged together along one path: {@code GX.BOOK.LEDGER}
 * and {@code GX.BOOK.LEDGER.SUMMARY}. The same engine as {@code GX.LEDGER}, whose single leg is a
 * book of one.
 */
final class BookLedgerFunctions {
  static final String CATEGORY = LedgerFunctions.CATEGORY;

  private static final int TIMES = 0;
  private static final int SPOTS = 1;
  private static final int LEGS = 2;
  private static final int VOL = 3;
  private static final int RATE = 4;
  private static final int YIELD = 5;
  private static final int SETTINGS = 6;
  private static final int BIDS = 7;
  private static final int ASKS = 8;
  private static final int FILLS = 9;
  private static final int DIV_TIMES = 10;

  private static final Param TYPE = OptionArgs.type();
  private static final Param NUMBER = Param.number("value", "");
  private static final Param LEG_VOL = Param.number("vol", "").optional(Double.NaN, "the vol argument");

  static final String BOOK_HELP = String.join("\n",
      "`legs` has one row per leg and the columns type (C or P), strike, expiry (a date-time, or years with"
          + " TIME=YEARS), quantity (signed contracts, see MULTIPLIER) and optionally vol (the leg's implied vol at"
          + " the first time; blank = the `vol` argument). A row with a blank quantity is skipped (a table sized"
          + " ahead of the book); a first row whose strike, expiry and quantity are text is a header. A bad type is"
          + " `#VALUE!` and a strike that is not > 0 `#NUM!`, the log naming the row of `legs`.",
      "",
      "`vol` is the at-the-money mark: one number, or one per time (blank = carry forward). Each leg keeps its"
          + " skew offset o = leg vol - the first mark. SMILE=STICKY_STRIKE (default): the leg's vol is the mark +"
          + " o, and spot alone does not move it. SMILE=STICKY_MONEYNESS: the offsets form a smile curve s(m) in"
          + " m = ln(strike/spot), piecewise linear through (0, 0) and the legs' (ln(K/S0), o), flat beyond; the"
          + " leg's vol is the mark + o + s(ln(K/S)) - s(ln(K/S0)), so it slides along the skew as spot moves."
          + " HEDGE_DELTA=SMILE hedges the smile-adjusted delta Σ q(Δ + vega·∂σ/∂S), with ∂σ/∂S = -s'(m)/S (0"
          + " under STICKY_STRIKE); the HEDGE_DELTA column and summary row say which delta was hedged.",
      "",
      "`vol` may instead be a vol surface, the table `GX.SVI.SURFACE` returns (see `GX.PRICE`): every leg is then"
          + " marked on it at each time, at its strike and the time it has left, at ln(strike/F) with F = S·exp((rate"
          + " - yield)·τ): S the first time's spot under SMILE=STICKY_STRIKE (the surface stays fixed in strike), the"
          + " time's spot under STICKY_MONEYNESS (it moves with the forward; HEDGE_DELTA=SMILE then hedges"
          + " Δ + vega·∂σ/∂S from the surface's slope). The legs' vol column must be blank; the VOL column shows the"
          + " surface's at-the-money-forward vol at the nearest live expiry, and the summary's VOL row SURFACE.",
      "",
      "MODEL=AMERICAN values each leg with the same pricer as `GX.PRICE(..., \"AMERICAN\")`. Its greeks are"
          + " dear, so REVALUE=REUSE (the default for American models) prices the European value exactly at every"
          + " row and re-prices the early-exercise premium with the American pricer only when, since its last"
          + " pricing, spot has moved by 5% of σ√τ, the time left has fallen by 1% or the leg's vol has moved by"
          + " 0.25 vol points; in between the premium is carried by its own delta, gamma, vega and theta."
          + " PRICER_CALLS in the summary counts the pricings.",
      "",
      "`bids` and `asks` (optional, one per time) make the hedge trade at the touch: a buy pays the half-spread"
          + " (ask - bid)/(ask + bid) above the spot, a sell as much below. `fills` (optional, one row per time:"
          + " the hedge quantity you traded, + bought / - sold, blank = none, and optionally its price) books your"
          + " own journal of trades instead of the rule's; the RULE_ columns and summary rows then say what the"
          + " rule would have done over the same path.",
      "",
      DividendArgs.LEDGER_DETAILS,
      "",
      "`LEG` = n shows, in the same columns, row n of `legs` alone: its vol, value, greeks, settlement and its"
          + " own option-side P&L attribution (DELTA_PNL unhedged; TOTAL_PNL = its OPTION_PNL); the hedge's"
          + " columns are blank.",
      "");

  private BookLedgerFunctions() {
  }

  private static Param[] params() {
    return new Param[] {
        Param.series("times", "Event times, oldest first: Excel date-times (or years with TIME=YEARS)"),
        Param.series("spots", "Spot of the underlying at each time"),
        Param.table("legs", "One row per leg: type, strike, expiry, quantity, [vol] (blank quantity = skipped)"),
        Param.table("vol", "ATM implied vol, 0.2 = 20%: one number, or one mark per time (blank = carry forward);"
            + " or a vol surface from GX.SVI.SURFACE"),
        rate(), dividendYield(),
        Param.table("settings", "Name/value pairs: RULE, THRESHOLD, BASIS, SMILE, HEDGE_DELTA, MODEL, LEG…"
            + " (see the reference)").optional(),
        Param.series("bids", "Hedge instrument's bid at each time: trade at the touch").optional(),
        Param.series("asks", "Hedge instrument's ask at each time").optional(),
        Param.table("fills", "Your hedge trades, one row per time: quantity (blank = none), [price]").optional(),
        DividendArgs.ledgerTimes(), DividendArgs.amounts()};
  }

  static List<SheetFunction> functions() {
    Object[][] times = {{0.0}, {1.0 / 52}, {2.0 / 52}, {3.0 / 52}};
    Object[][] spots = {{100.0}, {102.0}, {99.0}, {101.0}};
    Object[][] legs = {{"C", 100.0, 0.25, 10.0, Empty.BLANK}, {"P", 100.0, 0.25, 10.0, 0.21}};
    Object[][] settings = {{"TIME", "YEARS"}, {"MULTIPLIER", 100.0}};
    return List.of(
        SheetFunction.builder("GX.BOOK.LEDGER").category(CATEGORY)
            .description("The delta-hedge ledger of a book of option legs (straddle, strangle, calendar…) each at"
                + " its own smile vol: header row, then one row per time with the book's cash, greeks and P&L")
            .details(BOOK_HELP + LedgerSettings.HELP + "| `LEG` | a row of `legs`: show that leg alone | the book |\n"
                + "\nColumns: those of `GX.LEDGER` (book totals: greeks and P&L summed over the legs), then "
                + LedgerSheet.names(BookColumn.values()) + ". RULE_HEDGE_POSITION, RULE_TRADE_QTY and RULE_TOTAL_PNL are the rule's own"
                + " hedge when `fills` are given, and repeat HEDGE_POSITION, TRADE_QTY and TOTAL_PNL otherwise.")
            .args(params())
            .array()
            .body(v -> ledger(v, false))
            .example(times, spots, legs, 0.2, 0.05, 0, settings)
            .build(),
        SheetFunction.builder("GX.BOOK.LEDGER.SUMMARY").category(CATEGORY)
            .description("Summary of a book's delta-hedge ledger (same arguments as GX.BOOK.LEDGER): name, book"
                + " value, then one column per leg with its own premium and P&L attribution")
            .details("Rows: the items of `GX.LEDGER.SUMMARY` (" + LedgerSheet.names(SummaryItem.values()) + ") with the book's value in the"
                + " second column and, for the items a leg has (" + LedgerSheet.names(LegItem.values()) + "), each leg's own in the next"
                + " columns, in the order of `legs`. Then RULE_TOTAL_PNL, RULE_HEDGE_COUNT and RULE_COST_PNL (what"
                + " the rule would have done; the book's own without `fills`), USER_FILLS (trades booked from"
                + " `fills`, or NONE), the setup as text: HEDGE_DELTA, SMILE, BASIS, MODEL, REVALUE, PRICER_CALLS;"
                + " and the legs' identity rows LEG (row of `legs`), TYPE, STRIKE, EXPIRY, QUANTITY, VOL (MARK ="
                + " the `vol` argument). Book GAMMA_PNL, THETA_PNL, VEGA_PNL and OPTION_PNL are the sums of the"
                + " legs'; DELTA_PNL and CARRY_PNL add the hedge's. See `GX.BOOK.LEDGER` for the arguments.")
            .args(params())
            .array()
            .body(v -> ledger(v, true))
            .example(times, spots, legs, 0.2, 0.05, 0, settings)
            .build());
  }

  private static Object ledger(Values v, boolean summary) {
    LedgerSettings s = LedgerSettings.parse(v.table(SETTINGS), true);
    LedgerSheet.Path at = new LedgerSheet.Path(TIMES, SPOTS, VOL, RATE, YIELD);
    at.bids = BIDS;
    at.asks = ASKS;
    at.fills = FILLS;
    at.divTimes = DIV_TIMES;
    Object[][] table = v.table(LEGS);
    return LedgerSheet.run(v, at, s, origin -> legs(table, s, origin),
        summary ? LedgerSheet.Output.BOOK_SUMMARY : LedgerSheet.Output.BOOK_LEDGER);
  }

  /** The legs of the `legs` range, errors naming its row. */
  static LedgerSheet.Legs legs(Object[][] table, LedgerSettings s, double origin) {
    LedgerSheet.Legs legs = new LedgerSheet.Legs();
    int columns = table.length == 0 ? 0 : table[0].length;
    if (columns < 4) {
      throw InvalidInputException.type("legs", "has " + columns + " columns; give type, strike, expiry, quantity"
          + " and optionally vol, one row per leg");
    }
    for (int r = 0; r < table.length; r++) {
      Object[] row = table[r];
      if (r == 0 && row[1] instanceof String && row[2] instanceof String && row[3] instanceof String) {
        continue; // a header row
      }
      if (row[3] == null || row[3] instanceof Empty) {
        continue;
      }
      String where = "legs row " + (r + 1);
      double type = Values.read(TYPE, row[0], where + ": type");
      double strike = Values.read(NUMBER, row[1], where + ": strike");
      Require.positive(where + ": strike", strike);
      double expiryGiven = Values.read(NUMBER, row[2], where + ": expiry");
      double expiry = s.years(origin, expiryGiven, where + ": expiry");
      double quantity = Values.read(NUMBER, row[3], where + ": quantity");
      double vol = row.length > 4 ? Values.read(LEG_VOL, row[4], where + ": vol") : Double.NaN;
      if (!Double.isNaN(vol)) {
        Require.positive(where + ": vol", vol);
      }
      legs.legs.add(OptionLeg.of(OptionArgs.optionType(type), strike, expiry, quantity, s.multiplier).withVol(vol));
      legs.rows.add(r + 1);
      legs.expiries.add(expiryGiven);
    }
    return legs;
  }
}
