package dev.exitbrain.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitBrainConfig;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.DeadLetterReason;
import dev.exitbrain.redis.SkipReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unit tests of {@link Processor}: what each input entry becomes, with the time passed in. */
class ProcessorTest {
  static final Instant NOW = Instant.parse("2025-12-24T04:40:00Z");
  static final String ID = (NOW.toEpochMilli() - 2_000) + "-0";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ExitBrain BRAIN = ExitBrain.create();
  static final ConsumerConfig CONFIG = ConsumerConfig.builder().consumer("unit-1").build();
  static final Pattern SCIENTIFIC = Pattern.compile("\\d[eE][-+]?\\d");
  static final double LSF_20X = 0.24724797930973505; // v35-reference.md §2.5, live sample ETHUSDT 20x

  // ---------------------------------------------------------------------------------------- helpers

  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** An envelope written {@code age} before NOW (naive ISO UTC, as the seed's EventBus writes it). */
  static Map<String, String> envelope(String payload, Duration age) {
    return fields("event_type", "trade.intent", "payload", payload, "trace_id", "t-env", "correlation_id",
        "corr-7", "timestamp", LocalDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC).toString(), "source",
        "trading-bot");
  }

  static Map<String, String> fresh(String singleQuotedPayload) {
    return envelope(json(singleQuotedPayload), Duration.ofSeconds(10));
  }

  static Outcome process(Map<String, String> fields) {
    return new Processor(CONFIG).process(ID, fields, 1, BRAIN, NOW);
  }

  static Map<String, String> asMap(List<String> pairs) {
    assertThat(pairs.size() % 2).as("field/value pairs").isZero();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      assertThat(m.put(pairs.get(i), pairs.get(i + 1))).as("duplicate field %s", pairs.get(i)).isNull();
    }
    return m;
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static JsonNode computedPayload(Outcome o) {
    assertThat(o).as("outcome %s", o).isInstanceOf(Outcome.Computed.class);
    return parse(asMap(((Outcome.Computed) o).fields()).get("payload"));
  }

  static Outcome.Skipped skipped(Outcome o, SkipReason reason) {
    assertThat(o).as("outcome %s", o).isInstanceOf(Outcome.Skipped.class);
    Outcome.Skipped s = (Outcome.Skipped) o;
    assertThat(s.reason()).isEqualTo(reason);
    assertThat(s.target()).isEqualTo(Outcome.Target.RESULT);
    return s;
  }

  static Outcome.DeadLettered deadLettered(Outcome o, DeadLetterReason reason) {
    assertThat(o).as("outcome %s", o).isInstanceOf(Outcome.DeadLettered.class);
    Outcome.DeadLettered d = (Outcome.DeadLettered) o;
    assertThat(d.reason()).isEqualTo(reason);
    assertThat(d.target()).isEqualTo(Outcome.Target.DEAD_LETTER);
    return d;
  }

  // --------------------------------------------------------------------------------------- computed

  @Test
  void goldenEthusdt20xVolatility15KeepsTheSeedSchema() {
    Outcome o = process(fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20,'volatility_factor':1.5,"
        + "'order_id':'SIMULATED','atr_value':0.02,'exchange_divergence':0.0,'funding_rate':0.0,"
        + "'regime':'unknown','trace_id':'t-golden'}"));

