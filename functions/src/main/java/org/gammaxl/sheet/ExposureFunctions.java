package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.gammaxl.InvalidInputException;
import org.gammaxl.Require;
import org.gammaxl.exposure.ExposureConvention;
import org.gammaxl.exposure.ExposureUnit;
import org.gammaxl.exposure.GammaExposure;
import org.gammaxl.exposure.GammaProfile;
import org.gammaxl.exposure.OptionChain;
import org.gammaxl.exposure.StrikeExposure;
import org.gammaxl.exposure.Walls;
import org.gammaxl.pricing.OptionType;
import org.gammaxl.time.DayCount;
import org.gammaxl.time.YearFraction;

/**
 * Dealer gamma exposure of an option chain: {@code GX.GEX}, {@code GX.GEX.STRIKES}, {@code GX.GEX.PROFILE},
 * {@code GX.GAMMA.FLIP}, {@code GX.GEX.WALLS}, {@code GX.VEX} and {@code GX.CEX}, computed by
 * {@link org.gammaxl.exposure.GammaExposure} (definitions, units and sources there and in docs/gex.md).
 *
 * <p>Every function takes the chain as ranges with one row per option — {@code types}, {@code strikes},
 * {@code years}, {@code vols}, {@code open_interest}, all of the same size — then {@code [rate], [yield],
 * [multiplier], [convention], [units], [valuation]}; the profile and the flip add {@code [low], [high]} (and
 * the profile {@code [steps]}). A row whose open interest is blank is skipped. With a {@code valuation} date,
 * {@code years} holds expiry date-times instead, and years to expiry are ACT/365F from the valuation.
 */
final class ExposureFunctions {
  static final String CATEGORY = "GammaXL Exposure";
  static final Keyword CONVENTION = Keyword.ofEnum(ExposureConvention.class, "NAIVE", "CALLS_LONG", "DEALER",
      "SIGNED");
  static final Keyword UNITS = Keyword.ofEnum(ExposureUnit.class, "PER1%", "PER_1PCT", "PCT", "PER_1PCT", "POINT",
      "PER_POINT", "PERPT", "PER_POINT", "SHARE", "SHARES");

  private static final int SPOT = 0;
  private static final int TYPES = 1;
  private static final int STRIKES = 2;
  private static final int YEARS = 3;
  private static final int VOLS = 4;
  private static final int OI = 5;
  private static final int RATE = 6;
  private static final int YIELD = 7;
  private static final int MULTIPLIER = 8;
  private static final int CONV = 9;
  private static final int UNIT = 10;
  private static final int VALUATION = 11;
  private static final int LOW = 12;
  private static final int HIGH = 13;
  private static final int STEPS = 14;

  private static final Param TYPE_CELL = OptionArgs.type();
  private static final Param NUMBER_CELL = Param.number("value", "");
  private static final Param DATE_CELL = Param.date("expiry", "");
  private static final ExposureConvention[] CONVENTIONS = ExposureConvention.values();
  private static final ExposureUnit[] UNIT_VALUES = ExposureUnit.values();

  static final String DETAILS = String.join("\n",
      "Per option, with gamma the Black-Scholes-Merton gamma at that option's own implied vol, OI its open interest"
          + " in contracts and M the multiplier:",
      "",
      "| units | GX.GEX per option | GX.VEX | GX.CEX |",
      "|---|---|---|---|",
      "| `PER_1PCT` (default) | sign * gamma * OI * M * S^2 * 0.01: currency of delta per 1% spot move"
          + " | sign * vanna * OI * M * S * 0.01: currency of delta per vol point"
          + " | sign * charm * OI * M * S / 365: currency of delta per calendar day |",
      "| `PER_POINT` | sign * gamma * OI * M * S: currency per 1.00 spot move | as PER_1PCT | as PER_1PCT |",
      "| `SHARES` | sign * gamma * OI * M: shares per 1.00 spot move | vanna * ... * 0.01: shares per vol point"
          + " | charm * ... / 365: shares per day |",
      "",
      "`convention`: `CALLS_LONG` (default; dealers long calls, short puts: calls +, puts -, open interest must be"
          + " >= 0) or `SIGNED` (`open_interest` holds the dealers' signed positions). `types`, `strikes`, `years`,"
          + " `vols` and `open_interest` are ranges of the same size, one row per option (read row by row); a row"
          + " whose open interest is blank is skipped, any other bad cell is `#VALUE!` or `#NUM!` naming the range"
          + " and row (`GX.ERROR` shows it). An expired option (years <= 0) is `#NUM!`. With a `valuation`"
          + " date-time, `years` holds expiry date-times (Excel dates or ISO text) and years to expiry are"
          + " (expiry - valuation) / 365 days. See docs/gex.md.");

