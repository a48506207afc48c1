package dev.exitbrain.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitPlan;
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
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlanPayload() {}

  /** The payload as a JSON object. */
  public static ObjectNode of(ExitPlan plan, TradeIntent intent, IntentMeta meta) {
    ObjectNode o = F.objectNode();
    o.put("symbol", plan.symbol());
    o.put("order_id", meta.orderId());
    o.set("leverage", num(plan.leverage()));
    o.set("volatility_factor", intent.volatilityFactor() == null ? F.nullNode() : num(intent.volatilityFactor()));

    ObjectNode levels = o.putObject("adaptive_levels");
    levels.set("tp1", num(plan.tp1().fraction()));
    levels.set("tp2", num(plan.tp2().fraction()));
    levels.set("tp3", num(plan.tp3().fraction()));
    levels.set("sl", num(plan.stopLoss().fraction()));
    levels.set("LSF", num(plan.lsf()));
    ArrayNode harvest = levels.putArray("harvest_scheme");
    harvest.add(num(plan.harvest().tp1())).add(num(plan.harvest().tp2())).add(num(plan.harvest().tp3()));
    levels.put("harvest_name", plan.harvest().name());
    // The seed's PnL tracker was never fed (v35-reference.md §1.5): the field stays for compatibility.
    levels.set("avg_pnl_last_20", num(0.0));

    ObjectNode ilf = o.putObject("ilf_metadata");
    ilf.set("atr_value", intent.atrValue() == null ? F.nullNode() : num(intent.atrValue()));
    ilf.set("exchange_divergence", intent.exchangeDivergence() == null ? F.nullNode() : num(intent.exchangeDivergence()));
    ilf.set("funding_rate", intent.fundingRate() == null ? F.nullNode() : num(intent.fundingRate()));
    ilf.put("regime", meta.regime());

    o.put("side", plan.side().name());
    ObjectNode roi = o.putObject("roi");
    roi.set("tp1", num(plan.tp1().roi()));
    roi.set("tp2", num(plan.tp2().roi()));
    roi.set("tp3", num(plan.tp3().roi()));
    roi.set("sl", num(plan.stopLoss().roi()));
    o.set("liquidation_distance", num(plan.liquidationDistance()));
    o.put("sl_guarded", plan.stopLoss().guarded());

    if (plan.entryPrice().isPresent()) {
      ObjectNode prices = o.putObject("prices");
      prices.put("entry", plan.entryPrice().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        prices.put("tp" + tp.stage(), tp.price().orElseThrow().toPlainString());
      }
      prices.put("sl", plan.stopLoss().price().orElseThrow().toPlainString());
      prices.put("liquidation", plan.liquidationPrice().orElseThrow().toPlainString());
      prices.put("breakeven", plan.breakevenPrice().orElseThrow().toPlainString());
      prices.put("tick", plan.tickSize().orElseThrow().toPlainString());
    }
    if (plan.totalQuantity().isPresent()) {
      ObjectNode q = o.putObject("quantities");
      q.put("total", plan.totalQuantity().get().toPlainString());
      for (TakeProfit tp : plan.takeProfits()) {
        q.put("tp" + tp.stage(), tp.quantity().orElseThrow().toPlainString());
      }
    }
    ArrayNode ladder = o.putArray("stop_ladder");
    for (StopStage s : plan.stopLadder()) {
      ObjectNode st = ladder.addObject();
      st.put("phase", s.phase().name().toLowerCase(Locale.ROOT));
      st.put("stop", s.stopPrice().toPlainString());
      s.remainingQuantity().ifPresent(r -> st.put("remaining", r.toPlainString()));
    }
    ArrayNode adjustments = o.putArray("adjustments");
    for (Step s : plan.adjustments()) {
      ObjectNode a = adjustments.addObject();
      a.put("rule", s.rule().name().toLowerCase(Locale.ROOT));
      a.put("field", s.field());
      a.set("from", value(s.before()));
      a.set("to", value(s.after()));
      a.put("reason", s.reason());
    }
    o.put("intent_id", meta.intentId());
    o.put("trace_id", meta.traceId());
    return o;
  }

  /** The payload as compact JSON text. */
  public static String json(ExitPlan plan, TradeIntent intent, IntentMeta meta) {
    return write(of(plan, intent, meta));
  }

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Number n) {
    if (n instanceof BigDecimal) {
      return F.textNode(((BigDecimal) n).toPlainString());
    }
    return num(n.doubleValue());
  }

  /** A double as a plain JSON number (0.0008, not 8.0E-4), as short as it round-trips. */
  static com.fasterxml.jackson.databind.node.DecimalNode num(double d) {
    return (com.fasterxml.jackson.databind.node.DecimalNode) F.numberNode(
        new BigDecimal(Double.toString(d)).stripTrailingZeros());
  }
}
