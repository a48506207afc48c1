package dev.exitbrain.internal;

import dev.exitbrain.LiquidationModel;
import dev.exitbrain.Side;

/**
 * Binance USDⓈ-M isolated margin: {@code LP = (WB + cum − s·Q·EP) / (Q·MMR − s·Q)} with
 * {@code WB = Q·EP/L}. Dividing by {@code Q·EP} leaves {@code LP/EP = (1/L + cum/N − s) / (MMR − s)}, so
 * the distance needs no entry price.
 */
public final class BinanceIsolatedLiquidation implements LiquidationModel {
  public static final BinanceIsolatedLiquidation INSTANCE = new BinanceIsolatedLiquidation();

  private BinanceIsolatedLiquidation() {}

  @Override
  public double distance(Side side, double leverage, double mmr, double cumPerNotional) {
    double s = side.sign();
    double ratio = (1.0 / leverage + cumPerNotional - s) / (mmr - s);
    // A long whose margin covers more than the notional has a liquidation price below zero: it can
    // only be liquidated at 0, a distance of 1.
    return Math.min(s * (1.0 - ratio), side == Side.LONG ? 1.0 : Double.MAX_VALUE);
  }

  @Override
  public String toString() {
    return "Binance isolated margin";
  }
}
