import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * Build step of the LibreOffice extension: writes, from the one catalogue, the UNO IDL, the Java
 * classes that implement it, and the extension's registration files. Nothing here names a function.
 *
 * <p>Calc binds a formula name to the upper-cased "service name + '.' + method name" of an add-in,
 * so every catalogue name GX.A.B is served by a service "GX.A" with a method "B"; each service also
 * exists as "_xll.GX.A" so that Excel's stored spelling {@code _xll.GX.A.B(...)} resolves too.
 *
 * <p>Run as a single-file program: {@code java -cp <functions classpath> UnoGenerator.java OUT VERSION}.
 */
public final class UnoGenerator {
  private static final String PACKAGE = "org.gammaxl.calc.generated";
  private static final String XLL = "_xll.";
  private static final Set<String> RESERVED = Set.of(
      // UNO IDL keywords
      "any", "attribute", "boolean", "byte", "char", "const", "constants", "double", "enum", "exception",
      "float", "hyper", "in", "inout", "interface", "long", "module", "oneway", "out", "raises", "sequence",
      "service", "short", "string", "struct", "typedef", "unsigned", "void", "published", "property",
      "readonly", "optional", "type", "get", "set", "bound", "constrained", "maybeambiguous", "maybedefault",
      "maybevoid", "removable", "transient", "singleton", "true", "false", "ushort", "ulong", "uhyper",
      // Java keywords that could clash with a method name
      "abstract", "assert", "break", "case", "catch", "class", "continue", "default", "do", "else", "extends",
      "final", "finally", "for", "goto", "if", "implements", "import", "instanceof", "int", "native", "new",
      "package", "private", "protected", "public", "return", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "try", "volatile", "while", "var", "record", "yield");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    String version = args.length > 1 ? args[1].replaceAll("[^0-9.].*$", "") : "0.0.0";
    Map<String, List<WorksheetFunction>> byPrefix = new TreeMap<>();
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      int dot = f.name().lastIndexOf('.');
      if (dot <= 0) {
        throw new IllegalStateException(f.name() + ": a Calc add-in function needs a dotted name");
      }
      String method = f.name().substring(dot + 1);
      if (!method.matches("[A-Za-z][A-Za-z0-9_]*") || RESERVED.contains(method.toLowerCase(Locale.ROOT))) {
        throw new IllegalStateException(f.name() + ": '" + method + "' cannot be a UNO method name");
      }
      byPrefix.computeIfAbsent(f.name().substring(0, dot), k -> new ArrayList<>()).add(f);
    }
    if (byPrefix.isEmpty()) {
      throw new IllegalStateException("the catalogue is empty: nothing to build");
    }
    Path java = out.resolve("java").resolve(PACKAGE.replace('.', '/'));
    Path oxt = out.resolve("oxt");
    Files.createDirectories(java);
    Files.createDirectories(oxt.resolve("META-INF"));

    StringBuilder idl = new StringBuilder("// Generated from the GammaXL catalogue by UnoGenerator; do not edit.\n")
        .append("#include <com/sun/star/uno/XInterface.idl>\n")
        .append("module org { module gammaxl { module calc { module generated {\n");
    List<String> serviceNames = new ArrayList<>();
    StringBuilder create = new StringBuilder();
    StringBuilder components = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<components xmlns=\"http://openoffice.org/2010/uno-components\">\n")
        .append("  <component loader=\"com.sun.star.loader.Java2\" uri=\"gammaxl-calc.jar\">\n");
    List<String> interfaces = new ArrayList<>();
    for (Map.Entry<String, List<WorksheetFunction>> e : byPrefix.entrySet()) {
      String prefix = e.getKey();
      String cls = className(prefix);
      String iface = "X" + cls;
      interfaces.add(PACKAGE + "." + iface);
      idl.append("  interface ").append(iface).append(" : com::sun::star::uno::XInterface {\n");
      StringBuilder methods = new StringBuilder();
      for (WorksheetFunction f : e.getValue()) {
        String method = f.name().substring(prefix.length() + 1);
        int n = f.arguments().size();
        idl.append("    any ").append(method).append('(');
        methods.append("  @Override\n  public Object ").append(method).append('(');
        StringBuilder call = new StringBuilder();
        for (int i = 0; i < n; i++) {
          idl.append(i == 0 ? "" : ", ").append("[in] any arg").append(i);
          methods.append(i == 0 ? "" : ", ").append("Object arg").append(i);
          call.append(", arg").append(i);
        }
        idl.append(");\n");
        methods.append(") {\n    return call(\"").append(method).append('"').append(call).append(");\n  }\n\n");
      }
      idl.append("  };\n");
      Files.writeString(java.resolve(cls + ".java"), "// Generated from the GammaXL catalogue by UnoGenerator; do not edit.\n"
          + "package " + PACKAGE + ";\n\n"
          + "/** Calc add-in service for the catalogue's " + prefix + ".* functions. */\n"
          + "public final class " + cls + " extends org.gammaxl.calc.CalcAddIn implements " + iface + " {\n"
          + "  public " + cls + "(String serviceName) {\n    super(serviceName, \"" + prefix + "\");\n  }\n\n"
          + methods + "}\n", StandardCharsets.UTF_8);
      for (String service : new String[] {prefix, XLL + prefix}) {
        serviceNames.add("\"" + service + "\"");
        create.append("      case \"").append(service).append("\": return new ").append(cls).append("(serviceName);\n");
        components.append("    <implementation name=\"").append(implementationName(service)).append("\">\n")
            .append("      <service name=\"").append(service).append("\"/>\n")
            .append("      <service name=\"com.sun.star.sheet.AddIn\"/>\n")
            .append("    </implementation>\n");
      }
    }
    idl.append("}; }; }; };\n");
    components.append("  </component>\n</components>\n");
    Files.writeString(out.resolve("gammaxl.idl"), idl, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("interfaces.txt"), String.join("\n", interfaces) + "\n", StandardCharsets.UTF_8);
    Files.writeString(java.resolve("Services.java"), "// Generated from the GammaXL catalogue by UnoGenerator; do not edit.\n"
        + "package " + PACKAGE + ";\n\n"
        + "/** The Calc add-in services of the extension, one per catalogue name prefix and spelling. */\n"
        + "public final class Services {\n"
        + "  /** Every service name, e.g. GX and _xll.GX. */\n"
        + "  public static final java.util.List<String> NAMES = java.util.List.of(\n      "
        + String.join(",\n      ", serviceNames) + ");\n\n"
        + "  private Services() {\n  }\n\n"
        + "  /** The implementation name registered for a service. */\n"
        + "  public static String implementationName(String serviceName) {\n"
        + "    return \"org.gammaxl.calc.\" + serviceName;\n  }\n\n"
        + "  /** A new add-in object serving {@code serviceName}, or null when there is no such service. */\n"
        + "  public static org.gammaxl.calc.CalcAddIn create(String serviceName) {\n"
        + "    switch (serviceName) {\n" + create
        + "      default: return null;\n    }\n  }\n}\n", StandardCharsets.UTF_8);
    Files.writeString(oxt.resolve("gammaxl.components"), components, StandardCharsets.UTF_8);
    Files.writeString(oxt.resolve("META-INF/manifest.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<manifest:manifest xmlns:manifest=\"http://openoffice.org/2001/manifest\">\n"
        + "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.uno-typelibrary;type=RDB\" manifest:full-path=\"gammaxl.rdb\"/>\n"
        + "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.uno-components\" manifest:full-path=\"gammaxl.components\"/>\n"
        + "</manifest:manifest>\n", StandardCharsets.UTF_8);
    Files.writeString(oxt.resolve("description.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<description xmlns=\"http://openoffice.org/extensions/description/2006\"\n"
        + "             xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
        + "  <identifier value=\"org.gammaxl.calc\"/>\n"
        + "  <version value=\"" + version + "\"/>\n"
        + "  <display-name><name lang=\"en\">GammaXL option-trading functions</name></display-name>\n"
        + "  <publisher><name xlink:href=\"https://github.com/gammaxl\" lang=\"en\">GammaXL contributors</name></publisher>\n"
        + "  <extension-description><src lang=\"en\" xlink:href=\"description-en.txt\"/></extension-description>\n"
        + "</description>\n", StandardCharsets.UTF_8);
    Files.writeString(oxt.resolve("description-en.txt"), "GammaXL: " + Catalogue.standard().functions().size()
        + " worksheet functions for option traders (greeks, implied volatility, hedge ratios, gamma-scalping ledger),"
        + " callable as GX.NAME(...) and as Excel's stored _xll.GX.NAME(...).\n", StandardCharsets.UTF_8);
  }

  /** GX → Gx, GX.RVOL → GxRvol. */
  static String className(String prefix) {
    StringBuilder b = new StringBuilder();
    for (String part : prefix.split("\\.")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString().replaceAll("[^A-Za-z0-9_]", "_");
  }

  static String implementationName(String service) {
    return "org.gammaxl.calc." + service;
  }
}
