package org.gammaxl.workbooks.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gammaxl.workbooks.io.ExcelDates;
import org.gammaxl.workbooks.io.InputFileException;

/**
 * An option chain read from a CSV file, one row per option, for the gamma-exposure workbook. Two layouts are
 * recognised by their header line:
 *
 * <ul>
 *   <li><b>GammaXL</b>: a header naming the columns {@code type, strike, expiry, iv, oi} (any order, case
 *       ignored; {@code vol} may stand for {@code iv}, {@code open_interest} for {@code oi}), then one option
 *       per line: type C, P, CALL or PUT; expiry an ISO date ({@code 2024-03-15}, meaning 16:00 that day), an
 *       ISO date-time or an Excel serial; iv as a fraction (0.2 = 20 %); oi in contracts, ≥ 0. Blank lines and
 *       lines starting with {@code #} are skipped.</li>
 *   <li><b>CBOE delayed quotes</b> (the "Download CSV" of cboe.com/delayed_quotes/…/quote_table): three lines
 *       of preamble (the spot as {@code Last: 4512.37} and the time as {@code Date: March 15, 2024 at 4:15 PM
 *       EDT}), then the header {@code Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open
 *       Interest,Strike,Puts,Last Sale,…,Open Interest}: each line holds the call (columns before
 *       {@code Strike}) and the put (after it) of one expiry and strike. Columns are found by name, so the
 *       later layout with Vega, Theta and Rho columns reads too. Expiration dates as {@code Fri Mar 15 2024}
 *       (16:00) or ISO. A side with open interest 0 is left out (CBOE quotes an IV of 0 where there is no
 *       market).</li>
 * </ul>
 * Every problem is reported as {@code file:line: field: what is wrong}.
 *
 * @param rows the options, in file order
 * @param spot the spot the file states (CBOE preamble), or {@code null}
 * @param valuation the time the file states (CBOE preamble), Excel serial, or {@code null}
 * @param layout "GammaXL" or "CBOE"
 */
public record OptionChainFile(List<Row> rows, Double spot, Double valuation, String layout) {

  /**
   * One option.
   *
   * @param line the file line it came from
   * @param call true for a call
   * @param expiry Excel serial date-time
   * @param iv implied vol, 0.2 = 20 %
   * @param openInterest contracts
   */
  public record Row(int line, boolean call, double strike, double expiry, double iv, double openInterest) {}

  /** The time of day a date without a time means: 16:00, the close of US equity options. */
  public static final LocalTime CLOSE = LocalTime.of(16, 0);

  private static final DateTimeFormatter CBOE_EXPIRY = DateTimeFormatter.ofPattern("EEE MMM d yyyy", Locale.ENGLISH);
  private static final Pattern CBOE_DATE = Pattern.compile(
      "Date:\\s*([A-Za-z]+ \\d{1,2}, \\d{4})(?:\\s+at\\s+(\\d{1,2}):(\\d{2})\\s*([AP]M))?");
  private static final Pattern CBOE_LAST = Pattern.compile("Last:\\s*([0-9][0-9,]*\\.?[0-9]*)");

