package dev.exitbrain.redis;

import dev.exitbrain.TradeIntent;

/** What an input entry turned out to be. */
public sealed interface DecodedIntent {

  IntentMeta meta();

  /** A complete intent to compute. */
  record Tradable(TradeIntent intent, IntentMeta meta) implements DecodedIntent {}

  /** A HOLD or FLAT: opens nothing, computes nothing. */
  record Hold(String symbol, String side, IntentMeta meta) implements DecodedIntent {}

  /**
   * An entry that cannot become an intent.
   *
   * @param field the wire name of the field at fault
   * @param value the offending value as text, or null when missing
   * @param reason the whole message, starting with the field name
   */
  record Invalid(String field, String value, String reason, IntentMeta meta) implements DecodedIntent {}
}
