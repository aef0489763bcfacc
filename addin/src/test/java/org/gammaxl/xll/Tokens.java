package org.gammaxl.xll;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.ExcelError;

/**
 * The test host's value tokens: {@code n:} number, {@code s:} text (with \t \n \r \\ escapes),
 * {@code b:} boolean, {@code e:} error code, {@code m} missing, {@code z} blank, {@code a:R:C}
 * followed by R×C element tokens.
 */
final class Tokens {
  private Tokens() {}

  /** Tokens for a host-neutral value. */
  static void encode(Object v, List<String> out) {
    if (v instanceof Double d) {
      out.add("n:" + d);
    } else if (v instanceof String s) {
      out.add("s:" + s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
    } else if (v instanceof Boolean b) {
      out.add(b ? "b:1" : "b:0");
    } else if (v instanceof ExcelError e) {
      out.add("e:" + e.code());
    } else if (v == Empty.MISSING) {
      out.add("m");
    } else if (v == Empty.BLANK) {
      out.add("z");
    } else if (v instanceof Object[][] a) {
      out.add("a:" + a.length + ":" + a[0].length);
      for (Object[] row : a) {
        for (Object x : row) {
          encode(x, out);
        }
      }
    } else {
      throw new IllegalArgumentException("not a host-neutral value: " + v);
    }
  }

  /** Decodes one value starting at {@code pos[0]}, advancing it. */
  static Object decode(String[] tok, int[] pos) {
    String t = tok[pos[0]++];
    switch (t.charAt(0)) {
      case 'n':
        return Double.parseDouble(t.substring(2));
      case 's':
        return unescape(t.substring(2));
      case 'b':
        return t.equals("b:1");
      case 'e': {
        ExcelError e = ExcelError.fromCode(Integer.parseInt(t.substring(2)));
        if (e == null) {
          throw new IllegalArgumentException("unknown error code in " + t);
        }
        return e;
      }
      case 'm':
        return Empty.MISSING;
      case 'z':
        return Empty.BLANK;
      case 'a': {
        String[] rc = t.substring(2).split(":");
        Object[][] a = new Object[Integer.parseInt(rc[0])][Integer.parseInt(rc[1])];
        for (Object[] row : a) {
          for (int j = 0; j < row.length; j++) {
            row[j] = decode(tok, pos);
          }
        }
        return a;
      }
      default:
        throw new IllegalArgumentException("bad token " + t);
    }
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** One CALL line of a call file. */
  static String callLine(String name, Object[] args) {
    List<String> t = new ArrayList<>();
    t.add("CALL");
    t.add(name);
    t.add(String.valueOf(args.length));
    for (Object a : args) {
      encode(a, t);
    }
    return String.join("\t", t);
  }
}
