package dev.exitbrain;

import static dev.exitbrain.internal.Checks.plain;

/**
 * Take-profit and stop distances from entry, each a fraction of price (0.01 = 1 % move), finite and
 * positive.
 */
public record Levels(double tp1, double tp2, double tp3, double sl) {

  public Levels {
    check(tp1, "tp1");
    check(tp2, "tp2");
    check(tp3, "tp3");
    check(sl, "sl");
  }

  private static void check(double v, String name) {
    if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + ": a level must be a finite fraction > 0, was " + plain(v));
    }
  }
}
