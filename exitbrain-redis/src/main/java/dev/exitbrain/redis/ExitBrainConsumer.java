package dev.exitbrain.redis;

import static java.util.Objects.requireNonNull;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.redis.internal.Outcome;
import dev.exitbrain.redis.internal.Processor;
import dev.exitbrain.redis.internal.StreamIo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Consumes trade intents from a Redis Stream through a consumer group and records, for every entry,
 * exactly one of: an exit plan on the output stream, a skip record on the result stream, or a dead
 * letter. A record and the XACK of its entry happen in one script, guarded by a check that the entry
 * is still pending for this consumer, so nothing is acknowledged before its record exists and
 * nothing is recorded twice.
 *
 * <pre>{@code
 * try (ExitBrainConsumer consumer = ExitBrainConsumer.builder(jedis)
 *     .config(ConsumerConfig.builder().consumer("exitbrain-1").build())
 *     .brain(ExitBrain.create())
 *     .build()) {
 *   consumer.start();
 *   ...
 * }
 * }</pre>
 *
 * One consumer runs a reading thread, which splits each batch with {@code computeThreads - 1}
 * helpers to decode and compute it while a read-ahead thread already reads the next one, and a
 * recording thread, which writes the previous batch meanwhile (a small batch, with the recorder
 * idle, the reading thread records itself). It uses at most three connections of its client at a
 * time. Scale out with more consumers (distinct names) in the same group.
 */
