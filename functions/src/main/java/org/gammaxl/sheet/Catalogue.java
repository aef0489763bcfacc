package org.gammaxl.sheet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of GammaXL worksheet functions. Every host (XLL bridge, POI evaluator, LibreOffice
 * add-in) reads it; none keeps its own.
 */
public final class Catalogue {
  private static final Catalogue STANDARD = new Catalogue(List.of());

  private final List<WorksheetFunction> functions;

  private Catalogue(List<WorksheetFunction> functions) {
    this.functions = List.copyOf(functions);
  }

  /** The GammaXL catalogue. */
  public static Catalogue standard() {
    return STANDARD;
  }

  /** All functions in a stable order; the index of a function in this list is its stable id for a session. */
  public List<WorksheetFunction> functions() {
    return functions;
  }

  /**
   * Looks a function up by worksheet name, case-insensitively, accepting Excel's stored form
   * {@code _xll.GX.NAME} as well as {@code GX.NAME}.
   */
  public Optional<WorksheetFunction> find(String name) {
    String key = name.toUpperCase(Locale.ROOT);
    if (key.startsWith("_XLL.")) {
      key = key.substring(5);
    }
    for (WorksheetFunction f : functions) {
      if (f.name().equalsIgnoreCase(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
