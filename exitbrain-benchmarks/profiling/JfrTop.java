import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a JMH run of ExitBrain.compute (see docs/benchmarks.md). Run as a
 * single-file program: {@code java exitbrain-benchmarks/profiling/JfrTop.java recording.jfr}.
 *
 * <p>Only samples taken on a JMH worker thread inside {@code ExitBrain.compute} count.
 * CPU: jdk.ExecutionSample events (JMH {@code -prof jfr}), as shares of all samples.
 * Allocation: jdk.ObjectAllocationOutsideTLAB events from a run with {@code -XX:-UseTLAB} and
 * {@code alloc.jfc}, where every allocation is an event: bytes and objects per compute() call.
 */
public class JfrTop {
  private static final int TOP = 30;

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java JfrTop.java recording.jfr");
      System.exit(2);
    }
    Map<String, long[]> cpuSelf = new HashMap<>();
    Map<String, long[]> cpuIncl = new HashMap<>();
    Map<String, long[]> cpuSite = new HashMap<>();
    Map<String, long[]> allocClass = new HashMap<>();
    Map<String, long[]> allocSite = new HashMap<>();
    long samples = 0;
    long ops = 0;
    long bytes = 0;
    long objects = 0;
    try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        String type = e.getEventType().getName();
        boolean cpu = type.equals("jdk.ExecutionSample");
        boolean alloc = type.equals("jdk.ObjectAllocationOutsideTLAB");
        if (!cpu && !alloc) {
          continue;
        }
        RecordedThread t = cpu ? e.getThread("sampledThread") : e.getThread();
        RecordedStackTrace st = e.getStackTrace();
        if (t == null || t.getJavaName() == null || !t.getJavaName().contains("jmh-worker") || st == null) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        boolean inCompute = false;
        for (RecordedFrame f : st.getFrames()) {
          String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          frames.add(name);
          lines.add(f.getLineNumber());
          inCompute |= name.equals("dev.exitbrain.ExitBrain.compute");
        }
        if (!inCompute) {
          continue;
        }
        String site = appSite(frames, lines);
        if (cpu) {
          samples++;
          add(cpuSelf, frames.get(0), 1);
          Set<String> seen = new HashSet<>();
          for (String f : frames) {
            if (seen.add(f)) {
              add(cpuIncl, f, 1);
            }
          }
          add(cpuSite, site, 1);
        } else {
          String cls = e.getClass("objectClass").getName();
          long size = e.getLong("allocationSize");
          if (cls.equals("dev.exitbrain.ExitPlan")) {
            ops++;
          }
          bytes += size;
          objects++;
          add(allocClass, cls, size);
          add(allocSite, site, size);
        }
      }
    }
    if (samples > 0) {
      System.out.printf("CPU: %d samples in compute()%n", samples);
      print("self (top frame)", cpuSelf, samples, 1);
      print("inclusive", cpuIncl, samples, 1);
      print("innermost dev.exitbrain frame:line <- the method it was in", cpuSite, samples, 1);
    }
    if (ops > 0) {
      System.out.printf("%nAllocation: %d compute() calls, %.1f B/op, %.1f objects/op%n", ops,
          (double) bytes / ops, (double) objects / ops);
      print("bytes per op by class", allocClass, bytes, ops);
      print("bytes per op by innermost dev.exitbrain frame:line <- allocating method", allocSite, bytes, ops);
    }
  }

  /** The innermost engine frame (not the benchmark, not a lambda) and the method it called. */
  private static String appSite(List<String> frames, List<Integer> lines) {
    for (int i = 0; i < frames.size(); i++) {
      String f = frames.get(i);
      if (f.startsWith("dev.exitbrain.") && !f.startsWith("dev.exitbrain.benchmarks") && !f.contains("$$Lambda")) {
        return f + ":" + lines.get(i) + " <- " + (i == 0 ? "(itself)" : frames.get(i - 1));
      }
    }
    return "(no engine frame)";
  }

  private static void add(Map<String, long[]> m, String key, long weight) {
    long[] v = m.computeIfAbsent(key, k -> new long[2]);
    v[0] += weight;
    v[1]++;
  }

  /** perOp 1 prints shares; otherwise bytes/op, objects/op and share. */
  private static void print(String title, Map<String, long[]> m, long total, long perOp) {
    System.out.println("\n== " + title);
    m.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(TOP)
        .forEach(en -> {
          long[] v = en.getValue();
          if (perOp == 1) {
            System.out.printf("%6.1f%%  %s%n", 100.0 * v[0] / total, en.getKey());
          } else {
            System.out.printf("%9.1f B %6.2f obj %5.1f%%  %s%n", (double) v[0] / perOp, (double) v[1] / perOp,
                100.0 * v[0] / total, en.getKey());
          }
        });
  }
}
