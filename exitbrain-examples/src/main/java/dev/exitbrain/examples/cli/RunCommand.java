package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.ExitBrainConsumer;
import dev.exitbrain.redis.RedisConnections;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exitbrain run}: the consumer service, until SIGTERM or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "The consumer service: Redis stream in, exit plans out, until SIGTERM/Ctrl-C.",
    description = {
      "Runs the ExitBrain consumer: reads trade intents from a Redis stream through a consumer group and"
          + " records, for every entry, an exit plan, a skip record or a dead letter (docs/wire-format.md).",
      "Prints a status line to standard error every 10 s (computed, skipped, dead-lettered, lag) and"
          + " runs until SIGTERM or Ctrl-C, then finishes the entries in flight and stops."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--redis", paramLabel = "URI", defaultValue = "redis://localhost:6379",
      description = "redis:// or rediss:// (TLS), with user:password@ and /db as needed. Default: ${DEFAULT-VALUE}.")
  String redis;

  @Mixin ConsumerOptions streams;

  @Mixin ConfigOption config;

  @Option(names = "--status-interval", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class, description = "How often to print the status line. Default: ${DEFAULT-VALUE}.")
  Duration statusInterval;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    // The status line shows lag and pending: read them as often as it is printed.
    ConsumerConfig consumerConfig = streams.config().toBuilder()
        .metricsInterval(Duration.ofMillis(Math.max(100, statusInterval.toMillis()))).build();
    ExitBrain brain = config.brain();
    String where = RedisConnections.redact(redis);
    RedisOption.connect(spec, redis).close();
    try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(redis).config(consumerConfig).brain(brain).build()) {
      err.println("exitbrain run: consumer " + consumerConfig.consumer() + " in group " + consumerConfig.group()
          + " reading " + consumerConfig.inputStream() + " on " + where + (consumerConfig.drain() ? " (drain mode)" : "")
          + "; Ctrl-C or SIGTERM to stop");
      err.flush();
      ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "exitbrain-status");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(100, statusInterval.toMillis());
      status.scheduleAtFixedRate(() -> status(err, consumer), every, every, TimeUnit.MILLISECONDS);
      // On SIGTERM the consumer's own hook stops it; this one waits for that and prints the last line.
      Thread last = new Thread(() -> {
        try {
          consumer.awaitTermination(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status.shutdownNow();
        err.println("exitbrain run: stopped; " + StatusLine.of(consumer.health()));
        err.flush();
      }, "exitbrain-run-shutdown");
      Runtime.getRuntime().addShutdownHook(last);
      consumer.run();
      status.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(last);
        err.println("exitbrain run: stopped; " + StatusLine.of(consumer.health()));
      } catch (IllegalStateException shuttingDown) {
        // the hook prints the last line
      }
      if ("FAILED".equals(consumer.health().state())) {
        // The consumer died of an Error (e.g. out of memory): a supervisor must see a failure and restart it.
        err.println("exitbrain run: the consumer failed: " + consumer.health().lastError());
        return 1;
      }
    }
    return 0;
  }

  private static void status(PrintWriter err, ExitBrainConsumer consumer) {
    err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " status: " + StatusLine.of(consumer.health()));
    err.flush();
  }
}
