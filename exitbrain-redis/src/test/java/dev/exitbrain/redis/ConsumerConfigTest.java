package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link ConsumerConfig}: defaults, and each setter's validation naming the setting. */
class ConsumerConfigTest {

  @Test
  void defaultsFollowTheIssue() {
    ConsumerConfig c = ConsumerConfig.defaults();

    assertThat(c.inputStream()).isEqualTo("quantum:stream:trade.intent");
    assertThat(c.outputStream()).isEqualTo("quantum:stream:exitbrain.adaptive_levels");
    assertThat(c.resultStream()).isEqualTo("quantum:stream:execution.result");
    assertThat(c.deadLetterStream()).isEqualTo("quantum:dlq:trade.intent");
    assertThat(c.maxAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.maxFutureSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.maxDeliveries()).isEqualTo(5);
    assertThat(c.replay()).isFalse();
    assertThat(c.drain()).isFalse();
    assertThat(c.block()).isLessThan(c.claimIdle());
    assertThat(c.block().toMillis()).isLessThan(RedisConnections.SOCKET_TIMEOUT_MILLIS / 2);
    assertThat(c.backoffInitial()).isLessThanOrEqualTo(c.backoffMax());
  }

  @Test
  void theDefaultConsumerNameIsStable() {
    assertThat(ConsumerConfig.defaults().consumer()).startsWith("exitbrain-")
        .isEqualTo(ConsumerConfig.defaults().consumer());
  }

  @Test
  void toBuilderKeepsEveryValue() {
    ConsumerConfig c = ConsumerConfig.builder().inputStream("in").outputStream("out").resultStream("res")
        .deadLetterStream("dlq").group("g").consumer("c-1").replay(true).maxAge(Duration.ofMinutes(10))
        .maxFutureSkew(Duration.ofSeconds(5)).block(Duration.ofMillis(200)).batchSize(7).computeThreads(3)
        .claimIdle(Duration.ofSeconds(3)).claimInterval(Duration.ofSeconds(2)).maxDeliveries(9)
        .removeIdleConsumersAfter(Duration.ofMinutes(3)).drain(true).source("src")
        .backoff(Duration.ofMillis(10), Duration.ofMillis(20)).metricsInterval(Duration.ofSeconds(4)).build();

    ConsumerConfig copy = c.toBuilder().build();

    for (ConsumerConfig x : new ConsumerConfig[] {c, copy}) {
      assertThat(x.inputStream()).isEqualTo("in");
      assertThat(x.outputStream()).isEqualTo("out");
      assertThat(x.resultStream()).isEqualTo("res");
      assertThat(x.deadLetterStream()).isEqualTo("dlq");
      assertThat(x.group()).isEqualTo("g");
      assertThat(x.consumer()).isEqualTo("c-1");
      assertThat(x.replay()).isTrue();
      assertThat(x.maxAge()).isEqualTo(Duration.ofMinutes(10));
      assertThat(x.maxFutureSkew()).isEqualTo(Duration.ofSeconds(5));
      assertThat(x.block()).isEqualTo(Duration.ofMillis(200));
      assertThat(x.batchSize()).isEqualTo(7);
      assertThat(x.computeThreads()).isEqualTo(3);
      assertThat(x.claimIdle()).isEqualTo(Duration.ofSeconds(3));
      assertThat(x.claimInterval()).isEqualTo(Duration.ofSeconds(2));
      assertThat(x.maxDeliveries()).isEqualTo(9);
      assertThat(x.removeIdleConsumersAfter()).isEqualTo(Duration.ofMinutes(3));
      assertThat(x.drain()).isTrue();
      assertThat(x.source()).isEqualTo("src");
      assertThat(x.backoffInitial()).isEqualTo(Duration.ofMillis(10));
      assertThat(x.backoffMax()).isEqualTo(Duration.ofMillis(20));
      assertThat(x.metricsInterval()).isEqualTo(Duration.ofSeconds(4));
    }
  }

