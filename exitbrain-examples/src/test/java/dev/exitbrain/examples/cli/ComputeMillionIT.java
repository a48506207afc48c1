package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exitbrain.examples.Jar;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A million intents through {@code compute --input - --format json} in a JVM with a 64 MiB heap: the
 * command streams, so memory stays flat and the run finishes.
 */
class ComputeMillionIT {
  private static final int N = 1_000_000;

  @Test
  void aMillionLinesStreamInConstantMemory() throws Exception {
    Jar compute = Jar.start(List.of("-Xmx64m"), false, ExitBrainCli.class.getName(), "compute", "--input", "-",
        "--format", "json");
    Thread feeder = new Thread(() -> {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(compute.process().getOutputStream(),
          StandardCharsets.UTF_8), 1 << 16)) {
        for (int i = 0; i < N; i++) {
          w.write(String.format(Locale.ROOT,
              "{\"symbol\":\"BTCUSDT\",\"side\":\"%s\",\"leverage\":%d,\"entry_price\":%d,\"volatility_factor\":%.2f,"
                  + "\"tick_size\":\"0.1\",\"position_size_usd\":1000,\"step_size\":\"0.001\",\"trace_id\":\"t%d\"}\n",
              i % 2 == 0 ? "BUY" : "SELL", 1 + i % 125, 60_000 + i % 5_000, (i % 300) / 100.0, i));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    feeder.start();
    // The output is counted, not kept: a million payloads do not belong in this JVM's heap either.
    int code = compute.await(600);
    feeder.join();

    assertThat(code).as("stderr: %s", compute.err()).isZero();
    assertThat(compute.out().count()).isEqualTo(N);
    assertThat(compute.out().first()).contains("\"trace_id\":\"t0\"");
    assertThat(compute.out().last()).contains("\"trace_id\":\"t" + (N - 1) + "\"");
  }
}
