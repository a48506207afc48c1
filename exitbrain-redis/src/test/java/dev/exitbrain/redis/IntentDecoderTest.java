package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link IntentDecoder}: every producer shape of the wire format and each malformed variant. */
class IntentDecoderTest {
  static final String ID = "1733212345678-0";
  static final Instant ID_TIME = Instant.ofEpochMilli(1_733_212_345_678L);
  static final String ENVELOPE_TS = "2025-12-24T04:32:14.062733";
  static final Instant ENVELOPE_TIME = Instant.parse("2025-12-24T04:32:14.062733Z");

  // ---------------------------------------------------------------------------------------- helpers

  static Map<String, String> fields(String... kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of arguments");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The EventBus envelope around {@code payload}, as the seed's producers write it. */
  static Map<String, String> envelope(String payload) {
    return fields("event_type", "trade.intent", "payload", payload, "trace_id", "", "correlation_id",
        "corr-1", "timestamp", ENVELOPE_TS, "source", "trading-bot");
  }

  /** Python's json.dumps-style JSON from single-quoted text, to keep the tests readable. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static DecodedIntent decode(Map<String, String> fields) {
    return IntentDecoder.decode(ID, fields);
  }

  static TradeIntent tradable(DecodedIntent d) {
    assertThat(d).as("decoded %s", d).isInstanceOf(DecodedIntent.Tradable.class);
    return ((DecodedIntent.Tradable) d).intent();
  }

  static DecodedIntent.Hold hold(DecodedIntent d) {
    assertThat(d).as("decoded %s", d).isInstanceOf(DecodedIntent.Hold.class);
    return (DecodedIntent.Hold) d;
  }

  static DecodedIntent.Invalid invalid(DecodedIntent d) {
    assertThat(d).as("decoded %s", d).isInstanceOf(DecodedIntent.Invalid.class);
    return (DecodedIntent.Invalid) d;
  }

  /** Asserts an Invalid naming {@code field}, with a reason that starts with the field's name. */
  static DecodedIntent.Invalid invalid(DecodedIntent d, String field) {
    DecodedIntent.Invalid bad = invalid(d);
    assertThat(bad.field()).as("field of %s", bad).isEqualTo(field);
    assertThat(bad.reason()).as("reason of %s", bad).startsWith(field + ":");
    return bad;
  }

  /** The same intent in each of the three producer shapes. */
  static Stream<Arguments> shapes(String singleQuotedJson, Map<String, String> flat) {
    String j = json(singleQuotedJson);
    return Stream.of(
        Arguments.of("envelope", envelope(j)),
        Arguments.of("data", fields("data", j)),
        Arguments.of("flat", flat));
  }

  // --------------------------------------------------------------------------------------- envelope

  @Nested
  class Envelope {
    @Test
    void payloadWithJsonNumbersDecodesEveryField() {
      String payload = json("{'symbol':'ETHUSDT','side':'BUY','leverage':20,'volatility_factor':1.5,"
          + "'entry_price':3000.25,'position_size_usd':1000,'funding_rate':0.0001,'exchange_divergence':0.002,"
          + "'atr_value':0.02,'regime':'momentum','order_id':'42','confidence':0.8,'trace_id':'t-payload'}");
      Map<String, String> f = envelope(payload);
      f.put("trace_id", "t-envelope");

      DecodedIntent d = decode(f);

      assertThat(tradable(d)).isEqualTo(new TradeIntent("ETHUSDT", Side.LONG, 20, new BigDecimal("3000.25"),
          new BigDecimal("1000"), 1.5, 0.0001, 0.002, 0.02, null, null, null, null, null));
      assertThat(d.meta()).isEqualTo(new IntentMeta(ID, "envelope", "t-payload", "corr-1", "trading-bot",
          ENVELOPE_TIME, "envelope", "42", "momentum", 0.8));
    }

    @Test
    void payloadWithNumbersAsStrings() {
      String payload = json("{'symbol':'ETHUSDT','side':'SELL','leverage':'10','volatility_factor':'1.5',"
          + "'entry_price':'3000.25','position_size_usd':'250.5','funding_rate':'-0.0003'}");

      TradeIntent intent = tradable(decode(envelope(payload)));

      assertThat(intent).isEqualTo(new TradeIntent("ETHUSDT", Side.SHORT, 10, new BigDecimal("3000.25"),
          new BigDecimal("250.5"), 1.5, -0.0003, null, null, null, null, null, null, null));
    }

    @Test
    void optionalEngineFieldsAreRead() {
      String payload = json("{'symbol':'NEARUSDT','side':'LONG','base_tp':0.012,'base_sl':'0.006',"
          + "'tick_size':'0.001','step_size':0.1,'min_qty':'1'}");

      TradeIntent intent = tradable(decode(envelope(payload)));

      assertThat(intent.baseTp()).isEqualTo(0.012);
      assertThat(intent.baseSl()).isEqualTo(0.006);
      assertThat(intent.tickSize()).isEqualTo(new BigDecimal("0.001"));
      assertThat(intent.stepSize()).isEqualTo(new BigDecimal("0.1"));
      assertThat(intent.minQty()).isEqualTo(new BigDecimal("1"));
      assertThat(intent.leverage()).isEqualTo(1.0);
    }

    @Test
    void traceIdComesFromThePayloadFirst() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY','trace_id':'from-payload'}"));
      f.put("trace_id", "from-envelope");

      assertThat(decode(f).meta().traceId()).isEqualTo("from-payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'symbol':'BTCUSDT','side':'BUY'}", "{'symbol':'BTCUSDT','side':'BUY','trace_id':''}",
        "{'symbol':'BTCUSDT','side':'BUY','trace_id':null}", "{'symbol':'BTCUSDT','side':'BUY','trace_id':'None'}"})
    void traceIdFallsBackToTheEnvelope(String payload) {
      Map<String, String> f = envelope(json(payload));
      f.put("trace_id", "from-envelope");

      DecodedIntent d = decode(f);

      assertThat(tradable(d).symbol()).isEqualTo("BTCUSDT");
      assertThat(d.meta().traceId()).isEqualTo("from-envelope");
    }

    @Test
    void emptyEnvelopeTraceIdIsNull() {
      DecodedIntent d = decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY'}")));

      assertThat(d.meta().traceId()).isNull();
      assertThat(d.meta().correlationId()).isEqualTo("corr-1");
      assertThat(d.meta().source()).isEqualTo("trading-bot");
    }

    @Test
    void payloadWinsOverFlatFieldsBesideIt() {
      Map<String, String> f = envelope(json("{'symbol':'ETHUSDT','side':'SELL'}"));
      f.put("symbol", "BTCUSDT");
      f.put("side", "BUY");

      TradeIntent intent = tradable(decode(f));

      assertThat(intent.symbol()).isEqualTo("ETHUSDT");
      assertThat(intent.side()).isEqualTo(Side.SHORT);
    }
  }

