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
 */
final class Trace {
  /** The consumer handed to a {@code LevelFormula} when nothing is recorded; the seed formula skips its steps. */
  static final Consumer<Step> NO_STEPS = step -> {};

  static final Trace OFF = new Trace(null);

  private final List<Step> steps;

  private Trace(List<Step> steps) {
    this.steps = steps;
  }

  static Trace on() {
    return new Trace(new ArrayList<>(40));
  }

  boolean enabled() {
    return steps != null;
  }

  List<Step> steps() {
    return steps;
  }

  Consumer<Step> consumer() {
    return steps == null ? NO_STEPS : steps::add;
  }

  void add(String field, Rule rule, Number before, Number after, String reason) {
    if (steps != null) {
      steps.add(new Step(field, rule, before, after, reason));
    }
  }
}
