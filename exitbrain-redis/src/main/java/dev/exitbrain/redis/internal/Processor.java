package dev.exitbrain.redis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.DeadLetterReason;
import dev.exitbrain.redis.DecodedIntent;
import dev.exitbrain.redis.IntentDecoder;
import dev.exitbrain.redis.IntentMeta;
import dev.exitbrain.redis.PlanPayload;
import dev.exitbrain.redis.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides what one input entry becomes. Pure: no I/O, the time is passed in. Order: too many
 * deliveries → dead letter; drain mode → skipped_drain; undecodable → dead letter; HOLD/FLAT →
 * skipped_hold; stale → skipped_stale; too far in the future → dead letter; computed → output; an
 * intent the engine rejects → dead letter; any other exception → failed (retried).
 */
public final class Processor {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A dead letter copies at most this many of the entry's fields (a Lua call takes at most ~8,000 arguments). */
  static final int MAX_COPIED_FIELDS = 500;

  private final ConsumerConfig config;
  /** The last instant formatted: a batch shares one, and Instant.toString costs a microsecond. */
  private volatile Stamp stamp = new Stamp(Instant.EPOCH, Instant.EPOCH.toString());

  public Processor(ConsumerConfig config) {
    this.config = config;
  }

  private record Stamp(Instant at, String text) {}

  private String text(Instant now) {
    Stamp s = stamp;
    if (!s.at().equals(now)) {
      s = new Stamp(now, now.toString());
      stamp = s;
    }
    return s.text();
  }

  /** Processes with the configuration's drain setting. */
  public Outcome process(String id, Map<String, String> fields, long deliveries, ExitBrain brain, Instant now) {
    return process(id, fields, deliveries, brain, now, config.drain());
  }

  public Outcome process(String id, Map<String, String> fields, long deliveries, ExitBrain brain, Instant now,
      boolean drain) {
    try {
      return decide(id, fields, deliveries, brain, now, drain);
    } catch (RuntimeException e) {
      return new Outcome.Failed(e);
    }
  }

  private Outcome decide(String id, Map<String, String> fields, long deliveries, ExitBrain brain, Instant now,
      boolean drain) {
    if (fields.size() > MAX_COPIED_FIELDS) {
      return deadLetter(DeadLetterReason.INVALID, id, fields, deliveries, "", "the entry has " + fields.size()
          + " fields; an intent has a few dozen at most", now);
    }
    if (deliveries > config.maxDeliveries()) {
      return deadLetter(DeadLetterReason.TOO_MANY_DELIVERIES, id, fields, deliveries, "",
          "delivered " + deliveries + " times, more than the maximum " + config.maxDeliveries(), now);
    }
    DecodedIntent decoded = IntentDecoder.decode(id, fields);
    IntentMeta meta = decoded.meta();
    if (drain) {
      return skip(SkipReason.DRAIN, "drain mode is on", decoded, now);
    }
    if (decoded instanceof DecodedIntent.Invalid) {
      DecodedIntent.Invalid bad = (DecodedIntent.Invalid) decoded;
      return deadLetter(DeadLetterReason.INVALID, id, fields, deliveries, bad.field(), bad.reason(), now);
    }
    if (decoded instanceof DecodedIntent.Hold) {
      return skip(SkipReason.HOLD, ((DecodedIntent.Hold) decoded).side() + " opens no position", decoded, now);
    }
    if (meta.timestamp() != null) {
      Duration age = Duration.between(meta.timestamp(), now);
      if (age.compareTo(config.maxAge()) > 0) {
        return skip(SkipReason.STALE, "age " + minutes(age) + " min > max " + minutes(config.maxAge()) + " min",
            decoded, now);
      }
      if (age.negated().compareTo(config.maxFutureSkew()) > 0) {
        return deadLetter(DeadLetterReason.INVALID, id, fields, deliveries, "timestamp", "timestamp: "
            + meta.timestamp() + " (from the " + meta.timestampOrigin() + ") is " + seconds(age.negated())
            + " s in the future, more than the allowed skew " + seconds(config.maxFutureSkew()) + " s", now);
      }
    }
    DecodedIntent.Tradable tradable = (DecodedIntent.Tradable) decoded;
    ExitPlan plan;
    try {
      plan = brain.compute(tradable.intent());
    } catch (InvalidIntentException e) {
      return deadLetter(DeadLetterReason.INVALID, id, fields, deliveries, e.field(), e.getMessage(), now);
    }
    String payload = PlanPayload.json(plan, tradable.intent(), meta);
    return new Outcome.Computed(envelope("exitbrain.adaptive_levels", payload, meta, now));
  }

  private Outcome skip(SkipReason reason, String text, DecodedIntent decoded, Instant now) {
    IntentMeta meta = decoded.meta();
    ObjectNode p = MAPPER.createObjectNode();
    if (decoded instanceof DecodedIntent.Tradable) {
      DecodedIntent.Tradable t = (DecodedIntent.Tradable) decoded;
      p.put("symbol", t.intent().symbol());
      p.put("side", t.intent().side().name());
    } else if (decoded instanceof DecodedIntent.Hold) {
      p.put("symbol", ((DecodedIntent.Hold) decoded).symbol());
      p.put("side", ((DecodedIntent.Hold) decoded).side());
    } else {
      p.putNull("symbol");
      p.putNull("side");
    }
    p.put("status", reason.status());
    p.put("reason", text);
    p.put("intent_id", meta.intentId());
    p.put("trace_id", meta.traceId());
    p.put("timestamp", now.toEpochMilli());
    return new Outcome.Skipped(reason, text, envelope("execution.result", write(p), meta, now));
  }

  private Outcome deadLetter(DeadLetterReason reason, String id, Map<String, String> original, long deliveries,
      String field, String text, Instant now) {
    List<String> f = new ArrayList<>(Math.min(original.size(), MAX_COPIED_FIELDS) * 2 + 20);
    int copied = 0;
    for (Map.Entry<String, String> e : original.entrySet()) {
      if (copied++ == MAX_COPIED_FIELDS) {
        break;
      }
      // An input field named like ours must not forge the dead letter's own fields.
      f.add(e.getKey().startsWith("dlq_") ? "original_" + e.getKey() : e.getKey());
      f.add(e.getValue());
    }
    if (original.size() > MAX_COPIED_FIELDS) {
      f.add("dlq_truncated");
      f.add("only the first " + MAX_COPIED_FIELDS + " of " + original.size() + " fields are copied");
    }
    if (text.length() > 1000) {
      text = text.substring(0, 1000) + "...";
    }
    f.add("dlq_intent_id");
    f.add(id);
    f.add("dlq_reason");
    f.add(text);
    f.add("dlq_kind");
    f.add(reason.name().toLowerCase(Locale.ROOT));
    f.add("dlq_field");
    f.add(field == null ? "" : field);
    f.add("dlq_delivery_count");
    f.add(Long.toString(deliveries));
    f.add("dlq_source_stream");
    f.add(config.inputStream());
    f.add("dlq_group");
    f.add(config.group());
    f.add("dlq_consumer");
    f.add(config.consumer());
    f.add("dlq_timestamp");
    f.add(text(now));
    return new Outcome.DeadLettered(reason, text, f);
  }

  private List<String> envelope(String eventType, String payload, IntentMeta meta, Instant now) {
    return List.of("event_type", eventType, "payload", payload, "trace_id", orEmpty(meta.traceId()),
        "correlation_id", orEmpty(meta.correlationId()), "timestamp", text(now), "source", config.source(),
        "intent_id", meta.intentId());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 60_000.0);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }
}
