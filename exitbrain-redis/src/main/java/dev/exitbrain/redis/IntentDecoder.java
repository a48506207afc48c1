package dev.exitbrain.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.internal.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a stream entry, or a JSON line, into an intent. Accepts the three producer shapes:
 *
 * <ul>
 *   <li><b>envelope</b>: {@code event_type}, {@code payload} (JSON text), {@code trace_id},
 *       {@code correlation_id}, {@code timestamp}, {@code source};
 *   <li><b>data</b>: one {@code data} field holding the intent as JSON;
 *   <li><b>flat</b>: the intent's fields directly, every value a string.
 * </ul>
 *
 * Numbers may be JSON numbers or strings ("10", "1.5"); the Python tokens NaN and Infinity are
 * read and then rejected. Empty strings, {@code None} and {@code null} count as missing. A missing
 * symbol or side makes the intent invalid; a missing leverage means 1. Thread-safe.
 */
public final class IntentDecoder {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // One object per payload: trailing content or a second object is an error, not silently dropped,
      // and a field given twice is ambiguous ({"side":"BUY","side":"SELL"}).
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  /** Longer numbers are refused before parsing: BigDecimal parsing is quadratic in the digits. */
  private static final int MAX_NUMBER_CHARS = 100;

  private IntentDecoder() {}

  /** Decodes a stream entry's fields. */
  public static DecodedIntent decode(String entryId, Map<String, String> fields) {
    String payload = fields.get("payload");
    if (payload != null) {
      Source envelope = Source.flat(fields);
      JsonNode body;
      try {
        body = MAPPER.readTree(payload);
      } catch (JsonProcessingException e) {
        return invalid("payload", abbreviate(payload), "payload: is not valid JSON (" + e.getOriginalMessage() + ")",
            meta(entryId, "envelope", envelope, Source.EMPTY, null, null));
      }
      if (body == null || !body.isObject()) {
        return invalid("payload", abbreviate(payload), "payload: must be a JSON object",
            meta(entryId, "envelope", envelope, Source.EMPTY, null, null));
      }
      return decode(entryId, "envelope", Source.json(body), envelope);
    }
    String data = fields.get("data");
    if (data != null && !fields.containsKey("symbol")) {
      JsonNode body;
      try {
        body = MAPPER.readTree(data);
      } catch (JsonProcessingException e) {
        return invalid("data", abbreviate(data), "data: is not valid JSON (" + e.getOriginalMessage() + ")",
            meta(entryId, "data", Source.EMPTY, Source.EMPTY, null, null));
      }
      if (body == null || !body.isObject()) {
        return invalid("data", abbreviate(data), "data: must be a JSON object",
            meta(entryId, "data", Source.EMPTY, Source.EMPTY, null, null));
      }
      return decode(entryId, "data", Source.json(body), Source.EMPTY);
    }
    return decode(entryId, "flat", Source.flat(fields), Source.EMPTY);
  }

  /**
   * Decodes one JSON object as written on a line of an intents file; {@code id} names it in the
   * result (e.g. the line number). Such intents have no entry id to fall back on for their time.
   */
  public static DecodedIntent decodeJson(String id, String json) {
    JsonNode body;
    try {
      body = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return invalid("json", abbreviate(json), "json: is not valid JSON (" + e.getOriginalMessage() + ")",
          IntentMeta.of(id, "json"));
    }
    if (body == null || !body.isObject()) {
      return invalid("json", abbreviate(json), "json: must be a JSON object",
          IntentMeta.of(id, "json"));
    }
    return decode(id, "json", Source.json(body), Source.EMPTY);
  }

  private static DecodedIntent decode(String id, String shape, Source body, Source envelope) {
    Instant time;
    String origin;
    try {
      String ts = body.text("timestamp");
      String ets = envelope.text("timestamp");
      if (ts != null) {
        time = parseTime(ts, "");
        origin = "payload";
      } else if (ets != null) {
        time = parseTime(ets, " (the envelope's timestamp)");
        origin = "envelope";
      } else if (!"json".equals(shape)) {
        time = Timestamps.fromEntryId(id);
        origin = "entry_id";
      } else {
        time = null;
        origin = null;
      }
    } catch (InvalidIntentException e) {
      // Not the body's fields: one of them (confidence) may be bad too, and the timestamp is what we report.
      return invalid(e, meta(id, shape, envelope, Source.EMPTY, null, null));
    }
    IntentMeta meta;
    try {
      meta = meta(id, shape, envelope, body, time, origin);
    } catch (InvalidIntentException e) {
      return invalid(e, meta(id, shape, envelope, Source.EMPTY, time, origin));
    }
    try {
      String sideText = body.string("side");
      String sideField = "side";
      if (sideText == null) {
        sideText = body.string("action");
        sideField = "action";
      }
      if (sideText == null) {
        sideText = body.string("direction");
        sideField = "direction";
      }
      String symbol = body.string("symbol");
      symbol = symbol == null ? null : symbol.trim();
      if (symbol == null) {
        throw new InvalidIntentException("symbol", null, "is required");
      }
      if (sideText == null) {
        throw new InvalidIntentException("side", null, "is required (side, action or direction)");
      }
      String upper = sideText.trim().toUpperCase(Locale.ROOT);
      if (upper.equals("HOLD") || upper.equals("FLAT")) {
        return new DecodedIntent.Hold(symbol, upper, meta);
      }
      Side side;
      try {
        side = Side.parse(sideText);
      } catch (InvalidIntentException e) {
        throw new InvalidIntentException(sideField, sideText, "must be BUY, SELL, LONG, SHORT, HOLD or FLAT (any case)");
      }
      Double leverage = body.number("leverage");
      TradeIntent intent = new TradeIntent(symbol, side, leverage == null ? 1 : leverage,
          body.decimal("entry_price"), body.decimal("position_size_usd"), body.number("volatility_factor"),
          body.number("funding_rate"), body.number("exchange_divergence"), body.number("atr_value"),
          body.number("base_tp"), body.number("base_sl"), body.decimal("tick_size"), body.decimal("step_size"),
          body.decimal("min_qty"));
      return new DecodedIntent.Tradable(intent, meta);
    } catch (InvalidIntentException e) {
      return invalid(e, meta);
    }
  }

