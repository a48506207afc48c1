package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.IntentMeta;
import dev.exitbrain.redis.PlanPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] BTC_15X = {"compute", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "15",
      "--vf", "1.2", "--entry", "65000", "--tick", "0.1"};

  @Test
  void tableShowsLevelsAsPercentOfPriceRoiPriceCloseFractionThenLsfLiquidationAndAdjustments() {
    Cli.Result r = Cli.run(BTC_15X);

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.lines();
    assertThat(lines.get(0)).isEqualTo("BTCUSDT LONG 15x, entry 65000, tick 0.1");
    assertThat(lines.get(1)).contains("% of price", "ROI margin", "price", "close", "quantity");
    assertThat(lines.get(2)).containsSubsequence("TP1", "+0.865 %", "+12.98 %", "65562.2", "40 %");
    assertThat(lines.get(3)).containsSubsequence("TP2", "+1.333 %", "+19.99 %", "65866.1", "40 %");
    assertThat(lines.get(4)).containsSubsequence("TP3", "+1.866 %", "+27.99 %", "66213.0", "20 %");
    assertThat(lines.get(5)).containsSubsequence("SL", "-0.985 %", "-14.77 %", "64360.1");
    assertThat(lines.get(6)).contains("LSF 0.2651", "harvest aggressive 40/40/20", "liquidation 60971.6 (6.198 % away)",
        "breakeven 65065.1");
    assertThat(r.out()).contains("stop ladder: 64360.1 open → 65065.1 after TP1 → 65562.2 after TP2",
        "guard adjustments: none");
  }

  @Test
  void tableShowsQuantitiesWithSizeAndStep() {
    Cli.Result r = Cli.run(concat(BTC_15X, "--size-usd", "10000", "--step", "0.001"));

    assertThat(r.code()).isZero();
    assertThat(r.lines().get(2)).endsWith("0.061");
    assertThat(r.lines().get(4)).endsWith("0.031");
    assertThat(r.lines().get(5)).endsWith("0.153");
  }

  @Test
  void tableListsTheGuardAdjustmentAt100x() {
    Cli.Result r = Cli.run("compute", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "100", "--vf", "1.5",
        "--entry", "64000", "--tick", "0.1");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("guard adjustments (besides 6 roundings to the tick/step):",
        "sl [guard] 0.010773929048467652 -> 0.004020100502512581", "63742.8");
  }

  @Test
  void jsonIsExactlyThePlanPayloadOfTheIntent() throws IOException {
    Cli.Result r = Cli.run(concat(BTC_15X, "--format", "json"));

    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(1);
    JsonNode printed = JSON.readTree(r.lines().get(0));
    TradeIntent intent = TradeIntent.builder("BTCUSDT", Side.LONG).leverage(15).volatilityFactor(1.2)
        .entryPrice("65000").tickSize("0.1").build();
    IntentMeta meta = new IntentMeta("1", "flags", null, null, null, null, null, null, null, null);
    JsonNode expected = JSON.readTree(PlanPayload.json(ExitBrain.create().compute(intent), intent, meta));
    assertThat(printed).isEqualTo(expected);
    assertThat(printed.at("/prices/sl").asText()).isEqualTo("64360.1");
    assertThat(printed.at("/prices/tp1").asText()).isEqualTo("65562.2");
    assertThat(printed.at("/prices/liquidation").asText()).isEqualTo("60971.6");
    assertThat(printed.at("/adaptive_levels/tp1").asDouble()).isEqualTo(0.008650699754534337);
    assertThat(printed.at("/adaptive_levels/LSF").asDouble()).isEqualTo(0.2650699754534338);
    assertThat(printed.at("/roi/sl").asDouble()).isEqualTo(0.14767879382626453);
  }

  @Test
  void jsonInputGivesOneLinePerIntentInOrderAndAnErrorObjectForTheInvalidLine() throws IOException {
    Cli.Result r = Cli.run("compute", "--input", Cli.SAMPLE.toString(), "--format", "json");

    assertThat(r.code()).as("a line failed").isEqualTo(1);
    List<String> lines = r.lines();
    assertThat(lines).hasSize(6);
    assertThat(JSON.readTree(lines.get(0)).at("/symbol").asText()).isEqualTo("BTCUSDT");
    assertThat(JSON.readTree(lines.get(0)).at("/prices/sl").asText()).isEqualTo("64360.1");
    assertThat(JSON.readTree(lines.get(0)).at("/quantities/total").asText()).isEqualTo("0.153");
    assertThat(JSON.readTree(lines.get(0)).at("/trace_id").asText()).isEqualTo("sample-btc-15x");
    assertThat(JSON.readTree(lines.get(0)).at("/intent_id").asText()).isEqualTo("1");
    assertThat(JSON.readTree(lines.get(1)).at("/symbol").asText()).isEqualTo("ETHUSDT");
    assertThat(JSON.readTree(lines.get(1)).at("/side").asText()).isEqualTo("SHORT");
    assertThat(JSON.readTree(lines.get(2)).at("/symbol").asText()).isEqualTo("SOLUSDT");
    JsonNode error = JSON.readTree(lines.get(3));
    assertThat(error.get("line").asInt()).isEqualTo(4);
    assertThat(error.get("field").asText()).isEqualTo("leverage");
    assertThat(error.get("error").asText()).isEqualTo("leverage: must be at least 1, was 0");
    assertThat(error.size()).isEqualTo(3);
    assertThat(JSON.readTree(lines.get(4)).at("/sl_guarded").asBoolean()).isTrue();
    assertThat(JSON.readTree(lines.get(4)).at("/adjustments/0/rule").asText()).isEqualTo("guard");
    assertThat(JSON.readTree(lines.get(5)).at("/symbol").asText()).isEqualTo("RENDERUSDT");
    assertThat(JSON.readTree(lines.get(5)).has("prices")).as("no entry price, no prices").isFalse();
  }

  @Test
  void validLinesOnlyExitZero() {
    Cli.Result r = Cli.run("compute", "--input", "../docs/examples/intents.jsonl");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("line 1: BTCUSDT LONG 15x", "line 5: RENDERUSDT LONG 10x").doesNotContain("error");
  }

  @Test
  void tableInputShowsTheErrorInPlace() {
    Cli.Result r = Cli.run("compute", "--input", Cli.SAMPLE.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).containsSubsequence("line 3: SOLUSDT LONG 5x",
        "line 4: error: leverage: must be at least 1, was 0 (field leverage)", "line 5: BTCUSDT SHORT 100x");
  }

  @Test
  void readsStandardInputAndReportsEachKindOfBadLine() throws IOException {
    String in = String.join("\n",
        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"leverage\":15,\"entry_price\":65000,\"tick_size\":\"0.1\",\"volatility_factor\":1.2}",
        "",
        "not json",
        "{\"side\":\"BUY\",\"leverage\":10}",
        "{\"symbol\":\"BTCUSDT\",\"side\":\"HOLD\"}",
        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"volatility_factor\":NaN}",
        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"leverage\":500}",
        "[1,2]") + "\n";
    Cli.Result r = Cli.withStdin(in, "compute", "--input", "-", "--format", "json");

    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.lines();
    assertThat(lines).hasSize(7);
    assertThat(JSON.readTree(lines.get(0)).at("/prices/sl").asText()).isEqualTo("64360.1");
    assertThat(error(lines.get(1))).isEqualTo("3 json");
    assertThat(error(lines.get(2))).isEqualTo("4 symbol");
    assertThat(error(lines.get(3))).isEqualTo("5 side");
    assertThat(error(lines.get(4))).isEqualTo("6 volatility_factor");
    assertThat(error(lines.get(5))).isEqualTo("7 leverage");
    assertThat(error(lines.get(6))).isEqualTo("8 json");
  }

  @Test
  void anInvalidIntentFromFlagsExitsOne() throws IOException {
    Cli.Result table = Cli.run("compute", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "0");
    Cli.Result json = Cli.run("compute", "--symbol", "BTCUSDT", "--side", "hold", "--format", "json");

    assertThat(table.code()).isEqualTo(1);
    assertThat(table.out()).contains("error: leverage: must be at least 1, was 0");
    assertThat(json.code()).isEqualTo(1);
    assertThat(error(json.lines().get(0))).isEqualTo("1 side");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("compute").code()).isEqualTo(2);
    assertThat(Cli.run("compute", "--symbol", "BTCUSDT").code()).isEqualTo(2);
    assertThat(Cli.run("compute", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "ten").code()).isEqualTo(2);
    assertThat(Cli.run("compute", "--input", Cli.SAMPLE.toString(), "--symbol", "BTCUSDT").code()).isEqualTo(2);
    assertThat(Cli.run("compute", "--input", "no/such/file.jsonl").code()).isEqualTo(2);
    assertThat(Cli.run(concat(BTC_15X, "--format", "xml")).code()).isEqualTo(2);
    assertThat(Cli.run(concat(BTC_15X, "--no-such-option")).code()).isEqualTo(2);
    Cli.Result missing = Cli.run("compute");
    assertThat(missing.err()).contains("give an intent with --symbol and --side", "Try 'exitbrain compute --help' for its options.");
    assertThat(missing.out()).isEmpty();
  }

  @Test
  void configFileIsUsedAndABadOneIsAUsageError(@TempDir Path dir) throws IOException {
    Path tight = Files.writeString(dir.resolve("guard.json"), "{\"guard\": 0.1}");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"gaurd\": 0.1}");

    Cli.Result r = Cli.run(concat(BTC_15X, "--config", tight.toString()));
    Cli.Result b = Cli.run(concat(BTC_15X, "--config", bad.toString()));

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("sl [guard]");
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("--config", "gaurd");
  }

  private static String error(String line) throws IOException {
    JsonNode e = JSON.readTree(line);
    assertThat(e.has("error")).as(line).isTrue();
    return e.get("line").asInt() + " " + e.get("field").asText();
  }

  static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
