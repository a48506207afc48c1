package dev.exitbrain;

/** The kind of a step in an {@link Explanation}. */
public enum Rule {
  /** The leverage sensitivity factor. */
  LSF(false),
  /** A core formula from the base levels and LSF. */
  FORMULA(false),
  /** A modifier: funding on the take-profits, divergence and volatility on the stop. */
  MODIFIER(false),
  /** A soft floor that lifted a level. */
  FLOOR(true),
  /** A hard clamp on the stop. */
  CLAMP(true),
  /** Strict ordering: a level pushed apart from the one before it. */
  ORDER(true),
  /** The liquidation guard tightened the stop. */
  GUARD(true),
  /** The harvest scheme chosen for the leverage. */
  HARVEST(false),
  /** Liquidation distance or price. */
  LIQUIDATION(false),
  /** A fraction turned into a price, or a quantity derived from the size. */
  PRICE(false),
  /** A price or quantity rounded to the tick or step. */
  ROUNDING(true),
  /** A stage below the minimum quantity merged into a neighbour. */
  MERGE(true),
  /** The stop ladder after fills. */
  LADDER(false);

  private final boolean adjustment;

  Rule(boolean adjustment) {
    this.adjustment = adjustment;
  }

  /** True for rules that correct a value (floor, clamp, order, guard, rounding, merge). */
  public boolean isAdjustment() {
    return adjustment;
  }
}
