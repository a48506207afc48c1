package dev.exitbrain;

import dev.exitbrain.internal.SeedLevelFormula;
import java.util.function.Consumer;

/**
 * Turns the base levels, the LSF and the modifiers into take-profit and stop distances (fractions
 * of price), floors and clamps included. The engine then enforces strict TP ordering and the
 * liquidation guard, whatever the formula.
 */
@FunctionalInterface
public interface LevelFormula {

  /**
   * @param in the inputs
   * @param trace receives the steps of the derivation, in order, for the plan's explanation
   */
  Levels levels(LevelInputs in, Consumer<Step> trace);

  /** The seed's engine V2 formula with its constants. */
  static LevelFormula seed() {
    return new SeedLevelFormula(FormulaConstants.SEED);
  }

  /** The seed's formula with other constants. */
  static LevelFormula seed(FormulaConstants constants) {
    return new SeedLevelFormula(constants);
  }
}
