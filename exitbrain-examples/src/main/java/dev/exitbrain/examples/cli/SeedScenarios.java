package dev.exitbrain.examples.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.redis.IntentPublisher.Shape;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's scenarios (v35-reference.md §4.1: 5x/vf 0.8, 10x/vf 1.0, 15x/vf 1.2, 20x/vf 1.5, 30x/vf 1.2
 * and RENDERUSDT 10x/vf 0.5) with plausible entry prices and ticks, spread over every producer shape
 * and timestamp format, plus the cases that must not become plans: a stale intent (78 minutes old), a
 * HOLD, leverage 0, no symbol; and a 100x intent whose stop the liquidation guard tightens.
 */
final class SeedScenarios {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * One intent to publish.
   *
   * @param label how it travels, e.g. {@code flat, epoch ms}
   * @param shape the producer shape
   * @param body the intent's fields
   * @param expect what should come out: {@code plan}, {@code skipped_stale}, {@code skipped_hold} or
   *     {@code dead letter}
   */
  record Scenario(String label, Shape shape, ObjectNode body, String expect) {}

  private SeedScenarios() {}

  static List<Scenario> all(Clock clock) {
    Instant now = clock.instant();
    long ms = now.toEpochMilli();
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario("envelope, ISO (envelope)", Shape.ENVELOPE,
        intent("SOLUSDT", "BUY", 5, 0.8, "145.32", "0.01", "2000").put("trace_id", "seed-5x"), "plan"));
    s.add(new Scenario("flat, epoch ms", Shape.FLAT,
        intent("BNBUSDT", "SELL", 10, 1.0, "590.55", "0.01", "5000").put("timestamp", Long.toString(ms))
            .put("trace_id", "seed-10x"), "plan"));
    s.add(new Scenario("data, epoch s", Shape.DATA,
        intent("BTCUSDT", "LONG", 15, 1.2, "65000", "0.1", "10000").put("step_size", "0.001")
            .put("timestamp", ms / 1000).put("trace_id", "seed-15x"), "plan"));
    s.add(new Scenario("envelope, ISO Z (payload)", Shape.ENVELOPE,
        intent("ETHUSDT", "BUY", 20, 1.5, "3400", "0.01", "8000").put("timestamp", now.toString())
            .put("regime", "momentum").put("trace_id", "seed-20x"), "plan"));
    s.add(new Scenario("flat, epoch s decimal", Shape.FLAT,
        intent("XRPUSDT", "SHORT", 30, 1.2, "0.5234", "0.0001", "3000")
            .put("timestamp", String.format(Locale.ROOT, "%.3f", ms / 1000.0)).put("trace_id", "seed-30x"),
        "plan"));
    s.add(new Scenario("data, epoch ms", Shape.DATA,
        intent("RENDERUSDT", "BUY", 10, 0.5, "7.123", "0.001", "1000").put("timestamp", ms)
            .put("trace_id", "seed-render"), "plan"));
    s.add(new Scenario("envelope, ISO +00:00", Shape.ENVELOPE,
        intent("BTCUSDT", "BUY", 100, 1.5, "64000", "0.1", "5000")
            .put("timestamp", now.atOffset(ZoneOffset.UTC).toString().replace("Z", "+00:00"))
            .put("trace_id", "seed-100x-guard"), "plan"));
    s.add(new Scenario("flat, epoch ms, 78 min old", Shape.FLAT,
        intent("ETHUSDT", "BUY", 10, 1.0, "3400", "0.01", "1000")
            .put("timestamp", Long.toString(now.minus(Duration.ofMinutes(78)).toEpochMilli()))
            .put("trace_id", "seed-stale"), "skipped_stale"));
    s.add(new Scenario("envelope, HOLD", Shape.ENVELOPE,
        MAPPER.createObjectNode().put("symbol", "BTCUSDT").put("side", "HOLD").put("confidence", 0.41)
            .put("trace_id", "seed-hold"), "skipped_hold"));
    s.add(new Scenario("data, leverage 0", Shape.DATA,
        intent("DOGEUSDT", "BUY", 0, 1.0, "0.1612", "0.00001", "500").put("timestamp", ms)
            .put("trace_id", "seed-lev0"), "dead letter"));
    ObjectNode noSymbol = intent("ADAUSDT", "BUY", 10, 1.0, "0.4521", "0.0001", "500");
    noSymbol.remove("symbol");
    s.add(new Scenario("flat, no symbol", Shape.FLAT,
        noSymbol.put("timestamp", Long.toString(ms)).put("trace_id", "seed-nosymbol"), "dead letter"));
    return s;
  }

  private static ObjectNode intent(String symbol, String side, double leverage, double vf, String entry, String tick,
      String sizeUsd) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("symbol", symbol);
    o.put("side", side);
    if (leverage == Math.rint(leverage)) {
      o.put("leverage", (long) leverage);
    } else {
      o.put("leverage", leverage);
    }
    o.put("volatility_factor", vf);
    o.put("entry_price", new BigDecimal(entry));
    o.put("position_size_usd", new BigDecimal(sizeUsd));
    o.put("tick_size", tick);
    o.put("confidence", 0.72);
    o.put("atr_value", 0.02);
    o.put("funding_rate", 0.0);
    o.put("exchange_divergence", 0.0);
    o.put("source", "exitbrain-demo");
    return o;
  }
}
