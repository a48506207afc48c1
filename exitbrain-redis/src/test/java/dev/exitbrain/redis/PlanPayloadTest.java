package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit tests of {@link PlanPayload}: number formats, null modifiers, the seed's keys. */
class PlanPayloadTest {
  static final ExitBrain BRAIN = ExitBrain.create();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern SCIENTIFIC = Pattern.compile("\\d[eE][-+]?\\d");
  static final IntentMeta BARE = new IntentMeta("1733212345678-0", "envelope", null, null, null, null, null, null,
      null, null);

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  @ParameterizedTest
  @CsvSource({"0.0008, 0.0008", "0.0001, 0.0001", "1.0E-10, 0.0000000001", "20.0, 20", "0.5, 0.5",
      "0.30000000000000004, 0.30000000000000004", "1.5E7, 15000000", "0.0, 0", "8.942998296638024E-4,"
      + " 0.0008942998296638024"})
  void numbersArePlainAndRoundTripExactly(double value, String plain) {
    String text = PlanPayload.plain(value);

    assertThat(text).matches("-?\\d+(\\.\\d+)?").doesNotContainPattern(SCIENTIFIC);
    assertThat(new BigDecimal(text)).isEqualByComparingTo(plain);
    assertThat(Double.parseDouble(text)).isEqualTo(value);
  }

  @Test
  void smallFractionsAreWrittenAsPlainJsonNumbers() {
    TradeIntent intent = TradeIntent.builder("ETHUSDT", Side.LONG).leverage(20).volatilityFactor(0.0008)
        .fundingRate(0.0001).exchangeDivergence(0.0005).atrValue(0.00007).build();
    ExitPlan plan = BRAIN.compute(intent);

    String text = PlanPayload.json(plan, intent, BARE);
    JsonNode p = parse(text);

    assertThat(text).containsPattern("\"volatility_factor\":0\\.00080*[,}]")
        .containsPattern("\"funding_rate\":0\\.00010*[,}]")
        .containsPattern("\"exchange_divergence\":0\\.00050*[,}]")
        .containsPattern("\"atr_value\":0\\.000070*[,}]")
        .doesNotContain("8.0E-4")
        .doesNotContainPattern(SCIENTIFIC);
    assertThat(p.get("volatility_factor").isNumber()).isTrue();
    assertThat(p.get("volatility_factor").doubleValue()).isEqualTo(0.0008);
    assertThat(p.get("ilf_metadata").get("funding_rate").doubleValue()).isEqualTo(0.0001);
    JsonNode levels = p.get("adaptive_levels");
    assertThat(levels.get("tp1").isNumber()).isTrue();
    assertThat(levels.get("tp1").doubleValue()).isEqualTo(plan.tp1().fraction());
    assertThat(levels.get("sl").doubleValue()).isEqualTo(plan.stopLoss().fraction());
    assertThat(levels.get("LSF").doubleValue()).isEqualTo(plan.lsf());
    assertThat(p.get("roi").get("tp3").doubleValue()).isEqualTo(plan.tp3().roi());
    assertThat(p.get("liquidation_distance").doubleValue()).isEqualTo(plan.liquidationDistance());
  }

  @Test
  void tinyAdjustmentFractionsArePlain() {
    // base_tp 0.0001: TP1's formula value is about 1.02e-4, which Double.toString writes as 1.019...E-4
    TradeIntent intent = TradeIntent.builder("BTCUSDT", Side.SHORT).leverage(3).baseTp(0.0001).build();
    ExitPlan plan = BRAIN.compute(intent);

    String text = PlanPayload.json(plan, intent, BARE);
    JsonNode p = parse(text);

    assertThat(text).doesNotContainPattern(SCIENTIFIC);
    boolean sawFloor = false;
    for (JsonNode a : p.get("adjustments")) {
      if (a.get("rule").asText().equals("floor") && a.get("field").asText().equals("tp1")) {
        sawFloor = true;
        assertThat(a.get("from").isNumber()).isTrue();
        assertThat(a.get("from").doubleValue()).isEqualTo(0.0001 * (0.6 + 1 / (1 + Math.log(4))));
        assertThat(a.get("to").doubleValue()).isEqualTo(0.003);
        assertThat(a.get("reason").asText()).isNotBlank();
      }
    }
    assertThat(sawFloor).as("a floor step for tp1 in %s", p.get("adjustments")).isTrue();
  }

