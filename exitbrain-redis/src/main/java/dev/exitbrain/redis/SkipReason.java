package dev.exitbrain.redis;

/** Why an intent was recorded as skipped, with the status written on the result stream. */
public enum SkipReason {
  /** Older than the maximum age. */
  STALE("skipped_stale"),
  /** HOLD or FLAT: nothing to open. */
  HOLD("skipped_hold"),
  /** Drain mode is on. */
  DRAIN("skipped_drain");

  private final String status;

  SkipReason(String status) {
    this.status = status;
  }

  /** The {@code status} value on the result stream. */
  public String status() {
    return status;
  }
}