    JsonNode p = computedPayload(o);
    assertThat(((Outcome.Computed) o).target()).isEqualTo(Outcome.Target.OUTPUT);
    // the seed's schema
    assertThat(p.get("symbol").asText()).isEqualTo("ETHUSDT");
    assertThat(p.get("order_id").asText()).isEqualTo("SIMULATED");
    assertThat(p.get("leverage").doubleValue()).isEqualTo(20.0);
    assertThat(p.get("volatility_factor").doubleValue()).isEqualTo(1.5);
    JsonNode levels = p.get("adaptive_levels");
    assertThat(levels.has("tp1") && levels.has("tp2") && levels.has("tp3") && levels.has("sl")
        && levels.has("LSF") && levels.has("harvest_scheme") && levels.has("avg_pnl_last_20"))
        .as("adaptive_levels keys %s", levels).isTrue();
    double lsf = levels.get("LSF").doubleValue();
    assertThat(lsf).isEqualTo(LSF_20X);
    assertThat(levels.get("tp1").doubleValue()).isEqualTo(0.01 * (0.6 + lsf));
    assertThat(levels.get("tp2").doubleValue()).isEqualTo(0.01 * (1.2 + 0.5 * lsf));
    assertThat(levels.get("tp3").doubleValue()).isEqualTo(0.01 * (1.8 + 0.25 * lsf));
    double sl = 0.005 * (1 + 0.8 * (1 - lsf)) * (1 + 0.2 * 1.5);
    assertThat(levels.get("sl").doubleValue()).isCloseTo(sl, offset(1e-15));
    assertThat(levels.get("harvest_scheme").toString()).isEqualTo("[0.4,0.4,0.2]");
    assertThat(levels.get("avg_pnl_last_20").doubleValue()).isEqualTo(0.0);
    for (String k : List.of("tp1", "tp2", "tp3", "sl", "LSF")) {
      assertThat(levels.get(k).isNumber()).as("%s is a JSON number", k).isTrue();
    }
    JsonNode ilf = p.get("ilf_metadata");
    assertThat(ilf.get("atr_value").doubleValue()).isEqualTo(0.02);
    assertThat(ilf.get("exchange_divergence").doubleValue()).isEqualTo(0.0);
    assertThat(ilf.get("funding_rate").doubleValue()).isEqualTo(0.0);
    assertThat(ilf.get("regime").asText()).isEqualTo("unknown");
    // the plan on top
    assertThat(p.get("side").asText()).isEqualTo("LONG");
    assertThat(p.get("roi").get("tp1").doubleValue()).isEqualTo(0.01 * (0.6 + lsf) * 20);
    assertThat(p.get("roi").get("sl").doubleValue()).isCloseTo(sl * 20, offset(1e-13));
    assertThat(p.has("prices")).as("no prices without an entry price").isFalse();
    assertThat(p.has("quantities")).as("no quantities without a size").isFalse();
    assertThat(p.get("stop_ladder").isArray()).isTrue();
    assertThat(p.get("stop_ladder")).isEmpty();
    assertThat(p.get("adjustments").isArray()).isTrue();
    assertThat(p.get("intent_id").asText()).isEqualTo(ID);
    assertThat(p.get("trace_id").asText()).isEqualTo("t-golden");
  }

  @Test
  void computedEnvelopeFields() {
    Outcome o = process(fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20}"));

    Map<String, String> f = asMap(((Outcome.Computed) o).fields());
    assertThat(f).containsEntry("event_type", "exitbrain.adaptive_levels")
        .containsEntry("trace_id", "t-env")
        .containsEntry("correlation_id", "corr-7")
        .containsEntry("timestamp", NOW.toString())
        .containsEntry("source", "exitbrain")
        .containsEntry("intent_id", ID)
        .containsKey("payload");
    assertThat(parse(f.get("payload")).get("trace_id").asText()).isEqualTo("t-env");
  }

  @Test
  void flatAndDataShapesAreComputedToo() {
    String ts = Long.toString(NOW.minusSeconds(5).toEpochMilli());
    JsonNode flat = computedPayload(process(fields("symbol", "BTCUSDT", "side", "sell", "leverage", "10",
        "volatility_factor", "1.2", "timestamp", ts)));
    JsonNode data = computedPayload(process(fields("data", json("{'symbol':'BTCUSDT','side':'SHORT',"
        + "'leverage':10,'volatility_factor':1.2,'timestamp':" + ts + "}"))));

    assertThat(flat.get("side").asText()).isEqualTo("SHORT");
    assertThat(flat.get("adaptive_levels")).isEqualTo(data.get("adaptive_levels"));
    assertThat(flat.get("roi")).isEqualTo(data.get("roi"));
  }

  @Test
  void pricesAndQuantitiesArePlainDecimalStrings() {
    JsonNode p = computedPayload(process(fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20,"
        + "'volatility_factor':1.5,'entry_price':'3000.25','position_size_usd':'1000'}")));

    JsonNode prices = p.get("prices");
    assertThat(prices).as("prices with an entry price").isNotNull();
    for (String k : List.of("entry", "tp1", "tp2", "tp3", "sl", "liquidation", "breakeven")) {
      assertThat(prices.get(k)).as("prices.%s", k).isNotNull();
      assertThat(prices.get(k).isTextual()).as("prices.%s is a string", k).isTrue();
      assertThat(prices.get(k).asText()).as("prices.%s", k).matches("\\d+(\\.\\d+)?");
    }
    assertThat(prices.get("entry").asText()).isEqualTo("3000.25");
    BigDecimal entry = new BigDecimal(prices.get("entry").asText());
    BigDecimal tp1 = new BigDecimal(prices.get("tp1").asText());
    BigDecimal tp2 = new BigDecimal(prices.get("tp2").asText());
    BigDecimal tp3 = new BigDecimal(prices.get("tp3").asText());
    BigDecimal stop = new BigDecimal(prices.get("sl").asText());
    BigDecimal liquidation = new BigDecimal(prices.get("liquidation").asText());
    assertThat(tp3).isGreaterThan(tp2);
    assertThat(tp2).isGreaterThan(tp1);
    assertThat(tp1).isGreaterThan(entry);
    assertThat(entry).isGreaterThan(stop);
    assertThat(stop).isGreaterThan(liquidation);
    // the TP1 price is entry · (1 + tp1 fraction), to the tick
    double tp1Fraction = p.get("adaptive_levels").get("tp1").doubleValue();
    assertThat(tp1.doubleValue()).isCloseTo(3000.25 * (1 + tp1Fraction), offset(0.01));

    JsonNode q = p.get("quantities");
    assertThat(q).as("quantities with a size").isNotNull();
    for (String k : List.of("total", "tp1", "tp2", "tp3")) {
      assertThat(q.get(k).isTextual()).as("quantities.%s is a string", k).isTrue();
      assertThat(q.get(k).asText()).as("quantities.%s", k).matches("\\d+(\\.\\d+)?");
    }
    BigDecimal total = new BigDecimal(q.get("total").asText());
    assertThat(total.doubleValue()).isCloseTo(1000 / 3000.25, offset(1e-6));
    BigDecimal sum = new BigDecimal(q.get("tp1").asText()).add(new BigDecimal(q.get("tp2").asText()))
        .add(new BigDecimal(q.get("tp3").asText()));
    assertThat(sum).isEqualByComparingTo(total);

    assertThat(p.get("stop_ladder")).isNotEmpty();
    for (JsonNode stage : p.get("stop_ladder")) {
      assertThat(stage.get("stop").isTextual()).isTrue();
      assertThat(stage.get("stop").asText()).matches("\\d+(\\.\\d+)?");
    }
    assertThat(p.get("stop_ladder").get(0).get("stop").asText()).isEqualTo(prices.get("sl").asText());
  }

  @Test
  void tinyPricesAreNeverInScientificNotation() {
    Outcome o = process(fresh("{'symbol':'PEPEUSDT','side':'SELL','leverage':5,'entry_price':0.00001234,"
        + "'position_size_usd':50}"));
    String payload = asMap(((Outcome.Computed) o).fields()).get("payload");
    JsonNode p = parse(payload);

    assertThat(p.get("prices").get("entry").asText()).isEqualTo("0.00001234");
    // short: take-profits below entry, stop above
    BigDecimal entry = new BigDecimal("0.00001234");
    assertThat(new BigDecimal(p.get("prices").get("tp1").asText())).isLessThan(entry);
    assertThat(new BigDecimal(p.get("prices").get("sl").asText())).isGreaterThan(entry);
    assertThat(payload).doesNotContainPattern(SCIENTIFIC);
  }

  @Test
  void adjustmentsListEveryCorrection() {
    // base_tp 0.001 at 10x: every TP formula value is under the 0.003 floor, then strict order moves TP2/TP3
    Outcome o = process(fresh("{'symbol':'BTCUSDT','side':'BUY','leverage':10,'base_tp':0.001}"));
    JsonNode p = computedPayload(o);

    List<String> rules = new ArrayList<>();
    for (JsonNode a : p.get("adjustments")) {
      assertThat(a.has("rule") && a.has("field") && a.has("from") && a.has("to") && a.has("reason"))
          .as("adjustment keys %s", a).isTrue();
      rules.add(a.get("rule").asText() + ":" + a.get("field").asText());
    }
    assertThat(rules).contains("floor:tp1", "floor:tp2", "floor:tp3", "order:tp2", "order:tp3");
    JsonNode tp1Floor = p.get("adjustments").get(rules.indexOf("floor:tp1"));
    assertThat(tp1Floor.get("to").doubleValue()).isEqualTo(0.003);
    assertThat(tp1Floor.get("from").doubleValue()).isEqualTo(0.001 * (0.6 + 1 / (1 + Math.log(11))));
    assertThat(p.get("adaptive_levels").get("tp1").doubleValue()).isEqualTo(0.003);
    // TP1's formula value 8.94e-4 is written as 0.000894..., never 8.94...E-4
    assertThat(asMap(((Outcome.Computed) o).fields()).get("payload")).doesNotContainPattern(SCIENTIFIC)
        .contains("\"from\":0.000894");
  }

  // ------------------------------------------------------------------------------------------- skips

  @Test
  void staleEntryIsSkippedWithAReadableReason() {
    String ts = Long.toString(NOW.minus(Duration.ofMinutes(78)).toEpochMilli());
    Outcome o = process(fields("symbol", "ETHUSDT", "side", "BUY", "leverage", "20", "timestamp", ts,
        "trace_id", "t-old"));

    Outcome.Skipped s = skipped(o, SkipReason.STALE);
    assertThat(s.text()).isEqualTo("age 78.0 min > max 5.0 min");
    Map<String, String> f = asMap(s.fields());
    assertThat(f).containsEntry("event_type", "execution.result").containsEntry("intent_id", ID)
        .containsEntry("trace_id", "t-old");
    JsonNode p = parse(f.get("payload"));
    assertThat(p.get("status").asText()).isEqualTo("skipped_stale");
    assertThat(p.get("reason").asText()).isEqualTo("age 78.0 min > max 5.0 min");
    assertThat(p.get("intent_id").asText()).isEqualTo(ID);
    assertThat(p.get("symbol").asText()).isEqualTo("ETHUSDT");
    assertThat(p.get("side").asText()).isEqualTo("LONG");
    assertThat(p.get("trace_id").asText()).isEqualTo("t-old");
    assertThat(p.get("timestamp").longValue()).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void staleUsesTheConfiguredMaxAge() {
    Processor tenMinutes = new Processor(CONFIG.toBuilder().maxAge(Duration.ofMinutes(10)).build());
    Map<String, String> old = envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofSeconds(750));
    Map<String, String> young = envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofMinutes(9));

    Outcome.Skipped s = skipped(tenMinutes.process(ID, old, 1, BRAIN, NOW), SkipReason.STALE);
    assertThat(s.text()).isEqualTo("age 12.5 min > max 10.0 min");
    assertThat(tenMinutes.process(ID, young, 1, BRAIN, NOW)).isInstanceOf(Outcome.Computed.class);
    // the default (5 min) finds the 9-minute-old one stale
    skipped(process(young), SkipReason.STALE);
  }

  @Test
  void exactlyMaxAgeIsNotStale() {
    assertThat(process(envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofMinutes(5))))
        .isInstanceOf(Outcome.Computed.class);
    skipped(process(envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofMinutes(5).plusMillis(1))),
        SkipReason.STALE);
  }

  @Test
  void isoTimestampsAreAgedToo() {
    // the seed took every ISO timestamp as fresh and epoch seconds as stale
    String isoOld = NOW.minus(Duration.ofHours(2)).toString();
    String secondsFresh = Long.toString(NOW.minusSeconds(30).getEpochSecond());

    skipped(process(fields("symbol", "ETHUSDT", "side", "BUY", "timestamp", isoOld)), SkipReason.STALE);
    assertThat(process(fields("symbol", "ETHUSDT", "side", "BUY", "timestamp", secondsFresh)))
        .isInstanceOf(Outcome.Computed.class);
  }

  @Test
  void entryIdTimeIsUsedForAgeWhenThereIsNoTimestamp() {
    String oldId = NOW.minus(Duration.ofMinutes(30)).toEpochMilli() + "-3";
    Outcome o = new Processor(CONFIG).process(oldId, fields("symbol", "ETHUSDT", "side", "BUY"), 1, BRAIN, NOW);

    assertThat(skipped(o, SkipReason.STALE).text()).isEqualTo("age 30.0 min > max 5.0 min");
  }

  @Test
  void holdIsSkipped() {
    Outcome.Skipped s = skipped(process(fresh("{'symbol':'ETHUSDT','side':'hold'}")), SkipReason.HOLD);

    JsonNode p = parse(asMap(s.fields()).get("payload"));
    assertThat(p.get("status").asText()).isEqualTo("skipped_hold");
    assertThat(p.get("symbol").asText()).isEqualTo("ETHUSDT");
    assertThat(p.get("side").asText()).isEqualTo("HOLD");
    assertThat(p.get("reason").asText()).isEqualTo(s.text()).contains("HOLD");
    skipped(process(fresh("{'symbol':'ETHUSDT','direction':'FLAT'}")), SkipReason.HOLD);
  }

  static Stream<Arguments> anyEntry() {
    return Stream.of(
        Arguments.of("valid", fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20}")),
        Arguments.of("payload not JSON", fields("event_type", "trade.intent", "payload", "{nope")),
        Arguments.of("missing symbol", fresh("{'side':'BUY'}")),
        Arguments.of("bad leverage", fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "abc")),
        Arguments.of("hold", fresh("{'symbol':'ETHUSDT','side':'HOLD'}")),
        Arguments.of("stale", envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofHours(3))),
        Arguments.of("future", envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofHours(-3))),
        Arguments.of("engine rejects", fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':200}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("anyEntry")
  void drainModeSkipsEveryEntry(String name, Map<String, String> fields) {
    Processor drain = new Processor(CONFIG.toBuilder().drain(true).build());

    Outcome.Skipped s = skipped(drain.process(ID, fields, 1, BRAIN, NOW), SkipReason.DRAIN);

    JsonNode p = parse(asMap(s.fields()).get("payload"));
    assertThat(p.get("status").asText()).isEqualTo("skipped_drain");
    assertThat(p.get("intent_id").asText()).isEqualTo(ID);
    assertThat(p.get("reason").asText()).isEqualTo(s.text()).isNotBlank();
  }

  @Test
  void drainModeSkipsAnInvalidEntryWithNullSymbolAndSide() {
    Processor drain = new Processor(CONFIG.toBuilder().drain(true).build());

    Outcome.Skipped s = skipped(drain.process(ID, fields("payload", "[]"), 1, BRAIN, NOW), SkipReason.DRAIN);

    JsonNode p = parse(asMap(s.fields()).get("payload"));
    assertThat(p.get("symbol").isNull()).isTrue();
    assertThat(p.get("side").isNull()).isTrue();
  }

  // ------------------------------------------------------------------------------------ dead letters

  @Test
  void invalidEntryIsDeadLetteredWithItsOriginalFields() {
    Map<String, String> original = fresh("{'symbol':'BTCUSDT','side':'BUY','leverage':'abc'}");
    Outcome o = new Processor(CONFIG).process(ID, original, 2, BRAIN, NOW);

    Outcome.DeadLettered d = deadLettered(o, DeadLetterReason.INVALID);
    List<String> pairs = d.fields();
    // the original fields first, verbatim and in order
    List<String> originalPairs = new ArrayList<>();
    original.forEach((k, v) -> {
      originalPairs.add(k);
      originalPairs.add(v);
    });
    assertThat(pairs.subList(0, originalPairs.size())).isEqualTo(originalPairs);
    Map<String, String> f = asMap(pairs);
    assertThat(f).containsEntry("dlq_field", "leverage")
        .containsEntry("dlq_kind", "invalid")
        .containsEntry("dlq_intent_id", ID)
        .containsEntry("dlq_delivery_count", "2")
        .containsEntry("dlq_source_stream", "quantum:stream:trade.intent")
        .containsEntry("dlq_group", CONFIG.group())
        .containsEntry("dlq_consumer", "unit-1")
        .containsEntry("dlq_timestamp", NOW.toString());
    assertThat(f.get("dlq_reason")).isEqualTo(d.text()).startsWith("leverage:").contains("abc");
    // nothing but the original fields and dlq_* ones
    assertThat(f.keySet()).allMatch(k -> original.containsKey(k) || k.startsWith("dlq_"));
  }

  static Stream<Arguments> invalidEntries() {
    return Stream.of(
        Arguments.of(fields("event_type", "trade.intent", "payload", "not json"), "payload"),
        Arguments.of(fields("event_type", "trade.intent", "payload", "[1,2]"), "payload"),
        Arguments.of(fields("data", "{oops"), "data"),
        Arguments.of(fresh("{'side':'BUY'}"), "symbol"),
        Arguments.of(fresh("{'symbol':'BTCUSDT'}"), "side"),
        Arguments.of(fresh("{'symbol':'BTCUSDT','side':'UP'}"), "side"),
        Arguments.of(fresh("{'symbol':'BTCUSDT','side':'BUY','entry_price':-5}"), "entry_price"),
        Arguments.of(fresh("{'symbol':'BTCUSDT','side':'BUY','volatility_factor':{'x':1}}"), "volatility_factor"),
        Arguments.of(fresh("{'symbol':'BTCUSDT','side':'BUY','leverage':NaN}"), "leverage"),
        Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "timestamp", "last tuesday"), "timestamp"));
  }

  @ParameterizedTest
  @MethodSource("invalidEntries")
  void everyMalformedVariantIsDeadLetteredNamingTheField(Map<String, String> fields, String field) {
    Outcome.DeadLettered d = deadLettered(process(fields), DeadLetterReason.INVALID);

    assertThat(asMap(d.fields())).containsEntry("dlq_field", field).containsEntry("dlq_kind", "invalid");
    assertThat(d.text()).startsWith(field + ":");
  }

  @Test
  void engineRejectionIsDeadLetteredAsInvalid() {
    Outcome.DeadLettered d = deadLettered(process(fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':200}")),
        DeadLetterReason.INVALID);

    assertThat(asMap(d.fields())).containsEntry("dlq_field", "leverage");
    assertThat(d.text()).startsWith("leverage:").contains("200");

    Outcome.DeadLettered vf = deadLettered(process(fresh("{'symbol':'ETHUSDT','side':'BUY','volatility_factor':11}")),
        DeadLetterReason.INVALID);
    assertThat(asMap(vf.fields())).containsEntry("dlq_field", "volatility_factor");
  }

  @Test
  void tooManyDeliveriesIsDeadLettered() {
    Map<String, String> valid = fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20}");
    Processor p = new Processor(CONFIG);

    Outcome.DeadLettered d = deadLettered(p.process(ID, valid, 6, BRAIN, NOW), DeadLetterReason.TOO_MANY_DELIVERIES);
    Map<String, String> f = asMap(d.fields());
    assertThat(f).containsEntry("dlq_kind", "too_many_deliveries")
        .containsEntry("dlq_delivery_count", "6")
        .containsEntry("dlq_intent_id", ID)
        .containsEntry("dlq_field", "")
        .containsEntry("payload", valid.get("payload"));
    assertThat(d.text()).contains("6").contains("5");
    // the maximum itself is still processed
    assertThat(p.process(ID, valid, 5, BRAIN, NOW)).isInstanceOf(Outcome.Computed.class);
  }

  @Test
  void tooManyDeliveriesUsesTheConfiguredMaximumAndComesBeforeDrain() {
    Processor p = new Processor(CONFIG.toBuilder().maxDeliveries(2).drain(true).build());
    Map<String, String> valid = fresh("{'symbol':'ETHUSDT','side':'BUY'}");

    deadLettered(p.process(ID, valid, 3, BRAIN, NOW), DeadLetterReason.TOO_MANY_DELIVERIES);
    skipped(p.process(ID, valid, 2, BRAIN, NOW), SkipReason.DRAIN);
  }

  @Test
  void aTimestampTooFarInTheFutureIsInvalid() {
    Outcome.DeadLettered d = deadLettered(
        process(envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofSeconds(-61))),
        DeadLetterReason.INVALID);

    assertThat(asMap(d.fields())).containsEntry("dlq_field", "timestamp");
    assertThat(d.text()).startsWith("timestamp:").contains("future").contains("61.0 s").contains("60.0 s");
    // within the skew it is computed
    assertThat(process(envelope(json("{'symbol':'ETHUSDT','side':'BUY'}"), Duration.ofSeconds(-59))))
        .isInstanceOf(Outcome.Computed.class);
  }

  @Test
  void theFutureSkewIsConfigurable() {
    Processor strict = new Processor(CONFIG.toBuilder().maxFutureSkew(Duration.ZERO).build());
    String ts = Long.toString(NOW.plusSeconds(1).toEpochMilli());

    Outcome.DeadLettered d = deadLettered(
        strict.process(ID, fields("symbol", "ETHUSDT", "side", "BUY", "timestamp", ts), 1, BRAIN, NOW),
        DeadLetterReason.INVALID);
    assertThat(asMap(d.fields())).containsEntry("dlq_field", "timestamp");
  }

  @Test
  void badTimestampAndBadConfidenceIsStillDeadLetteredAsInvalid() {
    // Both malformed: the entry must still go to the dead-letter stream at once, not fail and be retried.
    Outcome o = process(fields("symbol", "BTCUSDT", "side", "BUY", "timestamp", "yesterday", "confidence", "high"));

    Outcome.DeadLettered d = deadLettered(o, DeadLetterReason.INVALID);
    assertThat(asMap(d.fields()).get("dlq_field")).isIn("timestamp", "confidence");
  }

  // ----------------------------------------------------------------------------------------- failure

  @Test
  void anEngineThatThrowsIsAFailureToRetry() {
    IllegalStateException boom = new IllegalStateException("formula exploded");
    ExitBrain broken = ExitBrain.create(ExitBrainConfig.builder().formula((in, trace) -> {
      throw boom;
    }).build());

    Outcome o = new Processor(CONFIG).process(ID, fresh("{'symbol':'ETHUSDT','side':'BUY','leverage':20}"), 1,
        broken, NOW);

    assertThat(o).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) o).error()).isSameAs(boom);
    // the same engine is never reached for a skip
    skipped(new Processor(CONFIG).process(ID, fresh("{'symbol':'ETHUSDT','side':'HOLD'}"), 1, broken, NOW),
        SkipReason.HOLD);
  }
}
