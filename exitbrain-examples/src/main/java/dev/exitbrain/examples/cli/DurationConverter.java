package dev.exitbrain.examples.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, ISO-8601 ({@code PT5M}) or plain seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt") || v.startsWith("p")) {
      try {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, PT5M)");
      }
    }
    Matcher m = SIMPLE.matcher(v);
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, PT5M)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis;
    switch (unit) {
      case "ms":
        millis = amount;
        break;
      case "m":
      case "min":
        millis = amount * 60_000;
        break;
      case "h":
        millis = amount * 3_600_000;
        break;
      default:
        millis = amount * 1000;
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