  // ------------------------------------------------------------------------------------ flat & data

  @Nested
  class FlatAndData {
    @Test
    void flatFieldsAllStrings() {
      Map<String, String> f = fields("symbol", "BTCUSDT", "side", "buy", "leverage", "10", "volatility_factor",
          "1.5", "entry_price", "65000.5", "position_size_usd", "250", "funding_rate", "0.0001",
          "exchange_divergence", "0", "atr_value", "0.02", "timestamp", "1733212345678", "trace_id", "t-flat",
          "correlation_id", "c-flat", "source", "bot", "regime", "trend", "order_id", "o-1", "confidence", "0.7");

      DecodedIntent d = decode(f);

      assertThat(tradable(d)).isEqualTo(new TradeIntent("BTCUSDT", Side.LONG, 10, new BigDecimal("65000.5"),
          new BigDecimal("250"), 1.5, 0.0001, 0.0, 0.02, null, null, null, null, null));
      assertThat(d.meta()).isEqualTo(new IntentMeta(ID, "flat", "t-flat", "c-flat", "bot",
          Instant.ofEpochMilli(1_733_212_345_678L), "payload", "o-1", "trend", 0.7));
    }

    @Test
    void singleDataFieldHoldingJson() {
      Map<String, String> f = fields("data", json("{'symbol':'SOLUSDT','action':'SHORT','leverage':5,"
          + "'timestamp':'2025-12-24T04:32:14Z','trace_id':'t-d','volatility_factor':'0.7'}"));

      DecodedIntent d = decode(f);

      assertThat(tradable(d)).isEqualTo(new TradeIntent("SOLUSDT", Side.SHORT, 5, null, null, 0.7, null, null,
          null, null, null, null, null, null));
      assertThat(d.meta().shape()).isEqualTo("data");
      assertThat(d.meta().traceId()).isEqualTo("t-d");
      assertThat(d.meta().timestamp()).isEqualTo(Instant.parse("2025-12-24T04:32:14Z"));
      assertThat(d.meta().timestampOrigin()).isEqualTo("payload");
    }

