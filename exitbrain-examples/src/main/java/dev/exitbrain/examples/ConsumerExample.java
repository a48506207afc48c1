package dev.exitbrain.examples;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.ExitBrainConsumer;
import java.time.Duration;

/**
 * README: wiring the Redis consumer into an application. Trade intents come in on
 * {@code quantum:stream:trade.intent}; exit plans go out on
 * {@code quantum:stream:exitbrain.adaptive_levels}. A test runs it against a real redis-server.
 */
public final class ConsumerExample {
  private ConsumerExample() {}

  /** At application start; {@code close()} it at shutdown. */
  public static ExitBrainConsumer start(String redisUri) {
    ExitBrainConsumer consumer = ExitBrainConsumer.builder(redisUri)   // or builder(yourUnifiedJedis)
        .config(ConsumerConfig.builder()
            .consumer("orders-app-1")              // stable name: its pending entries are recovered on restart
            .maxAge(Duration.ofMinutes(5))         // older intents are recorded as skipped_stale
            .build())
        .brain(ExitBrain.create())                 // or ExitBrain.create(ExitBrainConfig.fromJson(path))
        .build();
    consumer.start();                              // its own thread; consumer.health() for probes
    return consumer;                               // close(): finishes the entries in flight, then stops
  }

  public static void main(String[] args) throws InterruptedException {
    ExitBrainConsumer consumer = start(args.length > 0 ? args[0] : "redis://localhost:6379");
    Runtime.getRuntime().addShutdownHook(new Thread(consumer::close));   // SIGTERM, Ctrl-C
    while (!consumer.awaitTermination(Duration.ofSeconds(10))) {
      System.out.println(consumer.health());
    }
  }
}
