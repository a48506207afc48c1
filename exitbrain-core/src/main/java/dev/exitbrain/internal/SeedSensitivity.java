package dev.exitbrain.internal;

import dev.exitbrain.LeverageSensitivity;

/** The seed's LSF: {@code 1 / (1 + ln(max(L, 1) + 1))}. */
public final class SeedSensitivity implements LeverageSensitivity {
  public static final SeedSensitivity INSTANCE = new SeedSensitivity();

  private SeedSensitivity() {}

  @Override
  public double lsf(double leverage) {
    return 1.0 / (1.0 + Math.log(Math.max(leverage, 1.0) + 1.0));
  }

  @Override
  public String toString() {
    return "1 / (1 + ln(L + 1))";
  }
}
