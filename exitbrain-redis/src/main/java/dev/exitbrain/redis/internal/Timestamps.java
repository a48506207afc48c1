package dev.exitbrain.redis.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps producers send. Numbers are epoch seconds, milliseconds, microseconds or
 * nanoseconds, told apart by magnitude; text is a number or ISO-8601 with an offset, with Z, or naive
 * (taken as UTC, as Python's {@code datetime.utcnow().isoformat()} writes it).
 */
public final class Timestamps {
  // Magnitude boundaries: 1e11 s is the year 5138, 1e11 ms is 1973; each unit is read only where
  // it lands between 1973 and 5138.
  private static final BigDecimal SECONDS_MAX = new BigDecimal("1e11");
  private static final BigDecimal MILLIS_MAX = new BigDecimal("1e14");
  private static final BigDecimal MICROS_MAX = new BigDecimal("1e17");
  private static final BigDecimal NANOS_MAX = new BigDecimal("1e20");

  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

  private Timestamps() {}

  /** Parses text; throws IllegalArgumentException with the reason when it is not a timestamp. */
  public static Instant parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    boolean looksLikeDate = t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-';
    if (!looksLikeDate) {
      try {
        return fromNumber(new BigDecimal(t));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("is neither an epoch number nor an ISO-8601 time");
      }
    }
    // Python's str(datetime) separates date and time with a blank.
    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      // no offset: naive, read as UTC below
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("is neither an epoch number nor an ISO-8601 time");
    }
  }

  /** Reads an epoch number in s, ms, µs or ns by its magnitude. */
  public static Instant fromNumber(BigDecimal value) {
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("must be a positive epoch time");
    }
    BigDecimal nanos;
    if (value.compareTo(SECONDS_MAX) < 0) {
      nanos = value.movePointRight(9);
    } else if (value.compareTo(MILLIS_MAX) < 0) {
      nanos = value.movePointRight(6);
    } else if (value.compareTo(MICROS_MAX) < 0) {
      nanos = value.movePointRight(3);
    } else if (value.compareTo(NANOS_MAX) < 0) {
      nanos = value;
    } else {
      throw new IllegalArgumentException("is too large for an epoch time in any unit");
    }
    BigInteger[] secondsAndNanos = nanos.toBigInteger().divideAndRemainder(BILLION);
    try {
      return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("is out of range for an epoch time");
    }
  }

  /** The time of a stream entry id ({@code <ms>-<seq>}). */
  public static Instant fromEntryId(String id) {
    int dash = id.indexOf('-');
    return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? id : id.substring(0, dash)));
  }
}