  public static OptionChainFile read(Path file) throws IOException, InputFileException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file);
    }
  }

  /** Reads a chain from {@code in}; {@code file} names it in messages. */
  public static OptionChainFile read(BufferedReader in, Path file) throws IOException, InputFileException {
    List<String> preamble = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = strip(line, lineNo);
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      List<String> fields = split(t);
      String first = fields.get(0).strip().toLowerCase(Locale.ROOT);
      if (first.equals("expiration date")) {
        return readCboe(in, file, lineNo, fields, preamble);
      }
      if (fields.stream().anyMatch(f -> f.strip().equalsIgnoreCase("strike"))) {
        return readGammaxl(in, file, lineNo, fields);
      }
      preamble.add(t);
      if (preamble.size() > 5) {
        break;
      }
    }
    throw new InputFileException(file, Math.max(lineNo, 1), "header", preamble.isEmpty()
        ? "the file is empty; expected a header line 'type,strike,expiry,iv,oi' or a CBOE quote table"
        : "no header found; expected 'type,strike,expiry,iv,oi' or a CBOE quote table ('Expiration Date,Calls,…')");
  }

  private static String strip(String line, int lineNo) {
    String t = line.strip();
    return lineNo == 1 && t.startsWith("\uFEFF") ? t.substring(1).strip() : t;
  }

  private static OptionChainFile readGammaxl(BufferedReader in, Path file, int headerLine, List<String> header)
      throws IOException, InputFileException {
    String[] names = {"type", "strike", "expiry", "iv", "oi"};
    int[] col = {-1, -1, -1, -1, -1};
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.ROOT);
      h = switch (h) {
        case "vol", "implied_vol", "implied vol" -> "iv";
        case "open_interest", "open interest", "openinterest" -> "oi";
        case "expiration", "expiry_date", "expiration date" -> "expiry";
        default -> h;
      };
      int k = List.of(names).indexOf(h);
      if (k < 0) {
        throw new InputFileException(file, headerLine, "header", "unknown column '" + header.get(i).strip()
            + "'; expected type, strike, expiry, iv, oi");
      }
      if (col[k] >= 0) {
        throw new InputFileException(file, headerLine, "header", "column '" + h + "' appears twice");
      }
      col[k] = i;
    }
    for (int k = 0; k < names.length; k++) {
      if (col[k] < 0) {
        throw new InputFileException(file, headerLine, "header", "missing the column '" + names[k]
            + "'; expected type, strike, expiry, iv, oi");
      }
    }
    List<Row> rows = new ArrayList<>();
    String line;
    int lineNo = headerLine;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      List<String> f = split(t);
      String[] v = new String[5];
      for (int k = 0; k < 5; k++) {
        if (col[k] >= f.size()) {
          throw new InputFileException(file, lineNo, names[k], "missing; the line has only " + f.size() + " fields");
        }
        v[k] = f.get(col[k]).strip();
      }
      boolean call = switch (v[0].toUpperCase(Locale.ROOT)) {
        case "C", "CALL" -> true;
        case "P", "PUT" -> false;
        default -> throw new InputFileException(file, lineNo, "type", "'" + v[0] + "' is not C, P, CALL or PUT");
      };
      rows.add(row(file, lineNo, call, v[1], expiry(file, lineNo, "expiry", v[2]), v[3], v[4], "strike", "iv", "oi"));
    }
    return new OptionChainFile(List.copyOf(rows), null, null, "GammaXL");
  }

  private static OptionChainFile readCboe(BufferedReader in, Path file, int headerLine, List<String> header,
      List<String> preamble) throws IOException, InputFileException {
    int strikeCol = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase("strike")) {
        strikeCol = i;
        break;
      }
    }
    if (strikeCol < 0) {
      throw new InputFileException(file, headerLine, "header", "the CBOE quote table has no 'Strike' column");
    }
    int callIv = find(header, "IV", 0, strikeCol);
    int callOi = find(header, "Open Interest", 0, strikeCol);
    int putIv = find(header, "IV", strikeCol + 1, header.size());
    int putOi = find(header, "Open Interest", strikeCol + 1, header.size());
    if (callIv < 0 || callOi < 0 || putIv < 0 || putOi < 0) {
      throw new InputFileException(file, headerLine, "header", "the CBOE quote table needs 'IV' and 'Open Interest'"
          + " columns on both sides of 'Strike'");
    }
    Double spot = null;
    Double valuation = null;
    for (String p : preamble) {
      Matcher last = CBOE_LAST.matcher(p);
      if (spot == null && last.find()) {
        spot = Double.parseDouble(last.group(1).replace(",", ""));
      }
      Matcher date = CBOE_DATE.matcher(p);
      if (valuation == null && date.find()) {
        valuation = cboeDate(date);
      }
    }
    List<Row> rows = new ArrayList<>();
    String line;
    int lineNo = headerLine;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      List<String> f = split(t);
      int need = Math.max(Math.max(callOi, putOi), Math.max(callIv, putIv)) + 1;
      if (f.size() < need) {
        throw new InputFileException(file, lineNo, "line", "has " + f.size() + " fields; the CBOE header has "
            + header.size());
      }
      double expiry = expiry(file, lineNo, "Expiration Date", f.get(0).strip());
      String strike = f.get(strikeCol).strip();
      if (!isZero(f.get(callOi))) {
        rows.add(row(file, lineNo, true, strike, expiry, f.get(callIv).strip(), f.get(callOi).strip(), "Strike",
            "Calls IV", "Calls Open Interest"));
      }
      if (!isZero(f.get(putOi))) {
        rows.add(row(file, lineNo, false, strike, expiry, f.get(putIv).strip(), f.get(putOi).strip(), "Strike",
            "Puts IV", "Puts Open Interest"));
      }
    }
    return new OptionChainFile(List.copyOf(rows), spot, valuation, "CBOE");
  }

  private static boolean isZero(String text) {
    try {
      return Double.parseDouble(text.strip().replace(",", "")) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int find(List<String> header, String name, int from, int to) {
    for (int i = from; i < to; i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static double cboeDate(Matcher m) {
    LocalDate day = LocalDate.parse(m.group(1), DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
    LocalTime time = CLOSE;
    if (m.group(2) != null) {
      int h = Integer.parseInt(m.group(2)) % 12 + (m.group(4).equals("PM") ? 12 : 0);
      time = LocalTime.of(h, Integer.parseInt(m.group(3)));
    }
    return ExcelDates.serial(day.atTime(time));
  }

  private static Row row(Path file, int line, boolean call, String strike, double expiry, String iv, String oi,
      String strikeField, String ivField, String oiField) throws InputFileException {
    double k = number(file, line, strikeField, strike);
    if (!(k > 0)) {
      throw new InputFileException(file, line, strikeField, "must be > 0, was " + strike);
    }
    double v = number(file, line, ivField, iv);
    if (!(v > 0)) {
      throw new InputFileException(file, line, ivField, "must be > 0 (0.2 = 20%), was " + iv);
    }
    double q = number(file, line, oiField, oi);
    if (q < 0) {
      throw new InputFileException(file, line, oiField, "open interest must be >= 0, was " + oi);
    }
    return new Row(line, call, k, expiry, v, q);
  }

  private static double number(Path file, int line, String field, String text) throws InputFileException {
    try {
      double x = Double.parseDouble(text.replace(",", ""));
      if (!Double.isFinite(x)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new InputFileException(file, line, field, "'" + text + "' is not a number");
    }
  }

  /** An expiry: ISO date (16:00), ISO date-time, Excel serial, or CBOE's {@code Fri Mar 15 2024} (16:00). */
  static double expiry(Path file, int line, String field, String text) throws InputFileException {
    String s = text.strip();
    if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
      try {
        return ExcelDates.serial(LocalDate.parse(s, CBOE_EXPIRY).atTime(CLOSE));
      } catch (DateTimeParseException e) {
        throw new InputFileException(file, line, field, "'" + s + "' is not a date like 'Fri Mar 15 2024'");
      }
    }
    return dateTime(file, line, field, s);
  }

  /** A date-time from text: ISO date (16:00), ISO date-time or Excel serial. */
  public static double dateTime(Path file, int line, String field, String text) throws InputFileException {
    try {
      double serial = ExcelDates.parse(text);
      return text.strip().length() == 10 && text.indexOf('-') > 0 ? serial + CLOSE.toSecondOfDay() / 86400.0 : serial;
    } catch (IllegalArgumentException e) {
      throw new InputFileException(file, line, field, e.getMessage());
    }
  }

  /** Splits a CSV line on commas outside double quotes; quotes are removed. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
