package org.gammaxl.workbooks.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Model;
import org.gammaxl.time.YearClock;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;

/**
 * The option position and hedge policy of a ledger report, read from a {@code key = value} file
 * ({@code #} starts a comment, keys case-insensitive):
 *
 * <pre>
 * underlying   = BTCUSD          # text, shown in the report
 * type         = C               # C, P, CALL or PUT
 * strike       = 100             # > 0
 * expiry       = 2024-06-28      # date, date-time or Excel serial
 * quantity     = -100            # options held, signed: negative = short
 * multiplier   = 1               # underlying units per option (default 1)
 * vol          = 0.20            # implied vol, 0.2 = 20 %
 * premium      = 2.5             # entry premium per option (default: model value at the first row)
 * rule         = DELTA           # EVERY, TIME, DELTA, MOVE or WW (default EVERY)
 * threshold    = 5               # rule threshold: DELTA units of underlying, MOVE price, TIME years (default 0)
 * fee_bps      = 1               # fee per hedge trade in basis points of notional (default 0)
 * slippage_bps = 2               # slippage in basis points (default 0)
 * rate         = 0.03            # continuous rate (default 0)
 * yield        = 0               # continuous dividend / borrow / foreign rate (default 0)
 * hedge        = SPOT            # SPOT, FUTURE, PERP or INVERSE (default SPOT)
 * future_expiry = 2024-09-27     # delivery of the hedge future: date, date-time or Excel serial (FUTURE only, required there)
 * lot          = 0.01            # hedge lot size in hedge-instrument units, 0 = no rounding (default 0)
 * model        = BSM             # option pricer: BSM, BLACK76, BACHELIER, INVERSE, AMERICAN[.FAST|.BS2002|.BAW|.LATTICE] (default BSM)
 * </pre>
 *
 * The last three are GX.LEDGER's settings {@code FUTURE_EXPIRY}, {@code LOT} and {@code MODEL}; and
 * {@code basis = TRADING} (or ACT/365F, ACT/360, BUS/252, {@code TRADING 08:00-16:30}, 24/7) is its clock,
 * {@code BASIS}, turning dates into years for expiries, theta and realized vol.
 *
 * <p>A book of several legs gives each leg its own {@code [leg]} section (and no top-level type, strike,
 * expiry or quantity); {@code vol} above the sections is the at-the-money mark, a leg's own {@code vol} its
 * point on the smile (GX.BOOK.LEDGER's legs table):
 *
 * <pre>
 * underlying = SPX
 * vol        = 0.20            # ATM implied vol
 * rule       = DELTA
 * threshold  = 5
 * [leg]
 * type = C
 * strike = 100
 * expiry = 2024-06-28
 * quantity = 10
 * [leg]
 * type = P
 * strike = 95
 * expiry = 2024-06-28
 * quantity = 10
 * vol = 0.23                   # optional: this leg's own implied vol
 * </pre>
 *
 * <p>Known cash dividends of the underlying each get a {@code [dividend]} section, in ex-date order (GX.LEDGER's
 * {@code div_times} and {@code div_amounts}): each leg is valued with the dividends still ahead of it (escrowed, as
 * GX.PRICE) and the hedge's shares receive the amount on each ex-date inside the path (hedge = SPOT only):
 *
 * <pre>
 * [dividend]
 * date = 2024-03-15            # ex-dividend date (date, date-time or Excel serial)
 * amount = 0.50                # cash per unit of underlying, >= 0
 * </pre>
 *
 * @param futureExpiry delivery of the hedge future as an Excel serial, NaN when the hedge is not a future
 * @param lot hedge lot size in hedge-instrument units, 0 = no rounding
 * @param model the pricer keyword as GX.LEDGER's {@code MODEL} setting reads it ({@link Model#name()})
 * @param legs the legs of the book, at least one; {@code type}, {@code strike}, {@code expiry} and
 *     {@code quantity} are the first leg's
 * @param basis the clock ({@code BASIS} setting), or null for GX.LEDGER's default ACT/365F
 * @param dividends the underlying's cash dividends in ex-date order, empty for none
 */
