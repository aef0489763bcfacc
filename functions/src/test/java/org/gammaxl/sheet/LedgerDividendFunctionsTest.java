package org.gammaxl.sheet;

import static org.gammaxl.sheet.SheetCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gammaxl.ledger.LedgerColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledgers' div_times and div_amounts as a worksheet passes them, against GX.PRICE with the same dividends
 * (Hull's call: S 40, K 40, r 9 %, σ 30 %, T 0.5, 0.50 at 2 and 5 months, 3.67 escrowed).
 */
@ExtendWith(SheetCalls.class)
class LedgerDividendFunctionsTest {
  private static final Object[][] DIV_TIMES = {{2.0 / 12}, {5.0 / 12}};
  private static final Object[][] DIV_AMOUNTS = {{0.5}, {0.5}};
  private static final Object[][] YEARS = {{"TIME", "YEARS"}};
  private static final Object[][] TIMES = new Object[13][1];
  private static final Object[][] SPOTS = new Object[13][1];

  static {
    double[] path = {40, 40.6, 39.8, 41.2, 40.4, 39.1, 40.2, 41.5, 42.0, 41.1, 40.3, 41.8, 42.4};
    for (int i = 0; i < 13; i++) {
      TIMES[i][0] = i * (0.5 / 13); // past both ex-dates, before expiry
      SPOTS[i][0] = path[i];
    }
  }

  private static double item(Object[][] summary, String name) {
    for (Object[] row : summary) {
      if (row[0].equals(name)) {
        return (Double) row[1];
      }
    }
    throw new AssertionError("no row " + name);
  }

  @Test
  void theFirstRowIsGxPriceWithTheSameDividends() {
    Object[][] ledger = (Object[][]) call("GX.LEDGER", TIMES, SPOTS, "C", 40.0, 0.5, 1.0, 0.3, 0.09, 0.0, YEARS,
        DIV_TIMES, DIV_AMOUNTS);
    double price = (Double) call("GX.PRICE", "C", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", DIV_TIMES, DIV_AMOUNTS);
    assertEquals(3.67, price, 0.005);
    assertEquals(price, (Double) ledger[1][LedgerColumn.OPTION_VALUE.ordinal()], 1e-13 * price);
    Object[][] legs = {{"C", 40.0, 0.5, 1.0}, {"P", 40.0, 0.5, -2.0}};
    Object[][] book = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, YEARS,
        Empty.MISSING, Empty.MISSING, Empty.MISSING, DIV_TIMES, DIV_AMOUNTS);
    double put = (Double) call("GX.PRICE", "P", 40.0, 40.0, 0.5, 0.3, 0.09, 0.0, "BSM", DIV_TIMES, DIV_AMOUNTS);
    assertEquals(price - 2 * put, (Double) book[1][LedgerColumn.OPTION_VALUE.ordinal()], 1e-12 * price);
  }

  @Test
  void theSummarysDividendsAreTheSharesHeldTimesTheAmountAndItsAttributionAddsUp() {
    Object[][] legs = {{"C", 40.0, 0.5, 10.0}, {"P", 38.0, 0.5, 10.0}};
    Object[][] ledger = (Object[][]) call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, YEARS,
        Empty.MISSING, Empty.MISSING, Empty.MISSING, DIV_TIMES, DIV_AMOUNTS);
    double expected = 0;
    int next = 0;
    for (int r = 2; r < ledger.length; r++) {
      double time = (Double) ledger[r][LedgerColumn.TIME.ordinal()];
      if (next < 2 && time >= (Double) DIV_TIMES[next][0]) {
        expected += (Double) ledger[r - 1][LedgerColumn.HEDGE_POSITION.ordinal()] * 0.5;
        next++;
      }
    }
    assertEquals(2, next);
    Object[][] summary = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, YEARS,
        Empty.MISSING, Empty.MISSING, Empty.MISSING, DIV_TIMES, DIV_AMOUNTS);
    assertTrue(Math.abs(expected) > 1, "dividends worth checking: " + expected);
    assertEquals(expected, item(summary, "DIVIDENDS"), 1e-12 * Math.abs(expected));
    double sum = 0;
    for (String part : new String[] {"DELTA_PNL", "GAMMA_PNL", "THETA_PNL", "VEGA_PNL", "CARRY_PNL", "COST_PNL",
        "RESIDUAL_PNL"}) {
      sum += item(summary, part);
    }
    assertEquals(item(summary, "TOTAL_PNL"), sum, 1e-9);
    Object[][] none = (Object[][]) call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, YEARS);
    assertEquals(0.0, item(none, "DIVIDENDS"));
  }

  @Test
  void badDividendsAreErrorsNamingTheArgument() {
    assertEquals(ExcelError.VALUE, call("GX.LEDGER", TIMES, SPOTS, "C", 40.0, 0.5, 1.0, 0.3, 0.09, 0.0, YEARS,
        DIV_TIMES, Empty.MISSING));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("div_amounts"),
        Diagnostics.lastFailure().get().reason());
    Object[][] unsorted = {{5.0 / 12}, {2.0 / 12}};
    assertEquals(ExcelError.NUM, call("GX.LEDGER.SUMMARY", TIMES, SPOTS, "C", 40.0, 0.5, 1.0, 0.3, 0.09, 0.0, YEARS,
        unsorted, DIV_AMOUNTS));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("div_times"),
        Diagnostics.lastFailure().get().reason());
    Object[][] negative = {{0.5}, {-0.5}};
    Object[][] legs = {{"C", 40.0, 0.5, 1.0}};
    assertEquals(ExcelError.NUM, call("GX.BOOK.LEDGER", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, YEARS, Empty.MISSING,
        Empty.MISSING, Empty.MISSING, DIV_TIMES, negative));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("div_amounts"),
        Diagnostics.lastFailure().get().reason());
    Object[][] future = {{"TIME", "YEARS"}, {"HEDGE", "FUTURE"}, {"FUTURE_EXPIRY", 1.0}};
    assertEquals(ExcelError.VALUE, call("GX.BOOK.LEDGER.SUMMARY", TIMES, SPOTS, legs, 0.3, 0.09, 0.0, future,
        Empty.MISSING, Empty.MISSING, Empty.MISSING, DIV_TIMES, DIV_AMOUNTS));
    assertTrue(Diagnostics.lastFailure().get().reason().contains("div_times"),
        Diagnostics.lastFailure().get().reason());
  }
}
