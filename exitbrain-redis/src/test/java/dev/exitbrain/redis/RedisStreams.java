package dev.exitbrain.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** Test helpers: unique stream names, reading whole streams, waiting for conditions. */
final class RedisStreams {
  static final ObjectMapper JSON = new ObjectMapper();

  private RedisStreams() {}

  /** A configuration whose stream and group names are unique to one test. */
  static ConsumerConfig.Builder uniqueConfig(String consumer) {
    String p = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    return ConsumerConfig.builder().inputStream(p + "in").outputStream(p + "out").resultStream(p + "result")
        .deadLetterStream(p + "dlq").group(p + "group").consumer(consumer)
        .block(Duration.ofMillis(100)).claimIdle(Duration.ofMillis(1500)).claimInterval(Duration.ofMillis(200))
        .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).metricsInterval(Duration.ofMillis(200));
  }

  static List<StreamEntry> all(UnifiedJedis jedis, String stream) {
    List<StreamEntry> out = new ArrayList<>();
    StreamEntryID from = StreamEntryID.MINIMUM_ID;
    while (true) {
      List<StreamEntry> page = jedis.xrange(stream, from, StreamEntryID.MAXIMUM_ID, 1000);
      if (page.isEmpty()) {
        return out;
      }
      for (StreamEntry e : page) {
        if (!out.isEmpty() && out.get(out.size() - 1).getID().equals(e.getID())) {
          continue;
        }
        out.add(e);
      }
      if (page.size() < 1000) {
        return out;
      }
      from = page.get(page.size() - 1).getID();
    }
  }

  /** Every record on the three target streams, keyed by the input entry id it answers. */
  static Map<String, List<String>> recordsByIntent(UnifiedJedis jedis, ConsumerConfig c) {
    Map<String, List<String>> by = new HashMap<>();
    for (StreamEntry e : all(jedis, c.outputStream())) {
      by.computeIfAbsent(e.getFields().get("intent_id"), k -> new ArrayList<>()).add("output");
    }
    for (StreamEntry e : all(jedis, c.resultStream())) {
      by.computeIfAbsent(e.getFields().get("intent_id"), k -> new ArrayList<>()).add("result");
    }
    for (StreamEntry e : all(jedis, c.deadLetterStream())) {
      by.computeIfAbsent(e.getFields().get("dlq_intent_id"), k -> new ArrayList<>()).add("dlq");
    }
    return by;
  }

  static JsonNode payload(StreamEntry e) {
    try {
      return JSON.readTree(e.getFields().get("payload"));
    } catch (java.io.IOException ex) {
      throw new AssertionError(ex);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
