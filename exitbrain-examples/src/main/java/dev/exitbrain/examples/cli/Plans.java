package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.DecodedIntent;
import dev.exitbrain.redis.IntentMeta;
import java.io.IOException;
import java.io.InputStream;

/** Runs every intent of an {@link IntentOptions} through an engine; counts the ones that failed. */
final class Plans {

  /** Receives a plan or an error for each intent, in input order. */
  interface Sink {
    void plan(int line, ExitPlan plan, TradeIntent intent, IntentMeta meta);

    /** {@code field} is the wire name of the field at fault, or null. */
    void error(int line, String field, String message);

    default void idle() {}
  }

  /** A sink printing text blocks separated by blank lines, errors as {@code line n: error: ...}. */
  abstract static class TextSink implements Sink {
    final java.io.PrintWriter out;
    private boolean first = true;

    TextSink(java.io.PrintWriter out) {
      this.out = out;
    }

    @Override
    public void error(int line, String field, String message) {
      separate();
      out.println("line " + line + ": error: " + message + (field == null ? "" : " (field " + field + ")"));
    }

    @Override
    public void idle() {
      out.flush();
    }

    /** A blank line before every block but the first. */
    void separate() {
      if (!first) {
        out.println();
      }
      first = false;
    }
  }

  private Plans() {}

  /** Returns the number of intents that yielded an error. */
  static long run(IntentOptions options, InputStream stdin, ExitBrain brain, Sink sink) throws IOException {
    long[] failed = {0};
    options.forEach(stdin, new IntentOptions.Sink() {
      @Override
      public void accept(int line, DecodedIntent decoded) {
        if (decoded instanceof DecodedIntent.Tradable) {
          DecodedIntent.Tradable t = (DecodedIntent.Tradable) decoded;
          ExitPlan plan;
          try {
            plan = brain.compute(t.intent());
          } catch (InvalidIntentException e) {
            failed[0]++;
            sink.error(line, e.field(), e.getMessage());
            return;
          }
          sink.plan(line, plan, t.intent(), t.meta());
        } else if (decoded instanceof DecodedIntent.Hold) {
          failed[0]++;
          DecodedIntent.Hold h = (DecodedIntent.Hold) decoded;
          sink.error(line, "side", "side: " + h.side() + " opens no position, so it has no exit plan");
        } else {
          failed[0]++;
          DecodedIntent.Invalid bad = (DecodedIntent.Invalid) decoded;
          sink.error(line, bad.field(), bad.reason());
        }
      }

      @Override
      public void idle() {
        sink.idle();
      }
    });
    return failed[0];
  }
}
