package dev.exitbrain.examples.cli;

import dev.exitbrain.redis.Health;

/** One line of consumer status: computed, skipped, dead-lettered, lag. */
final class StatusLine {
  private StatusLine() {}

  static String of(Health h) {
    StringBuilder b = new StringBuilder()
        .append("computed ").append(h.computed())
        .append(", skipped ").append(h.skipped())
        .append(", dead-lettered ").append(h.deadLettered())
        .append(", lag ").append(h.lag() == null ? "n/a" : h.lag().toString())
        .append(", pending ").append(h.pending() < 0 ? "n/a" : Long.toString(h.pending()));
    if (h.retries() > 0) {
      b.append(", retries ").append(h.retries());
    }
    b.append(" [").append(h.state());
    if ("BACKING_OFF".equals(h.state()) && h.lastError() != null) {
      b.append(": ").append(h.lastError());
    }
    return b.append(']').toString();
  }
}
