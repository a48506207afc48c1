package dev.exitbrain.redis;

/**
 * Receives what an {@link ExitBrainConsumer} does, for metrics. Every method has a no-op default;
 * an exception thrown by a listener is logged and never disturbs the consumer. Called from the
 * consumer's two threads (reading and recording), so it must be thread-safe; keep it quick.
 */
public interface ConsumerListener {

  /** A listener that does nothing. */
  ConsumerListener NOOP = new ConsumerListener() {};

  /** {@code count} entries were read (new, recovered or claimed). */
  default void received(int count) {}

  /** An exit plan was recorded; {@code latencyNanos} from read to record. */
  default void computed(long latencyNanos) {}

  /** A skip record was written. */
  default void skipped(SkipReason reason) {}

  /** A dead letter was written. */
  default void deadLettered(DeadLetterReason reason) {}

  /** Processing an entry failed unexpectedly; it stays pending and will be retried. */
  default void retried(String entryId, Throwable error) {}

  /** {@code count} entries idle on some consumer were claimed by this one. */
  default void claimed(int count) {}

  /** A record was not written because the entry was no longer pending for this consumer. */
  default void lostOwnership(String entryId) {}

  /** A Redis error; the consumer backs off and retries. */
  default void redisError(Throwable error) {}

  /**
   * Backlog, read periodically: {@code lag} entries not yet delivered to the group (null when the
   * server cannot tell, e.g. Redis 6.2) and {@code pending} delivered but not yet recorded.
   */
  default void backlog(Long lag, long pending) {}
}