  private ExposureFunctions() {
  }

  private static List<Param> chainArgs() {
    List<Param> p = new ArrayList<>();
    p.add(Param.number("spot", "Underlying price"));
    p.add(Param.table("types", "Option type of each row: \"C\" or \"P\" (also CALL, PUT, 1, -1)"));
    p.add(Param.table("strikes", "Strike of each row"));
    p.add(Param.table("years", "Years to expiry of each row; expiry date-times when valuation is given"));
    p.add(Param.table("vols", "Implied vol of each row, 0.2 = 20%"));
    p.add(Param.table("open_interest", "Open interest in contracts (SIGNED: dealers' signed position); blank row"
        + " = skipped"));
    p.add(OptionArgs.rate());
    p.add(OptionArgs.dividendYield());
    p.add(Param.number("multiplier", "Underlying units per contract, 100 for US equity options, 1 coin-settled")
        .optional(100));
    p.add(Param.keyword("convention", "CALLS_LONG (dealers long calls, short puts) or SIGNED (open_interest is"
        + " the dealers' signed position)", CONVENTION).optional("CALLS_LONG"));
    p.add(Param.keyword("units", "PER_1PCT (currency per 1% spot move), PER_POINT (per 1.00) or SHARES",
        UNITS).optional("PER_1PCT"));
    p.add(Param.date("valuation", "Valuation date-time; when given, years holds expiry date-times")
        .optional(Double.NaN, "none (years are year fractions)"));
    return p;
  }

  private static Param[] args(Param... extra) {
    List<Param> p = chainArgs();
    p.addAll(List.of(extra));
    return p.toArray(new Param[0]);
  }

  private static Param low() {
    return Param.number("low", "Lowest spot of the grid").optional(Double.NaN, "0.8 * spot");
  }

  private static Param high() {
    return Param.number("high", "Highest spot of the grid").optional(Double.NaN, "1.2 * spot");
  }

  private static final Object[][] TYPES_EX = {{"C"}, {"P"}, {"C"}, {"P"}};
  private static final Object[][] STRIKES_EX = {{95.0}, {95.0}, {105.0}, {100.0}};
  private static final Object[][] YEARS_EX = {{0.08}, {0.08}, {0.08}, {0.25}};
  private static final Object[][] VOLS_EX = {{0.22}, {0.25}, {0.19}, {0.21}};
  private static final Object[][] OI_EX = {{1200.0}, {3400.0}, {5100.0}, {2500.0}};

  private static SheetFunction.Builder chainFunction(String name, String description) {
    return SheetFunction.builder(name).category(CATEGORY).description(description).details(DETAILS);
  }

