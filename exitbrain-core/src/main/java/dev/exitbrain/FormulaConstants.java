package dev.exitbrain;

import static dev.exitbrain.internal.Checks.inRange;
import static dev.exitbrain.internal.Checks.plain;

/**
 * The constants of the seed's level formula (engine V2):
 *
 * <pre>
 * tp1 = base_tp · (tp1Offset + tp1Lsf · LSF) · (1 + fundingWeight · funding)
 * tp2 = base_tp · (tp2Offset + tp2Lsf · LSF) · (1 + fundingWeight · funding)
 * tp3 = base_tp · (tp3Offset + tp3Lsf · LSF) · (1 + fundingWeight · funding)
 * sl  = base_sl · (1 + slLeverageWeight · (1 − LSF))
 *               · (1 + divergenceWeight · divergence + volatilityWeight · vf)
 * tpN = max(tpN, tpFloor);  sl = max(sl, slFloor);  sl = min(max(sl, slMin), slMax)
 * </pre>
 *
 * Floors and clamps are fractions of price.
 */
public record FormulaConstants(
    double tp1Offset,
    double tp1Lsf,
    double tp2Offset,
    double tp2Lsf,
    double tp3Offset,
    double tp3Lsf,
    double slLeverageWeight,
    double fundingWeight,
    double divergenceWeight,
    double volatilityWeight,
    double tpFloor,
    double slFloor,
    double slMin,
    double slMax) {

  /** The seed's values. */
  public static final FormulaConstants SEED =
      new FormulaConstants(0.6, 1.0, 1.2, 0.5, 1.8, 0.25, 0.8, 0.8, 0.4, 0.2, 0.003, 0.0015, 0.001, 0.02);

  public FormulaConstants {
    inRange(tp1Offset, 0, 100, "formula.tp1_offset");
    inRange(tp1Lsf, 0, 100, "formula.tp1_lsf");
    inRange(tp2Offset, 0, 100, "formula.tp2_offset");
    inRange(tp2Lsf, 0, 100, "formula.tp2_lsf");
    inRange(tp3Offset, 0, 100, "formula.tp3_offset");
    inRange(tp3Lsf, 0, 100, "formula.tp3_lsf");
    inRange(slLeverageWeight, 0, 100, "formula.sl_leverage_weight");
    inRange(fundingWeight, -100, 100, "formula.funding_weight");
    inRange(divergenceWeight, 0, 100, "formula.divergence_weight");
    inRange(volatilityWeight, 0, 100, "formula.volatility_weight");
    inRange(tpFloor, 1e-9, 0.5, "formula.tp_floor");
    inRange(slFloor, 1e-9, 0.5, "formula.sl_floor");
    inRange(slMin, 1e-9, 0.5, "formula.sl_min");
    inRange(slMax, 1e-9, 0.5, "formula.sl_max");
    if (slMin > slMax) {
      throw new IllegalArgumentException(
          "formula.sl_min: must not exceed formula.sl_max (" + plain(slMax) + "), was " + plain(slMin));
    }
  }
}
