package dev.exitbrain.benchmarks;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ExitBrain#compute} on one thread, with the engine and the intents built beforehand.
 *
 * <ul>
 *   <li>{@code levelsOnly}: the seed's job. Symbol, side, leverage and volatility factor only, so the
 *       plan has fractions, ROI, harvest scheme, liquidation distance and the explanation, but no
 *       prices or quantities. The leverage rotates through eight values so the JIT cannot fold the
 *       result into a constant, and all three harvest tiers are exercised.
 *   <li>{@code fullPlan}: BTCUSDT long 15x with entry price, tick, step, minimum quantity, size and
 *       every modifier, so the plan adds prices on the tick, quantities on the step, the stop ladder
 *       and the full explanation.
 *   <li>{@code fullPlanExplained}: the full plan and then its explanation's steps, which the engine
 *       builds on first use by running the same pure computation again with tracing on.
 *   <li>{@code fullPlanShort}: the same intent as a short.
 * </ul>
 *
 * <p>Targets (issue 2): levels only at most 50 ns/op, full plan at most 300 ns/op. Commands and
 * results are in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ComputeBenchmark {

  /** Eight leverages over all three harvest tiers (≤ 10, ≤ 30, above); a power of two for the mask. */
  private static final double[] LEVERAGES = {2, 5, 10, 15, 20, 30, 50, 75};

  private ExitBrain brain;
  private TradeIntent[] levelIntents;
  private int next;
  private TradeIntent fullLong;
  private TradeIntent fullShort;

  @Setup
  public void setUp() {
    brain = ExitBrain.create();
    levelIntents = new TradeIntent[LEVERAGES.length];
    for (int i = 0; i < LEVERAGES.length; i++) {
      levelIntents[i] = TradeIntent.builder("BTCUSDT", Side.LONG)
          .leverage(LEVERAGES[i])
          .volatilityFactor(1.2)
          .build();
    }
    fullLong = full(Side.LONG);
    fullShort = full(Side.SHORT);

    // Fail before measuring if an intent no longer makes the plan it is meant to measure.
    for (TradeIntent intent : levelIntents) {
      ExitPlan plan = brain.compute(intent);
      check(plan.stopLoss().price().isEmpty() && plan.totalQuantity().isEmpty(), "levels-only plan has prices");
    }
    for (TradeIntent intent : new TradeIntent[] {fullLong, fullShort}) {
      ExitPlan plan = brain.compute(intent);
      check(plan.stopLoss().price().isPresent(), "full plan has no stop price");
      check(plan.totalQuantity().isPresent(), "full plan has no quantity");
      check(plan.stopLadder().size() == 3, "full plan has no stop ladder");
      check(!plan.explanation().steps().isEmpty(), "full plan has no explanation");
    }
  }

  private static TradeIntent full(Side side) {
    return TradeIntent.builder("BTCUSDT", side)
        .leverage(15)
        .volatilityFactor(1.2)
        .entryPrice(new BigDecimal("65000"))
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .minQty(new BigDecimal("0.001"))
        .positionSizeUsd(new BigDecimal("10000"))
        .fundingRate(0.0001)
        .exchangeDivergence(0.05)
        .build();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  /** Fractions, ROI, harvest and explanation; no entry price, no size. */
  @Benchmark
  public ExitPlan levelsOnly() {
    TradeIntent intent = levelIntents[next];
    next = (next + 1) & (LEVERAGES.length - 1);
    return brain.compute(intent);
  }

  /** BTCUSDT long 15x: prices, quantities, stop ladder and explanation. */
  @Benchmark
  public ExitPlan fullPlan() {
    return brain.compute(fullLong);
  }

  /**
   * The full plan with its explanation materialised: the plan is computed, then its steps are
   * produced by running the computation again with tracing on (what a caller pays for reading
   * {@code plan.explanation()}).
   */
  @Benchmark
  public int fullPlanExplained() {
    return brain.compute(fullLong).explanation().steps().size();
  }

  /** The same intent as a short. */
  @Benchmark
  public ExitPlan fullPlanShort() {
    return brain.compute(fullShort);
  }
}
