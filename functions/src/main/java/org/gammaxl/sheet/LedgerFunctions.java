package org.gammaxl.sheet;

import static org.gammaxl.sheet.OptionArgs.dividendYield;
import static org.gammaxl.sheet.OptionArgs.rate;
import static org.gammaxl.sheet.OptionArgs.type;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.ledger.HedgeLedger;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.HedgeTarget;
import org.gammaxl.ledger.LedgerColumn;
import org.gammaxl.ledger.LedgerRow;
import org.gammaxl.ledger.LedgerRun;
import org.gammaxl.ledger.LedgerSummary;
import org.gammaxl.ledger.OptionLeg;
import org.gammaxl.ledger.Position;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.SummaryItem;
import org.gammaxl.pricing.Model;
import org.gammaxl.pricing.OptionPricer;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearFraction;

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

  /** Reads a vol mark cell: a number, or blank to carry the last mark forward. */
  private static final Param VOL_MARK = Param.number("vol", "").optional(Double.NaN, "carry forward");
  private static final Param NUMBER = Param.number("value", "");

  static final String SETTINGS_HELP = String.join("\n",
      "`settings` is an optional two-column range of name/value pairs (names case-insensitive; a row whose name or"
          + " value is blank is skipped, so the setting keeps its default):",
      "",
      "| name | value | default |",
      "|---|---|---|",
      "| `RULE` | when to rebalance: EVERY (every row), TIME, DELTA, MOVE, MOVE% or WW (Whalley-Wilmott band) | EVERY |",
      "| `THRESHOLD` | TIME: years between rebalances; DELTA: net delta in units of underlying; MOVE: price units;"
          + " MOVE%: fraction (0.01 = 1%); WW: risk aversion per unit of currency | 0 |",
      "| `TARGET` | NEUTRAL (trade back to zero delta) or EDGE (to the nearer band edge; DELTA and WW) | NEUTRAL |",
      "| `TIME` | DATES: `times`, `expiry` and `FUTURE_EXPIRY` are Excel date-times; YEARS: plain year fractions"
          + " | DATES |",
      "| `BASIS` | day count turning dates into years: ACT/365F, ACT/360 or BUS/252 | ACT/365F |",
      "| `FEE_BPS` | fee per trade in basis points of traded notional | 0 |",
      "| `FEE_PER_CONTRACT` | fee per instrument unit traded, currency | 0 |",
      "| `SLIPPAGE_BPS` | execution away from the mark, basis points | 0 |",
      "| `LOT` | hedge lot size in instrument units, 0 = no rounding | 0 |",
      "| `MULTIPLIER` | units of underlying per option contract (`quantity` counts contracts) | 1 |",
      "| `HEDGE` | hedge instrument: SPOT, FUTURE, PERP or INVERSE | SPOT |",
      "| `CONTRACT_SIZE` | underlying units per hedge contract (INVERSE: face value in quote currency) | 1 |",
      "| `FUTURE_EXPIRY` | delivery of the hedge future (date-time, or years with TIME=YEARS) | required for FUTURE |",
      "| `HEDGE_VOL` | vol used for the hedge delta instead of the mark | the mark |",
      "| `MODEL` | pricer valuing the options: " + Model.expected() + " | BSM |",
      "");

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
            + " (see the reference)").optional()};
  }

  static List<SheetFunction> functions() {
    Object[][] times = {{0.0}, {1.0 / 52}, {2.0 / 52}, {3.0 / 52}};
    Object[][] spots = {{100.0}, {102.0}, {99.0}, {101.0}};
    Object[][] settings = {{"TIME", "YEARS"}, {"FEE_BPS", 1.0}};
    return List.of(
        SheetFunction.builder("GX.LEDGER").category(CATEGORY)
            .description("The rolling delta-hedge ledger of an option position along a path: header row of column"
                + " names, then one row per time (cash, hedge, greeks, P&L attribution)")
            .details(SETTINGS_HELP + "\nColumns (money in the premium currency, greeks of the whole position, raw:"
                + " vega per 1.00 of vol, theta per year): " + columnList() + ". With TIME=DATES the TIME column"
                + " shows the given date-times. `HEDGE_CASH` is the cumulative cash of the hedge including its"
                + " financing. TOTAL_PNL = DELTA_PNL + GAMMA_PNL + THETA_PNL + VEGA_PNL + CARRY_PNL + COST_PNL +"
                + " RESIDUAL_PNL. A blank cell (TRADE_PRICE without a trade) means no value.")
            .args(params())
            .array()
            .body(v -> ledger(v, false))
            .example(times, spots, "C", 100, 0.25, -100, 0.2, 0.05, 0, settings)
            .build(),
        SheetFunction.builder("GX.LEDGER.SUMMARY").category(CATEGORY)
            .description("Summary of the delta-hedge ledger (same arguments as GX.LEDGER) as two columns: name and"
                + " value (total and attributed P&L, costs, turnover, realized vs implied vol)")
            .details("Items: " + summaryList() + ". See `GX.LEDGER` for the arguments and settings.")
            .args(params())
            .array()
            .body(v -> ledger(v, true))
            .example(times, spots, "C", 100, 0.25, -100, 0.2, 0.05, 0, settings)
            .build());
  }

  private static String columnList() {
    List<String> names = new ArrayList<>();
    for (LedgerColumn c : LedgerColumn.values()) {
      names.add(c.header());
    }
    return String.join(", ", names);
  }

  private static String summaryList() {
    List<String> names = new ArrayList<>();
    for (SummaryItem s : SummaryItem.values()) {
      names.add(s.label());
    }
    return String.join(", ", names);
  }

  /** The settings after parsing, with the defaults of the table above. */
  private static final class Settings {
    final HedgePolicy.Builder policy = HedgePolicy.builder();
    boolean dates = true;
    DayCount basis = DayCount.ACT_365F;
    double multiplier = 1;
    double futureExpiry = Double.NaN;
    Model model = Model.BSM;
  }

  private static Settings settings(Object[][] table) {
    Settings s = new Settings();
    if (table == null) {
      return s;
    }
    for (int r = 0; r < table.length; r++) {
      Object[] row = table[r];
      Object name = row.length > 0 ? row[0] : Empty.BLANK;
      if (name == null || name instanceof Empty) {
        continue;
      }
      if (name instanceof ExcelError) {
        throw new PropagatedError("settings row " + (r + 1), (ExcelError) name);
      }
      if (!(name instanceof String)) {
        throw InvalidInputException.type("settings row " + (r + 1), "the first column must hold a setting name, got "
            + Param.describe(name));
      }
      if (row.length < 2) {
        throw InvalidInputException.type("settings", "give two columns: name and value");
      }
      Object value = row[1];
      if (value == null || value instanceof Empty) {
        continue;
      }
      if (value instanceof ExcelError) {
        throw new PropagatedError("setting " + name, (ExcelError) value);
      }
      String key = Keyword.normalize((String) name);
      switch (key) {
        case "RULE": s.policy.rule(RebalanceRule.parse(text(name, value))); break;
        case "THRESHOLD": s.policy.threshold(number(name, value)); break;
        case "TARGET": s.policy.target(HedgeTarget.parse(text(name, value))); break;
        case "TIME":
          String t = Keyword.normalize(text(name, value));
          if (t.equals("DATES") || t.equals("DATE")) {
            s.dates = true;
          } else if (t.equals("YEARS") || t.equals("YEAR")) {
            s.dates = false;
          } else {
            throw InvalidInputException.type("TIME", "expected DATES or YEARS, got '" + value + "'");
          }
          break;
        case "BASIS": s.basis = DayCount.parse(text(name, value)); break;
        case "FEEBPS": s.policy.feeBps(number(name, value)); break;
        case "FEEPERCONTRACT": s.policy.feePerContract(number(name, value)); break;
        case "SLIPPAGEBPS": s.policy.slippageBps(number(name, value)); break;
        case "LOT": case "LOTSIZE": s.policy.lotSize(number(name, value)); break;
        case "MULTIPLIER": s.multiplier = number(name, value); break;
        case "HEDGE": case "INSTRUMENT":
          s.policy.instrument(HedgeInstrument.values()[(int) HedgeFunctions.INSTRUMENT.code("HEDGE", text(name, value))]);
          break;
        case "CONTRACTSIZE": s.policy.contractSize(number(name, value)); break;
        case "FUTUREEXPIRY": s.futureExpiry = number(name, value); break;
        case "HEDGEVOL": s.policy.hedgeVol(number(name, value)); break;
        case "MODEL": s.model = Model.parse(text(name, value)); break;
        default:
          throw InvalidInputException.type("settings row " + (r + 1), "unknown setting '" + name + "'; expected RULE,"
              + " THRESHOLD, TARGET, TIME, BASIS, FEE_BPS, FEE_PER_CONTRACT, SLIPPAGE_BPS, LOT, MULTIPLIER, HEDGE,"
              + " CONTRACT_SIZE, FUTURE_EXPIRY, HEDGE_VOL or MODEL");
      }
    }
    return s;
  }

  private static String text(Object name, Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    throw InvalidInputException.type(String.valueOf(name), "expected a keyword, got " + Param.describe(value));
  }

  private static double number(Object name, Object value) {
    if (value instanceof Double) {
      return Require.finite(String.valueOf(name), (Double) value);
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? 1 : 0;
    }
    throw InvalidInputException.type(String.valueOf(name), "expected a number, got " + Param.describe(value));
  }

  private static Object ledger(Values v, boolean summaryOnly) {
    Settings s = settings(v.table(SETTINGS));
    double[] times = v.rawSeries(TIMES);
    double[] spots = v.rawSeries(SPOTS);
    if (times.length != spots.length) {
      throw InvalidInputException.type("spots", "has " + spots.length + " cells but times has " + times.length
          + "; the ranges must be the same size");
    }
    Object[][] volTable = v.table(VOL);
    int volCells = volTable.length * (volTable.length == 0 ? 0 : volTable[0].length);
    if (volCells != 1 && volCells != times.length) {
      throw InvalidInputException.type("vol", "has " + volCells + " cells; give one vol, or one mark per time ("
          + times.length + ")");
    }
    double origin = Double.NaN;
    for (int p = 0; p < times.length; p++) {
      if (!Double.isNaN(times[p])) {
        origin = times[p];
        break;
      }
    }
    if (Double.isNaN(origin)) {
      throw InvalidInputException.notAvailable("times", "no observations yet");
    }
    double expiry = years(s, origin, v.number(EXPIRY), "expiry");
    if (!Double.isNaN(s.futureExpiry)) {
      s.policy.futureExpiry(years(s, origin, s.futureExpiry, "FUTURE_EXPIRY"));
    }
    s.policy.rate(v.number(RATE)).yield(v.number(YIELD));
    OptionLeg leg = OptionLeg.of(OptionArgs.optionType(v.number(TYPE)), v.number(STRIKE), expiry, v.number(QUANTITY),
        s.multiplier);
    OptionPricer pricer = s.model.pricer();
    LedgerRun run = HedgeLedger.of(pricer, Position.of(leg), s.policy.build()).start();
    List<Object[]> rows = new ArrayList<>();
    if (!summaryOnly) {
      rows.add(LedgerRow.headers().toArray());
    }
    for (int p = 0; p < times.length; p++) {
      boolean noTime = Double.isNaN(times[p]);
      boolean noSpot = Double.isNaN(spots[p]);
      if (noTime && noSpot) {
        continue;
      }
      if (noTime || noSpot) {
        throw InvalidInputException.notAvailable(noTime ? "times" : "spots", "cell " + (p + 1)
            + " is blank while the other range has a value there");
      }
      double mark = volCells == 1 ? v.leg(VOL, VOL_MARK, 0, 1) : v.leg(VOL, VOL_MARK, p, times.length);
      LedgerRow row = run.step(years(s, origin, times[p], "times"), spots[p], mark, Double.NaN, Double.NaN);
      if (!summaryOnly) {
        Object[] out = new Object[LedgerColumn.values().length];
        double[] values = row.toArray();
        for (int c = 0; c < values.length; c++) {
          out[c] = Double.isNaN(values[c]) ? "" : (Object) values[c];
        }
        if (s.dates) {
          out[LedgerColumn.TIME.ordinal()] = times[p];
        }
        rows.add(out);
      }
    }
    if (!summaryOnly) {
      return rows.toArray(new Object[0][]);
    }
    LedgerSummary summary = run.summary();
    SummaryItem[] items = SummaryItem.values();
    Object[][] out = new Object[items.length][2];
    for (SummaryItem item : items) {
      double x = summary.value(item);
      out[item.ordinal()][0] = item.label();
      out[item.ordinal()][1] = Double.isNaN(x) ? ExcelError.NA : (Object) x;
    }
    return out;
  }

  /** A time argument in years from the first observation: converted from a date-time, or as given. */
  private static double years(Settings s, double origin, double value, String argument) {
    if (!s.dates) {
      return Require.finite(argument, value);
    }
    try {
      return YearFraction.fromExcel(origin, value, s.basis);
    } catch (InvalidInputException e) {
      throw InvalidInputException.domain(argument, "is not an Excel date-time (use the setting TIME=YEARS for"
          + " year fractions): " + value);
    }
  }
}
