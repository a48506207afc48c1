package dev.exitbrain;

import dev.exitbrain.internal.Engine;

/**
 * The exit engine: turns a {@link TradeIntent} into an {@link ExitPlan}. Immutable and thread-safe;
 * make one and share it.
 *
 * <pre>{@code
 * ExitBrain brain = ExitBrain.create();
 * ExitPlan plan = brain.compute(TradeIntent.builder("BTCUSDT", Side.LONG)
 *     .leverage(15).volatilityFactor(1.2).entryPrice("65000").tickSize("0.1").build());
 * plan.stopLoss().price();   // Optional[64360.1]
 * }</pre>
 */
public final class ExitBrain {
  private final Engine engine;

  private ExitBrain(ExitBrainConfig config) {
    this.engine = new Engine(config);
  }

  /** An engine with the seed's defaults (see {@link ExitBrainConfig#defaults()}). */
  public static ExitBrain create() {
    return new ExitBrain(ExitBrainConfig.defaults());
  }

  /** An engine with {@code config}. */
  public static ExitBrain create(ExitBrainConfig config) {
    return new ExitBrain(config);
  }

  public ExitBrainConfig config() {
    return engine.config();
  }

  /**
   * Computes the exit plan.
   *
   * @throws InvalidIntentException when a value is out of range or the position cannot be protected
   *     (no stop fits before liquidation, a tick too coarse, a size below the minimum quantity); the
   *     exception names the field
   */
  public ExitPlan compute(TradeIntent intent) {
    return engine.compute(intent);
  }

  /**
   * The highest leverage, up to the symbol's maximum, at which the formula's stop for this intent
   * (its modifiers, bases and size) fits inside the liquidation guard without being tightened;
   * rounded down to 0.01. The intent's own leverage is ignored.
   *
   * @throws InvalidIntentException when a value other than leverage is invalid
   */
  public double maxSafeLeverage(TradeIntent intent) {
    return engine.maxSafeLeverage(intent);
  }
}
