package org.gammaxl.workbooks.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.Empty;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * The column names of {@code GX.BOOK.LEDGER}'s header row, read from the catalogue itself by a call on a
 * small sample, so that the workbooks follow the engine rather than a second list; before GX.LEDGER
 * is in the catalogue, the engine's own header ({@code LedgerRow.headers()}).
 */
public final class LedgerColumns {
  /** The ledger engine's own header, used until GX.LEDGER is in the catalogue. */
  private static final List<String> PROVISIONAL = org.gammaxl.ledger.LedgerRow.headers();

  private static final List<String> NAMES = load();
  private static final int BOOK_SUMMARY_ROWS = bookSummaryRows();

  private LedgerColumns() {}

  /** The header of GX.LEDGER, in order. */
  public static List<String> names() {
    return NAMES;
  }

  /** Rows of GX.BOOK.LEDGER.SUMMARY's table (the summary items, then the rule's, the setup's and the legs'). */
  public static int bookSummaryRows() {
    if (BOOK_SUMMARY_ROWS > 0) {
      return BOOK_SUMMARY_ROWS;
    }
    Object result = Catalogue.standard().find("GX.BOOK.LEDGER.SUMMARY").orElseThrow().invoke(new Object[] {
        new Object[][] {{0.0}, {1.0 / 365}}, new Object[][] {{100.0}, {101.0}},
        new Object[][] {{"C", 100.0, 30.0 / 365, -10.0}}, 0.2, Empty.MISSING, Empty.MISSING,
        new Object[][] {{"TIME", "YEARS"}}});
    return result instanceof Object[][] t ? t.length : org.gammaxl.ledger.SummaryItem.values().length;
  }

  /** Whether the names come from the engine (false: the provisional list). */
  public static boolean fromEngine() {
    return NAMES != PROVISIONAL;
  }

  /** The index of the first column whose name contains every fragment, case-insensitively. */
  public static Optional<Integer> find(String... fragments) {
    outer:
    for (int i = 0; i < NAMES.size(); i++) {
      String n = NAMES.get(i).toUpperCase(Locale.ROOT);
      for (String f : fragments) {
        if (!n.contains(f.toUpperCase(Locale.ROOT))) {
          continue outer;
        }
      }
      return Optional.of(i);
    }
    return Optional.empty();
  }

  /**
   * Whether the template's ledger table shows a column: not the RULE_ columns, which repeat the book's own unless
   * the ledger books the user's fills (the template's table has no fills column).
   */
  public static boolean shownInTemplate(String engineName) {
    return !engineName.toUpperCase(Locale.ROOT).startsWith("RULE_");
  }

  /** Whether a column may hold a blank (no value) rather than a number: a trade price without a trade. */
  public static boolean mayBeBlank(String engineName) {
    return engineName.toUpperCase(Locale.ROOT).contains("PRICE");
  }

  /** A column name as a table header a trader reads, e.g. {@code HEDGE_CASH} → {@code Hedge cash}. */
  public static String display(String engineName) {
    String s = engineName.replace('_', ' ').toLowerCase(Locale.ROOT).replace("pnl", "P&L");
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> load() {
    Optional<WorksheetFunction> ledger = Catalogue.standard().find("GX.BOOK.LEDGER");
    if (ledger.isEmpty()) {
      return PROVISIONAL;
    }
    Object[][] times = {{0.0}, {1.0 / 365}, {2.0 / 365}};
    Object[][] spots = {{100.0}, {101.0}, {100.5}};
    Object[][] legs = {{"C", 100.0, 30.0 / 365, -10.0}};
    Object[][] settings = {{"TIME", "YEARS"}};
    Object result = ledger.get().invoke(new Object[] {times, spots, legs, 0.2, Empty.MISSING, Empty.MISSING, settings});
    if (result instanceof Object[][] table && table.length > 0) {
      List<String> names = new ArrayList<>();
      for (Object o : table[0]) {
        names.add(String.valueOf(o));
      }
      return List.copyOf(names);
    }
    return PROVISIONAL;
  }
}
