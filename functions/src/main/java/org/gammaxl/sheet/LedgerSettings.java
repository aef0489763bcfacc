package org.gammaxl.sheet;

import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.hedge.HedgeInstrument;
import org.gammaxl.ledger.HedgeDelta;
import org.gammaxl.ledger.HedgePolicy;
import org.gammaxl.ledger.HedgeTarget;
import org.gammaxl.ledger.Marking;
import org.gammaxl.ledger.RebalanceRule;
import org.gammaxl.ledger.Revaluation;
import org.gammaxl.ledger.SmileDynamics;
import org.gammaxl.pricing.Model;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.TradingHours;
import org.gammaxl.time.YearClock;
import org.gammaxl.time.YearFraction;

/**
 * The {@code settings} of {@code GX.LEDGER} and {@code GX.BOOK.LEDGER} after parsing, with the defaults
 * of {@link #HELP}: one parser for both, so a single-leg ledger is the one-leg case of the book's.
 */
final class LedgerSettings {
  static final String HELP = String.join("\n",
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
      "| `BASIS` | clock turning dates into years (expiries, theta, realized vol): ACT/365F, ACT/360, BUS/252 (weekday"
          + " time to the second), TRADING (exchange hours only, Monday to Friday, 252 sessions a year; closed time"
          + " counts nothing) or 24/7 (every hour, = ACT/365F, for crypto) | ACT/365F |",
      "| `SESSION` | the exchange hours of BASIS=TRADING, e.g. 08:00-16:30 | 09:30-16:00 |",
      "| `FEE_BPS` | fee per trade in basis points of traded notional | 0 |",
      "| `FEE_PER_CONTRACT` | fee per instrument unit traded, currency | 0 |",
      "| `SLIPPAGE_BPS` | execution away from the mark, basis points | 0 |",
      "| `LOT` | hedge lot size in instrument units, 0 = no rounding | 0 |",
      "| `MULTIPLIER` | units of underlying per option contract (`quantity` counts contracts) | 1 |",
      "| `HEDGE` | hedge instrument: SPOT, FUTURE, PERP or INVERSE | SPOT |",
      "| `CONTRACT_SIZE` | underlying units per hedge contract (INVERSE: face value in quote currency) | 1 |",
      "| `FUTURE_EXPIRY` | delivery of the hedge future (date-time, or years with TIME=YEARS) | required for FUTURE |",
      "| `HEDGE_VOL` | vol used for the hedge delta instead of the mark | the mark |",
      "| `HEDGE_DELTA` | the delta hedged: BS (the model's, vol held) or SMILE (Δ + vega·∂σ/∂S under `SMILE`) | BS |",
      "| `SMILE` | how each leg's vol moves: STICKY_STRIKE (the mark + the leg's fixed offset) or STICKY_MONEYNESS"
          + " (the offset slides along the legs' skew in ln(K/S)); see below | STICKY_STRIKE |",
      "| `MODEL` | pricer valuing the options: BSM, BLACK76, BACHELIER, AMERICAN, INVERSE | BSM |",
      "| `REVALUE` | EVERY: the pricer at every row; REUSE: the European value exactly at every row, the early-exercise"
          + " premium re-priced when spot, time or vol has moved enough (see below) | REUSE for AMERICAN, else EVERY |",
      "");

  final HedgePolicy.Builder policy = HedgePolicy.builder();
  boolean dates = true;
  YearClock clock = DayCount.ACT_365F;
  TradingHours session;
  double multiplier = 1;
  double futureExpiry = Double.NaN;
  Model model = Model.BSM;
  SmileDynamics smile = SmileDynamics.STICKY_STRIKE;
  HedgeDelta hedgeDelta = HedgeDelta.BS;
  double hedgeVol = Double.NaN;
  Revaluation revaluation;
  /** LEG: the 1-based row of `legs` whose own columns GX.BOOK.LEDGER shows; 0 = the book. */
  int leg;

  private LedgerSettings() {
  }

  /** Parses a settings table ({@code null} = all defaults); {@code book} admits the book's LEG setting. */
  static LedgerSettings parse(Object[][] table, boolean book) {
    LedgerSettings s = new LedgerSettings();
    if (table != null) {
      for (int r = 0; r < table.length; r++) {
        s.read(table[r], r, book);
      }
    }
    if (s.session != null) {
      if (!(s.clock instanceof TradingHours)) {
        throw InvalidInputException.type("SESSION", "applies to BASIS=TRADING only (BASIS is " + s.clock.label() + ")");
      }
      s.clock = s.session;
    }
    s.policy.hedgeDelta(s.hedgeDelta).hedgeVol(s.hedgeVol);
    return s;
  }

