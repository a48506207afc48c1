package dev.exitbrain.redis.internal;

import dev.exitbrain.redis.DeadLetterReason;
import dev.exitbrain.redis.SkipReason;
import java.util.List;

/**
 * What processing one entry produced. Every entry ends as exactly one recorded outcome (computed,
 * skipped, dead-lettered); a failure records nothing and leaves the entry pending for a retry.
 */
public sealed interface Outcome {

  /** A record to write, and the stream it goes to. */
  sealed interface Recorded extends Outcome {
    Target target();

    /** Field/value pairs of the record, in order. */
    List<String> fields();
  }

  record Computed(List<String> fields) implements Recorded {
    @Override
    public Target target() {
      return Target.OUTPUT;
    }
  }

  record Skipped(SkipReason reason, String text, List<String> fields) implements Recorded {
    @Override
    public Target target() {
      return Target.RESULT;
    }
  }

  record DeadLettered(DeadLetterReason reason, String text, List<String> fields) implements Recorded {
    @Override
    public Target target() {
      return Target.DEAD_LETTER;
    }
  }

  /** Nothing recorded: the entry stays pending and is retried after the claim idle time. */
  record Failed(RuntimeException error) implements Outcome {}

  /** The streams a record can go to, numbered as the record script's KEYS. */
  enum Target {
    OUTPUT(2),
    RESULT(3),
    DEAD_LETTER(4);

    private final int key;

    Target(int key) {
      this.key = key;
    }

    public int key() {
      return key;
    }
  }
}
