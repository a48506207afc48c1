package dev.exitbrain.redis;

import java.time.Instant;

/**
 * A snapshot of a consumer's state.
 *
 * @param state {@code NEW}, {@code RUNNING}, {@code BACKING_OFF}, {@code STOPPING}, {@code STOPPED}, or
 *     {@code FAILED} when an Error (e.g. OutOfMemoryError) ended it
 * @param consumer the consumer's name in its group
 * @param received entries read since start
 * @param computed plans recorded
 * @param skipped skip records written
 * @param deadLettered dead letters written
 * @param retries processing failures left pending for a retry
 * @param lag entries not yet delivered to the group at the last reading (null if unknown)
 * @param pending entries delivered to the group and not yet recorded, at the last reading (-1 if
 *     not read yet)
 * @param lastError the last Redis or processing error, or null
 * @param lastErrorAt when it happened, or null
 */
public record Health(
    String state,
    String consumer,
    long received,
    long computed,
    long skipped,
    long deadLettered,
    long retries,
    Long lag,
    long pending,
    String lastError,
    Instant lastErrorAt) {

  /** True while the consumer is running, including while it backs off from a Redis error. */
  public boolean isUp() {
    return state.equals("RUNNING") || state.equals("BACKING_OFF");
  }
}
