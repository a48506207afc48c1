package dev.exitbrain;

import static dev.exitbrain.internal.Checks.notNull;
import static dev.exitbrain.internal.Checks.plain;

import java.math.BigDecimal;

/**
 * One maintenance margin bracket: from {@code notionalFloor} up to the next bracket's floor,
 * maintenance margin = notional × {@code maintenanceMarginRate} − {@code maintenanceAmount}.
 *
 * @param notionalFloor where the bracket starts (quote currency)
 * @param maintenanceMarginRate MMR, a fraction of notional (0.005 = 0.5 %), in [0, 0.5)
 * @param maintenanceAmount the bracket's maintenance amount ("cum", quote currency), ≥ 0
 * @param maxLeverage the highest leverage the exchange allows in this bracket
 */
public record MarginBracket(
    BigDecimal notionalFloor, double maintenanceMarginRate, BigDecimal maintenanceAmount, double maxLeverage) {

  public MarginBracket {
    notNull(notionalFloor, "notional_floor");
    notNull(maintenanceAmount, "maintenance_amount");
    if (notionalFloor.signum() < 0) {
      throw new IllegalArgumentException("notional_floor: must be >= 0, was " + notionalFloor.toPlainString());
    }
    if (!(maintenanceMarginRate >= 0 && maintenanceMarginRate < 0.5)) {
      throw new IllegalArgumentException(
          "maintenance_margin_rate: must be in [0, 0.5), was " + plain(maintenanceMarginRate));
    }
    if (maintenanceAmount.signum() < 0) {
      throw new IllegalArgumentException(
          "maintenance_amount: must be >= 0, was " + maintenanceAmount.toPlainString());
    }
    if (!(maxLeverage >= 1 && maxLeverage <= 10_000)) {
      throw new IllegalArgumentException("max_leverage: must be in [1, 10000], was " + plain(maxLeverage));
    }
  }
}
