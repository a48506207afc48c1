package dev.exitbrain.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.redis.IntentPublisher;
import dev.exitbrain.redis.IntentPublisher.Shape;
import dev.exitbrain.redis.RedisConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import redis.clients.jedis.RedisClient;

/** {@code exitbrain inject}: publishes intents to a stream in the producers' shapes. */
@Command(
    name = "inject",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Publish intents (a JSON-lines file or the seed scenarios) to a Redis stream.",
    description = {
      "Publishes trade intents to a Redis stream: every JSON line of a file (or '-' for standard input),"
          + " or the built-in seed scenarios (the set the demo uses).",
      "Shapes: envelope (event_type, payload JSON, trace_id, correlation_id, ISO timestamp, source),"
          + " flat (one field per intent field) or data (one 'data' field holding the JSON).",
      "A progress bar on standard error accompanies files of 1 MiB and more."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all published", "1:a line was not a JSON object (not published) or Redis failed",
        "2:usage error"})
final class InjectCommand implements Callable<Integer> {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final int BATCH = 1_000;

  enum Scenarios { seed }

  static final class Source {
    @Option(names = "--input", paramLabel = "FILE|-", required = true, description = "JSON lines, one intent each.")
    String input;

    @Option(names = "--scenarios", paramLabel = "SET", required = true,
        description = "A built-in set: ${COMPLETION-CANDIDATES} (the demo's intents, in every shape).")
    Scenarios scenarios;
  }

  @ParentCommand ExitBrainCli cli;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--redis", paramLabel = "URI", defaultValue = "redis://localhost:6379",
      description = "Default: ${DEFAULT-VALUE}.")
  String redis;

  @Option(names = "--stream", paramLabel = "KEY", defaultValue = "quantum:stream:trade.intent",
      description = "Default: ${DEFAULT-VALUE}.")
  String stream;

  @Option(names = "--shape", paramLabel = "SHAPE",
      description = "envelope, flat or data. Default: envelope for files; each seed scenario has its own.")
  Shape shape;

  @Option(names = "--progress", negatable = true,
      description = "Force the progress bar on or off. Default: on for files of 1 MiB and more.")
  Boolean progress;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (RedisClient client = RedisOption.connect(spec, redis)) {
      IntentPublisher publisher = new IntentPublisher(client, stream, "exitbrain-inject");
      long published;
      long failed = 0;
      if (source.scenarios != null) {
        published = 0;
        for (SeedScenarios.Scenario s : SeedScenarios.all(Clock.systemUTC())) {
          publisher.publish(s.body(), shape != null ? shape : s.shape());
          published++;
        }
      } else {
        long[] counts = file(publisher);
        published = counts[0];
        failed = counts[1];
      }
      out.println("published " + published + " intent" + (published == 1 ? "" : "s") + " to " + stream + " on "
          + RedisConnections.redact(redis) + (failed == 0 ? "" : "; " + failed + " line(s) were not JSON objects"));
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }

  private long[] file(IntentPublisher publisher) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Shape s = shape != null ? shape : Shape.ENVELOPE;
    boolean stdin = source.input.equals("-");
    long size = 0;
    if (!stdin) {
      Path path = Path.of(source.input);
      if (!Files.isReadable(path)) {
        throw new ParameterException(spec.commandLine(), "--input: cannot read " + source.input);
      }
      size = Files.size(path);
    }
    boolean show = progress != null ? progress : size >= (1 << 20);
    ProgressBar bar = new ProgressBar(err, size, show);
    long published = 0;
    long failed = 0;
    long bytes = 0;
    int number = 0;
    List<ObjectNode> batch = new ArrayList<>(BATCH);
    try (BufferedReader reader = stdin
        ? new BufferedReader(new InputStreamReader(cli.stdin(), StandardCharsets.UTF_8), 1 << 16)
        : Files.newBufferedReader(Path.of(source.input), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode node = object(line);
        if (node == null) {
          failed++;
          err.println(String.format(Locale.ROOT, "%sline %d: not a JSON object, not published", show ? "\n" : "",
              number));
          continue;
        }
        batch.add(node);
        if (batch.size() == BATCH) {
          published += publisher.publishAll(batch, s).size();
          batch.clear();
          bar.update(bytes, published);
        }
      }
    }
    if (!batch.isEmpty()) {
      published += publisher.publishAll(batch, s).size();
    }
    bar.finish(published);
    return new long[] {published, failed};
  }

  private static ObjectNode object(String line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      return n instanceof ObjectNode ? (ObjectNode) n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
