package dev.exitbrain.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on standard error, redrawn at most ten times a second. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;

  /** {@code total} in the unit of {@link #update}'s {@code done} (bytes, say), or 0 when unknown. */
  ProgressBar(PrintWriter err, long total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  void update(long done, long count) {
    long now = System.nanoTime();
    if (!enabled || now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    draw(done, count);
  }

  void finish(long count) {
    if (enabled) {
      draw(total, count);
      err.println();
      err.flush();
    }
  }

  private void draw(long done, long count) {
    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    String rate = String.format(Locale.ROOT, "%,d intents, %,.0f/s", count, count / seconds);
    if (total > 0) {
      double share = Math.min(1.0, done / (double) total);
      int filled = (int) Math.round(share * WIDTH);
      err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f %% %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
          share * 100, rate));
    } else {
      err.print("\r" + rate);
    }
    err.flush();
  }
}
