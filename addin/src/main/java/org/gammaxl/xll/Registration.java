package org.gammaxl.xll;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * What {@code xlfRegister} receives for one catalogue function, with Excel's limits applied: every
 * string at most {@value #MAX_TEXT} UTF-16 units, at most {@value #MAX_ARGUMENTS} arguments.
 *
 * <p>Every argument and the result are registered as {@code Q} (an XLOPER12 with references already
 * converted to values), so that numbers, text, booleans, errors, missing arguments and ranges all
 * reach the catalogue, which alone decides how to coerce them. The type text ends with {@code !}
 * for volatile functions and {@code $} for thread-safe ones.
 *
 * @param name the worksheet name, e.g. {@code GX.DELTA}
 * @param typeText the xlfRegister type text, e.g. {@code QQQQ$}
 * @param argumentText the comma-separated argument names shown in the Function Wizard
 * @param category the Function Wizard category
 * @param functionHelp the one-line description
 * @param argumentHelp one help string per argument
 * @param numericFastPath whether the shim may use the allocation-free all-numbers path
 */
public record Registration(
    String name,
    String typeText,
    String argumentText,
    String category,
    String functionHelp,
    List<String> argumentHelp,
    boolean numericFastPath) {

  /** Excel's limit for every string given to xlfRegister. */
  public static final int MAX_TEXT = 255;
  /** xlfRegister takes at most 255 arguments, ten of which are not argument help. */
  public static final int MAX_ARGUMENTS = 245;

  public Registration {
    Objects.requireNonNull(name, "name");
    argumentHelp = List.copyOf(argumentHelp);
  }

  /** The registration of {@code f}, with every text cleaned and cut to Excel's limits. */
  public static Registration of(WorksheetFunction f) {
    List<Argument> args = f.arguments();
    if (args.size() > MAX_ARGUMENTS) {
      throw new IllegalArgumentException(
          f.name() + ": " + args.size() + " arguments, Excel registers at most " + MAX_ARGUMENTS);
    }
    StringBuilder type = new StringBuilder("Q");
    type.append("Q".repeat(args.size()));
    if (f.isVolatile()) {
      type.append('!');
    }
    if (f.threadSafe()) {
      type.append('$');
    }
    List<String> help = new ArrayList<>();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      String name = clean(a.name());
      if (names.length() + (i > 0 ? 1 : 0) + name.length() <= MAX_TEXT) {
        names.append(i > 0 ? "," : "").append(name);
      }
      String h = clean(a.help());
      if (a.optional()) {
        h = h + (h.isEmpty() || h.endsWith(".") ? " " : ". ") + "Optional"
            + (a.defaultValue() == null ? "." : ", default " + clean(a.defaultValue()) + ".");
      }
      boolean last = i == args.size() - 1;
      // The Function Wizard drops the last two characters of the last argument's help.
      help.add(last ? cut(h.strip(), MAX_TEXT - 2) + "  " : cut(h.strip(), MAX_TEXT));
    }
    return new Registration(
        clean(f.name()),
        type.toString(),
        names.toString(),
        cut(clean(f.category()), MAX_TEXT),
        cut(clean(f.description()), MAX_TEXT),
        help,
        f.numericFastPath());
  }

  /** Number of worksheet arguments. */
  public int arity() {
    return argumentHelp.size();
  }

  /** Replaces control characters (tab, line breaks) by spaces: the metadata is tab-separated lines. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.toString();
  }

  /** At most {@code max} UTF-16 units, never splitting a surrogate pair. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