  static Stream<Arguments> nameSetters() {
    return Stream.of(
        Arguments.of("inputStream", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::inputStream),
        Arguments.of("outputStream", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::outputStream),
        Arguments.of("resultStream", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::resultStream),
        Arguments.of("deadLetterStream",
            (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::deadLetterStream),
        Arguments.of("group", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::group),
        Arguments.of("consumer", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::consumer),
        Arguments.of("source", (BiConsumer<ConsumerConfig.Builder, String>) ConsumerConfig.Builder::source));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nameSetters")
  void blankNamesAreRejectedNamingTheSetting(String name, BiConsumer<ConsumerConfig.Builder, String> setter) {
    for (String blank : new String[] {"", " ", "\t\n"}) {
      assertThatThrownBy(() -> setter.accept(ConsumerConfig.builder(), blank))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(name + ": must not be blank");
    }
    assertThatThrownBy(() -> setter.accept(ConsumerConfig.builder(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining(name);
  }

  static Stream<Arguments> positiveDurations() {
    return Stream.of(
        Arguments.of("maxAge", (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::maxAge),
        Arguments.of("block", (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::block),
        Arguments.of("claimIdle", (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::claimIdle),
        Arguments.of("claimInterval",
            (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::claimInterval),
        Arguments.of("removeIdleConsumersAfter",
            (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::removeIdleConsumersAfter),
        Arguments.of("metricsInterval",
            (BiConsumer<ConsumerConfig.Builder, Duration>) ConsumerConfig.Builder::metricsInterval));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positiveDurations")
  void zeroOrNegativeDurationsAreRejectedNamingTheSetting(String name,
      BiConsumer<ConsumerConfig.Builder, Duration> setter) {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofMinutes(-5)}) {
      assertThatThrownBy(() -> setter.accept(ConsumerConfig.builder(), bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(name + ": must be > 0");
    }
    assertThatThrownBy(() -> setter.accept(ConsumerConfig.builder(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining(name);
  }

  @Test
  void blockAboveTenSecondsIsRejected() {
    assertThatThrownBy(() -> ConsumerConfig.builder().block(Duration.ofSeconds(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("block: must be at most 10 s");
    assertThatThrownBy(() -> ConsumerConfig.builder().block(Duration.ofMillis(10_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("block:");
    assertThat(ConsumerConfig.builder().block(Duration.ofSeconds(10)).build().block())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(longs = {1000, 999, 1})
  void claimIdleMustExceedBlock(long claimIdleMillis) {
    ConsumerConfig.Builder b = ConsumerConfig.builder().block(Duration.ofSeconds(1))
        .claimIdle(Duration.ofMillis(claimIdleMillis));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("claimIdle: must exceed block")
        .hasMessageContaining("PT1S");
  }

  @Test
  void claimIdleJustAboveBlockIsFine() {
    assertThat(ConsumerConfig.builder().block(Duration.ofSeconds(5)).claimIdle(Duration.ofMillis(5001)).build()
        .claimIdle()).isEqualTo(Duration.ofMillis(5001));
  }

  @Test
  void aLongBlockWithTheDefaultClaimIdleStillBuilds() {
    assertThat(ConsumerConfig.builder().block(Duration.ofSeconds(10)).build().claimIdle())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void batchSizeOutOfRange(int n) {
    assertThatThrownBy(() -> ConsumerConfig.builder().batchSize(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("batchSize:")
        .hasMessageContaining(Integer.toString(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65})
  void computeThreadsOutOfRange(int n) {
    assertThatThrownBy(() -> ConsumerConfig.builder().computeThreads(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("computeThreads:")
        .hasMessageContaining(Integer.toString(n));
  }

  @Test
  void computeThreadsDefaultToTheProcessorsAtMostFour() {
    assertThat(ConsumerConfig.defaults().computeThreads())
        .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
    assertThat(ConsumerConfig.builder().computeThreads(64).build().computeThreads()).isEqualTo(64);
  }

  @Test
  void batchSizeBounds() {
    assertThat(ConsumerConfig.builder().batchSize(1).build().batchSize()).isEqualTo(1);
    assertThat(ConsumerConfig.builder().batchSize(10_000).build().batchSize()).isEqualTo(10_000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void maxDeliveriesBelowOne(int n) {
    assertThatThrownBy(() -> ConsumerConfig.builder().maxDeliveries(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxDeliveries:");
  }

  @Test
  void maxFutureSkewMayBeZeroButNotNegative() {
    assertThat(ConsumerConfig.builder().maxFutureSkew(Duration.ZERO).build().maxFutureSkew()).isZero();
    assertThatThrownBy(() -> ConsumerConfig.builder().maxFutureSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxFutureSkew:");
  }

  @Test
  void backoffValidation() {
    assertThatThrownBy(() -> ConsumerConfig.builder().backoff(Duration.ofMillis(200), Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("backoffMax:");
    assertThatThrownBy(() -> ConsumerConfig.builder().backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("backoffInitial:");
    assertThatThrownBy(() -> ConsumerConfig.builder().backoff(Duration.ofMillis(100), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("backoff");
    ConsumerConfig c = ConsumerConfig.builder().backoff(Duration.ofMillis(50), Duration.ofMillis(50)).build();
    assertThat(c.backoffInitial()).isEqualTo(c.backoffMax()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void aRejectedSetterLeavesTheBuilderUsable() {
    ConsumerConfig.Builder b = ConsumerConfig.builder().group("g1");
    assertThatThrownBy(() -> b.group(" ")).isInstanceOf(IllegalArgumentException.class);

    assertThat(b.build().group()).isEqualTo("g1");
  }
}
