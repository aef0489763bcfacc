package org.gammaxl.xll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gammaxl.sheet.WorksheetFunction;
import org.junit.jupiter.api.Test;

class RegistrationExporterTest {

  @Test
  void writesOneFnLineAndOneHelpLinePerArgumentInCatalogueOrder() {
    List<WorksheetFunction> fs = new TestFunctions().get();
    String text = RegistrationExporter.export(fs);
    List<String> lines = text.lines().toList();
    assertEquals(RegistrationExporter.MAGIC, lines.get(0));
    assertEquals("COUNT\t" + fs.size(), lines.get(1));
    assertEquals("END", lines.get(lines.size() - 1));
    List<String> fnLines = lines.stream().filter(l -> l.startsWith("FN\t")).toList();
    assertEquals(fs.size(), fnLines.size());
    int line = 2;
    for (WorksheetFunction f : fs) {
      Registration r = Registration.of(f);
      assertEquals(String.join("\t", "FN", r.name(), r.typeText(), r.argumentText(), r.category(), r.functionHelp(),
          r.numericFastPath() ? "1" : "0", String.valueOf(r.arity())), lines.get(line++));
      for (String h : r.argumentHelp()) {
        assertEquals("AH\t" + h, lines.get(line++));
      }
    }
    assertEquals(lines.size() - 1, line);
  }

  @Test
  void everyLineHasTheFieldCountTheShimParses() {
    for (String l : RegistrationExporter.export(new TestFunctions().get()).lines().toList()) {
      int tabs = (int) l.chars().filter(c -> c == '\t').count();
      if (l.startsWith("FN\t")) {
        assertEquals(7, tabs, l);
      } else if (l.startsWith("AH\t")) {
        assertEquals(1, tabs, l);
      } else {
        assertTrue(tabs <= 1, l);
      }
    }
  }
}
