package dev.exitbrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigJsonTest {

  @Test
  void emptyObjectIsTheSeedDefaults() {
    ExitBrainConfig c = ExitBrainConfig.fromJson("{}");
    TradeIntent intent = TradeIntent.builder("BTCUSDT", Side.LONG).leverage(20).volatilityFactor(0.5).build();
    assertThat(ExitBrain.create(c).compute(intent)).isEqualTo(ExitBrain.create().compute(intent));
  }

  @Test
  void readsAFullFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("exitbrain.json");
    Files.writeString(file, "{\n"
        + "  \"base_tp\": 0.012, \"base_sl\": 0.006, \"max_leverage\": 100, \"guard\": 0.7, \"taker_fee\": 0.0004,\n"
        + "  \"limits\": {\"volatility_factor\": [0, 5]},\n"
        + "  \"formula\": {\"tp_floor\": 0.004},\n"
        + "  \"harvest\": {\"tiers\": [\n"
        + "    {\"max_leverage\": 5, \"name\": \"calm\", \"fractions\": [0.2, 0.3, 0.5]},\n"
        + "    {\"max_leverage\": 20, \"name\": \"busy\", \"fractions\": [0.5, 0.25, 0.25]},\n"
        + "    {\"name\": \"wild\", \"fractions\": [0.6, 0.2, 0.2]}]},\n"
        + "  \"default_symbol\": {\"maintenance_margin_rate\": 0.01},\n"
        + "  \"symbols\": {\n"
        + "    \"BTCUSDT\": {\"tick_size\": \"0.1\", \"step_size\": \"0.001\", \"min_qty\": 0.001, \"base_tp\": 0.02,\n"
        + "      \"brackets\": [\n"
        + "        {\"notional_floor\": 0, \"maintenance_margin_rate\": 0.004, \"max_leverage\": 100},\n"
        + "        {\"notional_floor\": 50000, \"maintenance_margin_rate\": 0.005, \"max_leverage\": 50}]}\n"
        + "  }\n"
        + "}\n");
    ExitBrainConfig c = ExitBrainConfig.fromJson(file);
    assertThat(c.baseTp()).isEqualTo(0.012);
    assertThat(c.baseTp("btcusdt")).isEqualTo(0.02);
    assertThat(c.baseSl("BTCUSDT")).isEqualTo(0.006);
    assertThat(c.guard()).isEqualTo(0.7);
    assertThat(c.takerFee()).isEqualTo(0.0004);
    assertThat(c.volatilityFactorRange()).isEqualTo(new Range(0, 5));
    assertThat(c.harvest().scheme(5).name()).isEqualTo("calm");
    assertThat(c.harvest().scheme(21).name()).isEqualTo("wild");
    SymbolSpec btc = c.symbolSpecs().spec("BTCUSDT");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.bracketFor(new BigDecimal("60000")).maintenanceAmount()).isEqualByComparingTo("50");
    assertThat(c.symbolSpecs().spec("ETHUSDT").brackets().get(0).maintenanceMarginRate()).isEqualTo(0.01);

    ExitBrain brain = ExitBrain.create(c);
    assertThatThrownBy(() -> brain.compute(TradeIntent.builder("BTCUSDT", Side.LONG).leverage(60)
            .positionSizeUsd(60_000).build()))
        .isInstanceOf(InvalidIntentException.class).hasMessageContaining("exceeds the 50x allowed");
    ExitPlan plan = brain.compute(TradeIntent.builder("BTCUSDT", Side.LONG).leverage(10).baseTp(0.0001).build());
    assertThat(plan.tp1().fraction()).isEqualTo(0.004);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{\"bse_tp\": 0.01}                                  | bse_tp: unknown key",
    "{\"base_tp\": 0.9}                                  | base_tp: must be in (0, 0.5] (max_base), was 0.9",
    "{\"base_tp\": \"0.01\"}                             | base_tp: must be a number, was \"0.01\"",
    "{\"guard\": 1.5}                                    | guard: must be in (0, 1), was 1.5",
    "{\"taker_fee\": -0.001}                             | taker_fee: must be a finite number in [0, 0.01], was -0.001",
    "{\"limits\": {\"funding_rate\": [1]}}               | limits.funding_rate: must be [min, max], two numbers",
    "{\"limits\": {\"funding_rate\": [1, 0]}}            | limits.funding_rate: range: need finite min <= max",
    "{\"formula\": {\"sl_min\": 0.05}}                   | formula.sl_min: must not exceed formula.sl_max",
    "{\"formula\": {\"tp_flor\": 0.05}}                  | formula.tp_flor: unknown key",
    "{\"symbols\": {\"BTCUSDT\": {\"tick_size\": -1}}}   | symbols.BTCUSDT.tick_size: must be > 0, was -1",
    "{\"symbols\": {\"BTCUSDT\": {\"tick\": 1}}}         | symbols.BTCUSDT.tick: unknown key",
    "{\"symbols\": {\"BTCUSDT\": {\"tick_size\": \"x\"}}} | symbols.BTCUSDT.tick_size: must be a decimal number",
    "{\"symbols\": {\"BTCUSDT\": {\"base_sl\": 0}}}      | symbols.BTCUSDT.base_sl: must be a finite number in (0, 1], was 0",
    "{\"harvest\": {\"tiers\": []}}                      | harvest.tiers: must be an array of exactly 3 tiers",
    "[]                                                  | the configuration must be a JSON object",
    "{\"base_tp\": 0.01, \"base_tp\": 0.02}              | not valid JSON: Duplicate field 'base_tp'",
    "{\"base_tp\": NaN}                                  | not valid JSON",
    "{\"base_sl\": 0}                                    | base_sl: must be a finite number in (0, 1], was 0",
    "{\"base_sl\": 0.9}                                  | base_sl: must be in (0, 0.5] (max_base), was 0.9",
    "{\"limits\": {\"funding_rate\": [-2, 2]}}          | limits.funding_rate: must lie within [-1, 1], was [-2, 2]",
    "{\"symbols\": {\"btcusdt\": {}, \"BTCUSDT\": {}}}  | symbols.BTCUSDT: given twice",
    "{\"symbols\": {\"BTCUSDT\": {\"base_sl\": 0.7}}}  | symbols.BTCUSDT.base_sl: must be in (0, 0.5]"
  })
  void badKeysAndValuesAreNamed(String json, String message) {
    assertThatThrownBy(() -> ExitBrainConfig.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void messagesStartWithTheKey() {
    assertThatThrownBy(() -> ExitBrainConfig.fromJson("{\"base_sl\": 0.9}")).hasMessageStartingWith("base_sl: ");
    assertThatThrownBy(() -> ExitBrainConfig.fromJson("{\"symbols\": {\"X\": {\"base_sl\": 0}}}"))
        .hasMessageStartingWith("symbols.X.base_sl: ");
  }

  @Test
  void aSiblingKeyIsNamedNotTheKeyBeingBuilt() {
    assertThatThrownBy(() -> ExitBrainConfig.fromJson("{\"symbols\": {\"BTCUSDT\": {\"step_size\": -1}}}"))
        .hasMessageStartingWith("symbols.BTCUSDT.step_size: must be > 0, was -1");
    assertThatThrownBy(() -> ExitBrainConfig.fromJson("{\"symbols\": {\"BTCUSDT\": {\"min_qty\": -1}}}"))
        .hasMessageStartingWith("symbols.BTCUSDT.min_qty: must be >= 0");
  }

  @Test
  void aReusedBuilderDoesNotKeepAStaleDefaultSpec() {
    ExitBrainConfig.Builder b = ExitBrainConfig.builder();
    b.build();
    ExitBrainConfig wider = b.maxLeverage(200).build();
    assertThat(wider.defaultSpec().maxLeverage()).isEqualTo(200);
  }

  @Test
  void harvestTierFractionsMustSumToOne() {
    String json = "{\"harvest\": {\"tiers\": [{\"max_leverage\": 5, \"name\": \"a\", \"fractions\": [0.2, 0.3, 0.4]},"
        + "{\"max_leverage\": 20, \"name\": \"b\", \"fractions\": [0.5, 0.25, 0.25]},"
        + "{\"name\": \"c\", \"fractions\": [0.6, 0.2, 0.2]}]}}";
    assertThatThrownBy(() -> ExitBrainConfig.fromJson(json))
        .hasMessageStartingWith("harvest.tiers[0].fractions: harvest scheme a: fractions must sum to 1, was 0.9");
  }
}
