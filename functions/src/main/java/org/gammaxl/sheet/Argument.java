package org.gammaxl.sheet;

import java.util.Objects;

/**
 * One argument of a worksheet function as the Function Wizard shows it.
 *
 * @param name the argument's name, a valid identifier (e.g. {@code strike})
 * @param help one-line help, unit included, at most 255 characters
 * @param kind what the argument accepts
 * @param optional whether it may be left out
 * @param defaultValue the value used when left out, as text for the help ({@code null} when required)
 */
public record Argument(String name, String help, ArgKind kind, boolean optional, String defaultValue) {
  public Argument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(kind, "kind");
  }
}