  private static Instant parseTime(String text, String where) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidIntentException("timestamp", text, e.getMessage() + where);
    }
  }

  private static IntentMeta meta(String id, String shape, Source envelope, Source body, Instant time, String origin) {
    String trace = body.text("trace_id");
    String correlation = body.text("correlation_id");
    String source = body.text("source");
    Double confidence = body.number("confidence");
    if (confidence != null && !Double.isFinite(confidence)) {
      throw new InvalidIntentException("confidence", confidence.toString(), "must be a finite number");
    }
    return new IntentMeta(id, shape, trace != null ? trace : envelope.text("trace_id"),
        correlation != null ? correlation : envelope.text("correlation_id"),
        source != null ? source : envelope.text("source"), time, origin, body.text("order_id"),
        body.text("regime"), confidence);
  }

  private static DecodedIntent invalid(InvalidIntentException e, IntentMeta meta) {
    return new DecodedIntent.Invalid(e.field(), e.value(), e.getMessage(), meta);
  }

  private static DecodedIntent invalid(String field, String value, String reason, IntentMeta meta) {
    return new DecodedIntent.Invalid(field, value, reason, meta);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** Field access over a JSON object or a flat map of strings, with the same missing-value rules. */
  private abstract static class Source {
    static final Source EMPTY = flat(Map.of());

    static Source flat(Map<String, String> fields) {
      return new Source() {
        @Override
        String raw(String name) {
          return fields.get(name);
        }

        @Override
        JsonNode node(String name) {
          return null;
        }
      };
    }

    static Source json(JsonNode object) {
      return new Source() {
        @Override
        String raw(String name) {
          JsonNode n = object.get(name);
          if (n == null || n.isNull()) {
            return null;
          }
          return n.isValueNode() ? n.asText() : n.toString();
        }

        @Override
        JsonNode node(String name) {
          return object.get(name);
        }
      };
    }

    abstract String raw(String name);

    abstract JsonNode node(String name);

    /** Like {@link #text} but the JSON value must be a string: a symbol or side given as an object or number is wrong. */
    String string(String name) {
      JsonNode n = node(name);
      if (n != null && !n.isNull() && !n.isTextual()) {
        throw new InvalidIntentException(name, abbreviate(n.toString()), "must be a string");
      }
      return text(name);
    }

    String text(String name) {
      String v = raw(name);
      if (v == null) {
        return null;
      }
      String t = v.trim();
      return t.isEmpty() || t.equals("None") || t.equals("null") ? null : v;
    }

    Double number(String name) {
      JsonNode n = node(name);
      if (n != null && n.isNumber()) {
        return n.doubleValue();
      }
      if (n != null && !n.isNull() && !n.isTextual()) {
        throw new InvalidIntentException(name, n.toString(), "must be a number");
      }
      String t = text(name);
      if (t == null) {
        return null;
      }
      if (t.length() > MAX_NUMBER_CHARS) {
        throw new InvalidIntentException(name, abbreviate(t), "must be a number of at most " + MAX_NUMBER_CHARS
            + " characters");
      }
      switch (t.trim()) {
        case "NaN":
        case "nan":
          return Double.NaN;
        case "Infinity":
        case "inf":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return new BigDecimal(t.trim()).doubleValue();
          } catch (NumberFormatException e) {
            throw new InvalidIntentException(name, t, "must be a number");
          }
      }
    }

    BigDecimal decimal(String name) {
      JsonNode n = node(name);
      if (n != null && n.isNumber()) {
        if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue()) && !n.isBigDecimal()) {
          throw new InvalidIntentException(name, n.asText(), "must be a finite number");
        }
        return n.decimalValue();
      }
      Double check = number(name);
      if (check == null) {
        return null;
      }
      if (!Double.isFinite(check)) {
        throw new InvalidIntentException(name, text(name), "must be a finite number");
      }
      return new BigDecimal(text(name).trim());
    }
  }
}
