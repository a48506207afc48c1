package dev.exitbrain.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.Rule;
import dev.exitbrain.Step;
import dev.exitbrain.StopStage;
import dev.exitbrain.TakeProfit;
import dev.exitbrain.TradeIntent;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The JSON object an exit plan is published as: the seed's {@code exitbrain.adaptive_levels}
 * payload ({@code symbol, order_id, leverage, volatility_factor, adaptive_levels, ilf_metadata}) plus
 * the full plan ({@code side, roi, prices, quantities, stop_ladder, adjustments, intent_id,
 * trace_id}). {@code exitbrain compute --format json} prints the same object. See
 * docs/wire-format.md.
 *
 * <p>Levels are fractions of price (0.01 = 1 % move) and ROI is fraction × leverage, as JSON numbers
 * in plain notation; prices and quantities are decimal strings, never in scientific notation.
 */
public final class PlanPayload {
  static final JsonMapper MAPPER = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private PlanPayload() {}

  /** The payload as a JSON object. */
  public static ObjectNode of(ExitPlan plan, TradeIntent intent, IntentMeta meta) {
    try {
      return (ObjectNode) MAPPER.readTree(json(plan, intent, meta));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the payload writer produced invalid JSON", e);
    }
  }

  /** The payload as compact JSON text; written directly (see JsonText), since the consumer writes one per intent. */
  public static String json(ExitPlan plan, TradeIntent intent, IntentMeta meta) {
    JsonText j = new JsonText(2048);
    j.beginObject();
    j.name("symbol").string(plan.symbol());
    j.name("order_id").string(meta.orderId());
    j.name("leverage").number(plain(plan.leverage()));
    j.name("volatility_factor").number(plain(intent.volatilityFactor()));

    j.name("adaptive_levels").beginObject();
    j.name("tp1").number(plain(plan.tp1().fraction()));
    j.name("tp2").number(plain(plan.tp2().fraction()));
    j.name("tp3").number(plain(plan.tp3().fraction()));
    j.name("sl").number(plain(plan.stopLoss().fraction()));
    j.name("LSF").number(plain(plan.lsf()));
    j.name("harvest_scheme").beginArray()
        .number(plain(plan.harvest().tp1())).number(plain(plan.harvest().tp2())).number(plain(plan.harvest().tp3()))
        .endArray();
    j.name("harvest_name").string(plan.harvest().name());
    // The seed's PnL tracker was never fed (v35-reference.md §1.5): the field stays for compatibility.
    j.name("avg_pnl_last_20").number("0");
    j.endObject();

    j.name("ilf_metadata").beginObject();
    j.name("atr_value").number(plain(intent.atrValue()));
    j.name("exchange_divergence").number(plain(intent.exchangeDivergence()));
    j.name("funding_rate").number(plain(intent.fundingRate()));
    j.name("regime").string(meta.regime());
    j.endObject();

    j.name("side").plainString(plan.side().name());
    j.name("roi").beginObject();
    j.name("tp1").number(plain(plan.tp1().roi()));
    j.name("tp2").number(plain(plan.tp2().roi()));
    j.name("tp3").number(plain(plan.tp3().roi()));
    j.name("sl").number(plain(plan.stopLoss().roi()));
    j.endObject();
    j.name("liquidation_distance").number(plain(plan.liquidationDistance()));
    j.name("sl_guarded").bool(plan.stopLoss().guarded());

    if (plan.entryPrice().isPresent()) {
      j.name("prices").beginObject();
      j.name("entry").plainString(plan.entryPrice().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        j.name(TP[tp.stage()]).plainString(tp.price().orElseThrow().toPlainString());
      }
      j.name("sl").plainString(plan.stopLoss().price().orElseThrow().toPlainString());
      j.name("liquidation").plainString(plan.liquidationPrice().orElseThrow().toPlainString());
      j.name("breakeven").plainString(plan.breakevenPrice().orElseThrow().toPlainString());
      j.name("tick").plainString(plan.tickSize().orElseThrow().toPlainString());
      j.endObject();
    }
    if (plan.totalQuantity().isPresent()) {
      j.name("quantities").beginObject();
      j.name("total").plainString(plan.totalQuantity().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        j.name(TP[tp.stage()]).plainString(tp.quantity().orElseThrow().toPlainString());
      }
      j.endObject();
    }
    j.name("stop_ladder").beginArray();
    for (StopStage s : plan.stopLadder()) {
      j.beginObject();
      j.name("phase").plainString(PHASE[s.phase().ordinal()]);
      j.name("stop").plainString(s.stopPrice().toPlainString());
      if (s.remainingQuantity().isPresent()) {
        j.name("remaining").plainString(s.remainingQuantity().get().toPlainString());
      }
      j.endObject();
    }
    j.endArray();
    j.name("adjustments").beginArray();
    for (Step s : plan.adjustments()) {
      j.beginObject();
      j.name("rule").plainString(RULE[s.rule().ordinal()]);
      j.name("field").string(s.field());
      value(j.name("from"), s.before());
      value(j.name("to"), s.after());
      j.name("reason").string(s.reason());
      j.endObject();
    }
    j.endArray();
    j.name("intent_id").string(meta.intentId());
    j.name("trace_id").string(meta.traceId());
    j.endObject();
    return j.toString();
  }

  private static final String[] TP = {null, "tp1", "tp2", "tp3"};
  private static final String[] PHASE = lowerCase(StopStage.Phase.values());
  private static final String[] RULE = lowerCase(Rule.values());

  private static String[] lowerCase(Enum<?>[] values) {
    String[] names = new String[values.length];
    for (Enum<?> v : values) {
      names[v.ordinal()] = v.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prices and quantities (BigDecimal) as plain decimal strings; fractions as plain numbers. */
  private static void value(JsonText j, Number n) {
    if (n instanceof BigDecimal) {
      j.plainString(((BigDecimal) n).toPlainString());
    } else {
      j.number(n == null ? null : plain(n.doubleValue()));
    }
  }

  /** A double as a plain JSON number, or null. */
  private static String plain(Double d) {
    return d == null ? null : plain(d.doubleValue());
  }

  /**
   * A double as a plain JSON number (0.0008, not 8.0E-4; 15, not 15.0), as short as it round-trips.
   * The digits come from Jackson's Schubfach writer: the shortest decimal, as Double.toString gives
   * it from Java 19 on, and several times faster than Double.toString on Java 17.
   */
  static String plain(double d) {
    String s = NumberOutput.toString(d, true);
    if (s.indexOf('E') >= 0) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
