package org.gammaxl.workbooks.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gammaxl.InvalidInputException;
import org.gammaxl.pricing.Model;
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
 * The last three are GX.LEDGER's settings {@code FUTURE_EXPIRY}, {@code LOT} and {@code MODEL}.
 *
 * @param futureExpiry delivery of the hedge future as an Excel serial, NaN when the hedge is not a future
 * @param lot hedge lot size in hedge-instrument units, 0 = no rounding
 * @param model the pricer keyword as GX.LEDGER's {@code MODEL} setting reads it ({@link Model#name()})
 */
public record PositionFile(String underlying, String type, double strike, double expiry, double quantity,
    double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
    double slippageBps, double rate, double yield, String hedge, double futureExpiry, double lot, String model) {

  /** A position hedged without lot rounding, priced with BSM, in an instrument that is not a future. */
  public PositionFile(String underlying, String type, double strike, double expiry, double quantity,
      double multiplier, double vol, Double premium, String rule, double threshold, double feeBps,
      double slippageBps, double rate, double yield, String hedge) {
    this(underlying, type, strike, expiry, quantity, multiplier, vol, premium, rule, threshold, feeBps, slippageBps,
        rate, yield, hedge, Double.NaN, 0.0, Model.BSM.name());
  }

  private static final Set<String> KEYS = Set.of("underlying", "type", "strike", "expiry", "quantity",
      "multiplier", "vol", "premium", "rule", "threshold", "fee_bps", "slippage_bps", "rate", "yield", "hedge",
      "future_expiry", "lot", "model");
  private static final Set<String> TYPES = Set.of("C", "P", "CALL", "PUT");
  private static final Set<String> RULES = Set.of("EVERY", "TIME", "DELTA", "MOVE", "MOVE%", "WW");
  private static final Set<String> HEDGES = Set.of("SPOT", "FUTURE", "PERP", "INVERSE");
  private static final String MODELS = Model.expected();

  /**
   * The built-in position of {@code demo}: short 100 at-the-money calls at 60 % implied vol, hedged in
   * spot whenever the net delta leaves a band of ±5 units of underlying; fees 1 bp, slippage 2 bp.
   */
  public static PositionFile demo(double spot, double expiry) {
    return new PositionFile("DEMO (simulated)", "C", Math.round(spot), expiry, -100, 1, 0.60, null,
        "DELTA", 5.0, 1.0, 2.0, 0.0, 0.0, "SPOT");
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
    return s;
  }

  /** Reads a position file; every problem is reported as {@code file:line: field: what is wrong}. */
  public static PositionFile read(Path file) throws IOException, InputFileException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
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
        int eq = s.indexOf('=');
        if (eq < 0) {
          throw new InputFileException(file, lineNo, s, "expected 'key = value'");
        }
        String key = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!KEYS.contains(key)) {
          throw new InputFileException(file, lineNo, key, "unknown key; expected one of " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        if (values.containsKey(key)) {
          throw new InputFileException(file, lineNo, key, "given twice (first on line " + lines.get(key) + ")");
        }
        values.put(key, s.substring(eq + 1).strip());
        lines.put(key, lineNo);
      }
    }
    Reader r = new Reader(file, values, lines, Math.max(lineNo, 1));
    String type = r.keyword("type", null, TYPES);
    double strike = r.number("strike", null, true);
    double expiry = r.date("expiry");
    double quantity = r.number("quantity", null, false);
    if (quantity == 0) {
      throw r.error("quantity", "must not be 0");
    }
    double multiplier = r.number("multiplier", 1.0, true);
    double vol = r.number("vol", null, true);
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
    return new PositionFile(values.getOrDefault("underlying", "UNDERLYING"), type.substring(0, 1), strike, expiry,
        quantity, multiplier, vol, premium, rule, threshold, fee, slip, r.number("rate", 0.0, false),
        r.number("yield", 0.0, false), hedge, futureExpiry, lot, model);
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
