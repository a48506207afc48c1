package dev.exitbrain;

import static dev.exitbrain.PropertyRunner.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.exitbrain.internal.Decimals;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decimals.of reads the shortest decimal of a double without parsing it as a BigDecimal string. */
class DecimalsTest {
  private static final String CLASS = "DecimalsTest";

  @BeforeAll
  static void banner() {
    System.out.println(PropertyRunner.banner(CLASS));
  }

  @Test
  void knownValues() {
    // equals: same value and same scale
    assertThat(Decimals.of(0.00924734204713787)).isEqualTo(new BigDecimal("0.00924734204713787"));
    assertThat(Decimals.of(-0.0001)).isEqualTo(new BigDecimal("-0.0001"));
    assertThat(Decimals.of(65000.0)).isEqualTo(new BigDecimal("65000"));
    assertThat(Decimals.of(1.5)).isEqualTo(new BigDecimal("1.5"));
    assertThat(Decimals.of(-0.0)).isEqualTo(new BigDecimal("0"));
    assertThat(Decimals.of(Double.MIN_VALUE)).isEqualTo(new BigDecimal("4.9E-324"));
    assertThat(Decimals.of(Double.MAX_VALUE)).isEqualTo(new BigDecimal("1.7976931348623157E308"));
    // Java 17's Double.toString(1e23) is 9.999999999999999E22, not the shortest form:
    assertThat(Decimals.of(1e23)).isEqualTo(new BigDecimal("1E23"));
  }

  @Test
  void rejectsNaNAndInfinity() {
    assertThatThrownBy(() -> Decimals.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    assertThatThrownBy(() -> Decimals.of(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameDigitsAndScaleAsParsingTheShortestString() {
    forAll(CLASS, "sameDigitsAndScaleAsParsingTheShortestString", g -> g.oneOf(0, 1, 2) == 0
        ? g.anyFiniteDouble()
        : g.chance(0.5) ? g.doubleIn(-1, 1) : g.logUniform(1e-12, 1e12), d -> {
          String shortest = NumberOutput.toString(d, true);
          BigDecimal expected = new BigDecimal(shortest.endsWith(".0") ? shortest.substring(0, shortest.length() - 2)
              : shortest.replace(".0E", "E"));
          BigDecimal actual = Decimals.of(d);
          PropertyTest.check(actual.equals(expected), "Decimals.of(%s) = %s, expected %s", d, actual, expected);
          PropertyTest.check(actual.doubleValue() == d || d == 0, "Decimals.of(%s) does not read back: %s", d, actual);
        });
  }
}
