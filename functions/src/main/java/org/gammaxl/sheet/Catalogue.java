package org.gammaxl.sheet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of GammaXL worksheet functions. Every host (XLL bridge, POI evaluator, LibreOffice
 * add-in) reads it; none keeps its own. The functions are described and bound by domain in
 * {@link PricingFunctions}, {@link PortfolioFunctions}, {@link TimeFunctions}, {@link VolFunctions}, {@link SmileFunctions}, {@link HedgeFunctions}, {@link LedgerFunctions} and
 * {@link DiagnosticFunctions}; {@code docs/functions.md} is generated from it by {@link FunctionReference}.
 */
public final class Catalogue {
  private static final Catalogue STANDARD = new Catalogue(assemble());

  private final List<WorksheetFunction> functions;
  private final Map<String, WorksheetFunction> byName;

  private Catalogue(Collection<? extends WorksheetFunction> functions) {
    this.functions = List.copyOf(functions);
    Map<String, WorksheetFunction> map = new HashMap<>();
    for (WorksheetFunction f : this.functions) {
      if (map.put(f.name().toUpperCase(Locale.ROOT), f) != null) {
        throw new IllegalStateException("duplicate worksheet function " + f.name());
      }
    }
    this.byName = Map.copyOf(map);
  }

  /** The GammaXL catalogue. */
  public static Catalogue standard() {
    return STANDARD;
  }

  /** A catalogue of the given functions (for tests and embedding); names must be unique. */
  public static Catalogue of(Collection<? extends WorksheetFunction> functions) {
    return new Catalogue(functions);
  }

  private static List<WorksheetFunction> assemble() {
    List<WorksheetFunction> all = new ArrayList<>();
    all.addAll(PricingFunctions.functions());
    all.addAll(PortfolioFunctions.functions());
    all.addAll(TimeFunctions.functions());
    all.addAll(VolFunctions.functions());
    all.addAll(SmileFunctions.functions());
    all.addAll(HedgeFunctions.functions());
    all.addAll(LedgerFunctions.functions());
    all.addAll(JournalFunctions.functions());
    all.addAll(BookLedgerFunctions.functions());
    all.addAll(ExposureFunctions.functions());
    all.addAll(DiagnosticFunctions.functions());
    return all;
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
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toUpperCase(Locale.ROOT);
    if (key.startsWith("_XLL.")) {
      key = key.substring(5);
    }
    return Optional.ofNullable(byName.get(key));
  }
}
