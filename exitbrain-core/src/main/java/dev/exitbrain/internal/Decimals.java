package dev.exitbrain.internal;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/** Exact decimals of doubles. */
public final class Decimals {
  private Decimals() {}

  /**
   * The shortest decimal that reads back as {@code value} (Schubfach, as {@code Double.toString}
   * gives it from Java 19 on). On Java 17 {@code Double.toString} is several times slower and, for
   * a few doubles, not the shortest; this gives the same digits on every Java version. Without the
   * ".0" that form adds to a whole mantissa: 1.0E-4 is 0.0001, 65000.0 is 65000. At most 17
   * significant digits, so the unscaled value always fits a long and no BigDecimal string is parsed.
   *
   * @throws IllegalArgumentException for NaN and infinities
   */
  public static BigDecimal of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value: must be finite, was " + value);
    }
    String s = NumberOutput.toString(value, true);
    long unscaled = 0;
    int scale = 0;
    int exponent = 0;
    boolean fraction = false;
    int i = s.charAt(0) == '-' ? 1 : 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        // "d.0": the zero is only there to make a double look like one
        if (s.charAt(i + 1) == '0' && (i + 2 == s.length() || s.charAt(i + 2) == 'E')) {
          i++;
        } else {
          fraction = true;
        }
      } else if (c == 'E') {
        exponent = Integer.parseInt(s, i + 1, s.length(), 10);
        break;
      } else {
        unscaled = unscaled * 10 + (c - '0');
        if (fraction) {
          scale++;
        }
      }
    }
    return BigDecimal.valueOf(s.charAt(0) == '-' ? -unscaled : unscaled, scale - exponent);
  }
}
