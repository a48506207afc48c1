package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndUsageTest {

  @ParameterizedTest
  @ValueSource(strings = {"compute", "explain", "sweep", "run", "inject", "demo"})
  void everyCommandHasHelp(String command) {
    Cli.Result r = Cli.run(command, "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: exitbrain " + command, "-h, --help");
  }

  @Test
  void helpNamesTheOptionsTheIssueAsksFor() {
    assertThat(Cli.run("compute", "--help").out()).contains("--symbol", "--side", "--leverage", "--entry",
        "--size-usd", "--vf", "--funding", "--divergence", "--atr", "--tick", "--step", "--config", "--input",
        "--format");
    assertThat(Cli.run("sweep", "--help").out()).contains("--from", "--to", "--step", "--csv", "--chart");
    assertThat(Cli.run("run", "--help").out()).contains("--redis", "--input-stream", "--output-stream", "--group",
        "--consumer", "--max-age", "--drain", "--replay", "--status-interval");
    assertThat(Cli.run("inject", "--help").out()).contains("--input", "--scenarios", "--shape", "--stream");
    assertThat(Cli.run("demo", "--help").out()).contains("--redis", "--bundled-redis");
  }

  @Test
  void noCommandIsAUsageErrorAndVersionWorks() {
    Cli.Result none = Cli.run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("a command is required", "compute", "demo");
    assertThat(Cli.run("--version").code()).isZero();
    assertThat(Cli.run("nonsense").code()).isEqualTo(2);
    assertThat(Cli.run("help", "compute").out()).contains("Usage: exitbrain compute");
  }

  @Test
  void consumerSettingsOutOfRangeNameTheOptionTyped() {
    Cli.Result threads = Cli.run("run", "--compute-threads", "0");
    assertThat(threads.code()).isEqualTo(2);
    assertThat(threads.err()).contains("--compute-threads: must be in [1, 64], was 0");
    assertThat(Cli.run("run", "--batch-size", "10001").err()).contains("--batch-size: must be in [1, 10000], was 10001");
    // A rule across several options keeps its own name.
    assertThat(Cli.run("run", "--input-stream", "s", "--output-stream", "s").err())
        .contains("streams: input, output, result and dead-letter streams must all differ");
  }

  @Test
  void durations() {
    DurationConverter c = new DurationConverter();
    assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.convert("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.convert("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Cli.run("run", "--max-age", "soon").code()).isEqualTo(2);
  }

  @Test
  void aMalformedRedisUriIsAUsageErrorAndHidesThePassword() {
    Cli.Result r = Cli.run("inject", "--redis", "http://user:secret@host", "--scenarios", "seed");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--redis: redis URI: scheme must be redis:// or rediss://").doesNotContain("secret");
    assertThat(Cli.run("run", "--redis", "nonsense").code()).isEqualTo(2);
  }
}
