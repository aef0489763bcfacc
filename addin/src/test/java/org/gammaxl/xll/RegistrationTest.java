package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gammaxl.sheet.ArgKind;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;
import org.junit.jupiter.api.Test;

class RegistrationTest {

  static WorksheetFunction fn(String name, String description, List<Argument> args, boolean threadSafe, boolean isVolatile) {
    return new TestFunctions.Fn(name, 0, false, threadSafe, isVolatile) {
      @Override
      public String description() {
        return description;
      }

      @Override
      public List<Argument> arguments() {
        return args;
      }

      @Override
      public Object invoke(Object[] a) {
        return 0.0;
      }
    };
  }

  static Argument arg(String name, String help, boolean optional, String dflt) {
    return new Argument(name, help, ArgKind.NUMBER, optional, dflt);
  }

  @Test
  void everyArgumentAndTheResultAreXloper12ValuesWithThreadSafeAndVolatileMarks() {
    List<Argument> two = List.of(arg("spot", "Spot", false, null), arg("vol", "Vol", false, null));
    assertEquals("QQQ$", Registration.of(fn("GX.A", "d", two, true, false)).typeText());
    assertEquals("QQQ", Registration.of(fn("GX.A", "d", two, false, false)).typeText());
    assertEquals("QQQ!", Registration.of(fn("GX.A", "d", two, false, true)).typeText());
    assertEquals("Q$", Registration.of(fn("GX.A", "d", List.of(), true, false)).typeText());
  }

  @Test
  void argumentNamesAreCommaSeparatedAndOptionalArgumentsSayTheirDefault() {
    Registration r = Registration.of(fn("GX.A", "Delta", List.of(
        arg("spot", "Underlying price", false, null), arg("rate", "Rate, 0.05 = 5%", true, "0")), true, false));
    assertEquals("spot,rate", r.argumentText());
    assertEquals("Underlying price", r.argumentHelp().get(0));
    // the Function Wizard drops the last two characters of the last argument's help
    assertEquals("Rate, 0.05 = 5%. Optional, default 0.  ", r.argumentHelp().get(1));
    assertEquals("Delta", r.functionHelp());
  }

  @Test
  void everyTextIsCutToExcels255CharacterLimitWithoutSplittingASurrogatePair() {
    String longHelp = "x".repeat(254) + "😀" + "y".repeat(100);
    List<Argument> args = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      args.add(arg("argumentnumber" + i, longHelp, false, null));
    }
    Registration r = Registration.of(fn("GX.LONG", longHelp, args, true, false));
    assertEquals(254, r.functionHelp().length(), "a surrogate pair is never split");
    assertTrue(r.argumentText().length() <= 255);
    assertTrue(r.argumentText().endsWith("argumentnumber" + (r.argumentText().split(",").length - 1)), "cut at a name boundary");
    for (String h : r.argumentHelp()) {
      assertTrue(h.length() <= 255, h);
    }
    assertEquals(60, r.arity());
  }

  @Test
  void tabsAndLineBreaksCannotBreakTheMetadataFormat() {
    Registration r = Registration.of(fn("GX.A", "two\nlines\tand tab", List.of(arg("x", "a\r\nb", false, null)), true, false));
    assertEquals("two lines and tab", r.functionHelp());
    assertFalse(r.argumentHelp().get(0).contains("\n"));
  }

  @Test
  void moreArgumentsThanExcelRegistersIsRefused() {
    List<Argument> args = new ArrayList<>();
    for (int i = 0; i < 246; i++) {
      args.add(arg("a" + i, "h", false, null));
    }
    assertThrows(IllegalArgumentException.class, () -> Registration.of(fn("GX.MANY", "d", args, true, false)));
  }

  @Test
  void theWholeCatalogueRegistersWithinExcelsLimits() {
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      Registration r = Registration.of(f);
      assertTrue(r.typeText().startsWith("Q".repeat(f.arguments().size() + 1)), f.name());
      assertTrue(r.functionHelp().length() <= 255 && r.category().length() <= 255 && r.argumentText().length() <= 255, f.name());
      assertEquals(f.arguments().size(), r.argumentText().isEmpty() ? 0 : r.argumentText().split(",").length,
          f.name() + ": every argument named");
    }
  }
}
