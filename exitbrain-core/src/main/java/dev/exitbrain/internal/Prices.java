package dev.exitbrain.internal;

import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.HarvestScheme;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.Rule;
import dev.exitbrain.Side;
import dev.exitbrain.Step;
import dev.exitbrain.StopStage;
import dev.exitbrain.SymbolSpec;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Turns fractions into prices on the tick and the size into quantities on the step.
 *
 * <p>Rounding is always toward entry (a stop rounded away could cross liquidation, a take-profit
 * rounded away might never fill); levels that rounding collapses are then pushed outward by whole
 * ticks. The liquidation price is rounded toward entry too, so the check "stop strictly inside
 * liquidation" is made against the nearer, conservative figure.
 */
final class Prices {
  private static final BigDecimal DEFAULT_STEP = new BigDecimal("0.00000001");

  final BigDecimal tick;
  final BigDecimal[] tp = new BigDecimal[3];
  BigDecimal sl;
  BigDecimal liquidation;
  BigDecimal breakeven;
  BigDecimal total;
  BigDecimal[] quantities;
  List<StopStage> ladder;

  private Prices(BigDecimal tick) {
    this.tick = tick;
  }

  static Prices build(TradeIntent in, SymbolSpec spec, double[] fractions, double sl, double liqDistance,
      double takerFee, HarvestScheme harvest, List<Step> steps) {
    BigDecimal entry = in.entryPrice();
    BigDecimal tick = spec.tickSize();
    if (tick == null) {
      tick = BigDecimal.ONE.scaleByPowerOfTen(entry.precision() - entry.scale() - 7);
      steps.add(new Step("tick_size", Rule.PRICE, null, tick,
          "no tick size known for " + in.symbol() + ": prices keep 7 significant digits"));
    }
    Prices p = new Prices(tick);
    boolean longSide = in.side() == Side.LONG;
    int s = in.side().sign();
    BigDecimal signedTick = longSide ? tick : tick.negate();
    // Toward entry: a long's TPs are above entry (round down), its stop below (round up); mirrored for a short.
    RoundingMode tpMode = longSide ? RoundingMode.FLOOR : RoundingMode.CEILING;
    RoundingMode stopMode = longSide ? RoundingMode.CEILING : RoundingMode.FLOOR;

    // The first tick strictly beyond the entry on each side: pushes start there, so a pushed level
    // stays on the tick even when the entry price itself is not.
    BigDecimal firstTpTick = firstTickBeyond(entry, tick, s);
    BigDecimal firstStopTick = firstTickBeyond(entry, tick, -s);
    BigDecimal previous = entry;
    for (int i = 0; i < 3; i++) {
      String field = "tp" + (i + 1) + "_price";
      BigDecimal price = level(entry, s * fractions[i], tick, tpMode, field, steps);
      if (!beyond(price, previous, s)) {
        BigDecimal pushed = i == 0 ? firstTpTick : previous.add(signedTick);
        steps.add(new Step(field, Rule.ORDER, price, pushed, i == 0
            ? "rounding put it on the entry price; moved one tick beyond"
            : "rounding put it on TP" + i + "; moved one tick beyond"));
        price = pushed;
      }
      if (price.signum() <= 0) {
        throw new InvalidIntentException("tick_size", tick.toPlainString(),
            "leaves no positive price for TP" + (i + 1) + " of this short");
      }
      p.tp[i] = price;
      previous = price;
    }

    p.liquidation = level(entry, -s * liqDistance, tick, stopMode, "liquidation_price", steps);
    BigDecimal stop = level(entry, -s * sl, tick, stopMode, "sl_price", steps);
    if (!beyond(entry, stop, s)) {
      BigDecimal pushed = firstStopTick;
      steps.add(new Step("sl_price", Rule.ORDER, stop, pushed, "rounding put it on the entry price; moved one tick beyond"));
      stop = pushed;
    }
    if (!beyond(stop, p.liquidation, s)) {
      throw new InvalidIntentException("tick_size", tick.toPlainString(), "is too coarse for "
          + plain(in.leverage()) + "x: the stop " + stop.toPlainString() + " would not sit strictly before the liquidation price "
          + p.liquidation.toPlainString());
    }
    p.sl = stop;

    BigDecimal fee = new BigDecimal(Double.toString(takerFee));
    BigDecimal open = longSide ? BigDecimal.ONE.add(fee) : BigDecimal.ONE.subtract(fee);
    BigDecimal close = longSide ? BigDecimal.ONE.subtract(fee) : BigDecimal.ONE.add(fee);
    BigDecimal rawBreakeven = entry.multiply(open).divide(close, MathContext.DECIMAL64);
    // Away from entry, so that a fill at the breakeven stop still covers both fees.
    BigDecimal breakeven = onTick(rawBreakeven, tick, longSide ? RoundingMode.CEILING : RoundingMode.FLOOR);
    steps.add(new Step("breakeven_price", Rule.PRICE, null, rawBreakeven,
        "entry × (1 ± fee) / (1 ∓ fee), taker fee " + plain(takerFee) + " per side"));
    if (breakeven.compareTo(rawBreakeven) != 0) {
      steps.add(new Step("breakeven_price", Rule.ROUNDING, rawBreakeven, breakeven,
          "to the tick " + tick.toPlainString() + ", away from entry so the fees stay covered"));
    }
    p.breakeven = breakeven;

    BigDecimal afterTp1Stop = breakeven;
    if (!beyond(p.tp[0], afterTp1Stop, s)) {
      afterTp1Stop = p.tp[0].subtract(signedTick);
      steps.add(new Step("ladder_after_tp1", Rule.ORDER, breakeven, afterTp1Stop,
          "breakeven is not before TP1; the stop goes one tick before TP1 instead"));
    }

    if (in.positionSizeUsd() != null) {
      p.quantities(in, spec, harvest, steps);
    }
    BigDecimal total = p.total;
    p.ladder = List.of(
        new StopStage(StopStage.Phase.OPEN, p.sl, Optional.ofNullable(total)),
        new StopStage(StopStage.Phase.AFTER_TP1, afterTp1Stop,
            total == null ? Optional.empty() : Optional.of(total.subtract(p.quantities[0]))),
        new StopStage(StopStage.Phase.AFTER_TP2, p.tp[0],
            total == null ? Optional.empty() : Optional.of(p.quantities[2])));
    steps.add(new Step("stop_ladder", Rule.LADDER, null, afterTp1Stop, (afterTp1Stop == breakeven
        ? "after TP1 the stop moves to breakeven " + breakeven.toPlainString()
        : "after TP1 the stop moves to " + afterTp1Stop.toPlainString() + ", one tick before TP1 (breakeven "
            + breakeven.toPlainString() + " is not before TP1, so the fees are not covered)")
        + ", after TP2 to TP1 " + p.tp[0].toPlainString()));
    return p;
  }

