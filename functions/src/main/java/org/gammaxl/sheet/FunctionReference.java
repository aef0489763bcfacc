package org.gammaxl.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/functions.md}, the reference of every worksheet function, from the
 * {@link Catalogue}. A test fails when the committed file differs from {@link #generate()}.
 *
 * <p>Run from the repository root: {@value #COMMAND}
 */
public final class FunctionReference {
  /** The command that regenerates the reference, printed by the staleness test. */
  public static final String COMMAND =
      "mvn -q -pl functions compile exec:java -Dexec.mainClass=org.gammaxl.sheet.FunctionReference";
  /** Where the reference lives, relative to the repository root. */
  public static final String PATH = "docs/functions.md";

  private FunctionReference() {
  }

  /**
   * Writes the reference.
   *
   * @param args optional output file; by default {@code docs/functions.md} of the repository that
   *     contains the working directory
   */
  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Paths.get(args[0]) : repositoryRoot().resolve(PATH);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, generate(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  /** The repository root: the nearest directory upwards that holds {@code functions/pom.xml}. */
  static Path repositoryRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("functions").resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root (with functions/pom.xml) above " + dir);
  }

  /** The reference text. */
  public static String generate() {
    java.util.logging.Level level = Diagnostics.LOG.getLevel();
    Diagnostics.LOG.setLevel(java.util.logging.Level.OFF);
    try {
      return text();
    } finally {
      Diagnostics.LOG.setLevel(level);
    }
  }

  private static String text() {
    List<WorksheetFunction> all = Catalogue.standard().functions();
    StringBuilder b = new StringBuilder();
    b.append("# GammaXL worksheet functions\n\n")
        .append("<!-- Generated from org.gammaxl.sheet.Catalogue; do not edit. Regenerate from the repository root"
            + " with:\n     ").append(COMMAND).append(" -->\n\n")
        .append("Every host — the Excel add-in, Apache POI and LibreOffice — registers exactly these ")
        .append(all.size()).append(" functions, with these names, arguments and help.\n\n");
    b.append(RULES);
    Map<String, List<WorksheetFunction>> byCategory = new LinkedHashMap<>();
    for (WorksheetFunction f : all) {
      byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f);
    }
    b.append("## Index\n\n| function | what it returns |\n|---|---|\n");
    for (WorksheetFunction f : all) {
      b.append("| [").append(f.name()).append("](#").append(anchor(f.name())).append(") | ")
          .append(escape(f.description())).append(" |\n");
    }
    b.append('\n');
    for (Map.Entry<String, List<WorksheetFunction>> e : byCategory.entrySet()) {
      b.append("## ").append(e.getKey()).append("\n\n");
      for (WorksheetFunction f : e.getValue()) {
        function(b, f);
      }
    }
    return b.toString();
  }

  private static void function(StringBuilder b, WorksheetFunction f) {
    b.append("### ").append(f.name()).append("\n\n");
    b.append("`").append(signature(f)).append("`\n\n");
    b.append(f.description()).append(".\n\n");
    if (!f.arguments().isEmpty()) {
      b.append("| argument | accepts | meaning |\n|---|---|---|\n");
      for (Argument a : f.arguments()) {
        b.append("| `").append(a.name()).append("` | ").append(kind(a.kind()))
            .append(a.optional() ? ", optional" : "").append(" | ").append(escape(a.help())).append(" |\n");
      }
      b.append('\n');
    }
    b.append("Returns ").append(f.resultShape() == ResultShape.ARRAY ? "an array" : "one value")
        .append(f.threadSafe() ? "; thread-safe" : "; not thread-safe")
        .append(f.isVolatile() ? "; volatile" : "")
        .append(f.numericFastPath() ? "; numeric fast path" : "").append(".\n\n");
    if (f instanceof SheetFunction) {
      SheetFunction s = (SheetFunction) f;
      if (!s.details().isEmpty()) {
        b.append(s.details().strip()).append("\n\n");
      }
      if (!s.examples().isEmpty()) {
        b.append("Examples:\n\n");
        for (List<Object> ex : s.examples()) {
          b.append("    =").append(formula(f.name(), ex)).append("  →  ")
              .append(show(f.invoke(ex.toArray()))).append('\n');
        }
        b.append('\n');
      }
    }
  }

  static String signature(WorksheetFunction f) {
    StringBuilder b = new StringBuilder(f.name()).append('(');
    List<Argument> args = f.arguments();
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      b.append(i == 0 ? "" : ", ").append(a.optional() ? "[" + a.name() + "]" : a.name());
    }
    return b.append(')').toString();
  }

  private static String formula(String name, List<Object> args) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(literal(args.get(i)));
    }
    return b.append(')').toString();
  }

  private static String literal(Object v) {
    if (v == Empty.MISSING) {
      return ""; // an argument left out: =F(a, , c)
    }
    if (v instanceof String) {
      return "\"" + v + "\"";
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "TRUE" : "FALSE";
    }
    if (v instanceof Object[][]) {
      StringBuilder b = new StringBuilder("{");
      Object[][] a = (Object[][]) v;
      for (int r = 0; r < a.length; r++) {
        b.append(r == 0 ? "" : ";");
        for (int c = 0; c < a[r].length; c++) {
          b.append(c == 0 ? "" : ",").append(literal(a[r][c]));
        }
      }
      return b.append('}').toString();
    }
    if (v instanceof Number) {
      return number(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }

  private static String show(Object r) {
    if (r instanceof Double) {
      return number((Double) r);
    }
    if (r instanceof ExcelError) {
      return ((ExcelError) r).text();
    }
    if (r instanceof String) {
      return "\"" + r + "\"";
    }
    if (r instanceof Object[][]) {
      Object[][] a = (Object[][]) r;
      int cells = a.length * (a.length == 0 ? 0 : a[0].length);
      int rows = cells > 40 ? Math.min(2, a.length) : a.length;
      StringBuilder b = new StringBuilder(rows < a.length ? a.length + " x " + a[0].length + " array, first rows {" : "{");
      for (int i = 0; i < rows; i++) {
        b.append(i == 0 ? "" : "; ");
        for (int j = 0; j < a[i].length; j++) {
          b.append(j == 0 ? "" : ", ").append(show(a[i][j]));
        }
      }
      return b.append(rows < a.length ? "; …}" : "}").toString();
    }
    return literal(r);
  }

  /** Eight significant digits: stable across JVMs, enough to check a value by eye. */
  static String number(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return new BigDecimal(x).round(new MathContext(8)).stripTrailingZeros().toPlainString();
  }

  private static String kind(ArgKind kind) {
    switch (kind) {
      case NUMBER: return "number";
      case BOOLEAN: return "TRUE/FALSE";
      case TEXT: return "text";
      case DATE: return "date";
      case NUMBER_OR_TEXT: return "text or number";
      case SERIES: return "range of numbers";
      case TABLE: return "range";
      default: return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String anchor(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replace(".", "");
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  private static final String RULES = String.join("\n",
      "## Argument rules (the same in every host)",
      "",
      "- **Numbers** are plain numbers; a one-cell range counts as its value. Text where a number is expected"
          + " is `#VALUE!`.",
      "- **Keywords** (`type`, `model`, `units`, `greek`, …) are text matched case-insensitively, ignoring spaces,"
          + " hyphens, underscores and slashes. The option type is \"C\", \"P\", \"CALL\", \"PUT\", 1 or -1.",
      "- **Dates** are Excel serial date-times (1900 date system, the fraction is the time of day);"
          + " ISO text such as `2024-03-15` is accepted too.",
      "- **Ranges** may be 1-D or 2-D and are read row by row. Blank cells are skipped where a series is"
          + " expected; ranges read side by side (open/high/low/close, times/spots) skip positions blank in all"
          + " of them, and a position blank in only some is `#N/A`.",
      "- A **missing optional** argument, or a blank cell given for one, takes its default. A blank cell where a"
          + " value is required is `#N/A` (nothing to compute yet).",
      "- An **Excel error** in an argument propagates.",
      "- **Errors**: wrong kind → `#VALUE!`, out-of-domain number → `#NUM!`, nothing to compute yet → `#N/A`."
          + " The reason names the argument; `GX.ERROR(\"GX.NAME\", same arguments…)` returns it as text, and it"
          + " is logged (java.util.logging, logger `org.gammaxl.sheet`, at most 20 lines a minute).",
      "- **Greeks** are in trader units unless `units` = \"RAW\":",
      "",
      PricingFunctions.greekUnitsTable(),
      "");
}
