package org.gammaxl.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Excel's registration limits, for every function of the catalogue and for made-up bad ones. */
class ExcelLimitsTest {

  @Test
  void everyCatalogueFunctionCanBeRegistered() {
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      assertEquals(List.of(), ExcelLimits.problems(f), f.name());
    }
  }

  @Test
  void theWizardPaddingIsCountedOnTheLastHelp() {
    String help253 = "h".repeat(253);
    SheetFunction fits = fn("GX.FITS", Param.number("x", help253));
    assertEquals(List.of(), ExcelLimits.problems(fits));
    assertEquals(help253 + ". ", ExcelLimits.wizardHelp(fits).get(0));
    SheetFunction tooLong = fn("GX.LONG", Param.number("x", help253 + "h"));
    assertEquals(1, ExcelLimits.problems(tooLong).size());
    SheetFunction notLast = fn("GX.NOTLAST", Param.number("x", help253 + "hh"), Param.number("y", "y"));
    assertEquals(List.of(), ExcelLimits.problems(notLast), "only the last help is padded");
  }

  @Test
  void badNamesAndLongArgumentListsAreCaught() {
    assertFalse(ExcelLimits.problems(fn("A1", Param.number("x", "x"))).isEmpty());
    assertFalse(ExcelLimits.problems(fn("R1C1", Param.number("x", "x"))).isEmpty());
    assertFalse(ExcelLimits.problems(fn("GX PRICE", Param.number("x", "x"))).isEmpty());
    assertFalse(ExcelLimits.problems(fn("1GX", Param.number("x", "x"))).isEmpty());
    assertFalse(ExcelLimits.problems(fn("GX.X", Param.number("Bad Name", "x"))).isEmpty());
    Param[] many = new Param[60];
    for (int i = 0; i < many.length; i++) {
      many[i] = Param.number("argument" + i, "x");
    }
    List<String> p = ExcelLimits.problems(fn("GX.MANY", many));
    assertTrue(p.get(0).contains("argument names"), p.toString());
  }

  private static SheetFunction fn(String name, Param... params) {
    return SheetFunction.builder(name).category("Test").description("d").args(params).numeric(a -> 0).build();
  }
}
