package dev.exitbrain.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.examples.cli.RedisServerProcess;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.ExitBrainConsumer;
import dev.exitbrain.redis.IntentPublisher;
import dev.exitbrain.redis.RedisConnections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/** Runs ConsumerExample against a real redis-server started on a free port (never a mock). */
class ConsumerExampleIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start(true);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void theWiredConsumerTurnsAnIntentIntoAPlan() throws Exception {
    ConsumerConfig defaults = ConsumerConfig.defaults();
    try (RedisClient client = RedisConnections.open(redis.uri());
        ExitBrainConsumer consumer = ConsumerExample.start(redis.uri())) {
      awaitGroup(client, defaults.inputStream());
      long before = client.exists(defaults.outputStream()) ? client.xlen(defaults.outputStream()) : 0;
      new IntentPublisher(client, defaults.inputStream(), "test").publish(btc15x("example-1"));

      List<StreamEntry> out = awaitEntries(client, defaults.outputStream(), before + 1);

      JsonNode payload = JSON.readTree(out.get(out.size() - 1).getFields().get("payload"));
      assertThat(payload.at("/prices/sl").asText()).isEqualTo("64360.1");
      assertThat(payload.at("/prices/tp1").asText()).isEqualTo("65562.2");
      assertThat(payload.at("/trace_id").asText()).isEqualTo("example-1");
      assertThat(consumer.health().consumer()).isEqualTo("orders-app-1");
      assertThat(consumer.health().computed()).isEqualTo(1);
    }
  }

  @Test
  void mainRunsUntilSigtermAndThenStopsCleanly() throws Exception {
    String stream = ConsumerConfig.defaults().inputStream();
    String output = ConsumerConfig.defaults().outputStream();
    try (RedisClient client = RedisConnections.open(redis.uri())) {
      long before = client.exists(output) ? client.xlen(output) : 0;
      Jar app = Jar.start(List.of(), true, ConsumerExample.class.getName(), redis.uri());
      awaitGroup(client, stream);
      Thread.sleep(300); // the group exists; give the consumer its first read
      new IntentPublisher(client, stream, "test").publish(btc15x("example-main"));
      List<StreamEntry> out = awaitEntries(client, output, before + 1);
      assertThat(out.get(out.size() - 1).getFields().get("payload")).contains("\"trace_id\":\"example-main\"");

      app.sigterm();
      int code = app.await(30);

      assertThat(code).as("stderr: %s", app.err()).isIn(0, 143);
      assertThat(app.err().toString()).contains("stopped: ");
    }
  }

  static ObjectNode btc15x(String trace) {
    return JSON.createObjectNode().put("symbol", "BTCUSDT").put("side", "BUY").put("leverage", 15)
        .put("volatility_factor", 1.2).put("entry_price", 65000).put("tick_size", "0.1").put("trace_id", trace);
  }

  static void awaitGroup(RedisClient client, String stream) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (!client.xinfoGroups(stream).isEmpty()) {
          return;
        }
      } catch (RuntimeException noStreamYet) {
        // the consumer creates it
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the consumer did not create its group on " + stream);
  }

  static List<StreamEntry> awaitEntries(RedisClient client, String stream, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (client.exists(stream) && client.xlen(stream) >= count) {
        return client.xrange(stream, "-", "+");
      }
      Thread.sleep(20);
    }
    throw new AssertionError("fewer than " + count + " entries on " + stream);
  }
}
