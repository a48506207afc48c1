package dev.exitbrain.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged exitbrain.jar (built before the integration tests) in a JVM of its own. */
public final class Jar {
  private final Process process;
  private final Lines out;
  private final Lines err = new Lines(true);
  private final Thread outReader;
  private final Thread errReader;

  /** A process's output lines: all of them, or (for huge outputs) only the count, the first and the last. */
  public static final class Lines {
    private final boolean keep;
    private final List<String> all = new ArrayList<>();
    private long count;
    private String first;
    private String last;

    Lines(boolean keep) {
      this.keep = keep;
    }

    synchronized void add(String line) {
      if (count++ == 0) {
        first = line;
      }
      last = line;
      if (keep) {
        all.add(line);
      }
    }

    public synchronized List<String> all() {
      return List.copyOf(all);
    }

    public synchronized long count() {
      return count;
    }

    public synchronized String first() {
      return first;
    }

    public synchronized String last() {
      return last;
    }

    public boolean any(java.util.function.Predicate<String> p) {
      return all().stream().anyMatch(p);
    }

    @Override
    public String toString() {
      return String.join("\n", all());
    }
  }

  private Jar(Process process, boolean keepOut) {
    this.process = process;
    this.out = new Lines(keepOut);
    this.outReader = pump(process.getInputStream(), out);
    this.errReader = pump(process.getErrorStream(), err);
  }

  public static Path path() {
    Path jar = Path.of(System.getProperty("exitbrain.jar", "target/exitbrain.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after 'package'");
    }
    return jar;
  }

  /** {@code java [jvmOptions] -cp exitbrain.jar mainClass args}; {@code keepOut} false counts stdout lines only. */
  public static Jar start(List<String> jvmOptions, boolean keepOut, String mainClass, String... args)
      throws IOException {
    return start(path().toString(), jvmOptions, keepOut, mainClass, args);
  }

  /** As {@link #start(List, boolean, String, String...)} with the jar and this module's test classes. */
  public static Jar startWithTestClasses(String mainClass, String... args) throws IOException {
    return start(path() + java.io.File.pathSeparator + Path.of("target", "test-classes"), List.of(), true, mainClass,
        args);
  }

  private static Jar start(String classpath, List<String> jvmOptions, boolean keepOut, String mainClass,
      String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return new Jar(new ProcessBuilder(cmd).start(), keepOut);
  }

  /** {@code java -jar exitbrain.jar args}. */
  public static Jar cli(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", path().toString()));
    cmd.addAll(List.of(args));
    return new Jar(new ProcessBuilder(cmd).start(), true);
  }

  public Process process() {
    return process;
  }

  public Lines out() {
    return out;
  }

  public Lines err() {
    return err;
  }

  /**
   * Sends SIGTERM, as a service manager would. Not {@link Process#destroy()}: that also closes this
   * side's pipes at once, so whatever the process prints while it shuts down would be lost.
   */
  public void sigterm() throws IOException, InterruptedException {
    signal("TERM");
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  public void sigint() throws IOException, InterruptedException {
    signal("INT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int code = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    if (code != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " exited with " + code);
    }
  }

  /** Waits for the exit and for both streams to be read; returns the exit code. */
  public int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not exit within " + seconds + " s; stderr: " + err);
    }
    outReader.join(10_000);
    errReader.join(10_000);
    return process.exitValue();
  }

  private static Thread pump(InputStream in, Lines lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
