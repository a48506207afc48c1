package dev.exitbrain;

/** Looks up a symbol's exchange specification. */
@FunctionalInterface
public interface SymbolSpecs {

  /** The spec for {@code symbol}; never null (return a default for unknown symbols). */
  SymbolSpec spec(String symbol);
}
