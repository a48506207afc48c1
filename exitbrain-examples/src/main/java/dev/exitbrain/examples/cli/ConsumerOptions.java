package dev.exitbrain.examples.cli;

import dev.exitbrain.redis.ConsumerConfig;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The consumer's stream, group and timing options; unset options keep {@link ConsumerConfig}'s defaults. */
final class ConsumerOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--input-stream", paramLabel = "KEY", description = "Default: quantum:stream:trade.intent.")
  String inputStream;

  @Option(names = "--output-stream", paramLabel = "KEY", description = "Default: quantum:stream:exitbrain.adaptive_levels.")
  String outputStream;

  @Option(names = "--result-stream", paramLabel = "KEY", description = "Skip records. Default: quantum:stream:execution.result.")
  String resultStream;

  @Option(names = "--dead-letter-stream", paramLabel = "KEY", description = "Default: quantum:dlq:trade.intent.")
  String deadLetterStream;

  @Option(names = "--group", paramLabel = "NAME", description = "Consumer group. Default: quantum:group:exitbrain:trade.intent.")
  String group;

  @Option(names = "--consumer", paramLabel = "NAME",
      description = "Consumer name, stable across restarts so pending entries are recovered. Default: exitbrain-<hostname>.")
  String consumer;

  @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Older intents are skipped as stale (e.g. 90s, 5m). Default: 5m.")
  Duration maxAge;

  @Option(names = "--max-deliveries", paramLabel = "N",
      description = "An entry delivered more often goes to the dead-letter stream. Default: 5.")
  Integer maxDeliveries;

  @Option(names = "--claim-idle", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Entries pending this long on another consumer are claimed. Default: 30s.")
  Duration claimIdle;

  @Option(names = "--batch-size", paramLabel = "N", description = "Entries per read. Default: 100.")
  Integer batchSize;

  @Option(names = "--compute-threads", paramLabel = "N",
      description = "Threads that decode and compute a batch, the reading thread included, 1 to 64. Default: the"
          + " number of processors, at most 4.")
  Integer computeThreads;

  @Option(names = "--drain", description = "Drain mode: record every entry as skipped_drain, compute nothing.")
  boolean drain;

  @Option(names = "--replay", description = "A new group starts at the stream's first entry instead of its end.")
  boolean replay;

  /** The configuration; a bad value is a usage error. */
  ConsumerConfig config() {
    try {
      ConsumerConfig.Builder b = ConsumerConfig.builder();
      if (inputStream != null) {
        b.inputStream(inputStream);
      }
      if (outputStream != null) {
        b.outputStream(outputStream);
      }
      if (resultStream != null) {
        b.resultStream(resultStream);
      }
      if (deadLetterStream != null) {
        b.deadLetterStream(deadLetterStream);
      }
      if (group != null) {
        b.group(group);
      }
      if (consumer != null) {
        b.consumer(consumer);
      }
      if (maxAge != null) {
        b.maxAge(maxAge);
      }
      if (maxDeliveries != null) {
        b.maxDeliveries(maxDeliveries);
      }
      if (claimIdle != null) {
        b.claimIdle(claimIdle);
      }
      if (batchSize != null) {
        b.batchSize(batchSize);
      }
      if (computeThreads != null) {
        b.computeThreads(computeThreads);
      }
      return b.drain(drain).replay(replay).build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParameterException(spec.commandLine(), optionNamed(String.valueOf(e.getMessage())));
    }
  }

  /** "batchSize: must be ..." (the builder's words) as "--batch-size: must be ...", the option the user typed. */
  private String optionNamed(String message) {
    int colon = message.indexOf(':');
    if (colon <= 0) {
      return message;
    }
    String setting = message.substring(0, colon);
    if (!setting.chars().allMatch(Character::isLetter)) {
      return message;
    }
    StringBuilder option = new StringBuilder("--");
    for (char c : setting.toCharArray()) {
      if (Character.isUpperCase(c)) {
        option.append('-').append(Character.toLowerCase(c));
      } else {
        option.append(c);
      }
    }
    // Only for settings that are options here ("streams: ..." names a rule across several).
    return spec.commandLine().getCommandSpec().findOption(option.toString()) != null
        ? option + message.substring(colon) : message;
  }
}
