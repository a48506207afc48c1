package dev.exitbrain.redis.internal;

import dev.exitbrain.redis.ConsumerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;

/** The Redis side of the consumer: every command it sends. */
public final class StreamIo {
  private final UnifiedJedis jedis;
  private final ConsumerConfig config;
  private final List<byte[]> recordKeyBytes;
  private final List<String> claimKeys;
  private final Map<String, StreamEntryID> readNew;
  private final XReadGroupParams readParams;

  public StreamIo(UnifiedJedis jedis, ConsumerConfig config) {
    this.jedis = jedis;
    this.config = config;
    this.recordKeyBytes = List.of(bytes(config.inputStream()), bytes(config.outputStream()),
        bytes(config.resultStream()), bytes(config.deadLetterStream()));
    this.claimKeys = List.of(config.inputStream(), config.deadLetterStream());
    this.readNew = Map.of(config.inputStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
    this.readParams = XReadGroupParams.xReadGroupParams().count(config.batchSize())
        .block((int) config.block().toMillis());
  }

  /** An entry read from the input stream, with how often it has been delivered. */
  public record Entry(String id, Map<String, String> fields, long deliveries) {}

  /** The result of one claim step. */
  public record Claimed(List<Entry> entries, int trimmed, int scanned, String lastScanned) {}

  private volatile StreamEntryID lastSeen;

  /**
   * Creates the group (and the stream) if missing. Returns the id it was created at, or null when it
   * existed.
   * A group this consumer has read from before (it was deleted under us) is recreated just after the
   * last entry this consumer saw, so entries added since are neither skipped nor, mostly, repeated;
   * a new group starts at {@code $}, or at {@code 0} for a replay.
   */
  public String ensureGroup() {
    StreamEntryID seen = lastSeen;
    StreamEntryID start = seen != null ? seen
        : config.replay() ? new StreamEntryID(0, 0) : StreamEntryID.XGROUP_LAST_ENTRY;
    try {
      jedis.xgroupCreate(config.inputStream(), config.group(), start, true);
      return start.toString();
    } catch (JedisDataException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
        return null;
      }
      throw e;
    }
  }

  /** New entries for this consumer, waiting up to the configured BLOCK. */
  public List<Entry> readNew() {
    List<Map.Entry<String, List<StreamEntry>>> r =
        jedis.xreadGroup(config.group(), config.consumer(), readParams, readNew);
    if (r == null || r.isEmpty()) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, List<StreamEntry>> stream : r) {
      for (StreamEntry e : stream.getValue()) {
        out.add(new Entry(e.getID().toString(), e.getFields(), 1));
        lastSeen = e.getID();
      }
    }
    return out;
  }

  /** Claims idle entries; {@code owner} null for any consumer. */
  public Claimed claim(long minIdleMillis, String start, int count, String owner, Instant now) {
    Object r = Scripts.call(jedis, Scripts.CLAIM, claimKeys, List.of(config.group(), config.consumer(),
        Long.toString(minIdleMillis), start, Integer.toString(count), owner == null ? "" : owner, now.toString()));
    List<Object> parts = Scripts.list(r);
    List<Entry> entries = new ArrayList<>();
    for (Object o : Scripts.list(parts.get(0))) {
      List<Object> e = Scripts.list(o);
      List<Object> flat = Scripts.list(e.get(1));
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        fields.put(Scripts.text(flat.get(i)), Scripts.text(flat.get(i + 1)));
      }
      entries.add(new Entry(Scripts.text(e.get(0)), fields, Scripts.number(e.get(2))));
    }
    return new Claimed(entries, (int) Scripts.number(parts.get(1)), (int) Scripts.number(parts.get(2)),
        Scripts.text(parts.get(3)));
  }

  /**
   * Writes the records of {@code outcomes} (each for the entry at the same index of {@code ids}) and
   * acknowledges those entries, atomically per entry. Returns, per entry, whether it was recorded.
   */
  public boolean[] record(List<String> ids, List<Outcome.Recorded> outcomes) {
    return record(prepare(ids, outcomes));
  }

  /** The record script's arguments for a batch, encoded; see {@link #prepare}. */
  public record Prepared(int size, List<byte[]> args) {}

  /**
   * Encodes the record script's arguments (a batch's ids and record fields, about 200 KB for 100
   * plans). Done by the thread that computed the batch, so whichever thread records it only sends
   * bytes and Redis waits less between two batches.
   */
  public Prepared prepare(List<String> ids, List<Outcome.Recorded> outcomes) {
    List<byte[]> args = new ArrayList<>(8 + outcomes.size() * 24);
    args.add(bytes(config.group()));
    args.add(bytes(config.consumer()));
    args.add(bytes(Integer.toString(outcomes.size())));
    StreamEntryID lo = null;
    StreamEntryID hi = null;
    for (String id : ids) {
      StreamEntryID e = new StreamEntryID(id);
      lo = lo == null || e.compareTo(lo) < 0 ? e : lo;
      hi = hi == null || e.compareTo(hi) > 0 ? e : hi;
    }
    args.add(bytes(lo.toString()));
    args.add(bytes(hi.toString()));
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome.Recorded o = outcomes.get(i);
      args.add(bytes(ids.get(i)));
      args.add(SMALL[o.target().key()]);
      int pairs = o.fields().size() / 2;
      args.add(pairs < SMALL.length ? SMALL[pairs] : bytes(Integer.toString(pairs)));
      for (String f : o.fields()) {
        args.add(bytes(f));
      }
    }
    return new Prepared(outcomes.size(), args);
  }

  /** Runs the record script on prepared arguments. Returns, per entry, whether it was recorded. */
  public boolean[] record(Prepared batch) {
    List<Object> r = Scripts.list(Scripts.callBinary(jedis, Scripts.RECORD, recordKeyBytes, batch.args()));
    boolean[] done = new boolean[batch.size()];
    for (int i = 0; i < done.length; i++) {
      done[i] = Scripts.number(r.get(i)) == 1;
    }
    return done;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** "0" to "63" as bytes: target key indexes and field counts. */
  private static final byte[][] SMALL = new byte[64][];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = bytes(Integer.toString(i));
    }
  }

  /** {lag or null, pending} of the group, or null when the group does not exist. */
  public Long[] backlog() {
    for (StreamGroupInfo g : jedis.xinfoGroups(config.inputStream())) {
      if (g.getName().equals(config.group())) {
        Object lag = g.getGroupInfo().get("lag");
        return new Long[] {lag instanceof Long ? (Long) lag : null, g.getPending()};
      }
    }
    return null;
  }

  /** Removes other consumers idle longer than the configured time with nothing pending; returns their names. */
  public List<String> removeIdleConsumers() {
    long limit = config.removeIdleConsumersAfter().toMillis();
    List<String> removed = new ArrayList<>();
    for (StreamConsumerInfo c : jedis.xinfoConsumers2(config.inputStream(), config.group())) {
      // idle counts from the last attempted read, so a live consumer blocking on an empty stream stays young.
      if (!c.getName().equals(config.consumer()) && c.getPending() == 0 && c.getIdle() > limit) {
        Object r = Scripts.call(jedis, Scripts.REMOVE_IDLE_CONSUMER, List.of(config.inputStream()),
            List.of(config.group(), c.getName()));
        if (Scripts.number(r) == 1) {
          removed.add(c.getName());
        }
      }
    }
    return removed;
  }
}
