package dev.exitbrain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The exit plan for one trade intent. Immutable.
 *
 * <p>Units: every {@code fraction} is a fraction of price (0.01 = 1 % move); every {@code roi} is
 * that fraction × leverage, i.e. profit or loss on posted margin before fees. Prices are exact
 * decimals on the symbol's tick; quantities are exact decimals on its step.
 *
 * @param symbol the intent's symbol
 * @param side the intent's side
 * @param leverage the intent's leverage
 * @param lsf the leverage sensitivity factor, in (0, 1)
 * @param harvest the partial-close scheme
 * @param tp1 first take-profit
 * @param tp2 second take-profit, strictly beyond TP1
 * @param tp3 third take-profit, strictly beyond TP2
 * @param stopLoss the initial stop, strictly between liquidation and entry
 * @param liquidationDistance distance from entry to the liquidation price, a fraction of price
 * @param entryPrice the intent's entry price, when given
 * @param liquidationPrice the isolated-margin liquidation price, rounded to the tick toward entry
 * @param breakevenPrice entry adjusted for round-trip taker fees, rounded to the tick away from entry
 * @param tickSize the price tick the prices are on
 * @param totalQuantity the position's base quantity, rounded down to the step
 * @param stopLadder the stop in each phase of the trade (empty without an entry price)
 * @param explanation every step that produced these numbers
 */
public record ExitPlan(
    String symbol,
    Side side,
    double leverage,
    double lsf,
    HarvestScheme harvest,
    TakeProfit tp1,
    TakeProfit tp2,
    TakeProfit tp3,
    StopLoss stopLoss,
    double liquidationDistance,
    Optional<BigDecimal> entryPrice,
    Optional<BigDecimal> liquidationPrice,
    Optional<BigDecimal> breakevenPrice,
    Optional<BigDecimal> tickSize,
    Optional<BigDecimal> totalQuantity,
    List<StopStage> stopLadder,
    Explanation explanation) {

  public ExitPlan {
    stopLadder = List.copyOf(stopLadder);
  }

  /** TP1, TP2 and TP3 in order. */
  public List<TakeProfit> takeProfits() {
    return List.of(tp1, tp2, tp3);
  }

  /**
   * The steps that corrected a value: floors, clamps, ordering, the guard, rounding, merges (an
   * unmodifiable list). Read alone, it costs a cheaper pass than the whole explanation.
   */
  public List<Step> adjustments() {
    return explanation.adjustments();
  }
}
