package dev.exitbrain;

import static dev.exitbrain.internal.Checks.plain;

/** A closed range [min, max] of accepted values. */
public record Range(double min, double max) {

  public Range {
    if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
      throw new IllegalArgumentException("range: need finite min <= max, was [" + plain(min) + ", " + plain(max) + "]");
    }
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return "[" + plain(min) + ", " + plain(max) + "]";
  }
}
