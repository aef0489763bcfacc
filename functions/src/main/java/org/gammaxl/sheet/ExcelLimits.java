package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Excel's registration limits, checked for every catalogue function by the tests, and the strings an
 * XLL passes to {@code xlfRegister}.
 *
 * <ul>
 *   <li>A function name starts with a letter, holds letters, digits, periods and underscores, and
 *       does not read as a cell reference (A1 or R1C1 style).</li>
 *   <li>Every string passed to {@code xlfRegister} is at most {@value #MAX_STRING} characters: the
 *       name, the comma-joined argument names, the category, the description and each argument's
 *       help. The Function Wizard drops the last two characters of the last argument's help, so the
 *       bridge appends {@code ". "} to it ({@link #wizardHelp}), which must still fit.</li>
 *   <li>{@code xlfRegister} takes at most 255 arguments, ten of them fixed, so a function has at
 *       most {@value #MAX_ARGUMENTS} arguments.</li>
 * </ul>
 */
public final class ExcelLimits {
  /** Longest string {@code xlfRegister} accepts. */
  public static final int MAX_STRING = 255;
  /** Most arguments a registered function can describe (255 register arguments, 10 fixed). */
  public static final int MAX_ARGUMENTS = 245;
  /** What the Function Wizard cuts from the last argument's help. */
  public static final String WIZARD_PADDING = ". ";

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");
  private static final Pattern A1 = Pattern.compile("[A-Za-z]{1,3}[0-9]+");
  private static final Pattern R1C1 = Pattern.compile("[Rr][0-9]*[Cc][0-9]*|[RrCc][0-9]*");
  private static final Pattern ARGUMENT = Pattern.compile("[a-z][a-z0-9_]*");

  private ExcelLimits() {
  }

  /** The comma-joined argument names, as registered. */
  public static String argumentNames(WorksheetFunction f) {
    StringBuilder b = new StringBuilder();
    for (Argument a : f.arguments()) {
      b.append(b.length() == 0 ? "" : ",").append(a.name());
    }
    return b.toString();
  }

  /** The argument help strings as registered: the last one padded for the Function Wizard. */
  public static List<String> wizardHelp(WorksheetFunction f) {
    List<String> out = new ArrayList<>();
    List<Argument> args = f.arguments();
    for (int i = 0; i < args.size(); i++) {
      out.add(i == args.size() - 1 ? args.get(i).help() + WIZARD_PADDING : args.get(i).help());
    }
    return out;
  }

  /** Every way {@code f} breaks Excel's limits; empty when it can be registered. */
  public static List<String> problems(WorksheetFunction f) {
    List<String> p = new ArrayList<>();
    String name = f.name();
    if (!NAME.matcher(name).matches() || A1.matcher(name).matches() || R1C1.matcher(name).matches()) {
      p.add(name + ": not a valid Excel function name");
    }
    check(p, name, "name", name);
    check(p, name, "argument names", argumentNames(f));
    check(p, name, "category", f.category());
    check(p, name, "description", f.description());
    if (f.arguments().size() > MAX_ARGUMENTS) {
      p.add(name + ": " + f.arguments().size() + " arguments, more than " + MAX_ARGUMENTS);
    }
    List<String> help = wizardHelp(f);
    for (int i = 0; i < help.size(); i++) {
      Argument a = f.arguments().get(i);
      if (!ARGUMENT.matcher(a.name()).matches()) {
        p.add(name + ": argument name '" + a.name() + "' is not a lower-case identifier");
      }
      check(p, name, "help of " + a.name(), help.get(i));
      if (a.help().isBlank()) {
        p.add(name + ": argument " + a.name() + " has no help");
      }
    }
    if (f.description().isBlank()) {
      p.add(name + ": no description");
    }
    return p;
  }

  private static void check(List<String> problems, String function, String what, String text) {
    if (text.length() > MAX_STRING) {
      problems.add(function + ": " + what + " is " + text.length() + " characters, more than " + MAX_STRING);
    }
  }
}
