package dev.exitbrain.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/**
 * A real redis-server for tests, on a free port: the one on PATH, else the binary shipped in the
 * test-scoped embedded-redis jar. {@code REDIS_URL} points the tests at an existing server instead
 * (then restart tests use their own server anyway). Never a mock.
 */
public final class TestRedis implements AutoCloseable {
  private final Path binary;
  private final Path dir;
  private final int port;
  private final boolean appendOnly;
  private Process process;

  private TestRedis(Path binary, int port, boolean appendOnly) throws IOException {
    this.binary = binary;
    this.port = port;
    this.appendOnly = appendOnly;
    this.dir = Files.createTempDirectory("exitbrain-redis-test");
  }

  /** The URI of the server the tests use: {@code REDIS_URL}, or a fresh one started here. */
  public static String sharedUri() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    return Shared.INSTANCE.uri();
  }

  /** A server of its own on a free port, started; {@code appendOnly} with fsync on every write. */
  public static TestRedis start(boolean appendOnly) throws IOException {
    TestRedis r = new TestRedis(binary(), freePort(), appendOnly);
    r.startProcess();
    return r;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** A new client on this server; the caller closes it. */
  public RedisClient client() {
    return RedisConnections.open(uri());
  }

  /** Stops the server abruptly (SIGKILL). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts the server again on the same port and data directory. */
  public void restart() throws IOException {
    startProcess();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void startProcess() throws IOException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind",
        "127.0.0.1", "--save", "", "--dir", dir.toString(), "--daemonize", "no", "--protected-mode", "no"));
    if (appendOnly) {
      cmd.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      cmd.addAll(List.of("--appendonly", "no"));
    }
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (RedisClient c = client()) {
        if ("PONG".equals(c.ping())) {
          return;
        }
      } catch (RuntimeException notYet) {
        // starting, or loading the append-only file
      }
      if (!process.isAlive()) {
        throw new IOException("redis-server exited at start; see " + dir.resolve("redis.log"));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    throw new IOException("redis-server did not answer PING within 20 s on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** redis-server from PATH, else extracted from the embedded-redis jar. */
  static synchronized Path binary() throws IOException {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        Path p = Path.of(d, "redis-server");
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    String arch = System.getProperty("os.arch").contains("aarch64") ? "redis-server-6.2.7-linux-arm64"
        : "redis-server-6.2.6-v5-linux-amd64";
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) {
      arch = System.getProperty("os.arch").contains("aarch64") ? "redis-server-6.2.6-v5-darwin-arm64"
          : "redis-server-6.2.6-v5-darwin-amd64";
    }
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "exitbrain-" + arch);
    if (!Files.isExecutable(target)) {
      try (InputStream in = ClassLoader.getSystemResourceAsStream(arch)) {
        if (in == null) {
          throw new IOException("no redis-server on PATH and no " + arch + " in the embedded-redis jar");
        }
        Path tmp = Path.of(target + "." + UUID.randomUUID());
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        tmp.toFile().setExecutable(true);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return target;
  }

  /** One server for the whole test JVM, stopped when it exits. */
  private static final class Shared {
    static final TestRedis INSTANCE = startShared();

    private static TestRedis startShared() {
      try {
        TestRedis r = start(false);
        Runtime.getRuntime().addShutdownHook(new Thread(r::close));
        return r;
      } catch (IOException e) {
        throw new IllegalStateException("cannot start a redis-server for the tests", e);
      }
    }
  }
}
