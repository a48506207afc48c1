package dev.exitbrain.redis;

import static dev.exitbrain.redis.RedisStreams.all;
import static dev.exitbrain.redis.RedisStreams.await;
import static dev.exitbrain.redis.RedisStreams.payload;
import static dev.exitbrain.redis.RedisStreams.recordsByIntent;
import static dev.exitbrain.redis.RedisStreams.uniqueConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitBrainConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/** The consumer against a real redis-server: formats, outcomes and delivery semantics. */
class ConsumerIT {
  private static RedisClient jedis;

  @BeforeAll
  static void connect() {
    jedis = RedisConnections.open(TestRedis.sharedUri());
  }

  @AfterAll
  static void disconnect() {
    jedis.close();
  }

  private static ObjectNode intent(String symbol, String side, double leverage) {
    ObjectNode o = RedisStreams.JSON.createObjectNode();
    o.put("symbol", symbol);
    o.put("side", side);
    o.put("leverage", leverage);
    o.put("timestamp", Instant.now().toString());
    return o;
  }

  private static ExitBrainConsumer consumer(ConsumerConfig c) {
    return ExitBrainConsumer.builder(jedis).config(c).build();
  }

  /** {@code n} BTCUSDT buys at leverage 1 to 20. */
  private static List<ObjectNode> plans(int n) {
    List<ObjectNode> out = new java.util.ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(intent("BTCUSDT", "BUY", 1 + k % 20));
    }
    return out;
  }

  /** Publishes plans to a consumer's input stream, 50 at a time, until stopped. */
  private static final class Producer {
    private final java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final Thread thread;

    Producer(ConsumerConfig c) {
      IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
      thread = new Thread(() -> {
        while (on.get()) {
          pub.publishAll(plans(50), IntentPublisher.Shape.ENVELOPE);
        }
      });
      thread.start();
    }

    void stop() throws InterruptedException {
      on.set(false);
      thread.join();
    }
  }

  /** Notes the thread each recorded plan is counted on, and throws an Error there when told to. */
  private static class ComputedOn implements ConsumerListener {
    final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final boolean fail;

    ComputedOn(boolean fail) {
      this.fail = fail;
    }

    @Override
    public void computed(long latencyNanos) {
      threads.add(Thread.currentThread().getName());
      if (fail) {
        throw new StackOverflowError("listener gone wrong");
      }
    }
  }

  @Test
  void everyProducerShapeIsComputedWithTheSeedSchema() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    ObjectNode eth = intent("ETHUSDT", "BUY", 20).put("volatility_factor", 1.5).put("entry_price", "3000")
        .put("tick_size", "0.01").put("position_size_usd", 1000).put("step_size", "0.001");
    String envelope = pub.publish(eth, IntentPublisher.Shape.ENVELOPE);
    String flat = pub.publish(intent("SOLUSDT", "sell", 10), IntentPublisher.Shape.FLAT);
    String data = pub.publish(intent("BNBUSDT", "LONG", 5), IntentPublisher.Shape.DATA);
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("three plans", Duration.ofSeconds(10), () -> jedis.xlen(c.outputStream()) == 3);
    }
    List<StreamEntry> out = all(jedis, c.outputStream());
    assertThat(out).extracting(e -> e.getFields().get("intent_id")).containsExactly(envelope, flat, data);
    StreamEntry first = out.get(0);
    assertThat(first.getFields()).containsEntry("event_type", "exitbrain.adaptive_levels")
        .containsKeys("payload", "trace_id", "correlation_id", "timestamp", "source");
    JsonNode p = payload(first);
    assertThat(p.get("symbol").asText()).isEqualTo("ETHUSDT");
    // v35-reference.md §2.5: the live sample's LSF at 20x.
    assertThat(p.at("/adaptive_levels/LSF").doubleValue()).isEqualTo(0.24724797930973505);
    assertThat(p.at("/adaptive_levels/harvest_scheme").toString()).isEqualTo("[0.4,0.4,0.2]");
    assertThat(p.at("/adaptive_levels/avg_pnl_last_20").doubleValue()).isZero();
    assertThat(p.at("/ilf_metadata").has("regime")).isTrue();
    assertThat(p.at("/prices/entry").asText()).isEqualTo("3000");
    assertThat(p.at("/quantities/total").asText()).isEqualTo("0.333");
    assertThat(p.get("intent_id").asText()).isEqualTo(envelope);
    assertThat(payload(out.get(1)).get("side").asText()).isEqualTo("SHORT");
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
  }

  @Test
  void skipsAndDeadLettersAreRecordedOnce() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    String stale = pub.publish(intent("BTCUSDT", "BUY", 10)
        .put("timestamp", Instant.now().minus(Duration.ofMinutes(78)).toEpochMilli()), IntentPublisher.Shape.FLAT);
    String hold = pub.publish(intent("BTCUSDT", "HOLD", 10));
    String lev0 = pub.publish(intent("BTCUSDT", "BUY", 0));
    ObjectNode noSymbol = intent("X", "BUY", 10);
    noSymbol.remove("symbol");
    String missing = pub.publish(noSymbol, IntentPublisher.Shape.DATA);
    String future = pub.publish(intent("BTCUSDT", "BUY", 10).put("timestamp", Instant.now().plusSeconds(3600).toString()));
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("five records", Duration.ofSeconds(10), () -> recordsByIntent(jedis, c).size() == 5);
      // The counters follow the records (from the recorder thread, or the reader for a small batch).
      await("counted", Duration.ofSeconds(5), () -> consumer.health().skipped() == 2);
      assertThat(consumer.health().deadLettered()).isEqualTo(3);
    }
    Map<String, List<String>> by = recordsByIntent(jedis, c);
    assertThat(by).containsEntry(stale, List.of("result")).containsEntry(hold, List.of("result"))
        .containsEntry(lev0, List.of("dlq")).containsEntry(missing, List.of("dlq")).containsEntry(future, List.of("dlq"));
    List<StreamEntry> results = all(jedis, c.resultStream());
    JsonNode staleRecord = payload(results.get(0));
    assertThat(staleRecord.get("status").asText()).isEqualTo("skipped_stale");
    assertThat(staleRecord.get("reason").asText()).matches("age 78\\.\\d min > max 5\\.0 min");
    assertThat(payload(results.get(1)).get("status").asText()).isEqualTo("skipped_hold");
    List<StreamEntry> dlq = all(jedis, c.deadLetterStream());
    assertThat(dlq.get(0).getFields()).containsEntry("dlq_field", "leverage").containsEntry("dlq_delivery_count", "1")
        .containsKey("payload");
    assertThat(dlq.get(1).getFields()).containsEntry("dlq_field", "symbol").containsKey("data");
    assertThat(dlq.get(2).getFields()).containsEntry("dlq_field", "timestamp");
  }

  @Test
  void aBatchSplitAmongComputeThreadsKeepsEachOutcomeWithItsEntryAndTheOrder() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).batchSize(100).computeThreads(4).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    List<ObjectNode> intents = new java.util.ArrayList<>();
    for (int k = 0; k < 300; k++) {
      // every 7th invalid (leverage 0), every 11th a HOLD, the rest plans at leverage 1..50
      intents.add(intent("BTCUSDT", k % 11 == 0 ? "HOLD" : "BUY", k % 7 == 0 ? 0 : 1 + k % 50));
    }
    List<String> ids = pub.publishAll(intents, IntentPublisher.Shape.ENVELOPE);
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("300 records", Duration.ofSeconds(20), () -> recordsByIntent(jedis, c).size() == 300);
    }
    Map<String, List<String>> by = recordsByIntent(jedis, c);
    List<String> planned = new java.util.ArrayList<>();
    for (int k = 0; k < 300; k++) {
      String expected = k % 11 == 0 ? "result" : k % 7 == 0 ? "dlq" : "output";
      assertThat(by.get(ids.get(k))).as("entry %d", k).containsExactly(expected);
      if (expected.equals("output")) {
        planned.add(ids.get(k));
      }
    }
    List<StreamEntry> out = all(jedis, c.outputStream());
    assertThat(out).extracting(e -> e.getFields().get("intent_id")).containsExactlyElementsOf(planned);
    for (StreamEntry e : out) {
      int k = ids.indexOf(e.getFields().get("intent_id"));
      assertThat(payload(e).get("leverage").asInt()).as("entry %d", k).isEqualTo(1 + k % 50);
    }
  }

  @Test
  void groupCreationIsIdempotentAndStartsAtTheEndUnlessReplayIsAsked() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    pub.publish(intent("OLDUSDT", "BUY", 10));
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("group", Duration.ofSeconds(5), () -> !jedis.xinfoGroups(c.inputStream()).isEmpty());
      String fresh = pub.publish(intent("NEWUSDT", "BUY", 10));
      await("the new plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
      assertThat(all(jedis, c.outputStream()).get(0).getFields()).containsEntry("intent_id", fresh);
    }
    // Existing group: a second start is fine, and replay does not rewind an existing group.
    try (ExitBrainConsumer again = consumer(c.toBuilder().replay(true).build())) {
      again.start();
      Thread.sleep(300);
      assertThat(again.health().isUp()).isTrue();
    }
    assertThat(jedis.xlen(c.outputStream())).isEqualTo(1);
  }

  @Test
  void ownPendingEntriesAreReprocessedOnRestart() throws Exception {
    ConsumerConfig c = uniqueConfig("stable-name").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(pub.publish(intent("BTCUSDT", "BUY", 10)));
    }
    // A previous life of this consumer read them and died before recording.
    jedis.xreadGroup(c.group(), c.consumer(), XReadGroupParams.xReadGroupParams().count(10),
        Map.of(c.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isEqualTo(5);
    try (ExitBrainConsumer consumer = consumer(c.toBuilder().claimIdle(Duration.ofMinutes(10)).build())) {
      consumer.start();
      await("recovered plans", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 5);
    }
    assertThat(recordsByIntent(jedis, c).keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
  }

  @Test
  void idleEntriesOfADeadConsumerAreClaimedAndPoisonGoesToTheDeadLetterStream() throws Exception {
    ConsumerConfig c = uniqueConfig("live").replay(true).maxDeliveries(3).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    String orphan = pub.publish(intent("BTCUSDT", "BUY", 10));
    jedis.xreadGroup(c.group(), "dead", XReadGroupParams.xReadGroupParams().count(10),
        Map.of(c.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    // An engine that always fails: the entry is retried until it exceeds max deliveries.
    AtomicInteger attempts = new AtomicInteger();
    ExitBrain broken = ExitBrain.create(ExitBrainConfig.builder().formula((in, trace) -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("formula bug");
    }).build());
    String poison = pub.publish(intent("ETHUSDT", "BUY", 10));
    try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).brain(broken).build()) {
      consumer.start();
      await("both entries recorded", Duration.ofSeconds(20), () -> recordsByIntent(jedis, c).size() == 2);
    }
    Map<String, List<String>> by = recordsByIntent(jedis, c);
    assertThat(by.get(orphan)).containsExactly("dlq");
    assertThat(by.get(poison)).containsExactly("dlq");
    for (StreamEntry e : all(jedis, c.deadLetterStream())) {
      assertThat(e.getFields()).containsEntry("dlq_kind", "too_many_deliveries").containsEntry("dlq_delivery_count", "4");
    }
    // The orphan failed at deliveries 2 and 3 (the dead consumer had the first), the poison at 1, 2, 3.
    assertThat(attempts.get()).isEqualTo(5);
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
  }

  @Test
  void anEntryTrimmedAwayWhilePendingIsDeadLettered() throws Exception {
    ConsumerConfig c = uniqueConfig("live").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    String gone = pub.publish(intent("BTCUSDT", "BUY", 10));
    jedis.xreadGroup(c.group(), "dead", XReadGroupParams.xReadGroupParams().count(10),
        Map.of(c.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    jedis.xdel(c.inputStream(), new StreamEntryID(gone));
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("dead letter", Duration.ofSeconds(10), () -> jedis.xlen(c.deadLetterStream()) == 1);
    }
    assertThat(all(jedis, c.deadLetterStream()).get(0).getFields()).containsEntry("dlq_intent_id", gone)
        .containsEntry("dlq_kind", "trimmed").containsEntry("dlq_consumer", "dead");
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
  }

  @Test
  void aRecordIsNotWrittenForAnEntryAnotherConsumerClaimed() {
    ConsumerConfig c = uniqueConfig("a").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    String id = pub.publish(intent("BTCUSDT", "BUY", 10));
    jedis.xreadGroup(c.group(), "a", XReadGroupParams.xReadGroupParams().count(10),
        Map.of(c.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    jedis.xclaim(c.inputStream(), c.group(), "b", 0, redis.clients.jedis.params.XClaimParams.xClaimParams(),
        new StreamEntryID(id));
    dev.exitbrain.redis.internal.StreamIo io = new dev.exitbrain.redis.internal.StreamIo(jedis, c);
    boolean[] done = io.record(List.of(id), List.of(new dev.exitbrain.redis.internal.Outcome.Computed(
        List.of("intent_id", id, "payload", "{}"))));
    assertThat(done).containsExactly(false);
    assertThat(jedis.xlen(c.outputStream())).isZero();
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isEqualTo(1);
  }

  @Test
  void anIdGivenTwiceToTheRecordScriptIsRecordedOnceEvenPastItsPendingCheck() {
    ConsumerConfig c = uniqueConfig("a").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    List<String> ids = pub.publishAll(plans(300), IntentPublisher.Shape.ENVELOPE);
    jedis.xreadGroup(c.group(), "a", XReadGroupParams.xReadGroupParams().count(300),
        Map.of(c.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    // 300 pending over the batch's id range: more than the script's first XPENDING returns for 3 entries,
    // so the last id is checked on its own, and so is the repeated first one.
    dev.exitbrain.redis.internal.StreamIo io = new dev.exitbrain.redis.internal.StreamIo(jedis, c);
    String first = ids.get(0);
    String last = ids.get(299);
    List<dev.exitbrain.redis.internal.Outcome.Recorded> records = new java.util.ArrayList<>();
    for (String id : List.of(first, first, last)) {
      records.add(new dev.exitbrain.redis.internal.Outcome.Computed(List.of("intent_id", id, "payload", "{}")));
    }
    boolean[] done = io.record(List.of(first, first, last), records);
    assertThat(done).containsExactly(true, false, true);
    assertThat(jedis.xlen(c.outputStream())).isEqualTo(2);
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isEqualTo(298);
  }

  @Test
  void aScriptFailingHalfwayNeverLeavesARecordWithoutItsAcknowledgement() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.set(c.outputStream(), "not a stream");       // every XADD of a plan fails with WRONGTYPE
    String hold = pub.publish(intent("BTCUSDT", "HOLD", 10));
    String plan = pub.publish(intent("BTCUSDT", "BUY", 10));
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("the skip", Duration.ofSeconds(5), () -> jedis.xlen(c.resultStream()) >= 1);
      Thread.sleep(2500);                               // past the claim idle time: retries have run
      jedis.del(c.outputStream());
      await("the plan", Duration.ofSeconds(10), () -> jedis.exists(c.outputStream()) && jedis.xlen(c.outputStream()) == 1);
    }
    Map<String, List<String>> by = recordsByIntent(jedis, c);
    assertThat(by.get(hold)).containsExactly("result");
    assertThat(by.get(plan)).containsExactly("output");
  }

  @Test
  void closingWhileIntentsKeepComingLeavesNothingDeliveredUnrecorded() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).block(Duration.ofMillis(200)).build();
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    Producer producer = new Producer(c);
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("some plans", Duration.ofSeconds(10), () -> jedis.xlen(c.outputStream()) > 2_000);
    }   // closed while reads are in flight
    producer.stop();
    // Every entry delivered to the consumer (read-ahead included) was recorded before close() returned.
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
    StreamEntryID lastDelivered = jedis.xinfoGroups(c.inputStream()).get(0).getLastDeliveredId();
    long delivered = jedis.xrange(c.inputStream(), StreamEntryID.MINIMUM_ID, lastDelivered).size();
    assertThat(jedis.xlen(c.outputStream())).isEqualTo(delivered);
  }

  @Test
  void anErrorWhileRecordingTheLastReadEndsTheConsumerAsFailedAndStopsItsThreads() throws Exception {
    ConsumerConfig c = uniqueConfig("e1").replay(true).block(Duration.ofMillis(200)).build();
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    ConsumerListener failsOnTheWayOut = new ConsumerListener() {
      @Override
      public void received(int count) {
        if (java.util.Arrays.stream(Thread.currentThread().getStackTrace())
            .anyMatch(f -> f.getMethodName().equals("handleLastRead"))) {
          throw new OutOfMemoryError("simulated while the last read is handled");
        }
      }
    };
    Producer producer = new Producer(c);
    ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).listener(failsOnTheWayOut).build();
    consumer.start();
    await("plans", Duration.ofSeconds(10), () -> jedis.xlen(c.outputStream()) > 2_000);
    long t0 = System.nanoTime();
    consumer.close();
    producer.stop();
    assertThat(consumer.awaitTermination(Duration.ofSeconds(1))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    // Whether a read was in flight at close() is up to timing; the consumer must end either way.
    assertThat(consumer.health().state()).isIn("FAILED", "STOPPED");
    await("its threads end", Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().endsWith("-" + c.consumer()) || t.getName().contains("-" + c.consumer() + "-")));
  }

  @Test
  void aSmallBatchTheReaderCannotRecordForATransientErrorIsRetriedByTheRecorder() throws Exception {
    ConsumerConfig c = uniqueConfig("o1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    String maxmemory = config("GET", "maxmemory");
    ComputedOn listener = new ComputedOn(false) {
      @Override
      public void received(int count) {
        // Between the read and the record step: over maxmemory (noeviction) Redis refuses the script's
        // XADD with OOM, a transient error.
        config("SET", "maxmemory", "1");
      }
    };
    try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).listener(listener).build()) {
      consumer.start();
      String id = pub.publish(intent("BTCUSDT", "BUY", 10));
      await("the OOM refusal", Duration.ofSeconds(10),
          () -> consumer.health().lastError() != null && consumer.health().lastError().contains("OOM"));
      Thread.sleep(300);                                // the recorder's retries meet OOM too
      assertThat(jedis.xlen(c.outputStream())).isZero();
      config("SET", "maxmemory", maxmemory);
      await("the plan", Duration.ofSeconds(10), () -> jedis.exists(c.outputStream()) && jedis.xlen(c.outputStream()) == 1);
      await("counted", Duration.ofSeconds(5), () -> consumer.health().computed() == 1);
      assertThat(recordsByIntent(jedis, c)).containsExactly(Map.entry(id, List.of("output")));
    } finally {
      config("SET", "maxmemory", maxmemory);
    }
    // The reader's own attempt failed; the recorder, given the batch, wrote it once memory was back.
    assertThat(listener.threads).containsExactly("exitbrain-recorder-o1");
    assertThat(jedis.xpending(c.inputStream(), c.group()).getTotal()).isZero();
  }

  /** CONFIG GET / SET on the test server (RedisClient has no typed CONFIG): the value read, or "OK". */
  private static String config(String op, String name, String... value) {
    try (redis.clients.jedis.Jedis raw = new redis.clients.jedis.Jedis(java.net.URI.create(TestRedis.sharedUri()))) {
      return op.equals("GET") ? raw.configGet(name).get(name) : raw.configSet(name, value[0]);
    }
  }

  @Test
  void aClosedConsumerCannotBeStartedAgain() {
    ExitBrainConsumer consumer = consumer(uniqueConfig("s1").build());
    consumer.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("s1").hasMessageContaining("closed");
  }

  @Test
  void drainModeSkipsEverything() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).drain(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    pub.publish(intent("BTCUSDT", "BUY", 10));
    pub.publish(intent("BTCUSDT", "BUY", 0));
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("two skips", Duration.ofSeconds(5), () -> jedis.xlen(c.resultStream()) == 2);
    }
    assertThat(all(jedis, c.resultStream())).allSatisfy(e ->
        assertThat(payload(e).get("status").asText()).isEqualTo("skipped_drain"));
    assertThat(jedis.xlen(c.outputStream())).isZero();
  }

  @Test
  void aDeletedStreamAndGroupAreRecreated() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("first plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
      jedis.del(c.inputStream());
      Thread.sleep(300);
      await("group recreated", Duration.ofSeconds(5), () -> jedis.exists(c.inputStream())
          && !jedis.xinfoGroups(c.inputStream()).isEmpty());
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("second plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 2);
      assertThat(consumer.health().lastError()).matches("(?s).*(NOGROUP|UNBLOCKED).*");
    }
  }

  @Test
  void drainModeCanBeSwitchedWhileRunning() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      consumer.drain(true);
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("skip", Duration.ofSeconds(5), () -> jedis.xlen(c.resultStream()) == 1);
      consumer.drain(false);
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
    }
    assertThat(payload(all(jedis, c.resultStream()).get(0)).get("status").asText()).isEqualTo("skipped_drain");
  }

  @Test
  void aDestroyedGroupIsRecreatedAfterTheLastEntrySeen() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("group", Duration.ofSeconds(5), () -> jedis.exists(c.inputStream()));
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("first plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
      jedis.xgroupDestroy(c.inputStream(), c.group());
      String second = pub.publish(intent("ETHUSDT", "BUY", 10));
      await("second plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 2);
      Thread.sleep(300);
      assertThat(RedisStreams.recordsByIntent(jedis, c).get(second)).containsExactly("output");
      assertThat(jedis.xlen(c.outputStream())).as("the first entry is not recorded twice").isEqualTo(2);
    }
  }

  @Test
  void idleConsumersWithNothingPendingAreRemoved() throws Exception {
    ConsumerConfig c = uniqueConfig("live").removeIdleConsumersAfter(Duration.ofMillis(300)).build();
    jedis.xgroupCreate(c.inputStream(), c.group(), StreamEntryID.XGROUP_LAST_ENTRY, true);
    jedis.xgroupCreateConsumer(c.inputStream(), c.group(), "ghost");
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      await("ghost removed", Duration.ofSeconds(5), () -> jedis.xinfoConsumers2(c.inputStream(), c.group())
          .stream().noneMatch(i -> i.getName().equals("ghost")));
    }
  }

  @Test
  void theEngineCanBeSwappedWhileRunning() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    try (ExitBrainConsumer consumer = consumer(c)) {
      consumer.start();
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("first", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
      consumer.updateBrain(ExitBrain.create(ExitBrainConfig.builder().bases(0.02, 0.005).build()));
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("second", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 2);
    }
    List<StreamEntry> out = all(jedis, c.outputStream());
    double before = payload(out.get(0)).at("/adaptive_levels/tp1").doubleValue();
    double after = payload(out.get(1)).at("/adaptive_levels/tp1").doubleValue();
    assertThat(after).isEqualTo(2 * before);
  }

  @Test
  void aThrowingListenerNeverDisturbsTheConsumer() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    ConsumerListener hostile = new ConsumerListener() {
      @Override
      public void received(int count) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void computed(long latencyNanos) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).listener(hostile).build()) {
      consumer.start();
      pub.publish(intent("BTCUSDT", "BUY", 10));
      await("plan", Duration.ofSeconds(5), () -> jedis.xlen(c.outputStream()) == 1);
      await("counted despite the listener", Duration.ofSeconds(5), () -> consumer.health().computed() == 1);
    }
  }

  @Test
  void anErrorOnTheRecorderThreadEndsTheConsumerAsFailedWithoutHanging() throws Exception {
    // Full batches (2 entries, 40 waiting) go to the recorder thread; a small one would be recorded by the reader.
    ConsumerConfig c = uniqueConfig("c1").replay(true).batchSize(2).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    jedis.xgroupCreate(c.inputStream(), c.group(), new StreamEntryID(0, 0), true);
    pub.publishAll(plans(40), IntentPublisher.Shape.ENVELOPE);
    ComputedOn fatal = new ComputedOn(true);
    ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).listener(fatal).build();
    consumer.start();
    assertThat(consumer.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(consumer.health().state()).isEqualTo("FAILED");
    assertThat(fatal.threads).containsExactly("exitbrain-recorder-c1");
    consumer.close();
    assertThat(consumer.health().state()).isEqualTo("FAILED");
  }

  @Test
  void anErrorFromAListenerWhileTheReaderRecordsASmallBatchEndsTheConsumerAsFailed() throws Exception {
    ConsumerConfig c = uniqueConfig("c2").replay(true).build();
    IntentPublisher pub = new IntentPublisher(jedis, c.inputStream(), "test");
    ComputedOn fatal = new ComputedOn(true);
    ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis).config(c).listener(fatal).build();
    consumer.start();
    for (int i = 0; i < 5; i++) {
      pub.publish(intent("BTCUSDT", "BUY", 10));
    }
    assertThat(consumer.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(consumer.health().state()).isEqualTo("FAILED");
    assertThat(fatal.threads).containsExactly("exitbrain-consumer-c2");
  }

  @Test
  void closeReturnsQuicklyAndRunBlocksUntilClosed() throws Exception {
    ConsumerConfig c = uniqueConfig("c1").block(Duration.ofSeconds(2)).claimIdle(Duration.ofSeconds(5)).build();
    ExitBrainConsumer consumer = consumer(c);
    Thread main = new Thread(() -> {
      try {
        consumer.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    main.start();
    await("running", Duration.ofSeconds(5), () -> consumer.health().isUp());
    Thread.sleep(300);
    assertThat(main.isAlive()).isTrue();
    long t0 = System.nanoTime();
    consumer.close();
    main.join(5000);
    assertThat(main.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    assertThat(consumer.health().state()).isEqualTo("STOPPED");
    // An idle stream under blocking reads never produced a read timeout.
    assertThat(consumer.health().lastError()).isNull();
  }

  @Test
  void aclUserPasswordAndDatabaseFromTheUri() throws Exception {
    try (TestRedis server = TestRedis.start(false); RedisClient admin = server.client()) {
      try (redis.clients.jedis.Jedis raw = new redis.clients.jedis.Jedis("127.0.0.1", server.port())) {
        raw.aclSetUser("trader", "on", ">s3cr3t p@ss", "~*", "+@all");
      }
      String uri = "redis://trader:s3cr3t%20p%40ss@127.0.0.1:" + server.port() + "/3";
      ConsumerConfig c = uniqueConfig("c1").replay(true).build();
      try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(uri).config(c).build();
          RedisClient db3 = RedisConnections.open(uri)) {
        consumer.start();
        new IntentPublisher(db3, c.inputStream(), "test").publish(intent("BTCUSDT", "BUY", 10));
        await("plan in database 3", Duration.ofSeconds(5), () -> db3.xlen(c.outputStream()) == 1);
        assertThat(admin.exists(c.outputStream())).as("nothing in database 0").isFalse();
      }
      assertThat(RedisConnections.redact(uri)).doesNotContain("s3cr3t").contains("trader:****@");
    }
  }
}
