package org.gammaxl.calc;

import com.sun.star.lang.Locale;
import com.sun.star.lang.XLocalizable;
import com.sun.star.lang.XServiceInfo;
import com.sun.star.lang.XServiceName;
import com.sun.star.lib.uno.helper.WeakBase;
import com.sun.star.sheet.XAddIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gammaxl.sheet.Argument;
import org.gammaxl.sheet.Catalogue;
import org.gammaxl.sheet.ExcelError;
import org.gammaxl.sheet.WorksheetFunction;

/**
 * One Calc add-in service: the catalogue functions whose names start with {@code prefix + "."},
 * offered under {@code serviceName} (the prefix itself, or Excel's stored spelling {@code _xll.}
 * prefix). The generated subclasses only declare the UNO methods and forward to {@link #call};
 * names, help texts and behaviour all come from the catalogue.
 */
public abstract class CalcAddIn extends WeakBase implements XAddIn, XServiceName, XServiceInfo, XLocalizable {
  private static final String ADDIN_SERVICE = "com.sun.star.sheet.AddIn";

  private final String serviceName;
  private final String displayPrefix;
  private final Map<String, WorksheetFunction> byMethod = new HashMap<>();
  private Locale locale = new Locale("en", "US", "");

  protected CalcAddIn(String serviceName, String prefix) {
    this.serviceName = serviceName;
    this.displayPrefix = serviceName.startsWith("_xll.") ? "_xll." + prefix : prefix;
    for (WorksheetFunction f : Catalogue.standard().functions()) {
      String name = f.name();
      if (name.startsWith(prefix + ".") && name.indexOf('.', prefix.length() + 1) < 0) {
        byMethod.put(name.substring(prefix.length() + 1), f);
      }
    }
  }

  /** Calls the catalogue function behind {@code method}; never throws into Calc. */
  protected final Object call(String method, Object... args) {
    WorksheetFunction f = byMethod.get(method);
    if (f == null) {
      return CalcValues.error(ExcelError.NAME);
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = CalcValues.fromCalc(args[i]);
    }
    return CalcValues.toCalc(f.invoke(values));
  }

  private WorksheetFunction function(String method) {
    WorksheetFunction f = byMethod.get(method);
    if (f == null) {
      throw new com.sun.star.uno.RuntimeException("no GammaXL function " + displayPrefix + "." + method);
    }
    return f;
  }

  private Argument argument(String method, int index) {
    List<Argument> args = function(method).arguments();
    if (index < 0 || index >= args.size()) {
      throw new com.sun.star.uno.RuntimeException(method + " has no argument " + index);
    }
    return args.get(index);
  }

  // XAddIn: what the Function Wizard shows, all from the catalogue.

  @Override
  public String getProgrammaticFuntionName(String displayName) {
    for (String method : byMethod.keySet()) {
      if ((displayPrefix + "." + method).equalsIgnoreCase(displayName)) {
        return method;
      }
    }
    return "";
  }

  @Override
  public String getDisplayFunctionName(String method) {
    function(method);
    return displayPrefix + "." + method;
  }

  @Override
  public String getFunctionDescription(String method) {
    return function(method).description();
  }

  @Override
  public String getDisplayArgumentName(String method, int index) {
    Argument a = argument(method, index);
    return a.optional() ? a.name() + " (optional)" : a.name();
  }

  @Override
  public String getArgumentDescription(String method, int index) {
    Argument a = argument(method, index);
    return a.defaultValue() == null ? a.help() : a.help() + " Default: " + a.defaultValue() + ".";
  }

  @Override
  public String getProgrammaticCategoryName(String method) {
    return "Add-In";
  }

  @Override
  public String getDisplayCategoryName(String method) {
    return function(method).category();
  }

  // XServiceName, XServiceInfo, XLocalizable

  @Override
  public String getServiceName() {
    return serviceName;
  }

  @Override
  public String getImplementationName() {
    return "org.gammaxl.calc." + serviceName;
  }

  @Override
  public boolean supportsService(String name) {
    return serviceName.equals(name) || ADDIN_SERVICE.equals(name);
  }

  @Override
  public String[] getSupportedServiceNames() {
    return new String[] {serviceName, ADDIN_SERVICE};
  }

  @Override
  public void setLocale(Locale locale) {
    this.locale = locale;
  }

  @Override
  public Locale getLocale() {
    return locale;
  }
}
