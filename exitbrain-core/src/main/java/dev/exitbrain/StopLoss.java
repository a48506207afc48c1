package dev.exitbrain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The initial stop of a plan.
 *
 * @param fraction distance from entry as a fraction of price (0.005 = 0.5 % adverse move), always
 *     positive
 * @param roi loss on margin if the stop fills: fraction × leverage, as a positive number (0.05 = 5 %
 *     of margin lost), before fees
 * @param guarded true when the liquidation guard tightened the formula's stop
 * @param price the stop price, rounded to the tick toward entry; present with an entry price
 */
public record StopLoss(double fraction, double roi, boolean guarded, Optional<BigDecimal> price) {}
