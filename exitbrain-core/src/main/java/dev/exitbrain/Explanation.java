package dev.exitbrain;

import static dev.exitbrain.internal.Checks.notNull;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The ordered steps that produced every number of a plan: formula, modifiers, floors, clamps,
 * ordering, liquidation guard, price rounding, quantity split and the stop ladder.
 *
 * <p>The engine builds the steps on first use, by running the same pure computation again with
 * tracing on, so a plan whose explanation nobody reads costs nothing for it. Reading only
 * {@link #adjustments()} runs a cheaper pass that records nothing else. Thread-safe.
 */
public final class Explanation {
  private final Supplier<List<Step>> source;
  private final Supplier<List<Step>> adjustmentSource;
  private volatile List<Step> steps;
  private volatile List<Step> adjustments;

  private Explanation(List<Step> steps, Supplier<List<Step>> source, Supplier<List<Step>> adjustmentSource) {
    this.steps = steps;
    this.source = source;
    this.adjustmentSource = adjustmentSource;
  }

  /** An explanation of the given steps. */
  public static Explanation of(List<Step> steps) {
    return new Explanation(List.copyOf(steps), null, null);
  }

  /** An explanation whose steps {@code source} produces on first use (called at most once). */
  public static Explanation lazy(Supplier<List<Step>> source) {
    return new Explanation(null, notNull(source, "source"), null);
  }

  /**
   * An explanation whose steps {@code source} produces on first use, and whose adjustments
   * {@code adjustmentSource} produces when they are read before the steps. Each is called at most
   * once; {@code adjustmentSource} must give exactly the adjustments of {@code source}'s steps.
   */
  public static Explanation lazy(Supplier<List<Step>> source, Supplier<List<Step>> adjustmentSource) {
    return new Explanation(null, notNull(source, "source"), notNull(adjustmentSource, "adjustmentSource"));
  }

  /** The steps, in order. */
  public List<Step> steps() {
    List<Step> s = steps;
    if (s == null) {
      synchronized (this) {
        s = steps;
        if (s == null) {
          s = List.copyOf(source.get());
          steps = s;
        }
      }
    }
    return s;
  }

  /**
   * The steps that corrected a value (floor, clamp, order, guard, rounding, merge) and did change it;
   * an unmodifiable list, built once.
   */
  public List<Step> adjustments() {
    List<Step> a = adjustments;
    if (a == null) {
      synchronized (this) {
        a = adjustments;
        if (a == null) {
          a = steps != null || adjustmentSource == null
              ? steps().stream().filter(s -> s.rule().isAdjustment() && s.changed()).collect(Collectors.toUnmodifiableList())
              : List.copyOf(adjustmentSource.get());
          adjustments = a;
        }
      }
    }
    return a;
  }

  /** The steps that concern one field, e.g. {@code sl}. */
  public List<Step> of(String field) {
    return steps().stream().filter(s -> s.field().equals(field)).collect(Collectors.toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Explanation && steps().equals(((Explanation) o).steps());
  }

  @Override
  public int hashCode() {
    return steps().hashCode();
  }

  /** One step per line. */
  @Override
  public String toString() {
    return steps().stream().map(Step::toString).collect(Collectors.joining(System.lineSeparator()));
  }
}
