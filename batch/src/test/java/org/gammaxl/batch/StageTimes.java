package org.gammaxl.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * The benchmark's view of Spark's own stage and task times: per stage, its tasks, wall time from
 * submission to completion, the sum of the tasks' run time, CPU time and GC time, and the longest task
 * (skew). Register with {@code sparkContext().addSparkListener}; {@link #report} returns and clears.
 */
final class StageTimes extends SparkListener {
  private final Map<Integer, long[]> tasks = new ConcurrentHashMap<>();
  private final List<String> lines = new ArrayList<>();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    if (e.taskMetrics() == null) {
      return;
    }
    long[] t = tasks.computeIfAbsent(e.stageId(), k -> new long[6]);
    synchronized (t) {
      t[0]++;
      t[1] += e.taskMetrics().executorRunTime();
      t[2] += e.taskMetrics().executorCpuTime() / 1_000_000;
      t[3] += e.taskMetrics().jvmGCTime();
      t[4] = Math.max(t[4], e.taskMetrics().executorRunTime());
      t[5] += e.taskMetrics().shuffleWriteMetrics().bytesWritten();
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
    StageInfo s = e.stageInfo();
    long[] t = tasks.getOrDefault(s.stageId(), new long[6]);
    long wall = (long) s.completionTime().get() - (long) s.submissionTime().get();
    lines.add(String.format(Locale.ROOT,
        "    stage %d (%s): %d tasks, wall %d ms, run %d ms, cpu %d ms, gc %d ms, longest task %d ms, shuffle %.1f MB",
        s.stageId(), s.name().replaceAll(" at .*", ""), t[0], wall, t[1], t[2], t[3], t[4], t[5] / 1e6));
  }

  synchronized String report() {
    String r = String.join(System.lineSeparator(), lines);
    lines.clear();
    return r;
  }
}
