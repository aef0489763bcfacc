package org.gammaxl.workbooks.io;

import java.nio.file.Path;

/**
 * A malformed input file. The message has the form {@code file:line: field: what is wrong}, the form
 * compilers use, so that an editor can jump to the line.
 */
public final class InputFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public InputFileException(Path file, int line, String field, String problem) {
    super(file + ":" + line + ": " + field + ": " + problem);
  }
}
