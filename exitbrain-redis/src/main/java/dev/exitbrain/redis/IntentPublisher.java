package dev.exitbrain.redis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes trade intents to a stream in the producers' shapes: the envelope (the default), flat fields
 * or a single {@code data} field. Used by {@code exitbrain inject}, the demo and tests. Thread-safe.
 */
public final class IntentPublisher {
  private final UnifiedJedis jedis;
  private final String stream;
  private final String source;
  private final Clock clock;

  /** A publisher to {@code stream}, writing {@code source} on envelopes. */
  public IntentPublisher(UnifiedJedis jedis, String stream, String source) {
    this(jedis, stream, source, Clock.systemUTC());
  }

  IntentPublisher(UnifiedJedis jedis, String stream, String source, Clock clock) {
    this.jedis = requireNonNull(jedis, "jedis");
    this.stream = requireNonNull(stream, "stream");
    this.source = requireNonNull(source, "source");
    this.clock = clock;
  }

  /** The shapes producers use. */
  public enum Shape {
    /** {@code event_type, payload (JSON), trace_id, correlation_id, timestamp (naive ISO UTC), source}. */
    ENVELOPE,
    /** The intent's own fields, each value as a string; nested values as JSON text. */
    FLAT,
    /** One field {@code data} with the intent as JSON. */
    DATA
  }

  /** Publishes {@code intent} as an envelope; returns the entry id. */
  public String publish(ObjectNode intent) {
    return publish(intent, Shape.ENVELOPE);
  }

  /** Publishes {@code intent} in {@code shape}; returns the entry id. */
  public String publish(ObjectNode intent, Shape shape) {
    return jedis.xadd(stream, StreamEntryID.NEW_ENTRY, fields(intent, shape)).toString();
  }

  /** Publishes many intents in one pipeline; returns their entry ids in order. */
  public List<String> publishAll(List<ObjectNode> intents, Shape shape) {
    List<Response<StreamEntryID>> responses = new ArrayList<>(intents.size());
    try (AbstractPipeline p = jedis.pipelined()) {
      for (ObjectNode intent : intents) {
        responses.add(p.xadd(stream, StreamEntryID.NEW_ENTRY, fields(intent, shape)));
      }
      p.sync();
    }
    List<String> ids = new ArrayList<>(responses.size());
    for (Response<StreamEntryID> r : responses) {
      ids.add(r.get().toString());
    }
    return ids;
  }

  /** The stream fields for {@code intent} in {@code shape}. */
  public Map<String, String> fields(ObjectNode intent, Shape shape) {
    Map<String, String> f = new LinkedHashMap<>();
    switch (shape) {
      case ENVELOPE:
        f.put("event_type", "trade.intent");
        f.put("payload", PlanPayload.write(intent));
        f.put("trace_id", intent.hasNonNull("trace_id") ? intent.get("trace_id").asText() : "");
        f.put("correlation_id", UUID.randomUUID().toString());
        f.put("timestamp", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        f.put("source", source);
        break;
      case DATA:
        f.put("data", PlanPayload.write(intent));
        break;
      default:
        intent.properties().forEach(e -> {
          if (!e.getValue().isNull()) {
            f.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
          }
        });
    }
    return f;
  }
}
