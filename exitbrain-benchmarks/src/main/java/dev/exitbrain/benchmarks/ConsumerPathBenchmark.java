package dev.exitbrain.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.redis.ConsumerConfig;
import dev.exitbrain.redis.DecodedIntent;
import dev.exitbrain.redis.IntentDecoder;
import dev.exitbrain.redis.PlanPayload;
import dev.exitbrain.redis.internal.Outcome;
import dev.exitbrain.redis.internal.Processor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * What the Redis consumer does in Java for one entry, without Redis: decode the envelope, compute
 * the plan, write the payload. The entry is the one {@code RedisThroughput} sends (BTCUSDT with
 * entry price, tick, size and step, so the payload has prices, quantities, a ladder and
 * adjustments). {@code process} is the whole path ({@code Processor.process}: decode, checks,
 * compute, payload, envelope); the others are its parts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConsumerPathBenchmark {
  private ExitBrain brain;
  private Processor processor;
  private Map<String, String> fields;
  private DecodedIntent.Tradable decoded;
  private ExitPlan plan;
  private Instant now;

  @Setup
  public void setUp() {
    brain = ExitBrain.create();
    processor = new Processor(ConsumerConfig.defaults());
    ObjectNode o = RedisThroughput.intent(6);   // a BUY at 7x
    // The envelope IntentPublisher writes (as RedisThroughput sends it); built here, since a publisher needs a client.
    fields = new LinkedHashMap<>();
    fields.put("event_type", "trade.intent");
    fields.put("payload", o.toString());
    fields.put("trace_id", "");
    fields.put("correlation_id", "0b6da2e4-5a1f-4c59-9d7e-2f1c4e8a7b10");
    fields.put("timestamp", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString());
    fields.put("source", "bench");
    now = Instant.now();
    decoded = (DecodedIntent.Tradable) IntentDecoder.decode("1700000000000-0", fields);
    plan = brain.compute(decoded.intent());
    if (!(processor.process("1700000000000-0", fields, 1, brain, now) instanceof Outcome.Computed)) {
      throw new IllegalStateException("the benchmark entry is not computed");
    }
    if (plan.adjustments().isEmpty()) {
      throw new IllegalStateException("the benchmark plan has no adjustments");
    }
  }

  @Benchmark
  public Outcome process() {
    return processor.process("1700000000000-0", fields, 1, brain, now);
  }

  @Benchmark
  public DecodedIntent decode() {
    return IntentDecoder.decode("1700000000000-0", fields);
  }

  @Benchmark
  public ExitPlan compute() {
    return brain.compute(decoded.intent());
  }

  /** A fresh plan's adjustments: the explanation, built by running the computation again with tracing. */
  @Benchmark
  public Object computeAndAdjustments() {
    return brain.compute(decoded.intent()).adjustments();
  }

  /** The payload of a plan whose adjustments are already built: the JSON writing alone. */
  @Benchmark
  public String payloadOnly() {
    return PlanPayload.json(plan, decoded.intent(), decoded.meta());
  }

  /** The payload of a freshly computed plan: includes building its adjustments. */
  @Benchmark
  public String computeAndPayload() {
    return PlanPayload.json(brain.compute(decoded.intent()), decoded.intent(), decoded.meta());
  }
}
