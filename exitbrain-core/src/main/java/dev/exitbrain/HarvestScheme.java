package dev.exitbrain;

import static dev.exitbrain.internal.Checks.inRange;
import static dev.exitbrain.internal.Checks.notNull;
import static dev.exitbrain.internal.Checks.plain;

/**
 * How much of the <em>original</em> position is closed at TP1, TP2 and TP3 (each a fraction in
 * [0, 1]; the three sum to 1).
 *
 * @param name a label, e.g. {@code conservative}
 */
public record HarvestScheme(String name, double tp1, double tp2, double tp3) {

  /** The seed's scheme at leverage ≤ 10. */
  public static final HarvestScheme CONSERVATIVE = new HarvestScheme("conservative", 0.3, 0.3, 0.4);
  /** The seed's scheme at 10 < leverage ≤ 30. */
  public static final HarvestScheme AGGRESSIVE = new HarvestScheme("aggressive", 0.4, 0.4, 0.2);
  /** The seed's scheme above 30x. */
  public static final HarvestScheme ULTRA_AGGRESSIVE = new HarvestScheme("ultra_aggressive", 0.5, 0.3, 0.2);

  public HarvestScheme {
    notNull(name, "harvest scheme name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("harvest scheme name: must not be blank");
    }
    inRange(tp1, 0, 1, "harvest scheme " + name + " tp1");
    inRange(tp2, 0, 1, "harvest scheme " + name + " tp2");
    inRange(tp3, 0, 1, "harvest scheme " + name + " tp3");
    double sum = tp1 + tp2 + tp3;
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(
          "harvest scheme " + name + ": fractions must sum to 1, was " + plain(sum));
    }
  }

  /** The close fraction of stage 1, 2 or 3. */
  public double fraction(int stage) {
    switch (stage) {
      case 1:
        return tp1;
      case 2:
        return tp2;
      case 3:
        return tp3;
      default:
        throw new IllegalArgumentException("stage: must be 1, 2 or 3, was " + stage);
    }
  }
}
