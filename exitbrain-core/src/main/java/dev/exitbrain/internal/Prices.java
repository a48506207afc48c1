package dev.exitbrain.internal;

import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.HarvestScheme;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.Rule;
import dev.exitbrain.Side;
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
 * ticks, starting from the first tick beyond the entry. The liquidation price is rounded toward
 * entry too, so the check "stop strictly inside liquidation" is made against the nearer,
 * conservative figure.
 *
 * <p>Every rounding is defined on exact decimals: {@code entry × (1 ± fraction)}, the fraction taken
 * as its shortest decimal form. The count of ticks is first estimated in doubles; only when that
 * estimate lies too near a tick boundary to be sure of the floor or ceiling is it computed in
 * BigDecimal. Both give the same result; the estimate is just cheaper.
 */
final class Prices {
  private static final BigDecimal DEFAULT_STEP = new BigDecimal("0.00000001");
  private static final String[] PRICE_FIELDS = {"tp1_price", "tp2_price", "tp3_price"};
  private static final String[] QTY_FIELDS = {"tp1_qty", "tp2_qty", "tp3_qty"};

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
      double takerFee, HarvestScheme harvest, Trace t) {
    BigDecimal entry = in.entryPrice();
    BigDecimal tick = spec.tickSize();
    if (tick == null) {
      tick = BigDecimal.ONE.scaleByPowerOfTen(entry.precision() - entry.scale() - 7);
      t.add("tick_size", Rule.PRICE, null, tick,
          "no tick size known for " + in.symbol() + ": prices keep 7 significant digits");
    }
    Prices p = new Prices(tick);
    Grid grid = new Grid(entry, tick);
    boolean longSide = in.side() == Side.LONG;
    int s = in.side().sign();
    BigDecimal signedTick = longSide ? tick : tick.negate();
    // Toward entry: a long's TPs are above entry (round down), its stop below (round up); mirrored for a short.
    RoundingMode tpMode = longSide ? RoundingMode.FLOOR : RoundingMode.CEILING;
    RoundingMode stopMode = longSide ? RoundingMode.CEILING : RoundingMode.FLOOR;

    BigDecimal previous = entry;
    for (int i = 0; i < 3; i++) {
      String field = PRICE_FIELDS[i];
      BigDecimal price = grid.level(s * fractions[i], tpMode, field, t);
      if (!beyond(price, previous, s)) {
        BigDecimal pushed = i == 0 ? firstTickBeyond(entry, tick, s) : previous.add(signedTick);
        t.add(field, Rule.ORDER, price, pushed, i == 0
            ? "rounding put it on or behind the entry price; moved to the first tick beyond it"
            : "rounding put it on or behind TP" + i + "; moved one tick beyond it");
        price = pushed;
      }
      if (price.signum() <= 0) {
        throw new InvalidIntentException("tick_size", tick.toPlainString(),
            "leaves no positive price for TP" + (i + 1) + " of this short");
      }
      p.tp[i] = price;
      previous = price;
    }

    p.liquidation = grid.level(-s * liqDistance, stopMode, "liquidation_price", t);
    BigDecimal stop = grid.level(-s * sl, stopMode, "sl_price", t);
    if (!beyond(entry, stop, s)) {
      BigDecimal pushed = firstTickBeyond(entry, tick, -s);
      t.add("sl_price", Rule.ORDER, stop, pushed,
          "rounding put it on or behind the entry price; moved to the first tick beyond it");
      stop = pushed;
    }
    if (!beyond(stop, p.liquidation, s)) {
      throw new InvalidIntentException("tick_size", tick.toPlainString(), "is too coarse for "
          + plain(in.leverage()) + "x: the stop " + stop.toPlainString() + " would not sit strictly before the liquidation price "
          + p.liquidation.toPlainString());
    }
    p.sl = stop;

    p.breakeven = grid.breakeven(takerFee, longSide, t);
    BigDecimal afterTp1Stop = p.breakeven;
    if (!beyond(p.tp[0], afterTp1Stop, s)) {
      afterTp1Stop = p.tp[0].subtract(signedTick);
      t.add("ladder_after_tp1", Rule.ORDER, p.breakeven, afterTp1Stop,
          "breakeven is not before TP1; the stop goes one tick before TP1 instead");
    }

    if (in.positionSizeUsd() != null) {
      p.quantities(in, spec, grid, harvest, t);
    }
    BigDecimal total = p.total;
    p.ladder = List.of(
        new StopStage(StopStage.Phase.OPEN, p.sl, Optional.ofNullable(total)),
        new StopStage(StopStage.Phase.AFTER_TP1, afterTp1Stop,
            total == null ? Optional.empty() : Optional.of(total.subtract(p.quantities[0]))),
        new StopStage(StopStage.Phase.AFTER_TP2, p.tp[0],
            total == null ? Optional.empty() : Optional.of(p.quantities[2])));
    if (t.all()) {
      t.add("stop_ladder", Rule.LADDER, null, afterTp1Stop, afterTp1Stop == p.breakeven
          ? "after TP1 the stop moves to breakeven, after TP2 to TP1"
          : "after TP1 the stop moves one tick before TP1 (breakeven is not before TP1, so the fees are not covered),"
              + " after TP2 to TP1");
    }
    return p;
  }

  private void quantities(TradeIntent in, SymbolSpec spec, Grid grid, HarvestScheme harvest, Trace t) {
    BigDecimal entry = in.entryPrice();
    BigDecimal step = spec.stepSize() != null ? spec.stepSize() : DEFAULT_STEP;
    BigDecimal size = in.positionSizeUsd();
    double stepD = step.doubleValue();
    BigDecimal units = Grid.count(size.doubleValue() / (grid.entryD * stepD), RoundingMode.FLOOR);
    if (units == null) {
      units = size.divide(entry.multiply(step), 0, RoundingMode.FLOOR);
    }
    BigDecimal qty = units.multiply(step);
    if (t.enabled()) {
      BigDecimal raw = size.divide(entry, MathContext.DECIMAL64);
      t.add("quantity", Rule.PRICE, null, raw, "position_size_usd / entry_price");
      if (qty.compareTo(raw) != 0) {
        t.add("quantity", Rule.ROUNDING, raw, qty, "down to the step");
      }
    }
    BigDecimal min = spec.minQty();
    if (qty.signum() == 0 || qty.compareTo(min) < 0) {
      throw new InvalidIntentException("position_size_usd", size.toPlainString(), "buys " + qty.toPlainString()
          + " " + in.symbol() + " at " + entry.toPlainString() + ", below the minimum quantity "
          + (min.signum() == 0 ? step.toPlainString() + " (one step)" : min.toPlainString()));
    }
    BigDecimal[] q = new BigDecimal[3];
    q[0] = share(units, harvest.tp1()).multiply(step);
    q[1] = share(units, harvest.tp2()).multiply(step);
    q[2] = qty.subtract(q[0]).subtract(q[1]);
    if (t.all()) {
      for (int i = 0; i < 3; i++) {
        t.add(QTY_FIELDS[i], Rule.PRICE, null, q[i], i < 2
            ? "quantity × the stage's close fraction, down to the step"
            : "what is left, so the stages sum to the quantity");
      }
    }
    // A stage below the exchange minimum cannot be placed: it merges into the next (the last into the one before).
    for (int i = 0; i < 2; i++) {
      if (q[i].signum() > 0 && q[i].compareTo(min) < 0) {
        BigDecimal merged = q[i + 1].add(q[i]);
        t.add("tp" + (i + 1) + "_qty", Rule.MERGE, q[i], BigDecimal.ZERO,
            "below the minimum quantity " + min.toPlainString() + "; merged into TP" + (i + 2));
        t.add("tp" + (i + 2) + "_qty", Rule.MERGE, q[i + 1], merged, "took TP" + (i + 1) + "'s quantity");
        q[i + 1] = merged;
        q[i] = BigDecimal.ZERO;
      }
    }
    if (q[2].signum() > 0 && q[2].compareTo(min) < 0) {
      int into = q[1].signum() > 0 ? 1 : 0;
      BigDecimal merged = q[into].add(q[2]);
      t.add("tp3_qty", Rule.MERGE, q[2], BigDecimal.ZERO,
          "below the minimum quantity " + min.toPlainString() + "; merged into TP" + (into + 1));
      t.add("tp" + (into + 1) + "_qty", Rule.MERGE, q[into], merged, "took TP3's quantity");
      q[into] = merged;
      q[2] = BigDecimal.ZERO;
    }
    this.total = qty;
    this.quantities = q;
  }

  /** floor(units × fraction) in whole steps; the fraction taken as its shortest decimal form. */
  private static BigDecimal share(BigDecimal units, double fraction) {
    BigDecimal n = Grid.count(units.doubleValue() * fraction, RoundingMode.FLOOR);
    return n != null ? n : units.multiply(Decimals.of(fraction)).setScale(0, RoundingMode.FLOOR);
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

  /** Prices relative to one entry on one tick. */
  private static final class Grid {
    // The estimate's relative error is a few parts in 1e16; anything nearer a boundary than this is decided exactly.
    private static final double MARGIN = 1e-13;

    final BigDecimal entry;
    final BigDecimal tick;
    final double entryD;
    final double tickD;
    private BigDecimal strippedEntry;

    Grid(BigDecimal entry, BigDecimal tick) {
      this.entry = entry;
      this.tick = tick;
      this.entryD = entry.doubleValue();
      this.tickD = tick.doubleValue();
    }

    /**
     * entry × (1 + signedFraction), on the tick by {@code mode}; recorded when tracing. The exact
     * product is computed only when the estimate is too near a tick to be sure, or when tracing (to
     * show it); the rounded price is the same either way.
     */
    BigDecimal level(double signedFraction, RoundingMode mode, String field, Trace t) {
      BigDecimal ticks = count(entryD * (1.0 + signedFraction) / tickD, mode);
      if (ticks != null && !t.enabled()) {
        return ticks.multiply(tick);
      }
      BigDecimal raw = strippedEntry().multiply(BigDecimal.ONE.add(Decimals.of(signedFraction)));
      BigDecimal rounded = ticks != null ? ticks.multiply(tick) : onTick(raw, tick, mode);
      if (t.enabled()) {
        BigDecimal shown = stripped(raw);
        // Constant reasons: the numbers are in the steps' values and the plan; formatting them costs more than the step.
        t.add(field, Rule.PRICE, null, shown, signedFraction < 0 ? "entry × (1 − fraction)" : "entry × (1 + fraction)");
        if (rounded.compareTo(raw) != 0) {
          t.add(field, Rule.ROUNDING, shown, rounded, "to the tick, toward entry");
        }
      }
      return rounded;
    }

    /** The entry without trailing zeros (65E+3 for 65000), so that products of it mostly have none either. */
    private BigDecimal strippedEntry() {
      if (strippedEntry == null) {
        strippedEntry = entry.stripTrailingZeros();
      }
      return strippedEntry;
    }

    /**
     * {@code value} without trailing zeros. BigDecimal.stripTrailingZeros divides by ten until a
     * remainder shows up, which is slow on the 20-odd digits of entry × (1 + fraction); an odd last
     * digit, the common case, needs no division at all.
     */
    private static BigDecimal stripped(BigDecimal value) {
      return value.unscaledValue().testBit(0) ? value : value.stripTrailingZeros();
    }

    /** entry × (1 ± fee) / (1 ∓ fee) to 16 digits, on the tick away from entry so a fill still covers both fees. */
    BigDecimal breakeven(double fee, boolean longSide, Trace t) {
      double open = longSide ? 1.0 + fee : 1.0 - fee;
      double close = longSide ? 1.0 - fee : 1.0 + fee;
      RoundingMode away = longSide ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal ticks = count(entryD * open / close / tickD, away);
      if (ticks != null && !t.enabled()) {
        return ticks.multiply(tick);
      }
      BigDecimal f = Decimals.of(fee);
      BigDecimal raw = entry.multiply(longSide ? BigDecimal.ONE.add(f) : BigDecimal.ONE.subtract(f))
          .divide(longSide ? BigDecimal.ONE.subtract(f) : BigDecimal.ONE.add(f), MathContext.DECIMAL64);
      BigDecimal rounded = ticks != null ? ticks.multiply(tick) : onTick(raw, tick, away);
      if (t.enabled()) {
        t.add("breakeven_price", Rule.PRICE, null, raw, "entry × (1 ± taker fee) / (1 ∓ taker fee)");
        if (rounded.compareTo(raw) != 0) {
          t.add("breakeven_price", Rule.ROUNDING, raw, rounded, "to the tick, away from entry so the fees stay covered");
        }
      }
      return rounded;
    }

    /**
     * The whole number {@code estimate} rounds to by {@code mode}, or null when the estimate is too
     * near an integer to be sure.
     */
    static BigDecimal count(double estimate, RoundingMode mode) {
      if (!(Math.abs(estimate) < 1e15)) {
        return null;
      }
      double nearest = Math.rint(estimate);
      if (Math.abs(estimate - nearest) <= MARGIN * Math.max(1.0, Math.abs(estimate))) {
        return null;
      }
      double n = mode == RoundingMode.FLOOR ? Math.floor(estimate) : Math.ceil(estimate);
      return BigDecimal.valueOf((long) n);
    }
  }
}
