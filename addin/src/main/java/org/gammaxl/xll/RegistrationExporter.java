package org.gammaxl.xll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * Writes the registration metadata that ships beside the {@code .xll}, so that {@code xlAutoOpen}
 * registers every catalogue function at once without waiting for the JVM.
 *
 * <p>Format (UTF-8, one record per line, fields separated by a tab, no field contains a tab or a
 * line break):
 *
 * <pre>
 * GAMMAXL-XLL	1
 * COUNT	n
 * FN	name	typeText	argumentText	category	functionHelp	fast(0|1)	arity
 * AH	help of argument 1
 * …          (arity AH lines follow each FN line)
 * END
 * </pre>
 *
 * The order is the catalogue's order; the shim binds each name to the JVM's function at start-up.
 */
public final class RegistrationExporter {
  /** First line of every metadata file. */
  public static final String MAGIC = "GAMMAXL-XLL\t1";

  private RegistrationExporter() {}

  /** The metadata text for {@code functions}. */
  public static String export(List<WorksheetFunction> functions) {
    StringBuilder out = new StringBuilder();
    out.append(MAGIC).append('\n');
    out.append("COUNT\t").append(functions.size()).append('\n');
    for (WorksheetFunction f : functions) {
      Registration r = Registration.of(f);
      out.append("FN\t").append(r.name())
          .append('\t').append(r.typeText())
          .append('\t').append(r.argumentText())
          .append('\t').append(r.category())
          .append('\t').append(r.functionHelp())
          .append('\t').append(r.numericFastPath() ? '1' : '0')
          .append('\t').append(r.arity()).append('\n');
      for (String h : r.argumentHelp()) {
        out.append("AH\t").append(h).append('\n');
      }
    }
    out.append("END\n");
    return out.toString();
  }

  /**
   * Writes the metadata file.
   *
   * @param args the output path; optionally the name of a {@code Supplier<List<WorksheetFunction>>}
   *     class to export instead of {@link Catalogue#standard()} (used by the test hosts)
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: RegistrationExporter <output file> [function supplier class]");
      System.exit(2);
    }
    List<WorksheetFunction> functions =
        args.length > 1 ? FunctionSource.load(args[1]) : Catalogue.standard().functions();
    Path out = Path.of(args[0]);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, export(functions), StandardCharsets.UTF_8);
    System.out.println("RegistrationExporter: " + functions.size() + " functions -> " + out);
  }

  /** Loads the functions a host serves. */
  static final class FunctionSource {
    private FunctionSource() {}

    @SuppressWarnings("unchecked")
    static List<WorksheetFunction> load(String supplierClass) {
      if (supplierClass == null || supplierClass.isBlank()) {
        return Catalogue.standard().functions();
      }
      try {
        Object s = Class.forName(supplierClass).getDeclaredConstructor().newInstance();
        return List.copyOf(((Supplier<List<WorksheetFunction>>) s).get());
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException("cannot load function supplier " + supplierClass, e);
      }
    }
  }
}
