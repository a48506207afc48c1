package dev.exitbrain.examples.cli;

import dev.exitbrain.redis.RedisConnections;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;

/**
 * A throw-away redis-server on a free loopback port: the one on PATH, else the binary shipped in the
 * embedded-redis jar. Stopped by {@link #close()} or, failing that, by a shutdown hook (Ctrl-C).
 */
public final class RedisServerProcess implements AutoCloseable {
  private final Path binary;
  private final boolean fromPath;
  private final int port;
  private final Path dir;
  private final Process process;
  private final Thread hook;
  private String version = "?";

  private RedisServerProcess(Path binary, boolean fromPath, int port, Path dir, Process process) {
    this.binary = binary;
    this.fromPath = fromPath;
    this.port = port;
    this.dir = dir;
    this.process = process;
    this.hook = new Thread(this::stop, "exitbrain-redis-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a server and waits until it answers PING.
   *
   * @param allowPath use redis-server from PATH when there is one; false forces the bundled binary
   */
  public static RedisServerProcess start(boolean allowPath) throws IOException {
    Path onPath = allowPath ? onPath() : null;
    Path binary = onPath != null ? onPath : bundled();
    int port = freePort();
    Path dir = Files.createTempDirectory("exitbrain-redis");
    List<String> cmd = List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no", "--protected-mode", "no");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile())
        .start();
    RedisServerProcess server = new RedisServerProcess(binary, onPath != null, port, dir, p);
    try {
      server.awaitPing();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** e.g. {@code redis-server 7.0.15 (/usr/bin/redis-server)} or {@code ... (bundled)}. */
  public String description() {
    return "redis-server " + version + " (" + (fromPath ? binary.toString() : "bundled with exitbrain") + ")";
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs stop() as well
    }
  }

  private synchronized void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a temporary directory; nothing to do
    }
  }

  private void awaitPing() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(binary + " exited at start: " + log());
      }
      try (RedisClient c = RedisConnections.open(uri())) {
        if ("PONG".equals(c.ping())) {
          version = field(c.info("server"), "redis_version");
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting redis-server", e);
      }
    }
    throw new IOException(binary + " did not answer PING within 15 s on port " + port + ": " + log());
  }

  private String log() {
    try {
      return Text.cut(Files.readString(dir.resolve("redis.log")).strip(), 500);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static String field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return "?";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static Path onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, "redis-server");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The embedded-redis binary for this OS and CPU, extracted once to the temporary directory. */
  private static synchronized Path bundled() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    boolean arm = System.getProperty("os.arch").contains("aarch64") || System.getProperty("os.arch").contains("arm64");
    String name;
    if (os.contains("mac")) {
      name = arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
    } else if (os.contains("linux")) {
      name = arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    } else {
      throw new IOException("no redis-server on PATH, and no bundled one for " + os + "; install Redis or use --redis URI");
    }
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "exitbrain-" + name);
    if (Files.isExecutable(target)) {
      return target;
    }
    try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no redis-server on PATH and no " + name + " on the class path; use --redis URI");
      }
      Path tmp = Path.of(target + "." + UUID.randomUUID());
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      if (!tmp.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + tmp + " executable");
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return target;
  }
}
