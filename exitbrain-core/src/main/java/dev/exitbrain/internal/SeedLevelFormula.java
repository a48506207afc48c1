package dev.exitbrain.internal;

import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.FormulaConstants;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.LevelFormula;
import dev.exitbrain.LevelInputs;
import dev.exitbrain.Levels;
import dev.exitbrain.Rule;
import dev.exitbrain.Step;
import java.util.function.Consumer;

/**
 * The seed's engine V2 formula. The order of operations and the floors follow the seed exactly, so
 * its results are reproduced to the last bit where they were right.
 */
public final class SeedLevelFormula implements LevelFormula {
  private final FormulaConstants c;
  // Reasons are built once: building them per call would dominate the cost of a plan.
  private final String tp1Reason;
  private final String tp2Reason;
  private final String tp3Reason;
  private final String slReason;
  private final String tpScaleReason;
  private final String slScaleReason;
  private final String tpFloorReason;
  private final String slFloorReason;
  private final String slMinReason;
  private final String slMaxReason;

  public SeedLevelFormula(FormulaConstants constants) {
    this.c = Checks.notNull(constants, "constants");
    tp1Reason = "base_tp · (" + plain(c.tp1Offset()) + " + " + plain(c.tp1Lsf()) + "·LSF)";
    tp2Reason = "base_tp · (" + plain(c.tp2Offset()) + " + " + plain(c.tp2Lsf()) + "·LSF)";
    tp3Reason = "base_tp · (" + plain(c.tp3Offset()) + " + " + plain(c.tp3Lsf()) + "·LSF)";
    slReason = "base_sl · (1 + " + plain(c.slLeverageWeight()) + "·(1 − LSF))";
    tpScaleReason = "funding: × (1 + " + plain(c.fundingWeight()) + "·funding_rate)";
    slScaleReason = "× (1 + " + plain(c.divergenceWeight()) + "·exchange_divergence + "
        + plain(c.volatilityWeight()) + "·volatility_factor)";
    tpFloorReason = "take-profit floor " + plain(c.tpFloor());
    slFloorReason = "stop floor " + plain(c.slFloor());
    slMinReason = "stop clamp minimum " + plain(c.slMin());
    slMaxReason = "stop clamp maximum " + plain(c.slMax());
  }

  @Override
  public Levels levels(LevelInputs in, Consumer<Step> consumer) {
    // The engine's no-op consumer: building the steps would be the larger part of the work.
    Consumer<Step> trace = consumer == Trace.NO_STEPS ? null : consumer;
    double lsf = in.lsf();
    double btp = Math.max(in.baseTp(), 0.0);
    double bsl = Math.max(in.baseSl(), 0.0);

    double tp1 = btp * (c.tp1Offset() + c.tp1Lsf() * lsf);
    double tp2 = btp * (c.tp2Offset() + c.tp2Lsf() * lsf);
    double tp3 = btp * (c.tp3Offset() + c.tp3Lsf() * lsf);
    double sl = bsl * (1.0 + c.slLeverageWeight() * (1.0 - lsf));
    if (trace != null) {
      trace.accept(new Step("tp1", Rule.FORMULA, null, tp1, tp1Reason));
      trace.accept(new Step("tp2", Rule.FORMULA, null, tp2, tp2Reason));
      trace.accept(new Step("tp3", Rule.FORMULA, null, tp3, tp3Reason));
      trace.accept(new Step("sl", Rule.FORMULA, null, sl, slReason));
    }

    if (in.fundingRate() != 0) {
      double tpScale = 1.0 + c.fundingWeight() * in.fundingRate();
      if (!(tpScale > 0)) {
        // The seed floored the then negative TPs to 0.003 each; a scale <= 0 means the inputs are wrong.
        throw new InvalidIntentException("funding_rate", plain(in.fundingRate()),
            "makes the take-profit scale 1 + " + plain(c.fundingWeight()) + "·funding_rate <= 0");
      }
      double t1 = tp1 * tpScale;
      double t2 = tp2 * tpScale;
      double t3 = tp3 * tpScale;
      if (trace != null) {
        trace.accept(new Step("tp1", Rule.MODIFIER, tp1, t1, tpScaleReason));
        trace.accept(new Step("tp2", Rule.MODIFIER, tp2, t2, tpScaleReason));
        trace.accept(new Step("tp3", Rule.MODIFIER, tp3, t3, tpScaleReason));
      }
      tp1 = t1;
      tp2 = t2;
      tp3 = t3;
    }
    if (in.exchangeDivergence() != 0 || in.volatilityFactor() != 0) {
      double slScale = 1.0 + c.divergenceWeight() * in.exchangeDivergence() + c.volatilityWeight() * in.volatilityFactor();
      double s = sl * slScale;
      if (trace != null) {
        trace.accept(new Step("sl", Rule.MODIFIER, sl, s, slScaleReason));
      }
      sl = s;
    }

    tp1 = floor("tp1", tp1, c.tpFloor(), tpFloorReason, trace);
    tp2 = floor("tp2", tp2, c.tpFloor(), tpFloorReason, trace);
    tp3 = floor("tp3", tp3, c.tpFloor(), tpFloorReason, trace);
    sl = floor("sl", sl, c.slFloor(), slFloorReason, trace);
    if (sl < c.slMin()) {
      if (trace != null) {
        trace.accept(new Step("sl", Rule.CLAMP, sl, c.slMin(), slMinReason));
      }
      sl = c.slMin();
    } else if (sl > c.slMax()) {
      if (trace != null) {
        trace.accept(new Step("sl", Rule.CLAMP, sl, c.slMax(), slMaxReason));
      }
      sl = c.slMax();
    }
    return new Levels(tp1, tp2, tp3, sl);
  }

  private static double floor(String field, double value, double floor, String reason, Consumer<Step> trace) {
    if (value < floor) {
      if (trace != null) {
        trace.accept(new Step(field, Rule.FLOOR, value, floor, reason));
      }
      return floor;
    }
    return value;
  }

  @Override
  public String toString() {
    return "seed formula " + c;
  }
}
