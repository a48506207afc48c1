package dev.exitbrain;

import static dev.exitbrain.internal.Checks.notNull;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a derivation: which value, by which rule, from what to what, and why.
 *
 * @param field the value concerned, e.g. {@code sl}, {@code tp2_price}, {@code tp1_qty}
 * @param rule the kind of step
 * @param before the value before the step ({@code null} where the step creates the value); a
 *     {@link Double} for fractions and factors, a {@link BigDecimal} for prices and quantities
 * @param after the value after the step
 * @param reason why, in words and with the formula where there is one
 */
public record Step(String field, Rule rule, Number before, Number after, String reason) {

  public Step {
    notNull(field, "field");
    notNull(rule, "rule");
    notNull(after, "after");
    notNull(reason, "reason");
  }

  /** True when the step changed an existing value. */
  public boolean changed() {
    if (before == null) {
      return false;
    }
    if (before instanceof BigDecimal || after instanceof BigDecimal) {
      return decimal(before).compareTo(decimal(after)) != 0;
    }
    return !Objects.equals(before, after);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal ? (BigDecimal) n : dev.exitbrain.internal.Decimals.of(n.doubleValue());
  }

  @Override
  public String toString() {
    String to = render(after);
    return field + " [" + rule.name().toLowerCase(java.util.Locale.ROOT) + "] "
        + (before == null ? "= " + to : render(before) + " -> " + to) + "  (" + reason + ")";
  }

  private static String render(Number n) {
    if (n instanceof BigDecimal) {
      return ((BigDecimal) n).toPlainString();
    }
    return dev.exitbrain.internal.Checks.plain(n.doubleValue());
  }
}
