package dev.exitbrain.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.exitbrain.redis.ConsumerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** What the consumer wrote on the output, skip and dead-letter streams, by input entry id. */
final class DemoRecords {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * One record.
   *
   * @param stream {@code output}, {@code skip} or {@code dead letter}
   * @param body the output or skip payload; for a dead letter, its fields as an object
   */
  record Record(String stream, JsonNode body) {}

  private final Map<String, List<Record>> byIntent = new HashMap<>();
  private int output;
  private int skips;
  private int deadLetters;

  static DemoRecords read(UnifiedJedis jedis, ConsumerConfig config) {
    DemoRecords r = new DemoRecords();
    for (StreamEntry e : jedis.xrange(config.outputStream(), "-", "+")) {
      r.add(e.getFields().get("intent_id"), new Record("output", json(e.getFields().get("payload"))));
      r.output++;
    }
    for (StreamEntry e : jedis.xrange(config.resultStream(), "-", "+")) {
      r.add(e.getFields().get("intent_id"), new Record("skip", json(e.getFields().get("payload"))));
      r.skips++;
    }
    for (StreamEntry e : jedis.xrange(config.deadLetterStream(), "-", "+")) {
      r.add(e.getFields().get("dlq_intent_id"), new Record("dead letter", MAPPER.valueToTree(e.getFields())));
      r.deadLetters++;
    }
    return r;
  }

  List<Record> of(String intentId) {
    return byIntent.getOrDefault(intentId, List.of());
  }

  int output() {
    return output;
  }

  int skips() {
    return skips;
  }

  int deadLetters() {
    return deadLetters;
  }

  /** The symbol a dead letter's original fields carried (flat, in a payload or in data), or null. */
  static String originalSymbol(JsonNode deadLetter) {
    if (deadLetter.hasNonNull("symbol")) {
      return deadLetter.get("symbol").asText();
    }
    for (String wrapper : new String[] {"payload", "data"}) {
      if (deadLetter.hasNonNull(wrapper)) {
        JsonNode inner = json(deadLetter.get(wrapper).asText());
        if (inner.hasNonNull("symbol")) {
          return inner.get("symbol").asText();
        }
      }
    }
    return null;
  }

  private void add(String intentId, Record record) {
    byIntent.computeIfAbsent(intentId, k -> new ArrayList<>(1)).add(record);
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
