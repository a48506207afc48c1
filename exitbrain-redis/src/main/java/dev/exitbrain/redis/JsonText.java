package dev.exitbrain.redis;

/**
 * Writes compact JSON into a StringBuilder, for the plan payload: the consumer writes one per
 * intent, and this is several times faster than a Jackson generator for an object of short fields
 * whose names are all constants. Names are written as given (they are this library's constants);
 * string values are escaped as RFC 8259 requires, and a lone surrogate, which has no UTF-8 form, is
 * written as a {@code \}{@code uXXXX} escape so the text stays valid whatever the input held.
 *
 * <p>Not a general-purpose writer: it does not check that the calls nest correctly.
 */
final class JsonText {
  // Upper case, as Jackson writes them: payloads stay byte-identical to those of earlier versions.
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out;
  /** True when the next value or name needs a comma before it. */
  private boolean comma;

  JsonText(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  JsonText beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  JsonText endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  JsonText beginArray() {
    separate();
    out.append('[');
    comma = false;
    return this;
  }

  JsonText endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  /** A field name: one of the payload's constants, written without escaping. */
  JsonText name(String name) {
    separate();
    out.append('"').append(name).append("\":");
    comma = false;
    return this;
  }

  /** A string value, escaped; null writes {@code null}. */
  JsonText string(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      out.append('"');
      escape(value);
      out.append('"');
    }
    comma = true;
    return this;
  }

  /**
   * A string value that needs no escaping: a decimal from {@code toPlainString()} or one of this
   * library's constant names. Scanning every character for escapes is a large part of the payload's
   * cost, and these are most of its strings.
   */
  JsonText plainString(String value) {
    separate();
    out.append('"').append(value).append('"');
    comma = true;
    return this;
  }

  /** A number already in JSON form (plain decimal digits); null writes {@code null}. */
  JsonText number(String json) {
    separate();
    out.append(json == null ? "null" : json);
    comma = true;
    return this;
  }

  JsonText bool(boolean value) {
    separate();
    out.append(value);
    comma = true;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (comma) {
      out.append(',');
    }
  }

  private void escape(String s) {
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String escaped;
      if (c == '"') {
        escaped = "\\\"";
      } else if (c == '\\') {
        escaped = "\\\\";
      } else if (c < 0x20) {
        escaped = control(c);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;   // a valid pair: kept as it is
          continue;
        }
        escaped = unicode(c);
      } else {
        continue;
      }
      out.append(s, start, i).append(escaped);
      start = i + 1;
    }
    out.append(s, start, n);
  }

  private static String control(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      default:
        return unicode(c);
    }
  }

  private static String unicode(char c) {
    return new String(new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xf], HEX[(c >> 4) & 0xf], HEX[c & 0xf]});
  }
}