  static List<SheetFunction> functions() {
    return List.of(
        chainFunction("GX.GEX", "Dealers' total gamma exposure of an option chain: sum of sign * gamma * OI *"
            + " multiplier * spot^2 * 0.01, currency per 1% move (units=PER_POINT, SHARES)")
            .args(args())
            .body(v -> exposure(v).gex(v.number(SPOT)))
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build(),
        chainFunction("GX.GEX.STRIKES", "Gamma exposure by strike: rows of strike, call GEX, put GEX, net GEX,"
            + " one per distinct strike, ascending (units as GX.GEX)")
            .args(args())
            .array()
            .body(ExposureFunctions::strikes)
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build(),
        chainFunction("GX.GEX.PROFILE", "Total gamma exposure at hypothetical spots from low to high (each option"
            + " keeps its implied vol): rows of spot, GEX")
            .args(args(low(), high(),
                Param.number("steps", "Number of spots on the grid, both ends included, 2 to 100000").optional(100)))
            .array()
            .body(ExposureFunctions::profile)
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04, 0, 100, "CALLS_LONG", "PER_1PCT",
                Empty.MISSING, 90, 110, 5)
            .build(),
        chainFunction("GX.GAMMA.FLIP", "Gamma flip: the spot in [low, high] where total gamma exposure changes"
            + " sign (grid of 100, refined on the exact curve); #N/A when it does not")
            .args(args(low(), high()))
            .body(ExposureFunctions::flip)
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build(),
        chainFunction("GX.GEX.WALLS", "Call wall and put wall as one row: the strike with the largest call GEX"
            + " and the strike with the most negative put GEX")
            .args(args())
            .array()
            .body(ExposureFunctions::walls)
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build(),
        chainFunction("GX.VEX", "Dealers' total vanna exposure: sum of sign * vanna * OI * multiplier * spot *"
            + " 0.01, currency of delta per vol point (units=SHARES: shares)")
            .args(args())
            .body(v -> exposure(v).vex(v.number(SPOT)))
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build(),
        chainFunction("GX.CEX", "Dealers' total charm exposure: sum of sign * charm * OI * multiplier * spot /"
            + " 365, currency of delta per calendar day (units=SHARES: shares)")
            .args(args())
            .body(v -> exposure(v).cex(v.number(SPOT)))
            .example(100, TYPES_EX, STRIKES_EX, YEARS_EX, VOLS_EX, OI_EX, 0.04)
            .build());
  }

  /** The chain's exposure from the first twelve arguments. */
  static GammaExposure exposure(Values v) {
    Require.positive("spot", v.number(SPOT));
    ExposureConvention convention = CONVENTIONS[(int) v.number(CONV)];
    ExposureUnit unit = UNIT_VALUES[(int) v.number(UNIT)];
    return GammaExposure.of(chain(v, convention), v.number(RATE), v.number(YIELD), v.number(MULTIPLIER), unit);
  }

  /** Reads the rows; blank open interest skips a row, a bad cell names its range and row. */
  static OptionChain chain(Values v, ExposureConvention convention) {
    Object[][] oi = v.table(OI);
    int n = cells(oi);
    Object[][][] columns = {v.table(TYPES), v.table(STRIKES), v.table(YEARS), v.table(VOLS)};
    int[] cols = new int[4];
    for (int c = 0; c < 4; c++) {
      if (cells(columns[c]) != n) {
        throw InvalidInputException.type(v.name(TYPES + c), "has " + cells(columns[c]) + " cells but open_interest"
            + " has " + n + "; give one row per option in every range");
      }
      cols[c] = columns[c].length == 0 ? 1 : columns[c][0].length;
    }
    int oiCols = oi.length == 0 ? 1 : oi[0].length;
    double valuation = v.number(VALUATION);
    boolean dates = !Double.isNaN(valuation);
    OptionChain.Builder b = OptionChain.builder(convention);
    String lastType = null;
    double lastTypeCode = 0;
    for (int p = 0; p < n; p++) {
      Object oiCell = oi[p / oiCols][p % oiCols];
      if (isBlank(oiCell)) {
        continue;
      }
      double openInterest = number(oiCell, "open_interest", p);
      Object typeCell = cell(columns[0], cols[0], p);
      double typeCode;
      if (typeCell instanceof String text && text.equals(lastType)) {
        typeCode = lastTypeCode; // a chain repeats "C" and "P": the keyword is looked up once per run of one text
      } else {
        typeCode = read(TYPE_CELL, typeCell, "types", p);
        lastType = typeCell instanceof String text ? text : null;
        lastTypeCode = typeCode;
      }
      OptionType type = OptionArgs.optionType(typeCode);
      double strike = number(cell(columns[1], cols[1], p), "strikes", p);
      double years;
      if (dates) {
        double expiry = read(DATE_CELL, cell(columns[2], cols[2], p), "years", p);
        if (!(expiry > valuation)) {
          throw InvalidInputException.domain("years" + row(p), "the option has expired (expiry " + expiry
              + " is not after the valuation " + valuation + ")");
        }
        years = YearFraction.fromExcel(valuation, expiry, DayCount.ACT_365F);
      } else {
        years = number(cell(columns[2], cols[2], p), "years", p);
      }
      double vol = number(cell(columns[3], cols[3], p), "vols", p);
      try {
        b.add(type, strike, years, vol, openInterest);
      } catch (InvalidInputException e) {
        String field = switch (e.argument()) {
          case "strike" -> "strikes";
          case "vol" -> "vols";
          default -> e.argument();
        };
        throw InvalidInputException.domain(field + row(p), e.getMessage().substring(e.argument().length() + 2));
      }
    }
    if (b.size() == 0) {
      throw InvalidInputException.notAvailable("open_interest", "no options yet (every open interest is blank)");
    }
    return b.build();
  }

  /** A number cell of option {@code p}: a finite Double as it is (what NUMBER_CELL gives it), else read by the rule. */
  private static double number(Object cell, String range, int p) {
    if (cell instanceof Double d && Double.isFinite(d)) {
      return d;
    }
    return read(NUMBER_CELL, cell, range, p);
  }

  /** One cell of option {@code p} read with {@code rule}; an error names the range and row (built only then). */
  private static double read(Param rule, Object cell, String range, int p) {
    try {
      return rule.toNumber(cell);
    } catch (InvalidInputException | PropagatedError e) {
      return Values.read(rule, cell, range + row(p));
    }
  }

  private static String row(int p) {
    return " row " + (p + 1);
  }

  private static boolean isBlank(Object cell) {
    return cell == null || cell instanceof Empty || cell instanceof String s && s.isBlank();
  }

  private static int cells(Object[][] t) {
    return t.length == 0 ? 0 : t.length * t[0].length;
  }

  private static Object cell(Object[][] t, int cols, int p) {
    return t[p / cols][p % cols];
  }

  private static Object strikes(Values v) {
    List<StrikeExposure> rows = exposure(v).byStrike(v.number(SPOT));
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      StrikeExposure r = rows.get(i);
      out[i] = new double[] {r.strike(), r.call(), r.put(), r.net()};
    }
    return out;
  }

  /** [low, high] of the grid: the arguments, or 0.8 and 1.2 times spot. */
  private static double[] range(Values v) {
    double spot = v.number(SPOT);
    double low = Double.isNaN(v.number(LOW)) ? 0.8 * spot : v.number(LOW);
    double high = Double.isNaN(v.number(HIGH)) ? 1.2 * spot : v.number(HIGH);
    return new double[] {low, high};
  }

  private static int steps(Values v) {
    double s = v.number(STEPS);
    if (s != Math.rint(s) || s < 2 || s > 100_000) {
      throw InvalidInputException.domain("steps", "must be a whole number from 2 to 100000, was " + s);
    }
    return (int) s;
  }

  private static Object profile(Values v) {
    GammaExposure x = exposure(v);
    double[] r = range(v);
    double[] spots = GammaProfile.grid(r[0], r[1], steps(v));
    double[] gex = x.profile().over(spots);
    double[][] out = new double[spots.length][];
    for (int j = 0; j < spots.length; j++) {
      out[j] = new double[] {spots[j], gex[j]};
    }
    return out;
  }

  private static Object flip(Values v) {
    GammaExposure x = exposure(v);
    double[] r = range(v);
    OptionalDouble flip = x.profile().flip(v.number(SPOT), r[0], r[1], 100);
    if (flip.isEmpty()) {
      throw InvalidInputException.notAvailable("GX.GAMMA.FLIP", "no sign change in [" + r[0] + ", " + r[1]
          + "]: total gamma exposure is " + (x.gex(v.number(SPOT)) >= 0 ? "positive" : "negative")
          + " over the whole range");
    }
    return flip.getAsDouble();
  }

  private static Object walls(Values v) {
    Walls w = exposure(v).walls(v.number(SPOT));
    return new double[][] {{w.call(), w.put()}};
  }
}