  private void quantities(TradeIntent in, SymbolSpec spec, HarvestScheme harvest, List<Step> steps) {
    BigDecimal entry = in.entryPrice();
    BigDecimal step = spec.stepSize() != null ? spec.stepSize() : DEFAULT_STEP;
    BigDecimal size = in.positionSizeUsd();
    BigDecimal raw = size.divide(entry, MathContext.DECIMAL64);
    BigDecimal qty = size.divide(entry.multiply(step), 0, RoundingMode.FLOOR).multiply(step);
    steps.add(new Step("quantity", Rule.PRICE, null, raw, "position_size_usd / entry_price"));
    if (qty.compareTo(raw) != 0) {
      steps.add(new Step("quantity", Rule.ROUNDING, raw, qty, "down to the step " + step.toPlainString()));
    }
    BigDecimal min = spec.minQty();
    if (qty.signum() == 0 || qty.compareTo(min) < 0) {
      throw new InvalidIntentException("position_size_usd", size.toPlainString(), "buys " + qty.toPlainString()
          + " " + in.symbol() + " at " + entry.toPlainString() + ", below the minimum quantity "
          + (min.signum() == 0 ? step.toPlainString() + " (one step)" : min.toPlainString()));
    }
    BigDecimal[] q = new BigDecimal[3];
    q[0] = share(qty, harvest.tp1(), step);
    q[1] = share(qty, harvest.tp2(), step);
    q[2] = qty.subtract(q[0]).subtract(q[1]);
    for (int i = 0; i < 3; i++) {
      steps.add(new Step("tp" + (i + 1) + "_qty", Rule.PRICE, null, q[i], i < 2
          ? "quantity × " + plain(harvest.fraction(i + 1)) + ", down to the step"
          : "what is left, so the stages sum to the quantity"));
    }
    // A stage below the exchange minimum cannot be placed: it merges into the next (the last into the one before).
    for (int i = 0; i < 2; i++) {
      if (q[i].signum() > 0 && q[i].compareTo(min) < 0) {
        BigDecimal merged = q[i + 1].add(q[i]);
        steps.add(new Step("tp" + (i + 1) + "_qty", Rule.MERGE, q[i], BigDecimal.ZERO,
            "below the minimum quantity " + min.toPlainString() + "; merged into TP" + (i + 2)));
        steps.add(new Step("tp" + (i + 2) + "_qty", Rule.MERGE, q[i + 1], merged, "took TP" + (i + 1) + "'s quantity"));
        q[i + 1] = merged;
        q[i] = BigDecimal.ZERO;
      }
    }
    if (q[2].signum() > 0 && q[2].compareTo(min) < 0) {
      int into = q[1].signum() > 0 ? 1 : 0;
      BigDecimal merged = q[into].add(q[2]);
      steps.add(new Step("tp3_qty", Rule.MERGE, q[2], BigDecimal.ZERO,
          "below the minimum quantity " + min.toPlainString() + "; merged into TP" + (into + 1)));
      steps.add(new Step("tp" + (into + 1) + "_qty", Rule.MERGE, q[into], merged, "took TP3's quantity"));
      q[into] = merged;
      q[2] = BigDecimal.ZERO;
    }
    this.total = qty;
    this.quantities = q;
  }

