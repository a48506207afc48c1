package dev.exitbrain.examples.cli;

import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.DecodedIntent;
import dev.exitbrain.redis.IntentDecoder;
import dev.exitbrain.redis.IntentMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One intent from flags, or JSON lines from {@code --input FILE|-}, read one line at a time so any
 * number of intents runs in constant memory. Field names on a line are the wire's: {@code symbol,
 * side, leverage, entry_price, position_size_usd, volatility_factor, funding_rate,
 * exchange_divergence, atr_value, confidence, timestamp, tick_size, step_size, min_qty}.
 */
final class IntentOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Instrument, e.g. BTCUSDT.")
  String symbol;

  @Option(names = "--side", paramLabel = "SIDE", description = "long, short, buy or sell (any case).")
  String side;

  @Option(names = "--leverage", paramLabel = "X", description = "Leverage multiple. Default: 1.")
  Double leverage;

  @Option(names = "--entry", paramLabel = "PRICE", description = "Entry price; gives prices, not only fractions.")
  BigDecimal entry;

  @Option(names = "--size-usd", paramLabel = "USD", description = "Position notional; gives quantities (with --entry).")
  BigDecimal sizeUsd;

  @Option(names = "--vf", paramLabel = "VF", description = "Volatility factor (widens the stop). Default: none.")
  Double volatilityFactor;

  @Option(names = "--funding", paramLabel = "RATE", description = "Funding rate, a fraction (scales the take-profits).")
  Double funding;

  @Option(names = "--divergence", paramLabel = "FRACTION", description = "Exchange divergence, a fraction (widens the stop).")
  Double divergence;

  @Option(names = "--atr", paramLabel = "ATR", description = "ATR as the producer sends it; carried, not used in levels.")
  Double atr;

  @Option(names = "--tick", paramLabel = "TICK", description = "Price tick, e.g. 0.1.")
  BigDecimal tick;

  @Option(names = "--step", paramLabel = "STEP", description = "Quantity step, e.g. 0.001.")
  BigDecimal step;

  @Option(names = "--min-qty", paramLabel = "QTY", description = "Minimum order quantity.")
  BigDecimal minQty;

  @Option(names = "--input", paramLabel = "FILE|-",
      description = "JSON lines, one intent per line ('-' = standard input), instead of the flags above.")
  String input;

  /** What to do with each intent, in input order. */
  interface Sink {
    /** {@code line} is the 1-based line number (1 for an intent given by flags). */
    void accept(int line, DecodedIntent intent) throws IOException;

    /** No more input is buffered: a good moment to flush output (interactive standard input). */
    default void idle() {}
  }

  /** Feeds every intent to {@code sink}; blank lines are skipped. */
  void forEach(InputStream stdin, Sink sink) throws IOException {
    boolean flags = Stream.of(symbol, side, leverage, entry, sizeUsd, volatilityFactor, funding, divergence, atr,
        tick, step, minQty).anyMatch(v -> v != null);
    if (input != null) {
      if (flags) {
        throw usage("--input cannot be combined with the intent flags (--symbol, --side, ...)");
      }
      try (BufferedReader reader = open(stdin)) {
        lines(reader, sink);
      }
      return;
    }
    if (symbol == null || side == null) {
      throw usage(flags ? "--symbol and --side are both required for an intent given by flags"
          : "give an intent with --symbol and --side (and --leverage, --entry, ...), or --input FILE|-");
    }
    sink.accept(1, fromFlags());
    sink.idle();
  }

  private void lines(BufferedReader reader, Sink sink) throws IOException {
    int number = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        sink.accept(number, IntentDecoder.decodeJson(Integer.toString(number), line));
      }
      if (!reader.ready()) {
        sink.idle();
      }
    }
  }

  private BufferedReader open(InputStream stdin) {
    if (input.equals("-")) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
    }
    Path path = Path.of(input);
    try {
      // Malformed UTF-8 becomes U+FFFD on its own line (which then fails as that line), as on stdin;
      // Files.newBufferedReader would abort the whole run instead.
      return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw usage("--input: cannot read " + input + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private DecodedIntent fromFlags() {
    IntentMeta meta = IntentMeta.of("1", "flags");
    try {
      TradeIntent intent = new TradeIntent(symbol, Side.parse(side), leverage == null ? 1 : leverage, entry, sizeUsd,
          volatilityFactor, funding, divergence, atr, null, null, tick, step, minQty);
      return new DecodedIntent.Tradable(intent, meta);
    } catch (InvalidIntentException e) {
      return new DecodedIntent.Invalid(e.field(), e.value(), e.getMessage(), meta);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
