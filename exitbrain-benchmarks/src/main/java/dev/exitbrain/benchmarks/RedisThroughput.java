package dev.exitbrain.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.ExitBrainConsumer;
import dev.exitbrain.redis.IntentPublisher;
import dev.exitbrain.redis.RedisConnections;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * End-to-end harness for the Redis consumer: producer, Redis and consumer on this machine. Not a
 * test; run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp exitbrain-benchmarks/target/benchmarks.jar dev.exitbrain.benchmarks.RedisThroughput [throughput|latency|memory]...
 * </pre>
 *
 * It starts its own redis-server (from PATH) on a free port, or uses {@code --redis URI}.
 * <ul>
 *   <li>{@code throughput}: the ceiling — a bare XREADGROUP + XADD + XACK loop over pre-filled
 *       entries, no decoding or computing — then the consumer draining the same number of intents;
 *       after a warm-up, five rounds of both, alternating, since a shared machine varies from one
 *       minute to the next. {@code -DcomputeThreads=N} sets the consumer's compute threads.
 *   <li>{@code latency}: 1,000 intents/s offered for 10 s, after 5 s of the same unmeasured;
 *       end-to-end latency from the producer's XADD to the output record being read, p50/p99/max.
 *   <li>{@code memory}: 1,000,000 intents through the consumer while the heap after GC is sampled;
 *       run with {@code -Xmx64m}.
 * </ul>
 */
public final class RedisThroughput {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The size of the consumer's output record for the intents used here (measured: payload + envelope). */
  private static final int OUTPUT_RECORD_BYTES = 2000;

  private RedisThroughput() {}