  private void read(Object[] row, int r, boolean book) {
    Object name = row.length > 0 ? row[0] : Empty.BLANK;
    if (name == null || name instanceof Empty) {
      return;
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
      return;
    }
    if (value instanceof ExcelError) {
      throw new PropagatedError("setting " + name, (ExcelError) value);
    }
    String key = Keyword.normalize((String) name);
    switch (key) {
      case "RULE": policy.rule(RebalanceRule.parse(text(name, value))); break;
      case "THRESHOLD": policy.threshold(number(name, value)); break;
      case "TARGET": policy.target(HedgeTarget.parse(text(name, value))); break;
      case "TIME":
        String t = Keyword.normalize(text(name, value));
        if (t.equals("DATES") || t.equals("DATE")) {
          dates = true;
        } else if (t.equals("YEARS") || t.equals("YEAR")) {
          dates = false;
        } else {
          throw InvalidInputException.type("TIME", "expected DATES or YEARS, got '" + value + "'");
        }
        break;
      case "BASIS": clock = YearClock.parse(text(name, value)); break;
      case "SESSION": session = TradingHours.parse(text(name, value)); break;
      case "FEEBPS": policy.feeBps(number(name, value)); break;
      case "FEEPERCONTRACT": policy.feePerContract(number(name, value)); break;
      case "SLIPPAGEBPS": policy.slippageBps(number(name, value)); break;
      case "LOT": case "LOTSIZE": policy.lotSize(number(name, value)); break;
      case "MULTIPLIER": multiplier = number(name, value); break;
      case "HEDGE": case "INSTRUMENT":
        policy.instrument(HedgeInstrument.values()[(int) HedgeFunctions.INSTRUMENT.code("HEDGE", text(name, value))]);
        break;
      case "CONTRACTSIZE": policy.contractSize(number(name, value)); break;
      case "FUTUREEXPIRY": futureExpiry = number(name, value); break;
      case "HEDGEVOL": hedgeVol = number(name, value); break;
      case "HEDGEDELTA": hedgeDelta = HedgeDelta.parse(text(name, value)); break;
      case "SMILE": smile = SmileDynamics.parse(text(name, value)); break;
      case "MODEL": model = Model.parse(text(name, value)); break;
      case "REVALUE": case "REVALUATION": revaluation = Revaluation.parse(text(name, value)); break;
      case "LEG":
        if (book) {
          double k = number(name, value);
          if (!(k >= 0 && k == Math.rint(k))) {
            throw InvalidInputException.domain("LEG", "must be a row number of legs (1 = the first), or 0 for the"
                + " book; was " + value);
          }
          leg = (int) k;
          break;
        }
        // fall through: GX.LEDGER has one leg
      default:
        throw InvalidInputException.type("settings row " + (r + 1), "unknown setting '" + name + "'; expected RULE,"
            + " THRESHOLD, TARGET, TIME, BASIS, SESSION, FEE_BPS, FEE_PER_CONTRACT, SLIPPAGE_BPS, LOT, MULTIPLIER,"
            + " HEDGE, CONTRACT_SIZE, FUTURE_EXPIRY, HEDGE_VOL, HEDGE_DELTA, SMILE, MODEL, REVALUE"
            + (book ? " or LEG" : ""));
    }
  }

  /** Whether the model prices American exercise (its greeks are dear, so REVALUE defaults to REUSE). */
  boolean american() {
    return model.name().startsWith("AMERICAN");
  }

  Marking marking() {
    Revaluation r = revaluation != null ? revaluation : american() ? Revaluation.REUSE : Revaluation.EVERY_EVENT;
    return Marking.of(smile, r);
  }

  /** The delta the hedge neutralises, as the summary states it. */
  String hedgeDeltaText() {
    return hedgeVol == hedgeVol ? "HEDGE_VOL " + hedgeVol : hedgeDelta.name();
  }

  /** A time argument in years from the first observation: converted from a date-time on the clock, or as given. */
  double years(double origin, double value, String argument) {
    if (!dates) {
      return Require.finite(argument, value);
    }
    try {
      return YearFraction.fromExcel(origin, value, clock);
    } catch (InvalidInputException e) {
      throw InvalidInputException.domain(argument, "is not an Excel date-time (use the setting TIME=YEARS for"
          + " year fractions): " + value);
    }
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
}
