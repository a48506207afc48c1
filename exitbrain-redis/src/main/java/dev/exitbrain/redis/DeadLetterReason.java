package dev.exitbrain.redis;

/** Why an entry went to the dead-letter stream. */
public enum DeadLetterReason {
  /** The entry cannot become a valid intent; the record names the field. */
  INVALID,
  /** Delivered more often than the configured maximum without being recorded. */
  TOO_MANY_DELIVERIES,
  /** Its body was trimmed from the input stream before it was processed. */
  TRIMMED
}
