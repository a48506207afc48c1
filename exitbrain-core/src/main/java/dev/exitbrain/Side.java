package dev.exitbrain;

import java.util.Locale;

/** The direction of a position. Short levels mirror long ones: take-profits below entry, the stop above. */
public enum Side {
  LONG(1),
  SHORT(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for a long, -1 for a short: the sign of a favourable price move. */
  public int sign() {
    return sign;
  }

  /**
   * Reads a side as producers send it: {@code LONG}/{@code BUY} or {@code SHORT}/{@code SELL}, in any
   * case, surrounding blanks ignored.
   *
   * @throws InvalidIntentException for anything else, including {@code HOLD} and {@code FLAT}, which
   *     open no position and so have no exit plan
   */
  public static Side parse(String text) {
    if (text == null) {
      throw new InvalidIntentException("side", null, "is required (LONG, SHORT, BUY or SELL)");
    }
    switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "LONG":
      case "BUY":
        return LONG;
      case "SHORT":
      case "SELL":
        return SHORT;
      case "HOLD":
      case "FLAT":
        throw new InvalidIntentException("side", text, "opens no position, so it has no exit plan");
      default:
        throw new InvalidIntentException("side", text, "must be LONG, SHORT, BUY or SELL (any case)");
    }
  }
}
