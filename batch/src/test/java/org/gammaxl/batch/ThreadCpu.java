package org.gammaxl.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's native threads by thread name (Linux /proc/self/task: Java threads, GC and JIT
 * threads alike), to see where a configuration's CPU goes beyond Spark's task threads. Threads that end
 * between two snapshots are counted in the process total only.
 */
final class ThreadCpu {
  private final Map<String, Long> ticks;
  private final long total;

  private ThreadCpu(Map<String, Long> ticks, long total) {
    this.ticks = ticks;
    this.total = total;
  }

  static ThreadCpu now() {
    Map<String, Long> m = new HashMap<>();
    try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : s.toList()) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          m.put(t.getFileName() + " " + Files.readString(t.resolve("comm")).trim(),
              Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (Exception ended) {
          // the thread ended while listed
        }
      }
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new ThreadCpu(m, Long.parseLong(f[11]) + Long.parseLong(f[12]));
    } catch (Exception e) {
      return new ThreadCpu(m, 0);
    }
  }

  /** CPU seconds since {@code before}, by thread name with digits folded, the largest first. */
  String since(ThreadCpu before) {
    Map<String, Double> by = new TreeMap<>();
    double known = 0;
    for (Map.Entry<String, Long> e : ticks.entrySet()) {
      double s = (e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L)) / 100.0;
      if (s > 0) {
        by.merge(e.getKey().substring(e.getKey().indexOf(' ') + 1).replaceAll("\\d+", "N"), s, Double::sum);
        known += s;
      }
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "    cpu s by thread: total %.2f",
        (total - before.total) / 100.0));
    by.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(8)
        .forEach(e -> b.append(String.format(Locale.ROOT, ", %s %.2f", e.getKey(), e.getValue())));
    b.append(String.format(Locale.ROOT, ", ended threads %.2f", (total - before.total) / 100.0 - known));
    return b.toString();
  }
}
