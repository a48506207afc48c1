/**
 * ExitBrain core: a pure, I/O-free exit-level engine for leveraged trading.
 *
 * <p>Only {@code dev.exitbrain} is API. {@code dev.exitbrain.internal} holds the implementations and
 * may change in any release.
 */
module dev.exitbrain.core {
  requires com.fasterxml.jackson.databind;

  exports dev.exitbrain;
}