public final class ExitBrainConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExitBrainConsumer.class);

  private final UnifiedJedis jedis;
  private final boolean ownsJedis;
  private final ConsumerConfig config;
  private final AtomicReference<ExitBrain> brain;
  private final ConsumerListener listener;
  private final Clock clock;
  private final StreamIo io;
  private final Processor processor;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicReference<String> state = new AtomicReference<>("NEW");
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong computed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private volatile Long lag;
  private volatile long pending = -1;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private volatile boolean running;
  private volatile boolean drain;
  private boolean closed;
  private volatile Error failure;
  private Thread thread;
  private final Recorder recorder = new Recorder();
  private Thread recorderThread;
  /** Batches handed to the recorder and not yet recorded (stale once the recorder failed). Only the reading thread raises it. */
  private final AtomicInteger handedOver = new AtomicInteger();

  /** Computes parts of a batch alongside the reading thread; null with one compute thread. */
  private ExecutorService helpers;
  /** Runs the next XREADGROUP while the current batch is computed. */
  private ExecutorService readAhead;
  private Future<List<StreamIo.Entry>> nextRead;

  private ExitBrainConsumer(Builder b) {
    this.jedis = b.jedis;
    this.ownsJedis = b.ownsJedis;
    this.config = b.config;
    this.brain = new AtomicReference<>(b.brain);
    this.listener = b.listener;
    this.clock = b.clock;
    this.io = new StreamIo(jedis, config);
    this.processor = new Processor(config);
    this.drain = config.drain();
  }

  /** A consumer on a client the application owns (and closes). */
  public static Builder builder(UnifiedJedis jedis) {
    return new Builder(requireNonNull(jedis, "jedis"), false);
  }

  /**
   * A consumer on its own pooled client for {@code redis://} or {@code rediss://} URI, closed with
   * the consumer.
   */
  public static Builder builder(String redisUri) {
    return new Builder(RedisConnections.open(requireNonNull(redisUri, "redisUri")), true);
  }

  /** Starts the consumer thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("consumer " + config.consumer() + " was already started");
    }
    if (closed) {
      throw new IllegalStateException("consumer " + config.consumer() + " was closed; build a new one");
    }
    running = true;
    state.set("RUNNING");
    thread = new Thread(this::loop, "exitbrain-consumer-" + config.consumer());
    thread.start();
  }

  /**
   * Starts the consumer and blocks until it is closed, by another thread, SIGTERM or Ctrl-C (a
   * shutdown hook closes it cleanly). For a main thread.
   */
  public void run() throws InterruptedException {
    start();
    Thread hook = new Thread(this::close, "exitbrain-consumer-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      terminated.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it closes us
      }
    }
  }

  /**
   * Stops reading, records what is in flight and returns once the thread has ended, at most about
   * the BLOCK time plus one batch later.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = false;
      if (thread == null) {
        state.set("STOPPED");
        terminated.countDown();
      } else if (!state.compareAndSet("RUNNING", "STOPPING")) {
        state.compareAndSet("BACKING_OFF", "STOPPING");   // STOPPED and FAILED stay as they are
      }
    }
    try {
      if (!awaitTermination(config.block().plus(Duration.ofSeconds(10)))) {
        LOG.warn("ExitBrain consumer {} did not stop in time; its in-flight entries stay pending and will be claimed",
            config.consumer());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsJedis) {
      jedis.close();
    }
  }

  /** Waits until the consumer thread has ended; true if it did within {@code timeout}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Swaps the engine atomically: each batch of entries is computed entirely with the engine that
   * was current when the batch started, never a mix.
   */
  public void updateBrain(ExitBrain newBrain) {
    brain.set(requireNonNull(newBrain, "brain"));
    LOG.info("ExitBrain consumer {}: engine configuration replaced", config.consumer());
  }

  /**
   * Turns drain mode on or off while running (the seed's SAFE_DRAIN): while on, every entry is
   * recorded as skipped_drain and nothing is computed. Takes effect from the next batch.
   */
  public void drain(boolean on) {
    drain = on;
    LOG.info("ExitBrain consumer {}: drain mode {}", config.consumer(), on ? "on" : "off");
  }

  public ConsumerConfig config() {
    return config;
  }

  /** A snapshot of the consumer's state and counters. */
  public Health health() {
    return new Health(state.get(), config.consumer(), received.get(), computed.get(), skipped.get(),
        deadLettered.get(), retries.get(), lag, pending, lastError, lastErrorAt);
  }

  private void loop() {
    try {
      startThreads();
      consume();
    } catch (Error e) {
      // OutOfMemoryError and the like: stop, and say so; the entries in flight stay pending.
      failed(e);
    } finally {
      // An interrupt left on this thread (by a plug-in or a listener) must not cut the shutdown short.
      boolean interrupted = Thread.interrupted();
      try {
        handleLastRead();
      } finally {
        try {
          stopReadAhead();
          if (helpers != null) {
            helpers.shutdownNow();
          }
          finishRecording();
          try {
            readBacklog();
          } catch (RuntimeException e) {
            // Redis is away: the last reading stays.
          }
        } finally {
          state.set(failure == null ? "STOPPED" : "FAILED");
          LOG.info("ExitBrain consumer {} stopped: {} received, {} computed, {} skipped, {} dead-lettered",
              config.consumer(), received.get(), computed.get(), skipped.get(), deadLettered.get());
          terminated.countDown();
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }

  private void failed(Error e) {
    failure = e;
    running = false;
    error(e, e.toString());
    LOG.error("consumer {} failed and stops", config.consumer(), e);
  }

  private void startThreads() {
    recorderThread = new Thread(recorder, "exitbrain-recorder-" + config.consumer());
    recorderThread.start();
    readAhead = Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(task, "exitbrain-reader-" + config.consumer());
      t.setDaemon(true);
      return t;
    });
    if (config.computeThreads() > 1) {
      AtomicInteger n = new AtomicInteger();
      helpers = Executors.newFixedThreadPool(config.computeThreads() - 1, task -> {
        Thread t = new Thread(task, "exitbrain-compute-" + config.consumer() + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  private void consume() {
    LOG.info("ExitBrain consumer {} starting on stream {} group {}", config.consumer(), config.inputStream(),
        config.group());
    Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    boolean recoverOwn = true;
    long nextClaim = 0;
    long nextMetrics = 0;
    String claimCursor = "-";
    while (running) {
      try {
        if (recoverOwn) {
          String createdAt = io.ensureGroup();
          if (createdAt != null) {
            LOG.info("created group {} on {} at {}", config.group(), config.inputStream(), createdAt);
          } else if (config.replay() && received.get() == 0) {
            LOG.warn("group {} already exists: replay applies only when the group is created, so it resumes"
                + " where the group left off (use a new group name to replay the stream)", config.group());
          }
          recoverOwnPending();
          recoverOwn = false;
        }
        long nowMs = clock.millis();
        if (nowMs >= nextClaim) {
          // A dead consumer's backlog is taken over in full batches until none is left (bounded per round).
          for (int round = 0; round < 20; round++) {
            String before = claimCursor;
            claimCursor = claimIdle(claimCursor);
            if (claimCursor.equals("-") || claimCursor.equals(before)) {
              break;
            }
          }
          List<String> removed = io.removeIdleConsumers();
          if (!removed.isEmpty()) {
            LOG.info("removed idle consumers with nothing pending: {}", removed);
          }
          nextClaim = nowMs + config.claimInterval().toMillis();
        }
        if (nowMs >= nextMetrics) {
          readBacklog();
          nextMetrics = nowMs + config.metricsInterval().toMillis();
        }
        List<StreamIo.Entry> batch = takeRead();
        if (running && batch.size() == config.batchSize()) {
          // Under load (a full batch) the next read waits on Redis while this batch is computed, not
          // before. A trickle is read on this thread: a hand-over between threads adds latency there.
          nextRead = readAhead.submit(io::readNew);
        }
        if (!batch.isEmpty()) {
          handle(batch);
        }
        if (backoff.attempts() > 0) {
          LOG.info("ExitBrain consumer {} recovered after {} failed attempts", config.consumer(), backoff.attempts());
          backoff.reset();
          state.compareAndSet("BACKING_OFF", "RUNNING");
        }
      } catch (JedisException e) {
        if (!running) {
          break;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // NOGROUP on a read, or inside a script's error on Redis 6.2; UNBLOCKED when the stream is
        // deleted under a blocked read (Redis 7).
        if (message.contains("NOGROUP") || message.startsWith("UNBLOCKED")) {
          LOG.warn("the group {} or stream {} is gone; recreating it", config.group(), config.inputStream());
        }
        recoverOwn = true;
        // A read ahead delivered its entries to this consumer: recovery re-processes them (§2.3).
        discardRead();
        error(e, message);
        state.compareAndSet("RUNNING", "BACKING_OFF");
        long pause = backoff.next();
        LOG.warn("Redis error in consumer {} ({}); retrying in {} ms", config.consumer(), message, pause);
        sleep(pause);
      } catch (RuntimeException e) {
        // A bug of ours or a user part: keep running, the entries stay pending and are retried.
        error(e, e.toString());
        LOG.error("unexpected error in consumer {}", config.consumer(), e);
        sleep(backoff.next());
      }
    }
  }

  /** Waits for a read ahead in flight and drops its batch: its entries are pending for this consumer. */
  private void discardRead() {
    if (nextRead == null) {
      return;
    }
    try {
      takeRead();
    } catch (RuntimeException e) {
      // the read failed too: it delivered nothing
    }
  }

  /** Lets a read ahead in flight end (within BLOCK) before the consumer reports itself stopped. */
  private void stopReadAhead() {
    if (readAhead == null) {
      return;
    }
    readAhead.shutdown();
    try {
      readAhead.awaitTermination(config.block().toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readAhead.shutdownNow();
  }

  /** The batch of the read in flight, waiting for it, or of a read on this thread; exceptions are rethrown as is. */
  private List<StreamIo.Entry> takeRead() {
    Future<List<StreamIo.Entry>> f = nextRead;
    if (f == null) {
      return io.readNew();
    }
    nextRead = null;
    // The read is under way: its entries are this consumer's now, so they are taken whatever happens.
    return await(f, "reading the input stream");
  }

  /**
   * The result of {@code f}, waited for without giving up on an interrupt (which is kept for later);
   * its exception is rethrown as is (a checked one wrapped, naming {@code what}).
   */
  private static <T> T await(Future<T> f, String what) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(what + " failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * On the way out, the entries of a read still in flight were delivered to this consumer: they are
   * computed and recorded like the others rather than left pending until a restart or a claim.
   */
  private void handleLastRead() {
    if (nextRead == null || failure != null) {
      return;
    }
    try {
      List<StreamIo.Entry> batch = takeRead();
      if (!batch.isEmpty()) {
        handle(batch);
      }
    } catch (RuntimeException e) {
      // Redis is away or the read failed: whatever it delivered stays pending and is recovered later.
      LOG.debug("the last read of consumer {} failed while stopping", config.consumer(), e);
    } catch (Error e) {
      failed(e);
    }
  }

  /** Replies that clear up by themselves: worth retrying the same batch. */
  private static boolean transientReply(JedisException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    for (String code : TRANSIENT) {
      // Redis 6.2 wraps an error raised inside a script: "ERR Error running script (...): @user_script:8: OOM ...",
      // and an OOM refusal caught by the script's pcall reads "@user_script: 23: -OOM command not allowed ...".
      if (m.startsWith(code) || m.contains(": " + code) || m.contains(": -" + code)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> TRANSIENT =
      List.of("LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "READONLY", "CLUSTERDOWN", "NOGROUP", "NOSCRIPT", "OOM");

  /** Lets the recorder write what is queued (or give up if Redis is away) and waits for it. */
  private void finishRecording() {
    if (recorderThread == null) {
      return;
    }
    try {
      recorder.queue.put(Batch.END);
      recorderThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void recoverOwnPending() {
    String cursor = "-";
    int total = 0;
    while (running) {
      StreamIo.Claimed c = io.claim(0, cursor, config.batchSize(), config.consumer(), clock.instant());
      countTrimmed(c);
      if (!c.entries().isEmpty()) {
        total += c.entries().size();
        handle(c.entries());
      }
      if (c.scanned() < config.batchSize()) {
        break;
      }
      cursor = "(" + c.lastScanned();
    }
    if (total > 0) {
      LOG.info("consumer {} re-processed {} of its own pending entries", config.consumer(), total);
    }
  }

  /** The claim script dead-letters trimmed entries itself; this only counts them. */
  private void countTrimmed(StreamIo.Claimed c) {
    deadLettered.addAndGet(c.trimmed());
    for (int i = 0; i < c.trimmed(); i++) {
      safe(() -> listener.deadLettered(DeadLetterReason.TRIMMED));
    }
  }

  private String claimIdle(String cursor) {
    StreamIo.Claimed c = io.claim(config.claimIdle().toMillis(), cursor, config.batchSize(), null, clock.instant());
    countTrimmed(c);
    if (c.trimmed() > 0) {
      LOG.warn("{} pending entries had been trimmed from {}; dead-lettered", c.trimmed(), config.inputStream());
    }
    if (!c.entries().isEmpty()) {
      int n = c.entries().size();
      safe(() -> listener.claimed(n));
      handle(c.entries());
    }
    return c.scanned() < config.batchSize() ? "-" : "(" + c.lastScanned();
  }

  private void handle(List<StreamIo.Entry> batch) {
    long start = System.nanoTime();
    received.addAndGet(batch.size());
    safe(() -> listener.received(batch.size()));
    ExitBrain engine = brain.get();
    boolean draining = drain;
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>(batch.size());
    List<Outcome.Recorded> records = new ArrayList<>(batch.size());
    Outcome[] outcomes = processAll(batch, engine, now, draining);
    for (int i = 0; i < outcomes.length; i++) {
      StreamIo.Entry e = batch.get(i);
      Outcome o = outcomes[i];
      if (o instanceof Outcome.Recorded) {
        ids.add(e.id());
        records.add((Outcome.Recorded) o);
      } else {
        RuntimeException error = ((Outcome.Failed) o).error();
        retries.incrementAndGet();
        error(error, "entry " + e.id() + ": " + error);
        LOG.warn("processing entry {} failed (delivery {}); it stays pending and will be retried", e.id(),
            e.deliveries(), error);
        safe(() -> listener.retried(e.id(), error));
      }
    }
    if (records.isEmpty()) {
      return;
    }
    Batch b = new Batch(ids, records, io.prepare(ids, records), start);
    if (batch.size() < config.batchSize() && handedOver.get() == 0 && failure == null && record(b, null)) {
      // Not under load (the read was not full), the recorder idle with nothing waiting, and only this
      // thread hands it work: recorded here, in order, saving a hand-over between threads (most of the
      // latency at low rates). Under load the recorder keeps writing while this thread computes.
      return;
    }
    handedOver.incrementAndGet();
    // Blocks while the recorder is two batches behind: back-pressure, and a bound on memory. An
    // interrupt (left by a plug-in or listener) does not drop the batch: it is kept for the loop.
    boolean interrupted = false;
    while (true) {
      try {
        recorder.queue.put(b);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The outcome of every entry, in order. The batch is cut in one slice per compute thread; this
   * thread takes the first and waits for the others. Processing is pure, so the slices share
   * nothing but the engine, and an engine swap takes effect for a whole batch, never half of one.
   */
  private Outcome[] processAll(List<StreamIo.Entry> batch, ExitBrain engine, Instant now, boolean draining) {
    Outcome[] out = new Outcome[batch.size()];
    int slices = helpers == null ? 1 : Math.min(config.computeThreads(), batch.size() / MIN_SLICE);
    if (slices <= 1) {
      processSlice(batch, 0, batch.size(), out, engine, now, draining);
      return out;
    }
    int size = (batch.size() + slices - 1) / slices;
    List<Future<?>> others = new ArrayList<>(slices - 1);
    for (int from = size; from < batch.size(); from += size) {
      int start = from;
      int end = Math.min(batch.size(), from + size);
      others.add(helpers.submit(() -> processSlice(batch, start, end, out, engine, now, draining)));
    }
    processSlice(batch, 0, size, out, engine, now, draining);
    for (Future<?> f : others) {
      // The slices run either way and their outcomes are needed. process() turns exceptions into Failed
      // outcomes, so only an Error comes out of a slice.
      await(f, "computing a slice of a batch");
    }
    return out;
  }

  /** Fewer entries than this per thread are not worth the hand-over. */
  private static final int MIN_SLICE = 8;

  private void processSlice(List<StreamIo.Entry> batch, int from, int to, Outcome[] out, ExitBrain engine,
      Instant now, boolean draining) {
    for (int i = from; i < to; i++) {
      StreamIo.Entry e = batch.get(i);
      out[i] = processor.process(e.id(), e.fields(), e.deliveries(), engine, now, draining);
    }
  }

  /** Counts what the record script did with a batch and tells the listener. */
  private void account(Batch batch, boolean[] done) {
    long latency = System.nanoTime() - batch.startNanos;
    for (int i = 0; i < done.length; i++) {
      Outcome.Recorded r = batch.records.get(i);
      if (!done[i]) {
        String id = batch.ids.get(i);
        LOG.debug("entry {} is no longer pending for {}; not recorded", id, config.consumer());
        safe(() -> listener.lostOwnership(id));
      } else if (r instanceof Outcome.Computed) {
        computed.incrementAndGet();
        safe(() -> listener.computed(latency));
      } else if (r instanceof Outcome.Skipped) {
        skipped.incrementAndGet();
        SkipReason reason = ((Outcome.Skipped) r).reason();
        safe(() -> listener.skipped(reason));
      } else {
        deadLettered.incrementAndGet();
        DeadLetterReason reason = ((Outcome.DeadLettered) r).reason();
        safe(() -> listener.deadLettered(reason));
      }
    }
  }

  /**
   * Runs the record step of a batch; true once the batch is recorded or given up. A batch the script
   * refuses (a bug, or an entry it cannot handle) is given up, as is any batch while the consumer
   * stops: retrying would stall everything behind it, and its entries stay pending, to be claimed,
   * retried and at last dead-lettered one by one. After a transient Redis error the recorder thread
   * ({@code backoff} given) retries after a pause; the reading thread ({@code backoff} null) returns
   * false and hands the batch to the recorder, so that it goes on reading (and, on NOGROUP, recreates
   * the group those retries wait for).
   */
  private boolean record(Batch batch, Backoff backoff) {
    while (true) {
      try {
        account(batch, io.record(batch.prepared));
        if (backoff != null) {
          backoff.reset();
        }
        return true;
      } catch (JedisException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        error(e, message);
        if (e instanceof redis.clients.jedis.exceptions.JedisDataException && !transientReply(e)) {
          LOG.error("recording a batch failed in consumer {}; its {} entries stay pending for a retry",
              config.consumer(), batch.ids.size(), e);
          return true;
        }
        if (!running) {
          LOG.warn("consumer {} stopping with {} entries unrecorded; they stay pending and are recovered on restart",
              config.consumer(), batch.ids.size());
          return true;
        }
        if (backoff == null) {
          LOG.warn("recording a batch failed in consumer {} ({}); the recorder retries it", config.consumer(), message);
          return false;
        }
        long pause = backoff.next();
        LOG.warn("recording a batch failed in consumer {} ({}); retrying in {} ms", config.consumer(), message, pause);
        sleep(pause);
      } catch (RuntimeException e) {
        // A bug of ours or an unexpected reply: given up as a refused batch is.
        error(e, e.toString());
        LOG.error("recording a batch failed in consumer {}; its {} entries stay pending for a retry",
            config.consumer(), batch.ids.size(), e);
        return true;
      }
    }
  }

  /** Processed outcomes waiting to be recorded. */
  private static final class Batch {
    static final Batch END = new Batch(List.of(), List.of(), null, 0);

    final List<String> ids;
    final List<Outcome.Recorded> records;
    /** The record script's arguments, encoded by the reading thread. */
    final StreamIo.Prepared prepared;
    final long startNanos;

    Batch(List<String> ids, List<Outcome.Recorded> records, StreamIo.Prepared prepared, long startNanos) {
      this.ids = ids;
      this.records = records;
      this.prepared = prepared;
      this.startNanos = startNanos;
    }
  }

  /**
   * Writes batches with the record script on its own thread, so that Redis records one batch while
   * this consumer computes the next (a small batch may be recorded by the reader instead, see
   * handle). A batch whose script fails is retried until it succeeds or the consumer stops; its
   * entries stay pending meanwhile, and the script's pending check makes a retry, or a later
   * re-processing of the same entries, record each entry at most once.
   */
  private final class Recorder implements Runnable {
    final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);

    @Override
    public void run() {
      Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
      try {
        while (true) {
          Batch batch = take();
          if (batch == Batch.END) {
            return;
          }
          try {
            record(batch, backoff);
          } finally {
            handedOver.decrementAndGet();
          }
        }
      } catch (Error e) {
        // As on the reader thread: stop and say so. Keep taking batches so the reader never blocks on a full queue.
        failure = e;
        running = false;
        error(e, e.toString());
        LOG.error("consumer {} failed while recording and stops", config.consumer(), e);
        drainQueue();
      }
    }

    /**
     * The next batch. An interrupt (left by a listener on this thread) is ignored: this thread ends
     * only with END, or the reader would wait for it forever.
     */
    private Batch take() {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          // cleared by the exception; take again
        }
      }
    }

    private void drainQueue() {
      try {
        while (queue.take() != Batch.END) {
          // dropped: these entries stay pending and are recovered on restart
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void readBacklog() {
    Long[] b = io.backlog();
    if (b != null) {
      lag = b[0];
      pending = b[1];
      safe(() -> listener.backlog(b[0], b[1]));
    }
  }

  private void error(Throwable e, String message) {
    lastError = message;
    lastErrorAt = clock.instant();
    if (e instanceof JedisException) {
      safe(() -> listener.redisError(e));
    }
  }

  private void safe(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a consumer listener threw; ignored", e);
    }
  }

  private void sleep(long millis) {
    long end = System.currentTimeMillis() + millis;
    // Sleep in slices so close() is not held up by a long backoff.
    while (running && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Capped exponential backoff with jitter (half to full of the current step). */
  private static final class Backoff {
    private final long initial;
    private final long max;
    private int attempts;

    Backoff(Duration initial, Duration max) {
      this.initial = initial.toMillis();
      this.max = max.toMillis();
    }

    long next() {
      long step = Math.min(max, initial << Math.min(attempts, 20));
      attempts++;
      return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }

    int attempts() {
      return attempts;
    }

    void reset() {
      attempts = 0;
    }
  }

  /** Builds an {@link ExitBrainConsumer}. */
  public static final class Builder {
    private final UnifiedJedis jedis;
    private final boolean ownsJedis;
    private ConsumerConfig config = ConsumerConfig.defaults();
    private ExitBrain brain = ExitBrain.create();
    private ConsumerListener listener = ConsumerListener.NOOP;
    private Clock clock = Clock.systemUTC();

    private Builder(UnifiedJedis jedis, boolean ownsJedis) {
      this.jedis = jedis;
      this.ownsJedis = ownsJedis;
    }

    public Builder config(ConsumerConfig config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    public Builder brain(ExitBrain brain) {
      this.brain = requireNonNull(brain, "brain");
      return this;
    }

    public Builder listener(ConsumerListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** The clock for ages and record timestamps. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public ExitBrainConsumer build() {
      return new ExitBrainConsumer(this);
    }
  }
}
