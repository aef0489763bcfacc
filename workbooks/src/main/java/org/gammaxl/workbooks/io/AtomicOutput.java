package org.gammaxl.workbooks.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader never sees half of it: the content goes to a temporary file in the
 * same directory, which is renamed over the target only once complete. A failed write leaves the
 * target untouched and removes the temporary file.
 */
public final class AtomicOutput {
  /** What writes the content. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private AtomicOutput() {}

  /**
   * Writes {@code target} atomically.
   *
   * @param inputs files the caller read from; writing over any of them is refused
   * @throws IllegalArgumentException if {@code target} is one of the inputs
   */
  public static void write(Path target, Writer writer, Path... inputs) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    for (Path input : inputs) {
      if (sameFile(absolute, input)) {
        throw new IllegalArgumentException(
            "refusing to overwrite the input " + input + "; choose another output file");
      }
    }
    if (Files.isDirectory(absolute)) {
      throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory; give a file name");
    }
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      // Name the file the user asked for, not the temporary one.
      throw new java.nio.file.FileSystemException(target.toString(), null, "cannot write in " + dir + ": "
          + reason(e));
    }
    try {
      // createTempFile makes the file private (0600); an output file gets ordinary permissions.
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default
    }
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      try {
        try {
          Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new java.nio.file.FileSystemException(target.toString(), null, "cannot write: " + reason(e));
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e.getClass().getSimpleName();
  }

  private static boolean sameFile(Path target, Path input) {
    Path in = input.toAbsolutePath().normalize();
    if (in.equals(target)) {
      return true;
    }
    try {
      return Files.exists(target) && Files.exists(in) && Files.isSameFile(target, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