    @Test
    void aDataFieldBesideASymbolIsJustAFlatField() {
      Map<String, String> f = fields("symbol", "XRPUSDT", "side", "SELL", "data", "not json at all");

      DecodedIntent d = decode(f);

      assertThat(tradable(d).symbol()).isEqualTo("XRPUSDT");
      assertThat(d.meta().shape()).isEqualTo("flat");
    }

    @Test
    void decodeJsonReadsALineWithoutAnEntryIdTime() {
      DecodedIntent d = IntentDecoder.decodeJson("line 3", json("{'symbol':'BTCUSDT','side':'long','leverage':3}"));

      assertThat(tradable(d).leverage()).isEqualTo(3.0);
      assertThat(d.meta().intentId()).isEqualTo("line 3");
      assertThat(d.meta().shape()).isEqualTo("json");
      assertThat(d.meta().timestamp()).isNull();
      assertThat(d.meta().timestampOrigin()).isNull();
    }

    @Test
    void decodeJsonRejectsNonObjects() {
      invalid(IntentDecoder.decodeJson("line 1", "[1, 2]"), "json");
      invalid(IntentDecoder.decodeJson("line 2", "{oops"), "json");
    }
  }

  // ---------------------------------------------------------------------------------------- numbers

  @Nested
  class Numbers {
    static Stream<Arguments> leverageTen() {
      return Stream.of(
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':10}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':10.0}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':'10'}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':' 10 '}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':1e1}"))),
          Arguments.of(fields("data", json("{'symbol':'BTCUSDT','side':'BUY','leverage':'10.0'}"))),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "10")),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "10.0")));
    }

    @ParameterizedTest
    @MethodSource("leverageTen")
    void leverageAsStringOrNumber(Map<String, String> f) {
      assertThat(tradable(decode(f)).leverage()).isEqualTo(10.0);
    }

    @ParameterizedTest
    @CsvSource({"\"1.5\", 1.5", "1.5, 1.5", "\"0\", 0.0", "\"2\", 2.0", "3, 3.0", "\"0.25\", 0.25"})
    void volatilityFactorAsStringOrNumber(String wire, double expected) {
      TradeIntent fromJson = tradable(decode(envelope(
          json("{'symbol':'BTCUSDT','side':'BUY','volatility_factor':" + wire + "}"))));
      TradeIntent fromFlat = tradable(decode(fields("symbol", "BTCUSDT", "side", "BUY", "volatility_factor",
          wire.replace("\"", ""))));

      assertThat(fromJson.volatilityFactor()).isEqualTo(expected);
      assertThat(fromFlat.volatilityFactor()).isEqualTo(expected);
    }

    static Stream<Arguments> missingLeverage() {
      return Stream.of(
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY")),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "")),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "  ")),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "None")),
          Arguments.of(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "null")),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':null}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':'None'}"))),
          Arguments.of(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':''}"))),
          Arguments.of(fields("data", json("{'symbol':'BTCUSDT','side':'BUY'}"))));
    }

    @ParameterizedTest
    @MethodSource("missingLeverage")
    void missingLeverageMeansOne(Map<String, String> f) {
      assertThat(tradable(decode(f)).leverage()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "None", "null"})
    void missingOptionalValuesStayNull(String missing) {
      TradeIntent intent = tradable(decode(fields("symbol", "BTCUSDT", "side", "BUY", "entry_price", missing,
          "volatility_factor", missing, "position_size_usd", missing, "funding_rate", missing)));

      assertThat(intent.entryPrice()).isNull();
      assertThat(intent.volatilityFactor()).isNull();
      assertThat(intent.positionSizeUsd()).isNull();
      assertThat(intent.fundingRate()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "leverage, NaN", "leverage, Infinity", "leverage, -Infinity",
        "volatility_factor, NaN", "volatility_factor, Infinity",
        "funding_rate, NaN", "funding_rate, -Infinity",
        "exchange_divergence, Infinity", "atr_value, NaN",
        "base_tp, NaN", "base_sl, Infinity",
        "entry_price, NaN", "entry_price, Infinity", "entry_price, -Infinity",
        "position_size_usd, NaN", "position_size_usd, Infinity",
        "tick_size, NaN"})
    void pythonNonFiniteTokensInJsonAreReadThenRejected(String field, String token) {
      String body = json("{'symbol':'BTCUSDT','side':'BUY','" + field + "':") + token + "}";

      DecodedIntent.Invalid fromEnvelope = invalid(decode(envelope(body)), field);
      DecodedIntent.Invalid fromData = invalid(decode(fields("data", body)), field);

      // the JSON was read (not rejected as unparseable): the invalid value is the token
      assertThat(fromEnvelope.value()).isEqualTo(token);
      assertThat(fromData.value()).isEqualTo(token);
    }

    @ParameterizedTest
    @CsvSource({"leverage, NaN", "leverage, nan", "leverage, inf", "leverage, -inf", "volatility_factor, Infinity",
        "entry_price, NaN", "entry_price, inf", "position_size_usd, -Infinity"})
    void nonFiniteStringsAreRejectedWithTheField(String field, String text) {
      invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", field, text)), field);
      invalid(decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','" + field + "':'" + text + "'}"))), field);
    }

    static Stream<Arguments> tinyEntryPrice() {
      return Stream.of(
          Arguments.of(envelope(json("{'symbol':'SHIBUSDT','side':'BUY','entry_price':0.00001234}"))),
          Arguments.of(envelope(json("{'symbol':'SHIBUSDT','side':'BUY','entry_price':'0.00001234'}"))),
          Arguments.of(fields("data", json("{'symbol':'SHIBUSDT','side':'BUY','entry_price':0.00001234}"))),
          Arguments.of(fields("symbol", "SHIBUSDT", "side", "BUY", "entry_price", "0.00001234")));
    }

    @ParameterizedTest
    @MethodSource("tinyEntryPrice")
    void entryPriceIsKeptExact(Map<String, String> f) {
      BigDecimal entry = tradable(decode(f)).entryPrice();

      assertThat(entry).isEqualTo(new BigDecimal("0.00001234"));
      assertThat(entry.toPlainString()).isEqualTo("0.00001234");
    }

    @Test
    void entryPriceKeepsMoreDigitsThanADouble() {
      String digits = "65000.123456789012345678";
      BigDecimal fromJson = tradable(decode(envelope(
          json("{'symbol':'BTCUSDT','side':'BUY','entry_price':") + digits + "}"))).entryPrice();
      BigDecimal fromFlat = tradable(decode(fields("symbol", "BTCUSDT", "side", "BUY", "entry_price", digits)))
          .entryPrice();

      assertThat(fromJson.toPlainString()).isEqualTo(digits);
      assertThat(fromFlat.toPlainString()).isEqualTo(digits);
    }
  }

  // ------------------------------------------------------------------------------------------ sides

  @Nested
  class Sides {
    @ParameterizedTest
    @CsvSource({"BUY, LONG", "buy, LONG", "Buy, LONG", "LONG, LONG", "long, LONG", "' Long ', LONG",
        "SELL, SHORT", "sell, SHORT", "Sell, SHORT", "SHORT, SHORT", "short, SHORT", "sHoRt, SHORT"})
    void tradableSidesInAnyCase(String wire, Side expected) {
      assertThat(tradable(decode(fields("symbol", "BTCUSDT", "side", wire))).side()).isEqualTo(expected);
      assertThat(tradable(decode(envelope(json("{'symbol':'BTCUSDT','side':'" + wire + "'}")))).side())
          .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"HOLD, HOLD", "hold, HOLD", "Hold, HOLD", "FLAT, FLAT", "flat, FLAT", "' Flat ', FLAT"})
    void holdAndFlatInAnyCaseAreHolds(String wire, String expected) {
      DecodedIntent.Hold h = hold(decode(fields("symbol", "ETHUSDT", "side", wire, "leverage", "5")));

      assertThat(h.symbol()).isEqualTo("ETHUSDT");
      assertThat(h.side()).isEqualTo(expected);
      assertThat(h.meta().intentId()).isEqualTo(ID);
      assertThat(hold(decode(envelope(json("{'symbol':'ETHUSDT','side':'" + wire + "'}")))).side())
          .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"LONG, LONG", "short, SHORT", "Buy, LONG", "SELL, SHORT"})
    void directionIsUsedWhenSideIsAbsent(String wire, Side expected) {
      assertThat(tradable(decode(fields("symbol", "BTCUSDT", "direction", wire))).side()).isEqualTo(expected);
      assertThat(tradable(decode(fields("data", json("{'symbol':'BTCUSDT','direction':'" + wire + "'}")))).side())
          .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLAT", "flat", "HOLD"})
    void directionFlatIsAHold(String wire) {
      assertThat(hold(decode(fields("symbol", "BTCUSDT", "direction", wire))).side())
          .isEqualTo(wire.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void actionIsUsedWhenSideIsAbsent() {
      assertThat(tradable(decode(fields("symbol", "BTCUSDT", "action", "sell"))).side()).isEqualTo(Side.SHORT);
      assertThat(tradable(decode(envelope(json("{'symbol':'BTCUSDT','action':'BUY','direction':'SHORT'}"))))
          .side()).isEqualTo(Side.LONG);
    }

    @Test
    void sideWinsOverDirection() {
      assertThat(tradable(decode(fields("symbol", "BTCUSDT", "side", "SELL", "direction", "LONG"))).side())
          .isEqualTo(Side.SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "None", "null", "   "})
    void aMissingSideValueFallsBackToDirection(String missing) {
      assertThat(tradable(decode(fields("symbol", "BTCUSDT", "side", missing, "direction", "SHORT"))).side())
          .isEqualTo(Side.SHORT);
    }

    static Stream<Arguments> noSide() {
      return shapes("{'symbol':'BTCUSDT','leverage':10}", fields("symbol", "BTCUSDT", "leverage", "10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noSide")
    void missingSideAndDirectionIsInvalid(String shape, Map<String, String> f) {
      DecodedIntent.Invalid bad = invalid(decode(f), "side");

      assertThat(bad.value()).isNull();
      assertThat(bad.reason()).contains("required");
      assertThat(bad.meta().shape()).isEqualTo(shape);
    }

    @Test
    void unknownSideIsInvalidWithItsValue() {
      DecodedIntent.Invalid bad = invalid(decode(fields("symbol", "BTCUSDT", "side", "UP")), "side");

      assertThat(bad.value()).isEqualTo("UP");
      assertThat(bad.reason()).contains("UP");
    }

    @Test
    void unknownDirectionNamesTheDirectionField() {
      DecodedIntent.Invalid bad = invalid(decode(fields("symbol", "BTCUSDT", "direction", "UP")), "direction");

      assertThat(bad.value()).isEqualTo("UP");
    }
  }

  // ------------------------------------------------------------------------------------- symbol

  @Nested
  class Symbol {
    static Stream<Arguments> noSymbol() {
      return shapes("{'side':'BUY','leverage':10}", fields("side", "BUY", "leverage", "10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noSymbol")
    void missingSymbolIsInvalidNeverADefault(String shape, Map<String, String> f) {
      DecodedIntent.Invalid bad = invalid(decode(f), "symbol");

      assertThat(bad.value()).isNull();
      assertThat(bad.reason()).doesNotContain("BTCUSDT");
      assertThat(bad.meta().shape()).isEqualTo(shape);
      assertThat(bad.meta().intentId()).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "None", "null", "   "})
    void emptyOrNoneSymbolIsMissing(String missing) {
      invalid(decode(fields("symbol", missing, "side", "BUY")), "symbol");
      invalid(decode(envelope(json("{'symbol':'" + missing + "','side':'BUY'}"))), "symbol");
    }

    @Test
    void anEmptyPayloadObjectIsInvalidNotADefaultBtcHold() {
      // The seed decoded this to {} and then acted on BTCUSDT/HOLD.
      invalid(decode(envelope("{}")), "symbol");
      invalid(decode(fields("data", "{}")), "symbol");
      invalid(decode(fields()), "symbol");
    }

    @Test
    void missingSymbolIsReportedEvenForAHold() {
      invalid(decode(fields("side", "HOLD")), "symbol");
    }

    @Test
    void symbolWithABlankIsInvalid() {
      DecodedIntent.Invalid bad = invalid(decode(fields("symbol", "BTC USDT", "side", "BUY")), "symbol");

      assertThat(bad.value()).isEqualTo("BTC USDT");
    }
  }

  // ------------------------------------------------------------------------------------- malformed

  @Nested
  class Malformed {
    @Test
    void payloadThatIsNotJson() {
      String payload = "{symbol: BTCUSDT, side: BUY";
      Map<String, String> f = envelope(payload);
      f.put("trace_id", "t-env");

      DecodedIntent.Invalid bad = invalid(decode(f), "payload");

      assertThat(bad.value()).isEqualTo(payload);
      assertThat(bad.reason()).startsWith("payload: is not valid JSON");
      assertThat(bad.meta().intentId()).isEqualTo(ID);
      assertThat(bad.meta().shape()).isEqualTo("envelope");
      assertThat(bad.meta().traceId()).isEqualTo("t-env");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\"}]", "\"BTCUSDT\"", "42", "null", ""})
    void payloadThatIsNotAJsonObject(String payload) {
      DecodedIntent.Invalid bad = invalid(decode(envelope(payload)), "payload");

      assertThat(bad.reason()).isEqualTo("payload: must be a JSON object");
    }

    @Test
    void aVeryLongBadPayloadIsAbbreviatedInTheValue() {
      String payload = "x".repeat(5000);

      DecodedIntent.Invalid bad = invalid(decode(envelope(payload)), "payload");

      assertThat(bad.value()).hasSizeLessThan(300).startsWith("xxxxxxxx");
    }

    @Test
    void dataThatIsNotJson() {
      DecodedIntent.Invalid bad = invalid(decode(fields("data", "symbol=BTCUSDT&side=BUY")), "data");

      assertThat(bad.value()).isEqualTo("symbol=BTCUSDT&side=BUY");
      assertThat(bad.reason()).startsWith("data: is not valid JSON");
      assertThat(bad.meta().shape()).isEqualTo("data");
    }

    @Test
    void dataThatIsAJsonArray() {
      DecodedIntent.Invalid bad = invalid(decode(fields("data", "[1,2,3]")), "data");

      assertThat(bad.reason()).isEqualTo("data: must be a JSON object");
    }

    static Stream<Arguments> leverageAbc() {
      return shapes("{'symbol':'BTCUSDT','side':'BUY','leverage':'abc'}",
          fields("symbol", "BTCUSDT", "side", "BUY", "leverage", "abc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leverageAbc")
    void leverageThatIsNotANumber(String shape, Map<String, String> f) {
      DecodedIntent.Invalid bad = invalid(decode(f), "leverage");

      assertThat(bad.value()).isEqualTo("abc");
      assertThat(bad.reason()).contains("number").contains("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "-5", "0.0"})
    void leverageBelowOne(String leverage) {
      DecodedIntent.Invalid bad = invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", "leverage", leverage)),
          "leverage");

      assertThat(bad.reason()).contains("at least 1");
      invalid(decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':" + leverage + "}"))), "leverage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-100", "-0.00001234", "0"})
    void entryPriceNotPositive(String price) {
      DecodedIntent.Invalid flat = invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", "entry_price", price)),
          "entry_price");
      invalid(decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','entry_price':" + price + "}"))), "entry_price");

      assertThat(new BigDecimal(flat.value())).isEqualByComparingTo(price);
    }

    @Test
    void entryPriceThatIsNotANumber() {
      invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", "entry_price", "market")), "entry_price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a':1}", "[1.5]", "true"})
    void volatilityFactorThatIsNotANumber(String value) {
      DecodedIntent.Invalid bad = invalid(decode(envelope(
          json("{'symbol':'BTCUSDT','side':'BUY','volatility_factor':" + value + "}"))), "volatility_factor");

      assertThat(bad.value()).isEqualTo(json(value));
    }

    @Test
    void confidenceThatIsNotANumber() {
      invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", "confidence", "high")), "confidence");
    }

    @Test
    void anInvalidEntryStillCarriesItsIdsForTheDeadLetter() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY','leverage':'abc','trace_id':'t-9'}"));

      DecodedIntent.Invalid bad = invalid(decode(f), "leverage");

      assertThat(bad.meta().intentId()).isEqualTo(ID);
      assertThat(bad.meta().traceId()).isEqualTo("t-9");
      assertThat(bad.meta().correlationId()).isEqualTo("corr-1");
    }

    @Test
    void twoBadFieldsIncludingTheTimestampStillDecodeToInvalid() {
      // A bad timestamp and a bad confidence: decode must still answer Invalid, never throw.
      Map<String, String> f = fields("symbol", "BTCUSDT", "side", "BUY", "timestamp", "yesterday", "confidence",
          "high");
      AtomicReference<DecodedIntent> out = new AtomicReference<>();

      assertThatCode(() -> out.set(decode(f))).doesNotThrowAnyException();
      DecodedIntent.Invalid bad = invalid(out.get());
      assertThat(bad.field()).isIn("timestamp", "confidence");
      assertThat(bad.meta().intentId()).isEqualTo(ID);
    }
  }

  // ------------------------------------------------------------------------------------ timestamps

  @Nested
  class Time {
    @Test
    void payloadTimestampWinsOverEnvelope() {
      DecodedIntent d = decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','timestamp':1733212345}")));

      assertThat(d.meta().timestamp()).isEqualTo(Instant.ofEpochSecond(1_733_212_345L));
      assertThat(d.meta().timestampOrigin()).isEqualTo("payload");
    }

    @Test
    void envelopeTimestampWhenThePayloadHasNone() {
      DecodedIntent d = decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY'}")));

      assertThat(d.meta().timestamp()).isEqualTo(ENVELOPE_TIME);
      assertThat(d.meta().timestampOrigin()).isEqualTo("envelope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "'None'", "null", "'null'"})
    void anEmptyPayloadTimestampFallsBackToTheEnvelope(String missing) {
      DecodedIntent d = decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','timestamp':" + missing + "}")));

      assertThat(d.meta().timestamp()).isEqualTo(ENVELOPE_TIME);
      assertThat(d.meta().timestampOrigin()).isEqualTo("envelope");
    }

    @Test
    void entryIdTimeWhenNeitherHasOne() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY'}"));
      f.remove("timestamp");

      DecodedIntent env = decode(f);
      DecodedIntent flat = decode(fields("symbol", "BTCUSDT", "side", "BUY"));
      DecodedIntent data = decode(fields("data", json("{'symbol':'BTCUSDT','side':'BUY'}")));

      for (DecodedIntent d : new DecodedIntent[] {env, flat, data}) {
        assertThat(d.meta().timestamp()).isEqualTo(ID_TIME);
        assertThat(d.meta().timestampOrigin()).isEqualTo("entry_id");
      }
    }

    @Test
    void anEmptyEnvelopeTimestampFallsBackToTheEntryId() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY'}"));
      f.put("timestamp", "");

      DecodedIntent d = decode(f);

      assertThat(d.meta().timestamp()).isEqualTo(ID_TIME);
      assertThat(d.meta().timestampOrigin()).isEqualTo("entry_id");
    }

    static Stream<Arguments> jsonTimes() {
      return Stream.of(
          Arguments.of("1733212345", Instant.ofEpochSecond(1_733_212_345L)),
          Arguments.of("1733212345.5", Instant.ofEpochSecond(1_733_212_345L, 500_000_000)),
          Arguments.of("1733212345678", Instant.ofEpochMilli(1_733_212_345_678L)),
          Arguments.of("1733212345678.5", Instant.ofEpochSecond(1_733_212_345L, 678_500_000)),
          Arguments.of("1733212345678901", Instant.ofEpochSecond(1_733_212_345L, 678_901_000)),
          Arguments.of("1733212345678901234", Instant.ofEpochSecond(1_733_212_345L, 678_901_234)),
          Arguments.of("1.733212345678E12", Instant.ofEpochMilli(1_733_212_345_678L)),
          Arguments.of("'1733212345'", Instant.ofEpochSecond(1_733_212_345L)),
          Arguments.of("'1733212345.678901'", Instant.ofEpochSecond(1_733_212_345L, 678_901_000)),
          Arguments.of("'1733212345678'", Instant.ofEpochMilli(1_733_212_345_678L)),
          Arguments.of("'2024-12-03T08:05:45.678+00:00'", Instant.parse("2024-12-03T08:05:45.678Z")),
          Arguments.of("'2024-12-03T10:05:45.678+02:00'", Instant.parse("2024-12-03T08:05:45.678Z")),
          Arguments.of("'2024-12-03T08:05:45.678Z'", Instant.parse("2024-12-03T08:05:45.678Z")),
          Arguments.of("'2024-12-03T08:05:45.678'", Instant.parse("2024-12-03T08:05:45.678Z")),
          Arguments.of("'2024-12-03 08:05:45.678'", Instant.parse("2024-12-03T08:05:45.678Z")));
    }

    @ParameterizedTest
    @MethodSource("jsonTimes")
    void payloadTimestampsInEveryForm(String wire, Instant expected) {
      DecodedIntent d = decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','timestamp':" + wire + "}")));

      assertThat(d.meta().timestamp()).isEqualTo(expected);
      assertThat(d.meta().timestampOrigin()).isEqualTo("payload");
      // and the same text as a flat field
      DecodedIntent flat = decode(fields("symbol", "BTCUSDT", "side", "BUY", "timestamp", wire.replace("'", "")));
      assertThat(flat.meta().timestamp()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-45T00:00:00", "0", "-1733212345", "12/03/2024 08:05", "1e30"})
    void anUnparseablePayloadTimestampIsInvalidNeverFresh(String ts) {
      DecodedIntent.Invalid bad = invalid(decode(fields("symbol", "BTCUSDT", "side", "BUY", "timestamp", ts)),
          "timestamp");

      assertThat(bad.value()).isEqualTo(ts);
      assertThat(bad.meta().timestamp()).isNull();
    }

    @Test
    void anUnparseablePayloadTimestampDoesNotFallBackToTheEnvelope() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY','timestamp':'soon'}"));

      DecodedIntent.Invalid bad = invalid(decode(f), "timestamp");

      assertThat(bad.value()).isEqualTo("soon");
      assertThat(bad.meta().timestamp()).isNull();
    }

    @Test
    void nanTimestampInJsonIsInvalid() {
      invalid(decode(envelope(json("{'symbol':'BTCUSDT','side':'BUY','timestamp':NaN}"))), "timestamp");
    }

    @Test
    void anUnparseableEnvelopeTimestampIsInvalid() {
      Map<String, String> f = envelope(json("{'symbol':'BTCUSDT','side':'BUY'}"));
      f.put("timestamp", "Tue Dec 24 04:32:14 2025");

      DecodedIntent.Invalid bad = invalid(decode(f));

      assertThat(bad.field()).endsWith("timestamp");
      assertThat(bad.value()).isEqualTo("Tue Dec 24 04:32:14 2025");
      assertThat(bad.reason()).startsWith(bad.field() + ":");
      assertThat(bad.meta().timestamp()).isNull();
    }
  }
}
