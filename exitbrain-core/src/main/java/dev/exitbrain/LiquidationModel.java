package dev.exitbrain;

import dev.exitbrain.internal.BinanceIsolatedLiquidation;

/**
 * Where a position is liquidated, as a distance from entry. Venues differ by a few basis points, so
 * the model is replaceable per venue.
 */
@FunctionalInterface
public interface LiquidationModel {

  /**
   * The distance from entry to the liquidation price, a fraction of entry price. Zero or less means
   * the position would be liquidated on opening.
   *
   * @param side the position's side
   * @param leverage a multiple; the isolated margin is notional / leverage
   * @param maintenanceMarginRate the bracket's MMR, a fraction of notional
   * @param maintenanceAmountPerNotional the bracket's maintenance amount divided by the notional (0
   *     when the notional is unknown or the bracket has none)
   */
  double distance(Side side, double leverage, double maintenanceMarginRate, double maintenanceAmountPerNotional);

  /**
   * Binance USDⓈ-M isolated margin, one-way mode, linear contract, no margin added:
   * {@code LP/EP = (1/L + cum/N − s) / (MMR − s)}, s = +1 long, −1 short.
   */
  static LiquidationModel binanceIsolated() {
    return BinanceIsolatedLiquidation.INSTANCE;
  }
}
