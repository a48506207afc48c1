package dev.exitbrain.examples;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;

/** README: computing an exit plan in Java. A test runs it, so the snippet cannot rot. */
public final class ComputeExample {
  private ComputeExample() {}

  public static void main(String[] args) {
    ExitBrain brain = ExitBrain.create();                              // immutable, thread-safe: share one
    ExitPlan plan = brain.compute(TradeIntent.builder("BTCUSDT", Side.LONG)
        .leverage(15).volatilityFactor(1.2).entryPrice("65000").tickSize("0.1").build());
    System.out.println("TP1 " + plan.tp1().price().orElseThrow() + "  TP2 " + plan.tp2().price().orElseThrow()
        + "  TP3 " + plan.tp3().price().orElseThrow() + "  SL " + plan.stopLoss().price().orElseThrow());
  }
}