  public static void main(String[] args) throws Exception {
    List<String> modes = new ArrayList<>(Arrays.asList(args));
    String uri = null;
    int i = modes.indexOf("--redis");
    if (i >= 0) {
      uri = modes.get(i + 1);
      modes.remove(i + 1);
      modes.remove(i);
    }
    if (modes.isEmpty()) {
      modes = List.of("throughput", "latency");
    }
    for (String mode : modes) {
      if (!List.of("throughput", "latency", "memory").contains(mode)) {
        System.err.println("usage: RedisThroughput [--redis URI] [throughput] [latency] [memory]"
            + " (default: throughput latency; -DcomputeThreads=N sets the consumer's compute threads)");
        System.exit(mode.equals("--help") || mode.equals("-h") ? 0 : 2);
      }
    }
    Process server = null;
    try {
      if (uri == null) {
        int port = freePort();
        server = startRedis(port);
        uri = "redis://127.0.0.1:" + port;
      }
      System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB, redis %s, consumer compute threads %d%n",
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, RedisConnections.redact(uri), config("x").computeThreads());
      for (String mode : modes) {
        switch (mode) {
          case "throughput":
            throughput(uri, 100_000, 5);
            break;
          case "latency":
            latency(uri, 1_000, Duration.ofSeconds(10));
            break;
          case "memory":
            memory(uri, 1_000_000);
            break;
          default:
            throw new IllegalArgumentException("mode: throughput, latency or memory, was " + mode);
        }
      }
    } finally {
      if (server != null) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * Warms both sides up, then alternates the ceiling and the consumer for {@code rounds} measured
   * rounds and reports each round and the medians: on a shared machine one round says little.
   * Each line also gives the CPU time per entry of this JVM and of redis-server, which tells where
   * the time goes.
   */
  private static void throughput(String uri, int n, int rounds) throws Exception {
    try (RedisClient jedis = RedisConnections.open(uri)) {
      // Warm-up: the JIT compiles both paths (the first consumer run costs several times the later ones).
      ceiling(jedis, n);
      consumer(jedis, n);
      double[] ceilings = new double[rounds];
      double[] consumers = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ceilings[r] = ceiling(jedis, n);
        consumers[r] = consumer(jedis, n);
        System.out.printf(Locale.ROOT, "round %d: ceiling %,.0f entries/s, consumer %,.0f intents/s = %.0f %%%n", r + 1,
            ceilings[r], consumers[r], 100 * consumers[r] / ceilings[r]);
      }
      double[] shares = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        shares[r] = consumers[r] / ceilings[r];
      }
      System.out.printf(Locale.ROOT, "median of %d rounds of %,d: ceiling %,.0f entries/s (XREADGROUP COUNT 100, then pipelined"
          + " XADD of a plan-sized record + XACK per entry; no decode, no compute); consumer %,.0f intents/s (decode,"
          + " compute, record + XACK in one script); the consumer's share of the ceiling in the same round: median %.0f %%,"
          + " lowest %.0f %%%n", rounds, n, median(ceilings), median(consumers), 100 * median(shares),
          100 * Arrays.stream(shares).min().orElse(0));
    }
  }

  /** The bare loop: entries/s. */
  private static double ceiling(RedisClient jedis, int n) {
    ConsumerConfig bare = config("bare");
    fill(jedis, bare, n);
    jedis.xgroupCreate(bare.inputStream(), bare.group(), new StreamEntryID(0, 0), true);
    Cpu cpu = new Cpu(jedis);
    long t0 = System.nanoTime();
    long read = 0;
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(100);
    Map<String, StreamEntryID> from = Map.of(bare.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
    while (read < n) {
      List<Map.Entry<String, List<StreamEntry>>> r = jedis.xreadGroup(bare.group(), "bare", params, from);
      if (r == null || r.isEmpty()) {
        continue;
      }
      List<StreamEntry> entries = r.get(0).getValue();
      try (AbstractPipeline p = jedis.pipelined()) {
        // What the consumer writes, without decoding or computing: a record as large as a plan
        // (the intent's own fields, padded to the size of an output envelope) and the XACK.
        for (StreamEntry e : entries) {
          p.xadd(bare.outputStream(), StreamEntryID.NEW_ENTRY, padded(e.getFields()));
          p.xack(bare.inputStream(), bare.group(), e.getID());
        }
        p.sync();
      }
      read += entries.size();
    }
    double rate = n / seconds(t0);
    System.out.printf(Locale.ROOT, "  ceiling  %,7.0f entries/s; %s%n", rate, cpu.perEntry(n));
    cleanup(jedis, bare);
    return rate;
  }

  /** The consumer draining pre-filled intents: intents/s. */
  private static double consumer(RedisClient jedis, int n) throws InterruptedException {
    ConsumerConfig c = config("consumer");
    fill(jedis, c, n);
    double rate;
    try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).build()) {
      Cpu cpu = new Cpu(jedis);
      long t1 = System.nanoTime();
      consumer.start();
      while (consumer.health().computed() < n) {
        Thread.sleep(1);
      }
      rate = n / seconds(t1);
      System.out.printf(Locale.ROOT, "  consumer %,7.0f intents/s; %s%n", rate, cpu.perEntry(n));
    }
    if (jedis.xlen(c.outputStream()) != n) {
      throw new IllegalStateException("the consumer wrote " + jedis.xlen(c.outputStream()) + " records for " + n + " intents");
    }
    cleanup(jedis, c);
    return rate;
  }

  /** CPU time of this JVM and of redis-server since construction. */
  private static final class Cpu {
    private final RedisClient jedis;
    private final long jvm0 = jvmNanos();
    private final double redis0;

    Cpu(RedisClient jedis) {
      this.jedis = jedis;
      this.redis0 = redisSeconds(jedis);
    }

    String perEntry(int n) {
      return String.format(Locale.ROOT, "CPU per entry: JVM %.1f µs, redis-server %.1f µs", (jvmNanos() - jvm0) / 1e3 / n,
          (redisSeconds(jedis) - redis0) * 1e6 / n);
    }

    private static long jvmNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double redisSeconds(RedisClient jedis) {
      double s = 0;
      for (String line : jedis.info("cpu").split("\\r?\\n")) {
        if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
          s += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      return s;
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** A 5 s warm-up at the same rate (the JIT compiles the path; unmeasured), then the measured run. */
  private static void latency(String uri, int perSecond, Duration duration) throws Exception {
    latency(uri, perSecond, Duration.ofSeconds(5), false);
    latency(uri, perSecond, duration, true);
  }

  private static void latency(String uri, int perSecond, Duration duration, boolean print) throws Exception {
    try (RedisClient jedis = RedisConnections.open(uri); RedisClient reader = RedisConnections.open(uri)) {
      ConsumerConfig c = config("latency");
      jedis.xgroupCreate(c.inputStream(), c.group(), StreamEntryID.XGROUP_LAST_ENTRY, true);
      int total = (int) (perSecond * duration.toSeconds());
      long[] latencies = new long[total];
      try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).build()) {
        consumer.start();
        IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "bench");
        AtomicBoolean failed = new AtomicBoolean();
        Thread producer = new Thread(() -> {
          long start = System.nanoTime();
          long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
          for (int k = 0; k < total; k++) {
            long due = start + k * interval;
            // Sleep until just before the send time, then spin: a producer spinning all the time would
            // take one of the machine's two cores from Redis and the consumer.
            long wait = due - System.nanoTime();
            if (wait > 100_000) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait - 100_000);
            }
            while (System.nanoTime() < due) {
              Thread.onSpinWait();
            }
            ObjectNode o = intent(k);
            o.put("trace_id", Long.toString(System.nanoTime()));
            try {
              pub.publish(o);
            } catch (RuntimeException e) {
              failed.set(true);
            }
          }
        }, "producer");
        producer.start();
        int got = 0;
        StreamEntryID last = new StreamEntryID(0, 0);
        while (got < total) {
          List<Map.Entry<String, List<StreamEntry>>> r = reader.xread(XReadParams.xReadParams().block(1000).count(1000),
              Map.of(c.outputStream(), last));
          if (r == null || r.isEmpty()) {
            continue;
          }
          long now = System.nanoTime();
          for (StreamEntry e : r.get(0).getValue()) {
            latencies[got++] = now - Long.parseLong(e.getFields().get("trace_id"));
            last = e.getID();
          }
        }
        producer.join();
        if (failed.get()) {
          System.out.println("some publishes failed");
        }
      }
      Arrays.sort(latencies);
      if (print) {
        System.out.printf(Locale.ROOT, "latency at %,d intents/s offered for %d s (XADD to output read): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          perSecond, duration.toSeconds(), latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
          latencies[total - 1] / 1e6);
      }
      cleanup(jedis, c);
    }
  }

  private static void memory(String uri, int n) throws Exception {
    try (RedisClient jedis = RedisConnections.open(uri)) {
      ConsumerConfig c = config("memory");
      jedis.xgroupCreate(c.inputStream(), c.group(), StreamEntryID.XGROUP_LAST_ENTRY, true);
      IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "bench");
      long t0 = System.nanoTime();
      try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).build()) {
        consumer.start();
        int sent = 0;
        long nextSample = 100_000;
        while (sent < n || consumer.health().computed() < n) {
          long done = consumer.health().computed();
          if (sent < n && sent - done < 50_000) {
            List<ObjectNode> batch = new ArrayList<>(1000);
            for (int k = 0; k < 1000; k++) {
              batch.add(intent(sent + k));
            }
            pub.publishAll(batch, IntentPublisher.Shape.ENVELOPE);
            sent += batch.size();
          } else {
            Thread.sleep(2);
          }
          if (done >= nextSample) {
            // Keep Redis small: the records are not needed once counted.
            jedis.xtrim(c.outputStream(), redis.clients.jedis.params.XTrimParams.xTrimParams().maxLen(1000));
            System.gc();
            System.out.printf(Locale.ROOT, "  %,9d recorded: heap after GC %5.1f MB%n", done,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            nextSample += 100_000;
          }
        }
        System.out.printf(Locale.ROOT, "memory: %,d intents in %.1f s with max heap %d MB, no OutOfMemoryError%n", n,
            seconds(t0), Runtime.getRuntime().maxMemory() >> 20);
      }
      cleanup(jedis, c);
    }
  }

  /** The entry's fields plus padding up to the size of a typical output record (about 2 KB). */
  private static Map<String, String> padded(Map<String, String> fields) {
    Map<String, String> out = new java.util.LinkedHashMap<>(fields);
    int size = fields.values().stream().mapToInt(String::length).sum();
    // One padding string per length: the bare loop should not spend its time allocating 2 KB per entry.
    out.put("padding", PADDING.computeIfAbsent(Math.max(0, OUTPUT_RECORD_BYTES - size), "x"::repeat));
    return out;
  }

  private static final Map<Integer, String> PADDING = new java.util.HashMap<>();

  private static ConsumerConfig config(String name) {
    String p = "bench:" + name + ":" + System.nanoTime() + ":";
    return ConsumerConfig.builder().inputStream(p + "in").outputStream(p + "out").resultStream(p + "result")
        .deadLetterStream(p + "dlq").group(p + "group").consumer(name).replay(true)
        .block(Duration.ofMillis(100)).batchSize(100)
        .computeThreads(Integer.getInteger("computeThreads", ConsumerConfig.defaults().computeThreads())).build();
  }

  /** The k-th intent the harness sends: BTCUSDT with entry, tick, size and step; side and leverage vary with k. */
  static ObjectNode intent(int k) {
    ObjectNode o = JSON.createObjectNode();
    o.put("symbol", "BTCUSDT");
    o.put("side", k % 2 == 0 ? "BUY" : "SELL");
    o.put("leverage", 1 + k % 50);
    o.put("volatility_factor", 1.2);
    o.put("entry_price", "65000");
    o.put("tick_size", "0.1");
    o.put("position_size_usd", 10000);
    o.put("step_size", "0.001");
    o.put("timestamp", System.currentTimeMillis());
    return o;
  }

  private static void fill(RedisClient jedis, ConsumerConfig c, int n) {
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "bench");
    for (int sent = 0; sent < n; sent += 1000) {
      List<ObjectNode> batch = new ArrayList<>(1000);
      for (int k = 0; k < 1000; k++) {
        batch.add(intent(sent + k));
      }
      pub.publishAll(batch, IntentPublisher.Shape.ENVELOPE);
    }
  }

  private static void cleanup(RedisClient jedis, ConsumerConfig c) {
    jedis.del(c.inputStream(), c.outputStream(), c.resultStream(), c.deadLetterStream());
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process startRedis(int port) throws IOException, InterruptedException {
    String binary = null;
    for (String d : System.getenv("PATH").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "redis-server"))) {
        binary = Path.of(d, "redis-server").toString();
      }
    }
    if (binary == null) {
      throw new IllegalStateException("no redis-server on PATH; pass --redis redis://host:port");
    }
    Process p = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int k = 0; k < 200; k++) {
      try (RedisClient c = RedisConnections.open("redis://127.0.0.1:" + port)) {
        c.ping();
        return p;
      } catch (RuntimeException notYet) {
        Thread.sleep(25);
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }
}
