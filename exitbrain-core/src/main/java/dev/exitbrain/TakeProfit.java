package dev.exitbrain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One take-profit stage of a plan.
 *
 * @param stage 1, 2 or 3
 * @param fraction distance from entry as a fraction of price (0.01 = 1 % move), always positive
 * @param roi return on margin at this level: fraction × leverage (0.1 = +10 % of margin), before fees
 * @param closeFraction share of the original position closed here (the harvest scheme)
 * @param price the level's price, rounded to the tick; present when the intent has an entry price
 * @param quantity base quantity closed here, rounded to the step; present when the intent has an
 *     entry price and a position size
 */
public record TakeProfit(
    int stage,
    double fraction,
    double roi,
    double closeFraction,
    Optional<BigDecimal> price,
    Optional<BigDecimal> quantity) {}
