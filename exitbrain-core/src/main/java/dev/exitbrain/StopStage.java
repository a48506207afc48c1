package dev.exitbrain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where the stop sits in one phase of the trade, and how much of the position it protects.
 *
 * @param phase {@code OPEN} (before any take-profit), {@code AFTER_TP1} or {@code AFTER_TP2}
 * @param stopPrice the stop price in that phase
 * @param remainingQuantity the base quantity still open in that phase, when the plan has quantities
 */
public record StopStage(Phase phase, BigDecimal stopPrice, Optional<BigDecimal> remainingQuantity) {

  /** A phase of the trade between fills. */
  public enum Phase {
    /** From entry until TP1 fills: the initial stop. */
    OPEN,
    /** After TP1 fills: the stop moves to breakeven (entry adjusted for round-trip taker fees). */
    AFTER_TP1,
    /** After TP2 fills: the stop moves to TP1's price. */
    AFTER_TP2
  }
}
