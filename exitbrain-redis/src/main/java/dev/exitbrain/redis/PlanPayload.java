package dev.exitbrain.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.Step;
import dev.exitbrain.StopStage;
import dev.exitbrain.TakeProfit;
import dev.exitbrain.TradeIntent;
import java.io.IOException;
import java.io.StringWriter;
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

  /** The payload as compact JSON text; streamed, since the consumer writes one per intent. */
  public static String json(ExitPlan plan, TradeIntent intent, IntentMeta meta) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      write(g, plan, intent, meta);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, ExitPlan plan, TradeIntent intent, IntentMeta meta) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", plan.symbol());
    g.writeStringField("order_id", meta.orderId());
    number(g, "leverage", plan.leverage());
    number(g, "volatility_factor", intent.volatilityFactor());

    g.writeObjectFieldStart("adaptive_levels");
    number(g, "tp1", plan.tp1().fraction());
    number(g, "tp2", plan.tp2().fraction());
    number(g, "tp3", plan.tp3().fraction());
    number(g, "sl", plan.stopLoss().fraction());
    number(g, "LSF", plan.lsf());
    g.writeArrayFieldStart("harvest_scheme");
    g.writeNumber(plain(plan.harvest().tp1()));
    g.writeNumber(plain(plan.harvest().tp2()));
    g.writeNumber(plain(plan.harvest().tp3()));
    g.writeEndArray();
    g.writeStringField("harvest_name", plan.harvest().name());
    // The seed's PnL tracker was never fed (v35-reference.md §1.5): the field stays for compatibility.
    number(g, "avg_pnl_last_20", 0.0);
    g.writeEndObject();

    g.writeObjectFieldStart("ilf_metadata");
    number(g, "atr_value", intent.atrValue());
    number(g, "exchange_divergence", intent.exchangeDivergence());
    number(g, "funding_rate", intent.fundingRate());
    g.writeStringField("regime", meta.regime());
    g.writeEndObject();

    g.writeStringField("side", plan.side().name());
    g.writeObjectFieldStart("roi");
    number(g, "tp1", plan.tp1().roi());
    number(g, "tp2", plan.tp2().roi());
    number(g, "tp3", plan.tp3().roi());
    number(g, "sl", plan.stopLoss().roi());
    g.writeEndObject();
    number(g, "liquidation_distance", plan.liquidationDistance());
    g.writeBooleanField("sl_guarded", plan.stopLoss().guarded());

    if (plan.entryPrice().isPresent()) {
      g.writeObjectFieldStart("prices");
      g.writeStringField("entry", plan.entryPrice().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        g.writeStringField(TP[tp.stage()], tp.price().orElseThrow().toPlainString());
      }
      g.writeStringField("sl", plan.stopLoss().price().orElseThrow().toPlainString());
      g.writeStringField("liquidation", plan.liquidationPrice().orElseThrow().toPlainString());
      g.writeStringField("breakeven", plan.breakevenPrice().orElseThrow().toPlainString());
      g.writeStringField("tick", plan.tickSize().orElseThrow().toPlainString());
      g.writeEndObject();
    }
    if (plan.totalQuantity().isPresent()) {
      g.writeObjectFieldStart("quantities");
      g.writeStringField("total", plan.totalQuantity().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        g.writeStringField(TP[tp.stage()], tp.quantity().orElseThrow().toPlainString());
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("stop_ladder");
    for (StopStage s : plan.stopLadder()) {
      g.writeStartObject();
      g.writeStringField("phase", s.phase().name().toLowerCase(Locale.ROOT));
      g.writeStringField("stop", s.stopPrice().toPlainString());
      if (s.remainingQuantity().isPresent()) {
        g.writeStringField("remaining", s.remainingQuantity().get().toPlainString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("adjustments");
    for (Step s : plan.adjustments()) {
      g.writeStartObject();
      g.writeStringField("rule", s.rule().name().toLowerCase(Locale.ROOT));
      g.writeStringField("field", s.field());
      value(g, "from", s.before());
      value(g, "to", s.after());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("intent_id", meta.intentId());
    g.writeStringField("trace_id", meta.traceId());
    g.writeEndObject();
  }

  private static final String[] TP = {null, "tp1", "tp2", "tp3"};

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(JsonGenerator g, String name, Double d) throws IOException {
    g.writeFieldName(name);
    if (d == null) {
      g.writeNull();
    } else {
      g.writeNumber(plain(d));
    }
  }

  /** Prices and quantities (BigDecimal) as plain decimal strings; fractions as plain numbers. */
  private static void value(JsonGenerator g, String name, Number n) throws IOException {
    if (n instanceof BigDecimal) {
      g.writeStringField(name, ((BigDecimal) n).toPlainString());
    } else {
      number(g, name, n == null ? null : n.doubleValue());
    }
  }

  /** A double as a plain JSON number (0.0008, not 8.0E-4; 15, not 15.0), as short as it round-trips. */
  static String plain(double d) {
    String s = Double.toString(d);
    if (s.indexOf('E') >= 0) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
