package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exitbrain.examples.Jar;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo end to end: its own Redis, every producer shape, the consumer, and the table of what came out. */
class DemoIT {

  @Test
  void demoPrintsWhatCameOutOfEachStream() {
    long start = System.nanoTime();
    Cli.Result r = Cli.run("demo");
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(r.code()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isZero();
    assertThat(seconds).isLessThan(30);
    assertThat(r.err()).contains("demo: started redis-server", "demo: published 11 intents");
    assertTable(r.out());
    assertThat(r.out()).contains("11 trade intents in on quantum:stream:trade.intent",
        "7 plans on quantum:stream:exitbrain.adaptive_levels", "2 skips on quantum:stream:execution.result",
        "2 dead letters on quantum:dlq:trade.intent");
  }

  @Test
  void demoOnTheBundledRedisBinary() {
    Cli.Result r = Cli.run("demo", "--bundled-redis");

    assertThat(r.code()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isZero();
    assertThat(r.err()).contains("(bundled with exitbrain)");
    assertTable(r.out());
  }

  @Test
  void demoOnAGivenRedisUsesFreshStreamNames() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.start(true)) {
      Cli.Result first = Cli.run("demo", "--redis", redis.uri());
      Cli.Result second = Cli.run("demo", "--redis", redis.uri());

      assertThat(first.code()).as(first.out() + first.err()).isZero();
      assertThat(second.code()).as(second.out() + second.err()).isZero();
      assertTable(second.out());
      assertThat(second.out()).containsPattern("7 plans on exitbrain:demo:[0-9a-f]{8}:exitbrain.adaptive_levels");
    }
  }

  @Test
  void theLauncherJarRunsTheDemoAndExitsZero() throws Exception {
    Jar demo = Jar.cli("demo");
    int code = demo.await(30);

    assertThat(code).as("stderr: %s", demo.err()).isZero();
    assertTable(demo.out().toString());
  }

  private static void assertTable(String out) {
    List<String> rows = out.lines().filter(l -> l.matches("\\s*\\d+  .*")).toList();
    assertThat(rows).as(out).hasSize(11);
    assertRow(rows.get(0), "envelope, ISO (envelope)", "SOLUSDT", "LONG", "5x", "0.8", "plan", "145.32");
    assertRow(rows.get(1), "flat, epoch ms", "BNBUSDT", "SHORT", "10x", "1", "plan", "590.55");
    assertRow(rows.get(2), "data, epoch s", "BTCUSDT", "LONG", "15x", "1.2", "plan", "65000", "65562.2", "65866.1",
        "66213.0", "64360.1", "60971.6", "0.2651");
    assertRow(rows.get(3), "envelope, ISO Z (payload)", "ETHUSDT", "LONG", "20x", "1.5", "plan", "3400", "0.2472");
    assertRow(rows.get(4), "flat, epoch s decimal", "XRPUSDT", "SHORT", "30x", "1.2", "plan", "0.5234", "0.2255");
    assertRow(rows.get(5), "data, epoch ms", "RENDERUSDT", "LONG", "10x", "0.5", "plan", "7.123", "0.2943");
    assertRow(rows.get(6), "envelope, ISO +00:00", "BTCUSDT", "LONG", "100x", "1.5", "plan", "64000", "63742.8",
        "63678.4", "SL tightened by the liquidation guard");
    assertRow(rows.get(7), "flat, epoch ms, 78 min old", "ETHUSDT", "LONG", "skipped_stale", "age 78.", "min > max 5.0 min");
    assertRow(rows.get(8), "envelope, HOLD", "BTCUSDT", "HOLD", "skipped_hold", "HOLD opens no position");
    assertRow(rows.get(9), "data, leverage 0", "DOGEUSDT", "dead letter", "leverage: must be at least 1, was 0");
    assertRow(rows.get(10), "flat, no symbol", "(none)", "dead letter", "symbol: is required");
    assertThat(out).contains("every intent has exactly one record, the expected one");
    for (int i = 0; i < 7; i++) {
      assertThat(rows.get(i)).doesNotContain("expected");
    }
  }

  private static void assertRow(String row, String... cells) {
    assertThat(row).as(row).containsSubsequence(cells);
    assertThat(Pattern.compile("\\s+").split(row.trim())[0]).isNotEmpty();
  }
}
