package org.gammaxl.workbooks.poi;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.formula.functions.FreeRefFunction;
import org.apache.poi.ss.formula.udf.DefaultUDFFinder;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.Workbook;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * GammaXL worksheet functions inside POI's formula evaluator. Every function of the catalogue is
 * registered twice: as {@code GX.NAME}, the name a user types, and as {@code _xll.GX.NAME}, the form in
 * which Excel stores a call to an XLL function in a workbook file. There is no second list: the
 * names come from {@link Catalogue#functions()}.
 */
public final class GxFunctions {
  /** The prefix Excel writes in front of XLL function names in .xlsx formulas. */
  public static final String XLL_PREFIX = "_xll.";

  private static final UDFFinder STANDARD = finder(Catalogue.standard().functions());

  private GxFunctions() {}

  /** The standard catalogue as a POI tool pack. */
  public static UDFFinder standard() {
    return STANDARD;
  }

  /** A tool pack for the given functions (the standard catalogue, or a test's own). */
  public static UDFFinder finder(List<WorksheetFunction> functions) {
    List<String> names = new ArrayList<>();
    List<FreeRefFunction> udfs = new ArrayList<>();
    for (WorksheetFunction f : functions) {
      CatalogueUdf udf = new CatalogueUdf(f);
      names.add(f.name());
      udfs.add(udf);
      names.add(XLL_PREFIX + f.name());
      udfs.add(udf);
    }
    return new DefaultUDFFinder(names.toArray(String[]::new), udfs.toArray(FreeRefFunction[]::new));
  }

  /** Registers the standard catalogue with {@code workbook}; call before setting or evaluating GX formulas. */
  public static <W extends Workbook> W register(W workbook) {
    workbook.addToolPack(STANDARD);
    return workbook;
  }

  /** The stored form of a call, e.g. {@code xll("GX.DELTA", "B2,B3")} → {@code _xll.GX.DELTA(B2,B3)}. */
  public static String xll(String name, String arguments) {
    return XLL_PREFIX + name + "(" + arguments + ")";
  }
}