  private static BigDecimal share(BigDecimal qty, double fraction, BigDecimal step) {
    return qty.multiply(new BigDecimal(Double.toString(fraction))).divide(step, 0, RoundingMode.FLOOR).multiply(step);
  }

  /** entry × (1 + signedFraction), recorded, then rounded to the tick with {@code mode} and recorded if changed. */
  private static BigDecimal level(BigDecimal entry, double signedFraction, BigDecimal tick, RoundingMode mode,
      String field, List<Step> steps) {
    BigDecimal raw = entry.multiply(BigDecimal.ONE.add(new BigDecimal(Double.toString(signedFraction))))
        .stripTrailingZeros();
    steps.add(new Step(field, Rule.PRICE, null, raw, "entry × (1 " + (signedFraction < 0 ? "− " : "+ ")
        + plain(Math.abs(signedFraction)) + ")"));
    BigDecimal rounded = onTick(raw, tick, mode);
    if (rounded.compareTo(raw) != 0) {
      steps.add(new Step(field, Rule.ROUNDING, raw, rounded, "to the tick " + tick.toPlainString() + ", toward entry"));
    }
    return rounded;
  }

  /** The first multiple of {@code tick} strictly beyond {@code price} in direction {@code s}. */
  private static BigDecimal firstTickBeyond(BigDecimal price, BigDecimal tick, int s) {
    BigDecimal t = onTick(price, tick, s > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
    return s > 0 ? t.add(tick) : t.subtract(tick);
  }

  static BigDecimal onTick(BigDecimal value, BigDecimal tick, RoundingMode mode) {
    return value.divide(tick, 0, mode).multiply(tick);
  }

  /** True when {@code a} lies strictly beyond {@code b} in the favourable direction {@code s}. */
  private static boolean beyond(BigDecimal a, BigDecimal b, int s) {
    return a.compareTo(b) * s > 0;
  }
}
