package org.gammaxl.xll;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gammaxl.pricing.Greek;
import org.gammaxl.pricing.Model;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * Calls with keyword text where traders type it, for the shim's text cache: every text or date
 * argument of every function with a numeric fast path gets each word of a vocabulary of keywords
 * (option types, models, greeks, units, day counts, instruments, in several spellings), ISO dates,
 * near misses and numbers given as text. The bridge decides which of them have a numeric form; the
 * host tests check that exactly those take the fast path and that every result equals the Java API.
 */
final class KeywordCalls {
  private KeywordCalls() {}

  /** The vocabulary: each keyword as written, in lower case and in title case, plus near misses. */
  static List<String> words() {
    Set<String> w = new LinkedHashSet<>();
    List<String> base = new ArrayList<>(List.of("C", "P", "CALL", "PUT", "TRADER", "RAW", "ACT/365F", "ACT/360",
        "BUS/252", "SPOT", "FUTURE", "PERP", "INVERSE", "CC", "PARKINSON", "GK", "RS", "YZ", "EXACT"));
    for (Model m : Model.values()) {
      base.add(m.name());
    }
    for (Greek g : Greek.values()) {
      base.add(g.name());
    }
    for (String b : base) {
      w.add(b);
      w.add(b.toLowerCase(Locale.ROOT));
      w.add(b.charAt(0) + b.substring(1).toLowerCase(Locale.ROOT));
    }
    // spellings the catalogue normalizes, near misses, numbers and dates as text
    w.addAll(List.of(" c ", "C-A-L-L", "Black-76", "dual_delta", "CALLS", "X", "", "nope", "100", "0.25", "1",
        "2026-11-23", "2026-02-30", "2026-11-23T16:30", "23/11/2026", "C".repeat(33), "call" + " ".repeat(40)));
    return List.copyOf(w);
  }

  static List<CallPlan.Call> of(List<WorksheetFunction> functions) {
    List<CallPlan.Call> calls = new ArrayList<>();
    List<String> words = words();
    for (WorksheetFunction f : functions) {
      if (!f.numericFastPath()) {
        continue;
      }
      List<Argument> as = f.arguments();
      Object[] base = new Object[as.size()];
      for (int i = 0; i < base.length; i++) {
        base[i] = CallPlan.sample(as.get(i), true);
      }
      for (int i = 0; i < base.length; i++) {
        ArgKind k = as.get(i).kind();
        if (k != ArgKind.TEXT && k != ArgKind.NUMBER_OR_TEXT && k != ArgKind.DATE) {
          continue;
        }
        for (String word : words) {
          Object[] a = base.clone();
          a[i] = word;
          calls.add(new CallPlan.Call(f, a));
        }
      }
      // text where only a number is read
      for (int i = 0; i < base.length; i++) {
        if (as.get(i).kind() == ArgKind.NUMBER) {
          Object[] a = base.clone();
          a[i] = "100";
          calls.add(new CallPlan.Call(f, a));
        }
      }
    }
    return calls;
  }

  /** Many spellings of "call" and "put" for one function: more distinct texts than the shim's cache holds. */
  static List<CallPlan.Call> manySpellings(WorksheetFunction f, int count) {
    List<CallPlan.Call> calls = new ArrayList<>();
    Object[] base = new Object[f.arguments().size()];
    for (int i = 0; i < base.length; i++) {
      base[i] = CallPlan.sample(f.arguments().get(i), true);
    }
    for (int n = 0; n < count; n++) {
      String word = n % 2 == 0 ? "call" : "put";
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < word.length(); j++) {
        char c = word.charAt(j);
        b.append(((n >> (j + 1)) & 1) != 0 ? Character.toUpperCase(c) : c);
      }
      b.append(" ".repeat(n / 32)); // spaces are ignored by the catalogue, not by the cache key
      Object[] a = base.clone();
      a[0] = b.toString();
      calls.add(new CallPlan.Call(f, a));
    }
    return calls;
  }

  /**
   * The path the shim must take for a call: 1 numeric, 2 numeric with text, 3 general. Text takes the
   * fast path when it is at most 32 UTF-16 units and the bridge gives it a numeric form.
   */
  static int expectedPath(CallPlan.Call c) {
    WorksheetFunction f = c.function();
    Object[] args = c.args();
    if (!f.numericFastPath() || args.length > 64) {
      return 3;
    }
    int texts = 0;
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Double || a == Empty.MISSING) {
        continue;
      }
      if (a instanceof String s && s.length() <= 32 && hasNumericForm(f, i, s)) {
        texts++;
        continue;
      }
      return 3;
    }
    return texts > 0 ? 2 : 1;
  }

  private static boolean hasNumericForm(WorksheetFunction f, int i, String s) {
    try {
      double d = XllBridge.numericForm(f, i, s);
      return Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(Double.NaN);
    } catch (RuntimeException e) { // the bridge logs it and answers "general path"
      return false;
    }
  }
}
