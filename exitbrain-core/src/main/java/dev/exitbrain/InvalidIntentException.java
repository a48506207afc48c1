package dev.exitbrain;

/**
 * A trade intent that cannot be turned into an exit plan: a value out of range, a missing field, or
 * a position that cannot be protected (a stop cannot fit before liquidation).
 *
 * <p>{@link #field()} names the offending field with its wire name ({@code leverage},
 * {@code entry_price}, {@code volatility_factor}, ...) and {@link #value()} holds the value as
 * received, so a caller can report or dead-letter the intent without parsing the message.
 */
public final class InvalidIntentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /**
   * @param field the wire name of the offending field
   * @param value the offending value as text ({@code null} when the field was missing)
   * @param problem what is wrong, e.g. "must be between 1 and 125"
   */
  public InvalidIntentException(String field, String value, String problem) {
    super(field + ": " + problem + (value == null ? " (missing)" : ", was " + value));
    this.field = field;
    this.value = value;
  }

  /** The wire name of the offending field, e.g. {@code leverage}. */
  public String field() {
    return field;
  }

  /** The offending value as text, or {@code null} when the field was missing. */
  public String value() {
    return value;
  }
}
