package org.gammaxl.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.uno.Any;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.gammaxl.calc.generated.Services;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;
import org.junit.jupiter.api.Test;

/** The generated extension serves every catalogue function, under both spellings, as the catalogue describes it. */
class ExtensionCoversCatalogueTest {

  private static Method method(Object addIn, String name, int arity) {
    return Arrays.stream(addIn.getClass().getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
        .findFirst().orElseThrow(() -> new AssertionError(addIn.getClass() + " has no " + name + "/" + arity));
  }

  @Test
  void everyFunctionHasAServiceMethodWithItsArgumentsAndHelp() {
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      int dot = f.name().lastIndexOf('.');
      String prefix = f.name().substring(0, dot);
      String name = f.name().substring(dot + 1);
      for (String service : new String[] {prefix, "_xll." + prefix}) {
        CalcAddIn addIn = Services.create(service);
        assertNotNull(addIn, "service " + service);
        assertEquals(service, addIn.getServiceName());
        method(addIn, name, f.arguments().size());
        String display = (service.startsWith("_xll.") ? "_xll." : "") + f.name();
        assertEquals(display, addIn.getDisplayFunctionName(name));
        assertEquals(name, addIn.getProgrammaticFuntionName(display.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(f.description(), addIn.getFunctionDescription(name));
        for (int i = 0; i < f.arguments().size(); i++) {
          assertTrue(addIn.getDisplayArgumentName(name, i).startsWith(f.arguments().get(i).name()));
          assertTrue(addIn.getArgumentDescription(name, i).startsWith(f.arguments().get(i).help()));
        }
      }
    }
    assertEquals(2 * Catalogue.standard().functions().stream()
        .map(f -> f.name().substring(0, f.name().lastIndexOf('.'))).distinct().count(), Services.NAMES.size());
  }

  @Test
  void aCallAsCalcMakesItGivesTheCatalogueResult() throws Exception {
    CalcAddIn gx = Services.create("GX");
    Method delta = method(gx, "DELTA", Catalogue.standard().find("GX.DELTA").orElseThrow().arguments().size());
    Object[] calcArgs = new Object[delta.getParameterCount()];
    Arrays.fill(calcArgs, Any.VOID);
    Object[] hostArgs = {"P", 100.0, 95.0, 0.25, 0.3};
    System.arraycopy(hostArgs, 0, calcArgs, 0, hostArgs.length);
    Object expected = Catalogue.standard().find("GX.DELTA").orElseThrow().invoke(hostArgs);
    assertEquals(expected, delta.invoke(gx, calcArgs));

    calcArgs[4] = -0.3;   // a negative vol is out of domain: #NUM! as Calc's error code 503
    double error = (Double) delta.invoke(gx, calcArgs);
    assertEquals(Double.doubleToRawLongBits(CalcValues.error(ExcelError.NUM)), Double.doubleToRawLongBits(error));
  }
}
