package dev.exitbrain.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** JsonText writes valid JSON whatever the strings hold; Jackson reads back what was written. */
class JsonTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void structureCommasAndNulls() throws Exception {
    JsonText j = new JsonText(16);
    j.beginObject().name("a").number("1").name("b").string(null).name("c").beginArray().number("2").plainString("3")
        .bool(true).beginObject().endObject().endArray().name("d").number(null).endObject();
    assertThat(j.toString()).isEqualTo("{\"a\":1,\"b\":null,\"c\":[2,\"3\",true,{}],\"d\":null}");
  }

  @Test
  void escapesWhatJsonRequires() {
    JsonText j = new JsonText(16);
    j.string("q\"b\\n\nr\rt\tb\bf\fnul\u0000us\u001f del\u007f é \u2028 😀 lone\ud800 low\udc00");
    assertThat(j.toString()).isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\fnul\\u0000us\\u001F del\u007f é \u2028 😀"
        + " lone\\uD800 low\\uDC00\"");
  }

  /**
   * Random strings over all of UTF-16 (lone surrogates included) read back unchanged. Seeded: the
   * seed is in the failure message; {@code -Dexitbrain.seed=N} repeats a run.
   */
  @Test
  void randomStringsReadBackUnchanged() throws Exception {
    long seed = Long.getLong("exitbrain.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(20);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(4);
        s.append(kind == 0 ? (char) random.nextInt(0x80) : kind == 1 ? (char) random.nextInt(0x20)
            : kind == 2 ? (char) (0xd800 + random.nextInt(0x800)) : (char) random.nextInt(0x10000));
      }
      String text = s.toString();
      String json = new JsonText(32).beginObject().name("v").string(text).endObject().toString();
      JsonNode back = JSON.readTree(json);
      assertThat(back.get("v").asText()).as("seed %d, case %d: %s", seed, n, json).isEqualTo(text);
    }
  }
}
