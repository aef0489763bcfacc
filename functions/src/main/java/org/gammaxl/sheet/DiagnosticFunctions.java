package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code GX.ERROR}: why a call returns an error (see {@link Diagnostics}). */
final class DiagnosticFunctions {
  static final String CATEGORY = "GammaXL Information";
  /** How many arguments GX.ERROR passes on. */
  static final int PASSED_ARGUMENTS = 30;

  private DiagnosticFunctions() {
  }

  static List<SheetFunction> functions() {
    Param[] params = new Param[PASSED_ARGUMENTS + 1];
    params[0] = Param.text("function", "Name of the GX function to explain, e.g. \"GX.DELTA\"");
    for (int i = 1; i <= PASSED_ARGUMENTS; i++) {
      params[i] = Param.any("arg" + i, "Argument " + i + " of that function, exactly as in its formula");
    }
    return List.of(SheetFunction.builder("GX.ERROR").category(CATEGORY)
        .description("Explains a GX call: returns \"OK\" or the error with its reason, e.g. GX.ERROR(\"GX.DELTA\","
            + " A2, B2, C2, D2, E2)")
        .details("Re-evaluates the call with the same arguments, so it gives the right reason under"
            + " multi-threaded recalculation and in every host. Bad input is also logged (java.util.logging,"
            + " logger `org.gammaxl.sheet`, rate-limited).")
        .args(params)
        .body(DiagnosticFunctions::explain)
        .example("GX.DELTA", "C", 100, 100, 0.5, -0.2)
        .example("GX.DELTA", "C", 100, 100, 0.5, 0.2)
        .build());
  }

  private static Object explain(Values v) {
    String name = v.text(0);
    Optional<WorksheetFunction> f = Catalogue.standard().find(name);
    if (f.isEmpty() && !name.toUpperCase(java.util.Locale.ROOT).startsWith("GX.")) {
      f = Catalogue.standard().find("GX." + name);
    }
    if (f.isEmpty()) {
      return "#NAME? no GammaXL function is called '" + name + "'";
    }
    List<Object> args = new ArrayList<>();
    for (int i = 1; i <= PASSED_ARGUMENTS; i++) {
      args.add(v.raw(i));
    }
    while (!args.isEmpty() && args.get(args.size() - 1) == Empty.MISSING) {
      args.remove(args.size() - 1);
    }
    Diagnostics.clear();
    Object result = f.get().invoke(args.toArray());
    if (result instanceof ExcelError) {
      return Diagnostics.lastFailure().map(Diagnostics.Failure::text)
          .orElse(((ExcelError) result).text() + " " + f.get().name());
    }
    if (result instanceof Object[][]) {
      int errors = 0;
      for (Object[] row : (Object[][]) result) {
        for (Object c : row) {
          errors += c instanceof ExcelError ? 1 : 0;
        }
      }
      return errors == 0 ? "OK" : "OK (" + errors + " cells are errors: a value the model does not define)";
    }
    return "OK";
  }
}
