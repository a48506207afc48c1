package dev.exitbrain.redis;

import java.time.Instant;

/**
 * What came with an intent besides the numbers: where it came from and what to carry to the output.
 *
 * @param intentId the input stream entry id (or the line number for files)
 * @param shape how it arrived: {@code envelope}, {@code flat} or {@code data}
 * @param traceId the payload's trace id, else the envelope's; may be null
 * @param correlationId the envelope's or payload's correlation id; may be null
 * @param source the producer's name; may be null
 * @param timestamp the intent's time, or null when it had none and no entry id
 * @param timestampOrigin where {@code timestamp} came from: {@code payload}, {@code envelope} or
 *     {@code entry_id}
 * @param orderId the producer's order id, written to the output's {@code order_id}; may be null
 * @param regime the market regime label, written to the output's {@code ilf_metadata.regime}; may be null
 * @param confidence the producer's confidence (not used in levels, not in the output); may be null
 */
public record IntentMeta(
    String intentId,
    String shape,
    String traceId,
    String correlationId,
    String source,
    Instant timestamp,
    String timestampOrigin,
    String orderId,
    String regime,
    Double confidence) {

  /** Meta for an intent that came with nothing but an id (e.g. built from command-line flags). */
  public static IntentMeta of(String intentId, String shape) {
    return new IntentMeta(intentId, shape, null, null, null, null, null, null, null, null);
  }
}
