package dev.exitbrain;

import static dev.exitbrain.internal.Checks.notNull;
import static dev.exitbrain.internal.Checks.plain;
import static dev.exitbrain.internal.Checks.positive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the exchange says about one symbol: price tick, quantity step, minimum quantity, maximum
 * leverage and maintenance margin brackets.
 *
 * @param tickSize price tick (quote currency), or null when unknown: prices then keep 7 significant
 *     digits of the entry price (the plan notes it)
 * @param stepSize quantity step (base units), or null when unknown: quantities then keep 8 decimals
 * @param minQty minimum order quantity (base units), 0 for none
 * @param maxLeverage the highest leverage accepted for the symbol
 * @param brackets maintenance margin brackets by notional, ascending, the first starting at 0
 */
public record SymbolSpec(
    BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQty, double maxLeverage, List<MarginBracket> brackets) {

  /** The maintenance margin rate assumed when nothing is configured: 0.5 %. */
  public static final double DEFAULT_MAINTENANCE_MARGIN_RATE = 0.005;

  public SymbolSpec {
    if (tickSize != null) {
      positive(tickSize, "tick_size");
      bounded(tickSize, "tick_size");
    }
    if (stepSize != null) {
      positive(stepSize, "step_size");
      bounded(stepSize, "step_size");
    }
    notNull(minQty, "min_qty");
    if (minQty.signum() < 0) {
      throw new IllegalArgumentException("min_qty: must be >= 0, was " + dev.exitbrain.internal.Checks.text(minQty));
    }
    if (minQty.signum() > 0) {
      bounded(minQty, "min_qty");
    }
    if (!(maxLeverage >= 1 && maxLeverage <= 10_000)) {
      throw new IllegalArgumentException("max_leverage: must be in [1, 10000], was " + plain(maxLeverage));
    }
    notNull(brackets, "brackets");
    if (brackets.isEmpty()) {
      throw new IllegalArgumentException("brackets: at least one maintenance margin bracket is required");
    }
    brackets = List.copyOf(brackets);
    if (brackets.get(0).notionalFloor().signum() != 0) {
      throw new IllegalArgumentException("brackets: the first bracket must start at notional 0, was "
          + brackets.get(0).notionalFloor().toPlainString());
    }
    for (int i = 1; i < brackets.size(); i++) {
      if (brackets.get(i).notionalFloor().compareTo(brackets.get(i - 1).notionalFloor()) <= 0) {
        throw new IllegalArgumentException("brackets: notional floors must be strictly ascending, bracket " + i
            + " starts at " + brackets.get(i).notionalFloor().toPlainString());
      }
    }
  }

  private static void bounded(BigDecimal value, String name) {
    try {
      dev.exitbrain.internal.Checks.decimalField(value, name);
    } catch (InvalidIntentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A spec with no tick, step or minimum, the given maximum leverage and one bracket at {@code mmr}. */
  public static SymbolSpec simple(double maxLeverage, double mmr) {
    return new SymbolSpec(null, null, BigDecimal.ZERO, maxLeverage,
        List.of(new MarginBracket(BigDecimal.ZERO, mmr, BigDecimal.ZERO, maxLeverage)));
  }

  /** The same spec with another tick, step and minimum quantity (null keeps the current value). */
  public SymbolSpec withFilters(BigDecimal tick, BigDecimal step, BigDecimal min) {
    return new SymbolSpec(tick != null ? tick : tickSize, step != null ? step : stepSize,
        min != null ? min : minQty, maxLeverage, brackets);
  }

  /**
   * The bracket for a notional, or the first bracket when the notional is unknown ({@code null}).
   * The bracket is chosen by notional, not by margin.
   */
  public MarginBracket bracketFor(BigDecimal notional) {
    if (notional == null) {
      return brackets.get(0);
    }
    MarginBracket found = brackets.get(0);
    for (MarginBracket b : brackets) {
      if (b.notionalFloor().compareTo(notional) <= 0) {
        found = b;
      }
    }
    return found;
  }

  /**
   * Builds brackets from their floors, rates and maximum leverages, deriving each maintenance amount
   * from the previous one: {@code cum_n = cum_(n-1) + floor_n × (mmr_n − mmr_(n-1))}.
   *
   * @param rows each {@code {notionalFloor, maintenanceMarginRate, maxLeverage}}
   */
  public static List<MarginBracket> brackets(double[]... rows) {
    List<MarginBracket> out = new ArrayList<>();
    BigDecimal cum = BigDecimal.ZERO;
    BigDecimal previousRate = BigDecimal.ZERO;
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      if (r.length != 3) {
        throw new IllegalArgumentException("brackets: row " + i + " must be {notionalFloor, rate, maxLeverage}");
      }
      BigDecimal floor = new BigDecimal(Double.toString(r[0])).stripTrailingZeros();
      // In decimals: the rates' difference in doubles (0.005 − 0.004) is not exact.
      BigDecimal rate = new BigDecimal(Double.toString(r[1]));
      if (i > 0) {
        cum = cum.add(floor.multiply(rate.subtract(previousRate)));
      }
      out.add(new MarginBracket(floor, r[1], cum.stripTrailingZeros(), r[2]));
      previousRate = rate;
    }
    return out;
  }
}
