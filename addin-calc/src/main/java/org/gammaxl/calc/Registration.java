package org.gammaxl.calc;

import com.sun.star.lang.XSingleComponentFactory;
import com.sun.star.uno.XComponentContext;
import org.gammaxl.calc.generated.Services;

/**
 * The extension jar's {@code RegistrationClassName}: LibreOffice's Java loader asks it for a factory
 * per implementation name listed in {@code gammaxl.components}.
 */
public final class Registration {
  private Registration() {
  }

  /** The factory for one implementation, or null when the name is not ours. */
  public static XSingleComponentFactory __getComponentFactory(String implementationName) {
    for (String service : Services.NAMES) {
      if (Services.implementationName(service).equals(implementationName)) {
        return new XSingleComponentFactory() {
          @Override
          public Object createInstanceWithContext(XComponentContext context) {
            return Services.create(service);
          }

          @Override
          public Object createInstanceWithArgumentsAndContext(Object[] arguments, XComponentContext context) {
            return Services.create(service);
          }
        };
      }
    }
    return null;
  }
}
