package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.ExitBrainConsumer;
import dev.exitbrain.redis.Health;
import dev.exitbrain.redis.IntentPublisher;
import dev.exitbrain.redis.RedisConnections;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import redis.clients.jedis.RedisClient;

/** {@code exitbrain demo}: the end-to-end path on a throw-away Redis, in one command. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "The whole path on a throw-away Redis, with a table of what came out.",
    description = {
      "Runs the whole path once: starts a Redis of its own on a free port (redis-server from PATH, else the"
          + " one bundled with exitbrain), publishes the seed's scenarios in every producer shape plus a stale"
          + " intent, a HOLD, leverage 0, a missing symbol and a 100x intent the liquidation guard tightens,"
          + " runs the consumer until each has its record, and prints what came out on the output, skip and"
          + " dead-letter streams. The Redis it started is stopped on exit and on Ctrl-C.",
      "With --redis it uses that server instead, under fresh stream names (exitbrain:demo:<run>:...)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every intent had exactly its expected record", "1:otherwise, or Redis failed",
        "2:usage error"})
final class DemoCommand implements Callable<Integer> {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  @Spec CommandSpec spec;

  @Option(names = "--redis", paramLabel = "URI", description = "Use this Redis instead of starting one.")
  String redis;

  @Option(names = "--bundled-redis",
      description = "Start the redis-server bundled with exitbrain even when there is one on PATH.")
  boolean bundled;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
      description = "Give up when the records are not all there by then. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--verbose", description = "Show the consumer's log lines.")
  boolean verbose;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!verbose && System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExitBrain brain = config.brain();
    long started = System.nanoTime();
    RedisServerProcess server = null;
    try {
      if (redis == null) {
        server = RedisServerProcess.start(!bundled);
        err.println("demo: started " + server.description() + " on 127.0.0.1:" + server.port());
      }
      String uri = server != null ? server.uri() : redis;
      ConsumerConfig cfg = config(server == null);
      try (RedisClient client = RedisOption.connect(spec, uri)) {
        List<SeedScenarios.Scenario> scenarios = SeedScenarios.all(Clock.systemUTC());
        IntentPublisher publisher = new IntentPublisher(client, cfg.inputStream(), "exitbrain-demo");
        List<String> ids = new ArrayList<>();
        for (SeedScenarios.Scenario s : scenarios) {
          ids.add(publisher.publish(s.body(), s.shape()));
        }
        err.println("demo: published " + ids.size() + " intents to " + cfg.inputStream() + "; consuming...");
        err.flush();
        Health health = consume(client, cfg, brain, ids.size());
        DemoRecords records = DemoRecords.read(client, cfg);
        out.println("ExitBrain demo: " + ids.size() + " trade intents in on " + cfg.inputStream() + ", "
            + (server != null ? server.description() : RedisConnections.redact(uri)));
        out.println();
        int wrong = DemoTable.print(out, scenarios, ids, records);
        out.println();
        out.println("out: " + records.output() + " plans on " + cfg.outputStream() + ", " + records.skips()
            + " skips on " + cfg.resultStream() + ", " + records.deadLetters() + " dead letters on "
            + cfg.deadLetterStream());
        String counts = "consumer: computed " + health.computed() + ", skipped " + health.skipped() + ", dead-lettered "
            + health.deadLettered();
        out.println(wrong == 0
            ? "every intent has exactly one record, the expected one (" + counts + ")"
            : wrong + " intent(s) without their expected single record (" + counts + ")");
        out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return wrong == 0 ? 0 : 1;
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private Health consume(RedisClient client, ConsumerConfig cfg, ExitBrain brain, int expected)
      throws InterruptedException {
    ExitBrainConsumer consumer = ExitBrainConsumer.builder(client).config(cfg).brain(brain).build();
    try {
      consumer.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Health h = consumer.health();
        if (h.computed() + h.skipped() + h.deadLettered() >= expected) {
          break;
        }
        Thread.sleep(20);
      }
    } finally {
      consumer.close();
    }
    return consumer.health();
  }

  /** The real stream names on a server of our own; fresh ones on a server we were given. */
  private static ConsumerConfig config(boolean shared) {
    ConsumerConfig.Builder b = ConsumerConfig.builder()
        .group("quantum:group:exitbrain-demo:trade.intent")
        .consumer("exitbrain-demo")
        .replay(true)
        .block(Duration.ofMillis(100))
        .metricsInterval(Duration.ofMillis(500));
    if (shared) {
      String ns = "exitbrain:demo:" + UUID.randomUUID().toString().substring(0, 8) + ":";
      b.inputStream(ns + "trade.intent").outputStream(ns + "exitbrain.adaptive_levels")
          .resultStream(ns + "execution.result").deadLetterStream(ns + "dlq");
    }
    return b.build();
  }
}
