package dev.exitbrain;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over many seeded cases. On the first failing case it throws an
 * {@link AssertionError} naming the property, the base seed, the case index and the input, and says
 * how to re-run it; the original failure is the cause. An unexpected exception (for example an
 * {@link InvalidIntentException} for an input that is valid) counts as a failure too.
 */
final class PropertyRunner {
  /** The base seed of this JVM's run, fixed once so that all properties in a run share it. */
  static final long BASE_SEED = Gen.baseSeed();

  private PropertyRunner() {}

  /** The line printed once per test class so a passing run can be repeated too. */
  static String banner(String testClass) {
    return testClass + ": base seed " + BASE_SEED + ", " + Gen.cases() + " cases per property"
        + (Gen.onlyCase() >= 0 ? " (only case " + Gen.onlyCase() + ")" : "")
        + "; re-run with -D" + Gen.SEED_PROPERTY + "=" + BASE_SEED;
  }

  /**
   * Checks {@code property} on {@link Gen#cases()} inputs made by {@code generator}.
   *
   * @param testClass simple name of the test class, for the re-run hint
   * @param name the test method's name, for the re-run hint
   * @param generator makes one input from a case's generator; its {@code toString} describes it
   * @param property throws {@link AssertionError} when the property does not hold
   * @return the number of cases run
   */
  static <T> int forAll(String testClass, String name, Function<Gen, T> generator, Consumer<T> property) {
    int cases = Gen.cases();
    int only = Gen.onlyCase();
    int run = 0;
    for (int i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : cases); i++) {
      T input = null;
      try {
        input = generator.apply(Gen.forCase(BASE_SEED, i));
        property.accept(input);
        run++;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(failure(testClass, name, i, cases, input, e), e);
      }
    }
    return run;
  }

  private static String failure(String testClass, String name, int index, int cases, Object input, Throwable e) {
    String nl = System.lineSeparator();
    return "Property '" + name + "' failed at case " + index + " of " + cases + " (base seed " + BASE_SEED + ")" + nl
        + "  input: " + (input == null ? "(the generator itself failed)" : input) + nl
        + "  " + (e instanceof AssertionError ? "failure: " : "unexpected exception: " + e.getClass().getSimpleName()
        + ": ") + e.getMessage() + nl
        + "  re-run this run:  ./mvnw -q verify -pl exitbrain-core -Dtest=" + testClass + "#" + name
        + " -D" + Gen.SEED_PROPERTY + "=" + BASE_SEED + nl
        + "  re-run this case: add -D" + Gen.CASE_PROPERTY + "=" + index;
  }
}
