package dev.exitbrain.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link Timestamps}: epoch numbers in every unit, ISO-8601 variants, rejects. */
class TimestampsTest {
  static final Instant SECOND = Instant.ofEpochSecond(1_733_212_345L);

  static Stream<Arguments> epochNumbers() {
    return Stream.of(
        // seconds
        Arguments.of("1733212345", SECOND),
        Arguments.of("1733212345.5", SECOND.plusMillis(500)),
        Arguments.of("1733212345.678901", Instant.ofEpochSecond(1_733_212_345L, 678_901_000)),
        Arguments.of("1733212345.123456789", Instant.ofEpochSecond(1_733_212_345L, 123_456_789)),
        // milliseconds
        Arguments.of("1733212345678", Instant.ofEpochMilli(1_733_212_345_678L)),
        Arguments.of("1733212345678.5", Instant.ofEpochSecond(1_733_212_345L, 678_500_000)),
        Arguments.of("1.733212345678E12", Instant.ofEpochMilli(1_733_212_345_678L)),
        // microseconds
        Arguments.of("1733212345678901", Instant.ofEpochSecond(1_733_212_345L, 678_901_000)),
        Arguments.of("1733212345678901.5", Instant.ofEpochSecond(1_733_212_345L, 678_901_500)),
        // nanoseconds
        Arguments.of("1733212345678901234", Instant.ofEpochSecond(1_733_212_345L, 678_901_234)),
        Arguments.of("1733212345678901234.0", Instant.ofEpochSecond(1_733_212_345L, 678_901_234)),
        // surrounding blanks
        Arguments.of("  1733212345 ", SECOND));
  }

  @ParameterizedTest
  @MethodSource("epochNumbers")
  void epochTextInEveryUnit(String text, Instant expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("epochNumbers")
  void epochNumbersInEveryUnit(String text, Instant expected) {
    assertThat(Timestamps.fromNumber(new BigDecimal(text.trim()))).isEqualTo(expected);
  }

  @Test
  void epochNumbersFromLongsAndDoubles() {
    assertThat(Timestamps.fromNumber(BigDecimal.valueOf(1_733_212_345L))).isEqualTo(SECOND);
    assertThat(Timestamps.fromNumber(BigDecimal.valueOf(1_733_212_345_678L)))
        .isEqualTo(Instant.ofEpochMilli(1_733_212_345_678L));
    assertThat(Timestamps.fromNumber(BigDecimal.valueOf(1733212345.25))).isEqualTo(SECOND.plusMillis(250));
  }

  @Test
  void unitBoundariesByMagnitude() {
    // just under 1e11 is still seconds (year 5138); 1e11 is read as milliseconds (1973)
    assertThat(Timestamps.parse("99999999999")).isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
    assertThat(Timestamps.parse("100000000000")).isEqualTo(Instant.ofEpochMilli(100_000_000_000L));
    assertThat(Timestamps.parse("100000000000000")).isEqualTo(Instant.ofEpochSecond(100_000_000L));
    assertThat(Timestamps.parse("100000000000000000")).isEqualTo(Instant.ofEpochSecond(100_000_000L));
  }

  static Stream<Arguments> isoTimes() {
    Instant t = Instant.parse("2025-12-24T04:32:14.062733Z");
    return Stream.of(
        Arguments.of("2025-12-24T04:32:14.062733+00:00", t),
        Arguments.of("2025-12-24T06:32:14.062733+02:00", t),
        Arguments.of("2025-12-23T23:32:14.062733-05:00", t),
        Arguments.of("2025-12-24T04:32:14.062733Z", t),
        Arguments.of("2025-12-24T04:32:14Z", Instant.parse("2025-12-24T04:32:14Z")),
        // naive = UTC, as datetime.utcnow().isoformat() writes it
        Arguments.of("2025-12-24T04:32:14.062733", t),
        Arguments.of("2025-12-24T04:32:14", Instant.parse("2025-12-24T04:32:14Z")),
        // Python str(datetime): a blank instead of the T
        Arguments.of("2025-12-24 04:32:14.062733", t),
        Arguments.of("2025-12-24 06:32:14.062733+02:00", t),
        Arguments.of(" 2025-12-24T04:32:14.062733Z ", t));
  }

  @ParameterizedTest
  @MethodSource("isoTimes")
  void isoTimes(String text, Instant expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "now", "2025-12-24", "2025-13-45T00:00:00", "2025-12-24T25:00:00",
      "24/12/2025 04:32:14", "Tue Dec 24 04:32:14 2025", "NaN", "Infinity", "0x1F", "1733212345,5",
      "2025-12-24T04:32:14+25:00"})
  void unparseableTextIsRejected(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("is neither an epoch number nor an ISO-8601 time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyTextIsRejected(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "-1", "-1733212345", "-1733212345678"})
  void zeroAndNegativeAreRejected(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> Timestamps.fromNumber(new BigDecimal(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"100000000000000000000", "1e30", "1e400"})
  void tooLargeForAnyUnitIsRejected(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void entryIdFallback() {
    assertThat(Timestamps.fromEntryId("1733212345678-0")).isEqualTo(Instant.ofEpochMilli(1_733_212_345_678L));
    assertThat(Timestamps.fromEntryId("1733212345678-42")).isEqualTo(Instant.ofEpochMilli(1_733_212_345_678L));
    assertThat(Timestamps.fromEntryId("1733212345678")).isEqualTo(Instant.ofEpochMilli(1_733_212_345_678L));
    assertThat(Timestamps.fromEntryId("0-1")).isEqualTo(Instant.EPOCH);
  }
}
