package dev.exitbrain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ordered steps that produced every number of a plan: formula, modifiers, floors, clamps,
 * ordering, liquidation guard, price rounding, quantity split and the stop ladder.
 */
public record Explanation(List<Step> steps) {

  public Explanation {
    steps = List.copyOf(steps);
  }

  /** The steps that corrected a value (floor, clamp, order, guard, rounding, merge) and did change it. */
  public List<Step> adjustments() {
    return steps.stream().filter(s -> s.rule().isAdjustment() && s.changed()).collect(Collectors.toList());
  }

  /** The steps that concern one field, e.g. {@code sl}. */
  public List<Step> of(String field) {
    return steps.stream().filter(s -> s.field().equals(field)).collect(Collectors.toList());
  }

  /** One step per line. */
  @Override
  public String toString() {
    return steps.stream().map(Step::toString).collect(Collectors.joining(System.lineSeparator()));
  }
}
