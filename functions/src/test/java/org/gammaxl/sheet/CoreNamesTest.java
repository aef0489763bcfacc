package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core names of issue 4 are fixed: workbooks and tests depend on them and on their argument order. */
class CoreNamesTest {

  private static String signature(String name) {
    return FunctionReference.signature(Catalogue.standard().find(name).orElseThrow(() -> new AssertionError(name
        + " is missing from the catalogue")));
  }

  @Test
  void everyCoreNameIsRegisteredWithItsArgumentOrder() {
    String common = "type, spot, strike, years, vol, [rate], [yield], [model]";
    // issue 18: the cash dividends right after model (GX.PRICE and the single greeks) or after the last argument
    String dividends = ", [div_times], [div_amounts]";
    assertEquals("GX.PRICE(" + common + dividends + ")", signature("GX.PRICE"));
    assertEquals("GX.DELTA(" + common + dividends + ")", signature("GX.DELTA"));
    assertEquals("GX.GAMMA(" + common + dividends + ")", signature("GX.GAMMA"));
    for (String n : List.of("GX.VEGA", "GX.THETA", "GX.RHO")) {
      assertEquals(n + "(" + common + dividends + ", [units])", signature(n));
    }
    assertEquals("GX.GREEK(greek, " + common + ", [units]" + dividends + ")", signature("GX.GREEK"));
    assertEquals("GX.GREEKS(" + common + ", [units], [header]" + dividends + ")", signature("GX.GREEKS"));
    assertEquals("GX.IMPLIEDVOL(type, price, spot, strike, years, [rate], [yield], [model]" + dividends
        + ", [below_intrinsic])",
        signature("GX.IMPLIEDVOL"));
    assertEquals("GX.YEARS(start, end, [basis], [holidays])", signature("GX.YEARS"));
    assertEquals("GX.RVOL(prices, [periods_per_year])", signature("GX.RVOL"));
    assertEquals("GX.RVOL.OHLC(open, high, low, close, [method], [periods_per_year])", signature("GX.RVOL.OHLC"));
    assertEquals("GX.BREAKEVEN(type, spot, strike, years, vol, [rate], [yield], [days], [model])",
        signature("GX.BREAKEVEN"));
    assertEquals("GX.HEDGE.QTY(position_delta, [hedge_delta], [lot])", signature("GX.HEDGE.QTY"));
    String ledger = "(times, spots, type, strike, expiry, quantity, vol, [rate], [yield], [settings], [div_times],"
        + " [div_amounts])";
    assertEquals("GX.LEDGER" + ledger, signature("GX.LEDGER"));
    assertEquals("GX.LEDGER.SUMMARY" + ledger, signature("GX.LEDGER.SUMMARY"));
  }

  @Test
  void namesAreUniqueAndListedInTheReference() {
    List<String> names = Catalogue.standard().functions().stream().map(WorksheetFunction::name)
        .collect(Collectors.toList());
    assertEquals(names.size(), names.stream().distinct().count());
  }
}