  @Test
  void missingModifiersAndMetaAreJsonNull() {
    TradeIntent intent = TradeIntent.builder("ETHUSDT", Side.LONG).leverage(5).build();

    JsonNode p = parse(PlanPayload.json(BRAIN.compute(intent), intent, BARE));

    assertThat(p.get("volatility_factor").isNull()).as("volatility_factor").isTrue();
    assertThat(p.get("order_id").isNull()).as("order_id").isTrue();
    assertThat(p.get("trace_id").isNull()).as("trace_id").isTrue();
    JsonNode ilf = p.get("ilf_metadata");
    for (String k : List.of("atr_value", "exchange_divergence", "funding_rate", "regime")) {
      assertThat(ilf.has(k)).as("ilf_metadata has %s", k).isTrue();
      assertThat(ilf.get(k).isNull()).as("ilf_metadata.%s is null", k).isTrue();
    }
    assertThat(p.get("intent_id").asText()).isEqualTo("1733212345678-0");
  }

  @Test
  void pricesAreDecimalStringsAndRoundingStepsKeepDecimals() {
    TradeIntent intent = TradeIntent.builder("BTCUSDT", Side.LONG).leverage(10).entryPrice("65000")
        .tickSize("0.1").stepSize("0.001").positionSizeUsd(5000).build();
    ExitPlan plan = BRAIN.compute(intent);
    IntentMeta meta = new IntentMeta("9-0", "flat", "t-1", "c-1", "bot", Instant.EPOCH, "payload", "o-1", "trend",
        0.9);

    ObjectNode o = PlanPayload.of(plan, intent, meta);

    JsonNode prices = o.get("prices");
    assertThat(prices.get("entry").isTextual()).isTrue();
    assertThat(prices.get("entry").asText()).isEqualTo("65000");
    assertThat(prices.get("tp1").asText()).isEqualTo(plan.tp1().price().orElseThrow().toPlainString());
    assertThat(prices.get("sl").asText()).isEqualTo(plan.stopLoss().price().orElseThrow().toPlainString());
    assertThat(prices.get("liquidation").asText()).isEqualTo(plan.liquidationPrice().orElseThrow().toPlainString());
    assertThat(prices.get("breakeven").asText()).isEqualTo(plan.breakevenPrice().orElseThrow().toPlainString());
    assertThat(new BigDecimal(prices.get("tp1").asText()).remainder(new BigDecimal("0.1")))
        .isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(o.get("quantities").get("total").asText())
        .isEqualTo(plan.totalQuantity().orElseThrow().toPlainString());
    assertThat(o.get("order_id").asText()).isEqualTo("o-1");
    assertThat(o.get("trace_id").asText()).isEqualTo("t-1");
    assertThat(o.get("ilf_metadata").get("regime").asText()).isEqualTo("trend");
    // a price rounding step records decimals as strings
    boolean sawPriceStep = false;
    for (JsonNode a : o.get("adjustments")) {
      if (a.get("field").asText().endsWith("_price") && a.get("rule").asText().equals("rounding")) {
        sawPriceStep = true;
        assertThat(a.get("to").isTextual()).as("to of %s", a).isTrue();
        assertThat(a.get("to").asText()).matches("\\d+(\\.\\d+)?");
      }
    }
    assertThat(sawPriceStep).as("a price rounding step in %s", o.get("adjustments")).isTrue();
    assertThat(PlanPayload.json(plan, intent, meta)).isEqualTo(PlanPayload.write(o));
  }
}
