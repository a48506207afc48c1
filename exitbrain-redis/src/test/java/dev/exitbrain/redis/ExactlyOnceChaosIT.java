package dev.exitbrain.redis;

import static dev.exitbrain.redis.RedisStreams.all;
import static dev.exitbrain.redis.RedisStreams.uniqueConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/**
 * 20,000 intents, three consumers killed at random points (their connections dropped, their threads
 * stopped without a clean close) and restarted under the same names, plus server-side connection
 * kills: every input entry still ends with exactly one record.
 */
class ExactlyOnceChaosIT {
  private static final int MESSAGES = 20_000;
  private static final int CONSUMERS = 3;

  @Test
  void everyEntryGetsExactlyOneRecordDespiteKills() throws Exception {
    long seed = Long.getLong("exitbrain.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    try (TestRedis server = TestRedis.start(false); RedisClient admin = server.client()) {
      ConsumerConfig base = uniqueConfig("x").replay(true).batchSize(50).maxDeliveries(1000)
          .claimIdle(Duration.ofMillis(800)).build();
      Slot[] slots = new Slot[CONSUMERS];
      for (int i = 0; i < CONSUMERS; i++) {
        slots[i] = new Slot(server, base.toBuilder().consumer("c" + i).build());
        slots[i].start();
      }
      AtomicBoolean producing = new AtomicBoolean(true);
      Thread producer = new Thread(() -> produce(server, base, producing), "producer");
      producer.start();

      int kills = 0;
      int serverKills = 0;
      // Keep killing while intents flow, and at least 40 times in all.
      while (producer.isAlive() || kills < 40) {
        Thread.sleep(50 + random.nextInt(250));
        int action = random.nextInt(10);
        Slot s = slots[random.nextInt(CONSUMERS)];
        if (action < 6) {
          s.kill();
          kills++;
          Thread.sleep(random.nextInt(200));
          s.start();
        } else if (action == 6) {
          try (redis.clients.jedis.Jedis raw = new redis.clients.jedis.Jedis("127.0.0.1", server.port())) {
            raw.clientKill(redis.clients.jedis.params.ClientKillParams.clientKillParams()
                .type(redis.clients.jedis.args.ClientType.NORMAL)
                .skipMe(redis.clients.jedis.params.ClientKillParams.SkipMe.YES));
          }
          serverKills++;
        }
      }
      producer.join();
      RedisStreams.await("every entry recorded", Duration.ofSeconds(120), () -> backlog(admin, base) == 0);
      for (Slot s : slots) {
        s.stop();
      }

      List<String> inputIds = all(admin, base.inputStream()).stream().map(e -> e.getID().toString())
          .collect(Collectors.toList());
      Map<String, List<String>> records = RedisStreams.recordsByIntent(admin, base);
      List<String> problems = new ArrayList<>();
      for (String id : inputIds) {
        List<String> r = records.get(id);
        if (r == null || r.size() != 1) {
          problems.add(id + " -> " + r);
        }
      }
      assertThat(inputIds).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(MESSAGES);
      assertThat(problems).as("entries without exactly one record (seed %d, %d consumer kills, %d server kills)",
          seed, kills, serverKills).isEmpty();
      assertThat(records.keySet()).as("records for unknown entries").isSubsetOf(inputIds);
      assertThat(admin.xpending(base.inputStream(), base.group()).getTotal()).isZero();
      assertThat(kills).isGreaterThanOrEqualTo(40);
      List<StreamEntry> dlq = all(admin, base.deadLetterStream());
      assertThat(dlq).allSatisfy(e -> assertThat(e.getFields().get("dlq_kind")).isEqualTo("invalid"));
    }
  }

  private static long backlog(RedisClient admin, ConsumerConfig c) {
    try {
      long recorded = admin.xlen(c.outputStream()) + admin.xlen(c.resultStream()) + admin.xlen(c.deadLetterStream());
      return admin.xlen(c.inputStream()) - recorded;
    } catch (RuntimeException e) {
      return 1;
    }
  }

  /** Publishes MESSAGES intents in pipelined batches, retrying a batch whose connection was killed. */
  private static void produce(TestRedis server, ConsumerConfig c, AtomicBoolean producing) {
    try (RedisClient jedis = server.client()) {
      IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "chaos");
      int sent = 0;
      while (sent < MESSAGES) {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
          int n = sent + i;
          ObjectNode o = RedisStreams.JSON.createObjectNode();
          o.put("symbol", "SYM" + (n % 50) + "USDT");
          o.put("side", n % 97 == 0 ? "HOLD" : n % 2 == 0 ? "BUY" : "SELL");
          o.put("leverage", n % 89 == 0 ? 0 : 1 + n % 125);
          o.put("volatility_factor", (n % 20) / 10.0);
          o.put("entry_price", "100.5");
          o.put("tick_size", "0.001");
          o.put("timestamp", Instant.now().toEpochMilli());
          batch.add(o);
        }
        IntentPublisher.Shape shape = IntentPublisher.Shape.values()[(sent / 250) % 3];
        try {
          pub.publishAll(batch, shape);
          sent += batch.size();
          // Spread the load over the chaos rather than landing it all before the first kill.
          sleepQuietly(25);
        } catch (RuntimeException killed) {
          // Some of the batch may have landed; they are entries like any other and must be recorded.
          sleepQuietly(20);
        }
      }
    } finally {
      producing.set(false);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One consumer name, restarted after each kill with a fresh connection pool. */
  private static final class Slot {
    private final TestRedis server;
    private final ConsumerConfig config;
    private RedisClient client;
    private ExitBrainConsumer consumer;

    Slot(TestRedis server, ConsumerConfig config) {
      this.server = server;
      this.config = config;
    }

    void start() {
      client = server.client();
      consumer = ExitBrainConsumer.builder(client).config(config).build();
      consumer.start();
    }

    /** Drops the connections under the running consumer, then stops its thread. */
    void kill() {
      client.close();
      consumer.close();
    }

    void stop() {
      consumer.close();
      client.close();
    }
  }
}
