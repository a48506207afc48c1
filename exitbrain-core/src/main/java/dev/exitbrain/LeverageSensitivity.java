package dev.exitbrain;

import dev.exitbrain.internal.SeedSensitivity;

/**
 * The leverage sensitivity factor (LSF): how strongly leverage pulls the take-profits in and pushes
 * the stop out. Must return a finite value in (0, 1) and, for the guarantees of the default formula
 * to hold, decrease strictly as leverage grows.
 */
@FunctionalInterface
public interface LeverageSensitivity {

  /** The LSF at {@code leverage} (a multiple, ≥ 1). */
  double lsf(double leverage);

  /** The seed's {@code LSF = 1 / (1 + ln(L + 1))}, natural log, L floored at 1. LSF(1) = 0.590616. */
  static LeverageSensitivity seed() {
    return SeedSensitivity.INSTANCE;
  }
}
