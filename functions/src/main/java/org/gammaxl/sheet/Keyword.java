package org.gammaxl.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gammaxl.InvalidInputException;

/**
 * The keywords one text argument accepts, each mapped to a numeric code so that keyword arguments
 * travel through the numeric fast path as plain doubles. Matching ignores case, surrounding blanks,
 * inner spaces, hyphens, underscores and slashes ({@code "act/365f"} = {@code "ACT365F"}).
 * Some keywords also have a numeric form the user may type (option type 1 / −1).
 */
public final class Keyword {
  private final Map<String, Double> codes;
  private final List<String> canonical;
  /** The numbers the user may type as they are (option type 1 and −1); empty for most keywords. */
  private final double[] numericForms;
  private final String expected;

  private Keyword(Map<String, Double> codes, List<String> canonical, double[] numericForms, String expected) {
    this.codes = Map.copyOf(codes);
    this.canonical = List.copyOf(canonical);
    this.numericForms = numericForms.clone();
    this.expected = expected;
  }

  /**
   * Keywords for the constants of an enum, code = ordinal. {@code aliases} are pairs
   * (alias, constant name), e.g. {@code "VOLGA", "VOMMA"}.
   */
  public static <E extends Enum<E>> Keyword ofEnum(Class<E> type, String... aliases) {
    Map<String, Double> codes = new LinkedHashMap<>();
    List<String> names = new java.util.ArrayList<>();
    for (E e : type.getEnumConstants()) {
      codes.put(normalize(e.name()), (double) e.ordinal());
      names.add(e.name());
    }
    for (int i = 0; i + 1 < aliases.length; i += 2) {
      codes.put(normalize(aliases[i]), (double) Enum.valueOf(type, aliases[i + 1]).ordinal());
    }
    return new Keyword(codes, names, new double[0], String.join(", ", names));
  }

  /** Keywords with explicit codes: pairs (keyword, code) in {@code codes}; the first of each code is canonical. */
  public static Keyword of(Map<String, Double> codes) {
    Map<String, Double> normalized = new LinkedHashMap<>();
    List<String> names = new java.util.ArrayList<>();
    codes.forEach((k, v) -> {
      if (!normalized.containsValue(v)) {
        names.add(k);
      }
      normalized.put(normalize(k), v);
    });
    return new Keyword(normalized, names, new double[0], String.join(", ", names));
  }

  /** The option type: C, CALL → +1; P, PUT → −1; the numbers 1 and −1 are accepted as typed. */
  public static Keyword optionType() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("CALL", 1.0);
    m.put("C", 1.0);
    m.put("PUT", -1.0);
    m.put("P", -1.0);
    Keyword k = of(m);
    return new Keyword(k.codes, List.of("C", "P"), new double[] {1.0, -1.0}, "C, P, CALL, PUT, 1 or -1");
  }

  /**
   * The code of a keyword.
   *
   * @throws InvalidInputException TYPE naming {@code argument} and the accepted keywords
   */
  public double code(String argument, String text) {
    Double code = codes.get(normalize(text));
    if (code == null) {
      throw InvalidInputException.type(argument, "unknown keyword '" + text + "'; expected " + expected);
    }
    return code;
  }

  /** A keyword text whose code is {@code code} (for a keyword code read back as text), or {@code null}. */
  String textOf(double code) {
    for (Map.Entry<String, Double> e : codes.entrySet()) {
      if (e.getValue() == code) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Whether the user may type this number in place of a keyword. */
  public boolean acceptsNumber(double value) {
    for (double n : numericForms) {
      if (n == value) {
        return true;
      }
    }
    return false;
  }

  /** The numbers the user may type in place of a keyword (a copy; empty for most keywords). */
  double[] numericForms() {
    return numericForms.clone();
  }

  /** The accepted keywords as help text, e.g. {@code "C, P, CALL, PUT, 1 or -1"}. */
  public String expected() {
    return expected;
  }

  /** The canonical keywords, one per code, in declaration order. */
  public List<String> canonical() {
    return canonical;
  }

  /** Quiet-NaN pattern marking a keyword code on the numeric path (distinct from {@link ExcelError}'s tag). */
  private static final long NAN_TAG = 0x7FF8_0E0D_0000_0000L;
  private static final long TAG_MASK = 0xFFFF_FFFF_FFFF_FF00L;

  /** A keyword code in [−128, 127] as a tagged NaN, for {@link WorksheetFunction#textAsNumber}. */
  static double asNaN(int code) {
    return Double.longBitsToDouble(NAN_TAG | ((code + 128) & 0xFF));
  }

  /** Whether {@code value} is a keyword-tagged NaN. */
  static boolean isCode(double value) {
    return (Double.doubleToRawLongBits(value) & TAG_MASK) == NAN_TAG;
  }

  /** The code a keyword-tagged NaN carries (see {@link #isCode}). */
  static int fromNaN(double value) {
    return (int) (Double.doubleToRawLongBits(value) & 0xFF) - 128;
  }

  /**
   * The code of {@code text}, or {@code null} when it is not one of these keywords (no exception:
   * for callers that fall back to another path).
   */
  Double codeOrNull(String text) {
    return codes.get(normalize(text));
  }

  static String normalize(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '-' && c != '_' && c != '/' && c != '\t') {
        b.append(c);
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
