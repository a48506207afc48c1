package dev.exitbrain.internal;

import dev.exitbrain.Rule;
import dev.exitbrain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the engine records the steps of a derivation, or nothing. A plan is computed with tracing
 * off; its explanation runs the same computation again with tracing on, when someone reads it.
 * Reasons are built only when tracing is on, so they may be as wordy as they need to be.
 *
 * <p>A third mode keeps only the adjustments (steps that corrected a value and changed it), for a
 * caller that reads {@code ExitPlan.adjustments()} alone, as the Redis payload does: steps that are
 * never adjustments need not even be built then.
 */
final class Trace {
  /** The consumer handed to a {@code LevelFormula} when nothing is recorded; the seed formula skips its steps. */
  static final Consumer<Step> NO_STEPS = step -> {};

  static final Trace OFF = new Trace(null, false);

  private final List<Step> steps;
  private final boolean adjustmentsOnly;

  private Trace(List<Step> steps, boolean adjustmentsOnly) {
    this.steps = steps;
    this.adjustmentsOnly = adjustmentsOnly;
  }

  /** Records every step. */
  static Trace on() {
    return new Trace(new ArrayList<>(40), false);
  }

  /** Records only the steps that corrected a value and changed it. */
  static Trace adjustments() {
    return new Trace(new ArrayList<>(8), true);
  }

  /** True when anything is recorded: the exact values that steps show must be computed. */
  boolean enabled() {
    return steps != null;
  }

  /** True when every step is recorded, including those that are never adjustments. */
  boolean all() {
    return steps != null && !adjustmentsOnly;
  }

  List<Step> steps() {
    return steps;
  }

  Consumer<Step> consumer() {
    return steps == null ? NO_STEPS : this::keep;
  }

  void add(String field, Rule rule, Number before, Number after, String reason) {
    if (steps != null && (!adjustmentsOnly || rule.isAdjustment())) {
      keep(new Step(field, rule, before, after, reason));
    }
  }

  private void keep(Step step) {
    if (!adjustmentsOnly || step.rule().isAdjustment() && step.changed()) {
      steps.add(step);
    }
  }
}
