package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.RedisClient;

/**
 * {@link IntentPublisher#fields} is pure: what it writes for each shape decodes back to the same intent.
 * The publisher needs a client, but building a pooled {@link RedisClient} opens no connection, and no
 * command is ever sent here (port 1 has no server).
 */
class IntentPublisherFieldsTest {
  static final String ID = "1766550734062-0";
  static final Instant CLOCK_TIME = Instant.parse("2025-12-24T04:32:14.062733Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static RedisClient client;
  static IntentPublisher publisher;

  @BeforeAll
  static void publisher() {
    client = RedisClient.create("localhost", 1);
    publisher = new IntentPublisher(client, "quantum:stream:trade.intent", "unit-test",
        Clock.fixed(CLOCK_TIME, ZoneOffset.UTC));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static ObjectNode fullIntent() {
    ObjectNode o = JSON.createObjectNode();
    o.put("symbol", "ETHUSDT");
    o.put("side", "BUY");
    o.put("leverage", 20);
    o.put("volatility_factor", 1.5);
    o.put("entry_price", new BigDecimal("0.00001234"));
    o.put("position_size_usd", "1000");
    o.put("funding_rate", 0.0001);
    o.put("exchange_divergence", 0.002);
    o.put("atr_value", 0.02);
    o.put("tick_size", new BigDecimal("0.00000001"));
    o.put("regime", "momentum");
    o.put("order_id", "o-77");
    o.put("trace_id", "t-pub");
    o.putNull("base_tp");
    o.putObject("extra").put("model", "xgb");
    return o;
  }

  static final TradeIntent EXPECTED = new TradeIntent("ETHUSDT", Side.LONG, 20, new BigDecimal("0.00001234"),
      new BigDecimal("1000"), 1.5, 0.0001, 0.002, 0.02, null, null, new BigDecimal("0.00000001"), null, null);

  @ParameterizedTest
  @EnumSource(IntentPublisher.Shape.class)
  void everyShapeRoundTripsThroughTheDecoder(IntentPublisher.Shape shape) {
    Map<String, String> fields = publisher.fields(fullIntent(), shape);

    DecodedIntent d = IntentDecoder.decode(ID, fields);

    assertThat(d).as("decoded %s from %s", d, fields).isInstanceOf(DecodedIntent.Tradable.class);
    assertThat(((DecodedIntent.Tradable) d).intent()).isEqualTo(EXPECTED);
    assertThat(d.meta().traceId()).isEqualTo("t-pub");
    assertThat(d.meta().orderId()).isEqualTo("o-77");
    assertThat(d.meta().regime()).isEqualTo("momentum");
    assertThat(d.meta().shape()).isEqualTo(shape.name().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @EnumSource(IntentPublisher.Shape.class)
  void holdsRoundTripToo(IntentPublisher.Shape shape) {
    ObjectNode hold = JSON.createObjectNode().put("symbol", "SOLUSDT").put("side", "flat");

    DecodedIntent d = IntentDecoder.decode(ID, publisher.fields(hold, shape));

    assertThat(d).isInstanceOf(DecodedIntent.Hold.class);
    assertThat(((DecodedIntent.Hold) d).symbol()).isEqualTo("SOLUSDT");
    assertThat(((DecodedIntent.Hold) d).side()).isEqualTo("FLAT");
  }

  @Test
  void envelopeShape() {
    Map<String, String> f = publisher.fields(fullIntent(), IntentPublisher.Shape.ENVELOPE);

    assertThat(f.keySet()).containsExactly("event_type", "payload", "trace_id", "correlation_id", "timestamp",
        "source");
    assertThat(f).containsEntry("event_type", "trade.intent")
        .containsEntry("trace_id", "t-pub")
        .containsEntry("timestamp", "2025-12-24T04:32:14.062733")
        .containsEntry("source", "unit-test");
    assertThat(UUID.fromString(f.get("correlation_id")).toString()).isEqualTo(f.get("correlation_id"));
    assertThat(publisher.fields(fullIntent(), IntentPublisher.Shape.ENVELOPE).get("correlation_id"))
        .isNotEqualTo(f.get("correlation_id"));
    assertThat(f.get("payload")).contains("\"entry_price\":0.00001234");

    DecodedIntent d = IntentDecoder.decode(ID, f);
    assertThat(d.meta().timestamp()).isEqualTo(CLOCK_TIME);
    assertThat(d.meta().timestampOrigin()).isEqualTo("envelope");
    assertThat(d.meta().correlationId()).isEqualTo(f.get("correlation_id"));
    assertThat(d.meta().source()).isEqualTo("unit-test");
  }

  @Test
  void envelopeWithoutTraceIdHasAnEmptyOne() {
    ObjectNode intent = JSON.createObjectNode().put("symbol", "BTCUSDT").put("side", "SELL");

    Map<String, String> f = publisher.fields(intent, IntentPublisher.Shape.ENVELOPE);

    assertThat(f).containsEntry("trace_id", "");
    assertThat(IntentDecoder.decode(ID, f).meta().traceId()).isNull();
  }

  @Test
  void dataShapeIsOneField() {
    Map<String, String> f = publisher.fields(fullIntent(), IntentPublisher.Shape.DATA);

    assertThat(f.keySet()).containsExactly("data");
    assertThat(IntentDecoder.decode(ID, f).meta().timestampOrigin()).isEqualTo("entry_id");
  }

  @Test
  void flatShapeIsAllStringsWithoutNulls() {
    Map<String, String> f = publisher.fields(fullIntent(), IntentPublisher.Shape.FLAT);

    assertThat(f).containsEntry("symbol", "ETHUSDT")
        .containsEntry("leverage", "20")
        .containsEntry("volatility_factor", "1.5")
        .containsEntry("entry_price", "0.00001234")
        .containsEntry("position_size_usd", "1000")
        .containsEntry("extra", "{\"model\":\"xgb\"}")
        .doesNotContainKey("base_tp");
  }

  @Test
  void aPayloadTimestampIsKeptAndWinsOverTheEnvelopes() {
    ObjectNode intent = JSON.createObjectNode().put("symbol", "BTCUSDT").put("side", "BUY")
        .put("timestamp", 1_766_550_000_000L);

    DecodedIntent d = IntentDecoder.decode(ID, publisher.fields(intent, IntentPublisher.Shape.ENVELOPE));

    assertThat(d.meta().timestamp()).isEqualTo(Instant.ofEpochMilli(1_766_550_000_000L));
    assertThat(d.meta().timestampOrigin()).isEqualTo("payload");
  }
}