public record PositionFile(String underlying, String type, double strike, double expiry, double quantity,
    double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
    double slippageBps, double rate, double yield, String hedge, double futureExpiry, double lot, String model,
    List<Leg> legs, String basis, List<Dividend> dividends) {

  /**
   * One cash dividend: its ex-date (Excel serial) and amount per unit of underlying; {@code line} is where its
   * section starts (0 when built in code).
   */
  public record Dividend(double date, double amount, int line) {}

  /**
   * One leg of the book: type C or P, strike, expiry (Excel serial), signed quantity in contracts, and its own
   * implied vol ({@code NaN}: the book's mark). {@code line} is where the leg's section starts (0 when built in code).
   */
  public record Leg(String type, double strike, double expiry, double quantity, double vol, int line) {
    /** The option type as the long keyword, CALL or PUT. */
    public String typeKeyword() {
      return type.startsWith("C") ? "CALL" : "PUT";
    }
  }

  public PositionFile {
    legs = List.copyOf(legs);
    dividends = List.copyOf(dividends);
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("a position has at least one leg");
    }
  }

  /** A position without dividends. */
  public PositionFile(String underlying, String type, double strike, double expiry, double quantity,
      double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
      double slippageBps, double rate, double yield, String hedge, double futureExpiry, double lot, String model,
      List<Leg> legs, String basis) {
    this(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold, feeBps, slippageBps,
        rate, yield, hedge, futureExpiry, lot, model, legs, basis, List.of());
  }

  /** A single-leg position (the first leg is the option). */
  public PositionFile(String underlying, String type, double strike, double expiry, double quantity,
      double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
      double slippageBps, double rate, double yield, String hedge, double futureExpiry, double lot, String model) {
    this(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold, feeBps, slippageBps,
        rate, yield, hedge, futureExpiry, lot, model, List.of(new Leg(type, strike, expiry, quantity, Double.NaN, 0)),
        null);
  }

  /** Whether this is a book for GX.BOOK.LEDGER: several legs, or a leg marked at its own vol. */
  public boolean isBook() {
    return legs.size() > 1 || !Double.isNaN(legs.get(0).vol());
  }

  /** The same policy and settings with other legs (the first leg also fills type, strike, expiry, quantity). */
  public PositionFile withLegs(List<Leg> newLegs) {
    Leg first = newLegs.get(0);
    return new PositionFile(underlying, first.type(), first.strike(), first.expiry(), first.quantity(), multiplier, vol,
        premium, rule, threshold, feeBps, slippageBps, rate, yield, hedge, futureExpiry, lot, model, newLegs, basis,
        dividends);
  }

  /** The same position on another clock ({@code BASIS}). */
  public PositionFile withBasis(String newBasis) {
    return new PositionFile(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold,
        feeBps, slippageBps, rate, yield, hedge, futureExpiry, lot, model, legs, newBasis, dividends);
  }

  /** The same position with other cash dividends. */
  public PositionFile withDividends(List<Dividend> newDividends) {
    return new PositionFile(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold,
        feeBps, slippageBps, rate, yield, hedge, futureExpiry, lot, model, legs, basis, newDividends);
  }

  /** A position hedged without lot rounding, priced with BSM, in an instrument that is not a future. */
  public PositionFile(String underlying, String type, double strike, double expiry, double quantity,
      double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
      double slippageBps, double rate, double yield, String hedge) {
    this(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold, feeBps, slippageBps,
        rate, yield, hedge, Double.NaN, 0.0, Model.BSM.name());
  }

  private static final Set<String> KEYS = Set.of("underlying", "type", "strike", "expiry", "quantity",
      "multiplier", "vol", "premium", "rule", "threshold", "fee_bps", "slippage_bps", "rate", "yield", "hedge",
      "future_expiry", "lot", "model", "basis");
  /** The keys of a {@code [leg]} section. */
  private static final Set<String> LEG_KEYS = Set.of("type", "strike", "expiry", "quantity", "vol");
  /** The keys of a {@code [dividend]} section. */
  private static final Set<String> DIVIDEND_KEYS = Set.of("date", "amount");
  private static final Set<String> TYPES = Set.of("C", "P", "CALL", "PUT");
  private static final Set<String> RULES = Set.of("EVERY", "TIME", "DELTA", "MOVE", "MOVE%", "WW");
  private static final Set<String> HEDGES = Set.of("SPOT", "FUTURE", "PERP", "INVERSE");
  private static final String MODELS = Model.expected();

  /**
   * The built-in book of {@code demo}: a long at-the-money straddle (100 calls and 100 puts) bought at 50 %
   * implied vol and scalped — hedged in spot whenever the net delta leaves a band of ±5 units of underlying;
   * fees 1 bp, slippage 2 bp.
   */
  public static PositionFile demo(double spot, double expiry) {
    double k = Math.round(spot);
    PositionFile call = new PositionFile("DEMO (simulated)", "C", k, expiry, 100, 1, 0.50, null,
        "DELTA", 5.0, 1.0, 2.0, 0.0, 0.0, "SPOT");
    return call.withLegs(List.of(new Leg("C", k, expiry, 100, Double.NaN, 0), new Leg("P", k, expiry, 100, Double.NaN, 0)));
  }

  /** The option type as the long keyword, CALL or PUT. */
  public String typeKeyword() {
    return type.startsWith("C") ? "CALL" : "PUT";
  }

  /** The settings table of GX.LEDGER, name/value pairs in order. */
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("RULE", rule);
    s.put("THRESHOLD", threshold);
    s.put("TIME", "DATES");
    s.put("FEE_BPS", feeBps);
    s.put("SLIPPAGE_BPS", slippageBps);
    s.put("MULTIPLIER", multiplier);
    s.put("HEDGE", hedge);
    if (!Double.isNaN(futureExpiry)) {
      s.put("FUTURE_EXPIRY", futureExpiry);
    }
    s.put("LOT", lot);
    s.put("MODEL", model);
    if (basis != null) {
      s.put("BASIS", basis);
    }
    return s;
  }

  /** Reads a position file; every problem is reported as {@code file:line: field: what is wrong}. */
  public static PositionFile read(Path file) throws IOException, InputFileException {
    Section top = new Section(0);
    List<Section> legSections = new ArrayList<>();
    List<Section> dividendSections = new ArrayList<>();
    Section current = top;
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        int hash = line.indexOf('#');
        String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (s.isEmpty()) {
          continue;
        }
        if (s.startsWith("[")) {
          boolean dividend = s.equalsIgnoreCase("[dividend]");
          if (!dividend && !s.equalsIgnoreCase("[leg]")) {
            throw new InputFileException(file, lineNo, s, "unknown section; the sections are [leg] and [dividend]");
          }
          current = new Section(lineNo, dividend);
          (dividend ? dividendSections : legSections).add(current);
          continue;
        }
        int eq = s.indexOf('=');
        if (eq < 0) {
          throw new InputFileException(file, lineNo, s, "expected 'key = value'");
        }
        String key = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        Set<String> allowed = current == top ? KEYS : current.dividend ? DIVIDEND_KEYS : LEG_KEYS;
        if (!allowed.contains(key)) {
          throw new InputFileException(file, lineNo, key, "unknown key" + (current == top ? ""
              : " in " + (current.dividend ? "[dividend]" : "[leg]") + " (line " + current.start + ")")
              + "; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (current.values.containsKey(key)) {
          throw new InputFileException(file, lineNo, key, "given twice (first on line " + current.lines.get(key) + ")");
        }
        current.values.put(key, s.substring(eq + 1).strip());
        current.lines.put(key, lineNo);
      }
    }
    int last = Math.max(lineNo, 1);
    Reader r = new Reader(file, top.values, top.lines, last);
    List<Leg> legs = new ArrayList<>();
    if (legSections.isEmpty()) {
      legs.add(leg(r, 0, false));
    } else {
      for (String k : List.of("type", "strike", "expiry", "quantity")) {
        if (top.values.containsKey(k)) {
          throw r.error(k, "belongs in a [leg] section when the file has [leg] sections (first on line "
              + legSections.get(0).start + ")");
        }
      }
      for (Section leg : legSections) {
        if (leg.values.isEmpty()) {
          throw new InputFileException(file, leg.start, "[leg]", "empty section; give type, strike, expiry, quantity");
        }
        Reader lr = new Reader(file, leg.values, leg.lines, leg.start);
        legs.add(leg(lr, leg.start, true));
      }
    }
    double multiplier = r.number("multiplier", 1.0, true);
    double vol = r.number("vol", null, true);
    Map<String, String> values = top.values;
    Map<String, Integer> lines = top.lines;
    Double premium = values.containsKey("premium") ? r.number("premium", null, false) : null;
    if (premium != null && premium < 0) {
      throw r.error("premium", "must be >= 0");
    }
    String rule = r.keyword("rule", "EVERY", RULES);
    double threshold = r.number("threshold", 0.0, false);
    if (threshold < 0) {
      throw r.error("threshold", "must be >= 0");
    }
    double fee = r.number("fee_bps", 0.0, false);
    double slip = r.number("slippage_bps", 0.0, false);
    if (fee < 0 || slip < 0) {
      throw r.error(fee < 0 ? "fee_bps" : "slippage_bps", "must be >= 0");
    }
    String hedge = r.keyword("hedge", "SPOT", HEDGES);
    double futureExpiry = Double.NaN;
    if (values.containsKey("future_expiry")) {
      if (!hedge.equals("FUTURE")) {
        throw r.error("future_expiry", "is only used when hedge = FUTURE (hedge is " + hedge + ")");
      }
      futureExpiry = r.date("future_expiry");
    } else if (hedge.equals("FUTURE")) {
      // Reported on the line that makes it required.
      throw new InputFileException(file, lines.getOrDefault("hedge", lineNo), "future_expiry",
          "missing; it is required when hedge = FUTURE");
    }
    double lot = r.number("lot", 0.0, false);
    if (lot < 0) {
      throw r.error("lot", "must be >= 0 (0 = no rounding), was " + values.get("lot"));
    }
    String model = Model.BSM.name();
    if (values.containsKey("model")) {
      try {
        model = Model.parse(r.required("model")).name();
      } catch (InvalidInputException e) {
        throw r.error("model", "'" + values.get("model") + "' is not one of " + MODELS);
      }
    }
    String basis = null;
    if (values.containsKey("basis")) {
      basis = r.required("basis").toUpperCase(Locale.ROOT);
      try {
        YearClock.parse(basis);
      } catch (IllegalArgumentException e) {
        throw r.error("basis", "'" + values.get("basis") + "' is not one of ACT/365F, ACT/360, BUS/252, TRADING,"
            + " TRADING hh:mm-hh:mm, 24/7");
      }
    }
    List<Dividend> dividends = new ArrayList<>();
    for (Section d : dividendSections) {
      Reader dr = new Reader(file, d.values, d.lines, d.start);
      double date = dr.date("date");
      double amount = dr.number("amount", null, false);
      if (amount < 0) {
        throw dr.error("amount", "must be a cash amount >= 0, was " + d.values.get("amount"));
      }
      if (!dividends.isEmpty() && date < dividends.get(dividends.size() - 1).date()) {
        throw dr.error("date", "is before the [dividend] on line " + dividends.get(dividends.size() - 1).line()
            + "; list the dividends in ex-date order");
      }
      dividends.add(new Dividend(date, amount, d.start));
    }
    if (!dividends.isEmpty() && !hedge.equals("SPOT")) {
      throw new InputFileException(file, dividends.get(0).line(), "[dividend]", "cash dividends need hedge = SPOT"
          + " (the stock, which receives them); hedge is " + hedge);
    }
    Leg first = legs.get(0);
    return new PositionFile(values.getOrDefault("underlying", "UNDERLYING"), first.type(), first.strike(),
        first.expiry(), first.quantity(), multiplier, vol, premium, rule, threshold, fee, slip,
        r.number("rate", 0.0, false), r.number("yield", 0.0, false), hedge, futureExpiry, lot, model, legs, basis,
        dividends);
  }

  /** One leg read from the top level (the single-leg file) or from a {@code [leg]} section. */
  private static Leg leg(Reader r, int start, boolean section) throws InputFileException {
    String type = r.keyword("type", null, TYPES);
    double strike = r.number("strike", null, true);
    double expiry = r.date("expiry");
    double quantity = r.number("quantity", null, false);
    if (quantity == 0) {
      throw r.error("quantity", "must not be 0");
    }
    double vol = section && r.values().containsKey("vol") ? r.number("vol", null, true) : Double.NaN;
    return new Leg(type.substring(0, 1), strike, expiry, quantity, vol, start);
  }

  /** The keys of the top level or of one {@code [leg]} section, with their lines. */
  private static final class Section {
    final int start;
    final boolean dividend;
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();

    Section(int start) {
      this(start, false);
    }

    Section(int start, boolean dividend) {
      this.start = start;
      this.dividend = dividend;
    }
  }

  private record Reader(Path file, Map<String, String> values, Map<String, Integer> lines, int lastLine) {
    InputFileException error(String key, String problem) {
      return new InputFileException(file, lines.getOrDefault(key, lastLine), key, problem);
    }

    String required(String key) throws InputFileException {
      String v = values.get(key);
      if (v == null || v.isEmpty()) {
        throw new InputFileException(file, lines.getOrDefault(key, lastLine), key, "missing; it is required");
      }
      return v;
    }

    double number(String key, Double dflt, boolean positive) throws InputFileException {
      if (dflt != null && !values.containsKey(key)) {
        return dflt;
      }
      String v = required(key);
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw error(key, "'" + v + "' is not a number");
      }
      if (!Double.isFinite(d) || (positive && !(d > 0))) {
        throw error(key, "must be a finite number" + (positive ? " > 0" : "") + ", was " + v);
      }
      return d;
    }

    String keyword(String key, String dflt, Set<String> allowed) throws InputFileException {
      if (dflt != null && !values.containsKey(key)) {
        return dflt;
      }
      String v = required(key).toUpperCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw error(key, "'" + values.get(key) + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
      }
      return v;
    }

    double date(String key) throws InputFileException {
      try {
        return ExcelDates.parse(required(key));
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
  }
}
