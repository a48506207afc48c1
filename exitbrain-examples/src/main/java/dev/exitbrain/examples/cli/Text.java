package dev.exitbrain.examples.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Number formats shared by the tables. */
final class Text {
  private Text() {}

  /** A fraction as a percentage with a sign, e.g. {@code +0.865 %}. */
  static String signedPercent(double fraction, int decimals) {
    return String.format(Locale.ROOT, "%+." + decimals + "f %%", fraction * 100);
  }

  /** A fraction as a percentage, e.g. {@code 0.865 %}. */
  static String percent(double fraction, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f %%", fraction * 100);
  }

  /** A number without trailing zeros: 15, 1.2, 0.5. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  static String decimal(Optional<BigDecimal> d) {
    return d.map(BigDecimal::toPlainString).orElse("-");
  }

  static String fixed(double d, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  /** {@code s} cut to {@code max} characters with an ellipsis. */
  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
