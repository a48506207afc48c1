package dev.exitbrain.internal;

import dev.exitbrain.InvalidIntentException;
import java.math.BigDecimal;

/**
 * Argument checks whose messages name the parameter and the value. Values of a trade intent fail
 * with {@link InvalidIntentException}; anything else with {@link IllegalArgumentException}.
 */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /** A finite number in [min, max], for configuration values. */
  public static double inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + ": must be a finite number in [" + plain(min) + ", " + plain(max) + "], was " + plain(value));
    }
    return value;
  }

  /** A finite number in (0, max], for configuration values. */
  public static double positive(double value, double max, String name) {
    if (!(value > 0 && value <= max)) {
      throw new IllegalArgumentException(
          name + ": must be a finite number in (0, " + plain(max) + "], was " + plain(value));
    }
    return value;
  }

  public static BigDecimal positive(BigDecimal value, String name) {
    notNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + ": must be > 0, was " + text(value));
    }
    return value;
  }

  /** Prices, sizes, ticks and steps must lie in [1e-18, 1e18]: beyond that no market trades, and
   * exact arithmetic on numbers like 1e999999999 would exhaust memory. */
  private static final BigDecimal DECIMAL_MIN = new BigDecimal("1e-18");
  private static final BigDecimal DECIMAL_MAX = new BigDecimal("1e18");
  private static final int DECIMAL_MAX_DIGITS = 40;

  /** A decimal field of an intent within the supported magnitude (null passes). */
  public static BigDecimal decimalField(BigDecimal value, String field) {
    if (value != null && (value.compareTo(DECIMAL_MIN) < 0 || value.compareTo(DECIMAL_MAX) > 0
        || significantDigits(value) > DECIMAL_MAX_DIGITS)) {
      throw new InvalidIntentException(field, text(value),
          "must lie between 1e-18 and 1e18 with at most " + DECIMAL_MAX_DIGITS + " significant digits");
    }
    return value;
  }

  /** Digits without trailing zeros ("1.50000" has 2); a very long number is counted as it is, unstripped. */
  private static int significantDigits(BigDecimal value) {
    return value.precision() > 1000 ? value.precision() : value.stripTrailingZeros().precision();
  }

  /** A decimal for a message: plain where that is short, else scientific, and never longer than 60 characters. */
  public static String text(BigDecimal value) {
    int digits = value.precision() - value.scale();
    String s = Math.abs(digits) < 30 && value.precision() <= 40 ? value.toPlainString() : value.toString();
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** A finite number, for a field of a trade intent. */
  public static double finiteField(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new InvalidIntentException(field, plain(value), "must be a finite number");
    }
    return value;
  }

  /** Renders a double the way a person reads it: no exponent for ordinary magnitudes, NaN as NaN. */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
