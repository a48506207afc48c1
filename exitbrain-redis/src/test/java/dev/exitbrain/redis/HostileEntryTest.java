package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.redis.internal.Outcome;
import dev.exitbrain.redis.internal.Processor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Entries from the adversarial review: each ends as one dead letter, quickly. */
@Timeout(10)
class HostileEntryTest {

  private static DecodedIntent.Invalid invalid(Map<String, String> fields) {
    DecodedIntent d = IntentDecoder.decode("1700000000000-0", fields);
    assertThat(d).isInstanceOf(DecodedIntent.Invalid.class);
    return (DecodedIntent.Invalid) d;
  }

  @Test
  void trailingContentAndDuplicateFieldsAreInvalid() {
    assertThat(invalid(Map.of("data", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\"}{\"symbol\":\"ETHUSDT\",\"side\":\"SELL\"}"))
        .field()).isEqualTo("data");
    assertThat(invalid(Map.of("data", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"side\":\"SELL\"}")).reason())
        .contains("Duplicate field 'side'").doesNotContain("REDACTED");
  }

  @Test
  void aSymbolThatIsNotAStringIsInvalid() {
    assertThat(invalid(Map.of("data", "{\"symbol\":{\"x\":1},\"side\":\"BUY\"}")).field()).isEqualTo("symbol");
    assertThat(invalid(Map.of("data", "{\"symbol\":123,\"side\":\"BUY\"}")).field()).isEqualTo("symbol");
  }

  @Test
  void aNaNConfidenceIsInvalid() {
    assertThat(invalid(Map.of("data", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"confidence\":NaN}")).field())
        .isEqualTo("confidence");
  }

  @Test
  void aThreeMegabyteNumberIsRefusedWithoutParsingIt() {
    DecodedIntent.Invalid bad = invalid(Map.of("symbol", "BTCUSDT", "side", "BUY", "leverage", "7".repeat(3_000_000)));
    assertThat(bad.field()).isEqualTo("leverage");
    assertThat(bad.reason()).contains("at most 100 characters").hasSizeLessThan(400);
  }

  @Test
  void aHugeExponentInJsonIsInvalid() {
    assertThat(invalid(Map.of("data", "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"entry_price\":1e999999999}"))
        .field()).isEqualTo("entry_price");
  }

  @Test
  void anEntryWithThousandsOfFieldsIsDeadLetteredWithATruncatedCopy() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < 4000; i++) {
      fields.put("f" + i, "v");
    }
    Outcome o = new Processor(ConsumerConfig.builder().consumer("c").build())
        .process("1700000000000-0", fields, 1, ExitBrain.create(), Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(o).isInstanceOf(Outcome.DeadLettered.class);
    Outcome.DeadLettered d = (Outcome.DeadLettered) o;
    assertThat(d.fields().size() / 2).isLessThan(520);
    assertThat(d.fields()).contains("dlq_truncated");
  }

  @Test
  void inputFieldsNamedLikeDeadLetterFieldsCannotForgeThem() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("dlq_intent_id", "9-9");
    fields.put("symbol", "BTCUSDT");
    Outcome.DeadLettered d = (Outcome.DeadLettered) new Processor(ConsumerConfig.builder().consumer("c").build())
        .process("1700000000000-0", fields, 1, ExitBrain.create(), Instant.ofEpochMilli(1_700_000_000_000L));
    int at = d.fields().indexOf("dlq_intent_id");
    assertThat(d.fields().get(at + 1)).isEqualTo("1700000000000-0");
    assertThat(d.fields()).contains("original_dlq_intent_id");
  }

  @Test
  void aConsumerCannotWriteToItsOwnInput() {
    assertThatThrownBy(() -> ConsumerConfig.builder().inputStream("loop").outputStream("loop").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("streams: ");
  }
}
