package dev.exitbrain.redis;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Settings of an {@link ExitBrainConsumer}. Immutable; {@link #builder()} starts from the defaults.
 * Durations are wall-clock times.
 */
public final class ConsumerConfig {
  private final String inputStream;
  private final String outputStream;
  private final String resultStream;
  private final String deadLetterStream;
  private final String group;
  private final String consumer;
  private final boolean replay;
  private final Duration maxAge;
  private final Duration maxFutureSkew;
  private final Duration block;
  private final int batchSize;
  private final int computeThreads;
  private final Duration claimIdle;
  private final Duration claimInterval;
  private final int maxDeliveries;
  private final Duration removeIdleConsumersAfter;
  private final boolean drain;
  private final String source;
  private final Duration backoffInitial;
  private final Duration backoffMax;
  private final Duration metricsInterval;

  private ConsumerConfig(Builder b) {
    inputStream = b.inputStream;
    outputStream = b.outputStream;
    resultStream = b.resultStream;
    deadLetterStream = b.deadLetterStream;
    group = b.group;
    consumer = b.consumer != null ? b.consumer : defaultConsumerName();
    replay = b.replay;
    maxAge = b.maxAge;
    maxFutureSkew = b.maxFutureSkew;
    block = b.block;
    batchSize = b.batchSize;
    computeThreads = b.computeThreads;
    claimIdle = b.claimIdle;
    claimInterval = b.claimInterval;
    maxDeliveries = b.maxDeliveries;
    removeIdleConsumersAfter = b.removeIdleConsumersAfter;
    drain = b.drain;
    source = b.source;
    backoffInitial = b.backoffInitial;
    backoffMax = b.backoffMax;
    metricsInterval = b.metricsInterval;
  }

  public static ConsumerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.inputStream = inputStream;
    b.outputStream = outputStream;
    b.resultStream = resultStream;
    b.deadLetterStream = deadLetterStream;
    b.group = group;
    b.consumer = consumer;
    b.replay = replay;
    b.maxAge = maxAge;
    b.maxFutureSkew = maxFutureSkew;
    b.block = block;
    b.batchSize = batchSize;
    b.computeThreads = computeThreads;
    b.claimIdle = claimIdle;
    b.claimInterval = claimInterval;
    b.maxDeliveries = maxDeliveries;
    b.removeIdleConsumersAfter = removeIdleConsumersAfter;
    b.drain = drain;
    b.source = source;
    b.backoffInitial = backoffInitial;
    b.backoffMax = backoffMax;
    b.metricsInterval = metricsInterval;
    return b;
  }

  private static String defaultConsumerName() {
    try {
      return "exitbrain-" + InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "exitbrain-1";
    }
  }

  /** Trade intents are read here. Default {@code quantum:stream:trade.intent}. */
  public String inputStream() {
    return inputStream;
  }

  /** Exit plans go here. Default {@code quantum:stream:exitbrain.adaptive_levels}. */
  public String outputStream() {
    return outputStream;
  }

  /** Skip records go here. Default {@code quantum:stream:execution.result}. */
  public String resultStream() {
    return resultStream;
  }

  /** Invalid and undeliverable entries go here. Default {@code quantum:dlq:trade.intent}. */
  public String deadLetterStream() {
    return deadLetterStream;
  }

  /** Default {@code quantum:group:exitbrain:trade.intent}. */
  public String group() {
    return group;
  }

  /** Stable across restarts so the consumer finds its own pending entries. Default {@code exitbrain-<hostname>}. */
  public String consumer() {
    return consumer;
  }

  /** When the group is created: from the stream's start (true) or only new entries (false, default). */
  public boolean replay() {
    return replay;
  }

  /** Older intents are skipped as stale. Default 5 minutes. */
  public Duration maxAge() {
    return maxAge;
  }

  /** Intents further than this in the future are invalid. Default 60 s. */
  public Duration maxFutureSkew() {
    return maxFutureSkew;
  }

  /** BLOCK of one read; kept well under the socket timeout. Default 1 s. */
  public Duration block() {
    return block;
  }

  /** Entries per read. Default 100. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Threads that decode and compute the entries of one batch, the reading thread included; a batch
   * is split among them. Default: the number of processors, at most 4.
   */
  public int computeThreads() {
    return computeThreads;
  }

  /** Entries pending this long on any consumer are claimed. Default 30 s. */
  public Duration claimIdle() {
    return claimIdle;
  }

  /** How often to look for entries to claim and consumers to remove. Default 5 s. */
  public Duration claimInterval() {
    return claimInterval;
  }

  /** An entry delivered more often than this goes to the dead-letter stream. Default 5. */
  public int maxDeliveries() {
    return maxDeliveries;
  }

  /** Other consumers idle this long with nothing pending are removed from the group. Default 1 hour. */
  public Duration removeIdleConsumersAfter() {
    return removeIdleConsumersAfter;
  }

  /** Drain mode (the seed's SAFE_DRAIN): every entry is recorded as skipped_drain. Default false. */
  public boolean drain() {
    return drain;
  }

  /** The {@code source} written on output envelopes. Default {@code exitbrain}. */
  public String source() {
    return source;
  }

  /** First pause after a transient Redis error; doubles up to {@link #backoffMax()}, with jitter. Default 100 ms. */
  public Duration backoffInitial() {
    return backoffInitial;
  }

  /** Default 5 s. */
  public Duration backoffMax() {
    return backoffMax;
  }

  /** How often lag and pending counts are read for metrics and health. Default 10 s. */
  public Duration metricsInterval() {
    return metricsInterval;
  }

  /** Builds a {@link ConsumerConfig}; each setter checks its value and names it on error. */
  public static final class Builder {
    private String inputStream = "quantum:stream:trade.intent";
    private String outputStream = "quantum:stream:exitbrain.adaptive_levels";
    private String resultStream = "quantum:stream:execution.result";
    private String deadLetterStream = "quantum:dlq:trade.intent";
    private String group = "quantum:group:exitbrain:trade.intent";
    private String consumer;
    private boolean replay;
    private Duration maxAge = Duration.ofMinutes(5);
    private Duration maxFutureSkew = Duration.ofSeconds(60);
    private Duration block = Duration.ofSeconds(1);
    private int batchSize = 100;
    private int computeThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
    private Duration claimIdle = Duration.ofSeconds(30);
    private Duration claimInterval = Duration.ofSeconds(5);
    private int maxDeliveries = 5;
    private Duration removeIdleConsumersAfter = Duration.ofHours(1);
    private boolean drain;
    private String source = "exitbrain";
    private Duration backoffInitial = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(5);
    private Duration metricsInterval = Duration.ofSeconds(10);

    private Builder() {}

    public Builder inputStream(String name) {
      inputStream = name(name, "inputStream");
      return this;
    }

    public Builder outputStream(String name) {
      outputStream = name(name, "outputStream");
      return this;
    }

    public Builder resultStream(String name) {
      resultStream = name(name, "resultStream");
      return this;
    }

    public Builder deadLetterStream(String name) {
      deadLetterStream = name(name, "deadLetterStream");
      return this;
    }

    public Builder group(String name) {
      group = name(name, "group");
      return this;
    }

    public Builder consumer(String name) {
      consumer = name(name, "consumer");
      return this;
    }

    public Builder replay(boolean replay) {
      this.replay = replay;
      return this;
    }

    public Builder maxAge(Duration d) {
      maxAge = positive(d, "maxAge");
      return this;
    }

    public Builder maxFutureSkew(Duration d) {
      requireNonNull(d, "maxFutureSkew");
      if (d.isNegative()) {
        throw new IllegalArgumentException("maxFutureSkew: must be >= 0, was " + d);
      }
      maxFutureSkew = d;
      return this;
    }

    /** In [1 ms, 10 s]: the socket read timeout must stay above it. */
    public Builder block(Duration d) {
      positive(d, "block");
      if (d.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException("block: must be at most 10 s, was " + d);
      }
      block = d;
      return this;
    }

    public Builder batchSize(int n) {
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException("batchSize: must be in [1, 10000], was " + n);
      }
      batchSize = n;
      return this;
    }

    /** In [1, 64]: 1 computes on the reading thread alone. */
    public Builder computeThreads(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("computeThreads: must be in [1, 64], was " + n);
      }
      computeThreads = n;
      return this;
    }

    public Builder claimIdle(Duration d) {
      claimIdle = positive(d, "claimIdle");
      return this;
    }

    public Builder claimInterval(Duration d) {
      claimInterval = positive(d, "claimInterval");
      return this;
    }

    public Builder maxDeliveries(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxDeliveries: must be >= 1, was " + n);
      }
      maxDeliveries = n;
      return this;
    }

    public Builder removeIdleConsumersAfter(Duration d) {
      removeIdleConsumersAfter = positive(d, "removeIdleConsumersAfter");
      return this;
    }

    public Builder drain(boolean drain) {
      this.drain = drain;
      return this;
    }

    public Builder source(String source) {
      this.source = name(source, "source");
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      positive(initial, "backoffInitial");
      positive(max, "backoffMax");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoffMax: must be >= backoffInitial (" + initial + "), was " + max);
      }
      backoffInitial = initial;
      backoffMax = max;
      return this;
    }

    public Builder metricsInterval(Duration d) {
      metricsInterval = positive(d, "metricsInterval");
      return this;
    }

    public ConsumerConfig build() {
      java.util.Set<String> streams = new java.util.HashSet<>(
          java.util.List.of(inputStream, outputStream, resultStream, deadLetterStream));
      if (streams.size() < 4) {
        throw new IllegalArgumentException("streams: input, output, result and dead-letter streams must all differ"
            + " (a consumer writing to its own input would feed itself), were " + inputStream + ", " + outputStream
            + ", " + resultStream + ", " + deadLetterStream);
      }
      if (claimIdle.compareTo(block) <= 0) {
        throw new IllegalArgumentException("claimIdle: must exceed block (" + block + "), was " + claimIdle
            + "; otherwise live consumers would steal each other's entries");
      }
      return new ConsumerConfig(this);
    }

    private static String name(String value, String what) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + ": must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration d, String what) {
      requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + ": must be > 0, was " + d);
      }
      return d;
    }
  }
}
