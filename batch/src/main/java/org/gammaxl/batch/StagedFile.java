package org.gammaxl.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Puts a file written on this machine into the sweep's staging directory on any Hadoop file system
 * (local, HDFS, object stores): written to a local temporary directory, copied to a hidden
 * {@code .NAME.tmp} beside the target and renamed, so the target is never seen half-written.
 */
final class StagedFile {
  /** Writes the content to a local file. */
  @FunctionalInterface
  interface LocalWriter {
    void write(java.nio.file.Path file) throws IOException;
  }

  private StagedFile() {}

  static void write(Path target, Configuration conf, LocalWriter writer) throws IOException {
    java.nio.file.Path dir = Files.createTempDirectory("gammaxl-sweep-");
    try {
      java.nio.file.Path local = dir.resolve(target.getName());
      writer.write(local);
      FileSystem fs = target.getFileSystem(conf);
      Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
      fs.mkdirs(target.getParent());
      fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } finally {
      try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
        for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
