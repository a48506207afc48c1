package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exitbrain.examples.Jar;
import dev.exitbrain.redis.RedisConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/** inject and run against a real redis-server on a free port; run in a JVM of its own, stopped by SIGTERM. */
class InjectAndRunIT {
  private static RedisServerProcess redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start(true);
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void injectPublishesAFileInEachShape() {
    try (RedisClient client = RedisConnections.open(redis.uri())) {
      for (String shape : List.of("envelope", "flat", "data")) {
        String stream = "t:inject:" + shape;
        Cli.Result r = Cli.run("inject", "--redis", redis.uri(), "--stream", stream, "--input", Cli.SAMPLE.toString(),
            "--shape", shape);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("published 6 intents to " + stream);
        List<StreamEntry> entries = client.xrange(stream, "-", "+");
        assertThat(entries).hasSize(6);
        Map<String, String> first = entries.get(0).getFields();
        switch (shape) {
          case "envelope":
            assertThat(first).containsKeys("event_type", "payload", "trace_id", "correlation_id", "timestamp", "source");
            break;
          case "data":
            assertThat(first).containsOnlyKeys("data");
            break;
          default:
            assertThat(first).containsEntry("symbol", "BTCUSDT").containsEntry("leverage", "15");
        }
      }
    }
  }

  @Test
  void injectSeedScenariosAndReportNonObjectLines(@TempDir Path dir) throws Exception {
    Cli.Result seed = Cli.run("inject", "--redis", redis.uri(), "--stream", "t:seed", "--scenarios", "seed");
    Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\"}\n[1]\nnope\n");
    Cli.Result bad = Cli.run("inject", "--redis", redis.uri(), "--stream", "t:mixed", "--input", mixed.toString());
    Cli.Result none = Cli.run("inject", "--redis", redis.uri());
    Cli.Result both = Cli.run("inject", "--redis", redis.uri(), "--scenarios", "seed", "--input", mixed.toString());

    assertThat(seed.code()).isZero();
    assertThat(seed.out()).contains("published 11 intents to t:seed");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("line 2: not a JSON object", "line 3: not a JSON object");
    assertThat(bad.out()).contains("published 1 intent to t:mixed");
    assertThat(none.code()).isEqualTo(2);
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void injectShowsAProgressBarForLargeInput() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      lines.append("{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"leverage\":").append(1 + i % 100).append("}\n");
    }
    Cli.Result r = Cli.withStdin(lines.toString(), "inject", "--redis", redis.uri(), "--stream", "t:progress", "--input", "-",
        "--progress");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("published 5000 intents");
    assertThat(r.err()).contains("5,000 intents");
  }

  @Test
  void runConsumesPrintsStatusLinesAndStopsOnSigterm() throws Exception {
    String in = "t:run:in";
    String out = "t:run:out";
    Cli.Result injected = Cli.run("inject", "--redis", redis.uri(), "--stream", in, "--input", Cli.SAMPLE.toString(),
        "--shape", "flat");
    assertThat(injected.code()).isZero();

    Jar run = Jar.cli("run", "--redis", redis.uri(), "--input-stream", in, "--output-stream", out,
        "--result-stream", "t:run:result", "--dead-letter-stream", "t:run:dlq", "--group", "g", "--consumer", "c1",
        "--replay", "--max-age", "1000000m", "--status-interval", "500ms");
    try (RedisClient client = RedisConnections.open(redis.uri())) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < deadline && !(client.exists(out) && client.xlen(out) == 5
          && client.exists("t:run:dlq") && client.xlen("t:run:dlq") == 1)) {
        Thread.sleep(50);
      }
      assertThat(client.xlen(out)).as("stderr: %s", run.err()).isEqualTo(5);
      assertThat(client.xlen("t:run:dlq")).isEqualTo(1);
      deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline
          && !run.err().any(l -> l.contains("status: computed 5, skipped 0, dead-lettered 1"))) {
        Thread.sleep(50);
      }
    }
    run.sigterm();
    int code = run.await(30);

    String err = run.err().toString();
    assertThat(err).contains("exitbrain run: consumer c1 in group g reading t:run:in",
        "status: computed 5, skipped 0, dead-lettered 1, lag ", "exitbrain run: stopped; computed 5, skipped 0, "
            + "dead-lettered 1");
    assertThat(code).isIn(0, 143);
  }

  @Test
  void runFailsFastWhenRedisIsUnreachable() {
    Cli.Result r = Cli.run("run", "--redis", "redis://127.0.0.1:1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach Redis at redis://127.0.0.1:1");
  }
}
