package dev.exitbrain.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts that make each step atomic. A Redis restart empties the script cache, so every
 * call falls back from EVALSHA to EVAL on NOSCRIPT.
 */
public final class Scripts {

  /**
   * Writes a batch of records and acknowledges their entries, each only if the entry is still
   * pending for this consumer: a record and its XACK happen together or not at all, and an entry
   * another consumer claimed meanwhile is left to that consumer.
   *
   * <p>The pending check is one XPENDING over the batch's id range for this consumer (entries not
   * found there, if the reply was cut at its count, are checked one by one). The XACKs go out in
   * one command per 1,000 entries after the XADDs (a call per entry was a tenth of the script's
   * cost). A script stopped by an error keeps what it did, so each entry's step runs under pcall:
   * when one fails (an OOM refusal, a wrong key type, anything else), the records written before it
   * are acknowledged and then the error is returned, and no record is ever left without its
   * acknowledgement. An id given twice is recorded once.
   *
   * <p>KEYS: input, output, result, dead letter. ARGV: group, consumer, n, lowest id, highest id,
   * then per entry: id, target key index, field count, fields. Returns one integer per entry: 1
   * recorded, 0 not pending.
   */
  static final Script RECORD = script(
      "local group, consumer, n, minId, maxId = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]",
      "local limit = n * 2 + 100",
      "local pend = redis.call('XPENDING', KEYS[1], group, minId, maxId, limit, consumer)",
      "local mine = {}",
      "for _, p in ipairs(pend) do mine[p[1]] = true end",
      "local complete = #pend < limit",
      "local done = {}",
      "local acked = {}",
      "local function ack()",
      "  for j = 1, #acked, 1000 do",
      "    redis.call('XACK', KEYS[1], group, unpack(acked, j, math.min(j + 999, #acked)))",
      "  end",
      "end",
      "local function step(id, target, first, last)",
      "  if done[id] then return 0 end",
      "  local ok = mine[id]",
      "  if not ok and not complete then",
      "    ok = #redis.call('XPENDING', KEYS[1], group, id, id, 1, consumer) == 1",
      "  end",
      "  if not ok then return 0 end",
      "  redis.call('XADD', KEYS[target], '*', unpack(ARGV, first, last))",
      "  done[id] = true",
      "  acked[#acked + 1] = id",
      "  return 1",
      "end",
      "local out = {}",
      "local i = 6",
      "for k = 1, n do",
      "  local last = i + 2 + (tonumber(ARGV[i + 2]) or 0) * 2",
      "  local ok, r = pcall(step, ARGV[i], tonumber(ARGV[i + 1]), i + 3, last)",
      "  if not ok then",
      "    ack()",
      "    if type(r) == 'table' and r.err then return r end",
      "    return redis.error_reply(tostring(r))",
      "  end",
      "  out[k] = r",
      "  i = last + 1",
      "end",
      "ack()",
      "return out");

  /**
   * Claims entries idle for at least {@code minIdle} ms (of one owner, or of anyone), oldest first,
   * from a cursor. An entry whose body was trimmed away is dead-lettered and acknowledged in the same
   * step, so it is neither lost nor claimed forever. XPENDING IDLE + XCLAIM rather than XAUTOCLAIM:
   * the same claim, but it sees trimmed entries alike on Redis 6.2 (where XAUTOCLAIM returns them as
   * nil) and 7.x (where it drops them from the PEL before we could record them).
   *
   * <p>KEYS: input, dead letter. ARGV: group, me, minIdle, start, count, owner ('' = any), now.
   * Returns {claimed {id, {fields}, deliveries}..., trimmed count, scanned count, last scanned id}.
   */
  static final Script CLAIM = script("\n",
      "local g, me, minIdle, start, count, owner, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]",
      "local pend",
      "if owner ~= '' then",
      "  pend = redis.call('XPENDING', KEYS[1], g, 'IDLE', minIdle, start, '+', count, owner)",
      "else",
      "  pend = redis.call('XPENDING', KEYS[1], g, 'IDLE', minIdle, start, '+', count)",
      "end",
      "local out = {}",
      "local trimmed = 0",
      "local last = ''",
      "for _, p in ipairs(pend) do",
      "  local id = p[1]",
      "  last = id",
      "  local e = redis.call('XRANGE', KEYS[1], id, id)",
      "  if #e == 0 then",
      "    redis.call('XADD', KEYS[2], '*', 'dlq_intent_id', id,",
      "      'dlq_reason', 'the entry was trimmed from the input stream before it was recorded',",
      "      'dlq_kind', 'trimmed', 'dlq_field', '', 'dlq_delivery_count', tostring(p[4]),",
      "      'dlq_source_stream', KEYS[1], 'dlq_group', g, 'dlq_consumer', p[2], 'dlq_timestamp', now)",
      "    redis.call('XACK', KEYS[1], g, id)",
      "    trimmed = trimmed + 1",
      "  else",
      "    redis.call('XCLAIM', KEYS[1], g, me, minIdle, id)",
      "    out[#out + 1] = {id, e[1][2], p[4] + 1}",
      "  end",
      "end",
      "return {out, trimmed, #pend, last}");

  /**
   * Removes a consumer from the group only if it has nothing pending (XGROUP DELCONSUMER would
   * otherwise drop its pending entries). KEYS: input. ARGV: group, consumer. Returns 1 if removed.
   */
  static final Script REMOVE_IDLE_CONSUMER = script("\n",
      "local p = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])",
      "if #p == 0 then",
      "  redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])",
      "  return 1",
      "end",
      "return 0");

  private Scripts() {}

  /** A script's text and SHA-1, also as bytes for calls with binary arguments. */
  record Script(String text, String sha, byte[] textBytes, byte[] shaBytes) {}

  private static Script script(String... lines) {
    String text = String.join("\n", lines);
    String sha = Sha1.hex(text);
    return new Script(text, sha, text.getBytes(StandardCharsets.UTF_8), sha.getBytes(StandardCharsets.UTF_8));
  }

  static Object callBinary(UnifiedJedis jedis, Script script, List<byte[]> keys, List<byte[]> args) {
    try {
      return jedis.evalsha(script.shaBytes(), keys, args);
    } catch (JedisNoScriptException e) {
      return jedis.eval(script.textBytes(), keys, args);
    }
  }

  static Object call(UnifiedJedis jedis, Script script, List<String> keys, List<String> args) {
    try {
      return jedis.evalsha(script.sha(), keys, args);
    } catch (JedisNoScriptException e) {
      return jedis.eval(script.text(), keys, args);
    }
  }

  static String text(Object o) {
    if (o instanceof byte[]) {
      return new String((byte[]) o, StandardCharsets.UTF_8);
    }
    return o == null ? null : o.toString();
  }

  static long number(Object o) {
    return o instanceof Long ? (Long) o : Long.parseLong(text(o));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o == null ? new ArrayList<>() : (List<Object>) o;
  }

  /** SHA-1 of a script, as EVALSHA wants it. */
  static final class Sha1 {
    private Sha1() {}

    static String hex(String script) {
      try {
        byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(40);
        for (byte b : d) {
          sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required by the Java platform", e);
      }
    }
  }
}
