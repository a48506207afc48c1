package dev.exitbrain.redis;

import static dev.exitbrain.redis.RedisStreams.all;
import static dev.exitbrain.redis.RedisStreams.uniqueConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The test's own redis-server (append-only, fsync always) is killed and restarted mid-run. */
class RedisRestartIT {

  @Test
  void theConsumerResumesAfterARedisRestartAndNothingIsLost() throws Exception {
    try (TestRedis server = TestRedis.start(true);
        RedisClient consumerClient = server.client();
        RedisClient producerClient = server.client()) {
      ConsumerConfig c = uniqueConfig("c1").replay(true).build();
      IntentPublisher pub = new IntentPublisher(producerClient, c.inputStream(), "restart");
      try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(consumerClient).config(c).build()) {
        consumer.start();
        int sent = publish(pub, 0, 1500);
        server.kill();
        Thread.sleep(500);
        assertThat(consumer.health().state()).isEqualTo("BACKING_OFF");
        server.restart();
        sent = publish(pub, sent, 3000);
        RedisStreams.await("consumer recovered", Duration.ofSeconds(20), () -> consumer.health().state().equals("RUNNING"));
        try (RedisClient admin = server.client()) {
          RedisStreams.await("every entry recorded", Duration.ofSeconds(30), () ->
              admin.xlen(c.outputStream()) + admin.xlen(c.resultStream()) + admin.xlen(c.deadLetterStream())
                  == admin.xlen(c.inputStream()));
          List<String> ids = all(admin, c.inputStream()).stream().map(e -> e.getID().toString())
              .collect(Collectors.toList());
          Map<String, List<String>> records = RedisStreams.recordsByIntent(admin, c);
          assertThat(ids).hasSizeGreaterThanOrEqualTo(sent);
          assertThat(ids).allSatisfy(id -> assertThat(records.get(id)).as(id).hasSize(1));
          assertThat(admin.xpending(c.inputStream(), c.group()).getTotal()).isZero();
        }
        assertThat(consumer.health().lastError()).isNotNull();
      }
    }
  }

  /** Publishes until {@code total} intents were acknowledged by Redis, retrying while it is down. */
  private static int publish(IntentPublisher pub, int from, int total) throws InterruptedException {
    int sent = from;
    while (sent < total) {
      ObjectNode o = RedisStreams.JSON.createObjectNode();
      o.put("symbol", "BTCUSDT");
      o.put("side", "BUY");
      o.put("leverage", 1 + sent % 100);
      o.put("timestamp", Instant.now().toString());
      try {
        pub.publish(o);
        sent++;
      } catch (RuntimeException down) {
        Thread.sleep(50);
      }
    }
    return sent;
  }
}
