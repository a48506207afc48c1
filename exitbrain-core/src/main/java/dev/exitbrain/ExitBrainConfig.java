package dev.exitbrain;

import static dev.exitbrain.internal.Checks.inRange;
import static dev.exitbrain.internal.Checks.notNull;
import static dev.exitbrain.internal.Checks.plain;
import static dev.exitbrain.internal.Checks.positive;

import dev.exitbrain.internal.ConfigJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything an {@link ExitBrain} needs: the replaceable parts, the constants and limits, and the
 * symbol specifications. Immutable; {@link #defaults()} reproduces the seed's engine V2.
 *
 * <p>All distances (bases, guard minimum, gaps) are fractions of price (0.01 = 1 % move). Fees are
 * fractions of notional per side.
 */
public final class ExitBrainConfig {
  private static final ExitBrainConfig DEFAULTS = builder().build();

  private final double baseTp;
  private final double baseSl;
  private final double maxBase;
  private final double maxLeverage;
  private final double guard;
  private final double minStop;
  private final double tpOrderGap;
  private final double takerFee;
  private final Range volatilityFactorRange;
  private final Range exchangeDivergenceRange;
  private final Range fundingRateRange;
  private final LeverageSensitivity sensitivity;
  private final LevelFormula formula;
  private final HarvestPolicy harvest;
  private final LiquidationModel liquidation;
  private final SymbolSpec defaultSpec;
  private final Map<String, SymbolSpec> symbols;
  private final Map<String, double[]> symbolBases;
  private final SymbolSpecs symbolSpecs;

  private ExitBrainConfig(Builder b, SymbolSpec defaultSpec) {
    this.baseTp = b.baseTp;
    this.baseSl = b.baseSl;
    this.maxBase = b.maxBase;
    this.maxLeverage = b.maxLeverage;
    this.guard = b.guard;
    this.minStop = b.minStop;
    this.tpOrderGap = b.tpOrderGap;
    this.takerFee = b.takerFee;
    this.volatilityFactorRange = b.volatilityFactorRange;
    this.exchangeDivergenceRange = b.exchangeDivergenceRange;
    this.fundingRateRange = b.fundingRateRange;
    this.sensitivity = b.sensitivity;
    this.formula = b.formula;
    this.harvest = b.harvest;
    this.liquidation = b.liquidation;
    this.defaultSpec = defaultSpec;
    this.symbols = Map.copyOf(b.symbols);
    Map<String, double[]> bases = new LinkedHashMap<>();
    b.symbolBases.forEach((k, v) -> bases.put(k, v.clone()));
    this.symbolBases = Map.copyOf(bases);
    this.symbolSpecs = b.symbolSpecs != null ? b.symbolSpecs : this::mappedSpec;
  }

  /** The seed's engine: bases 0.01/0.005, LSF, formula, floors, clamps and harvest tiers as in V2. */
  public static ExitBrainConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a JSON configuration file; every key is optional and defaults to the seed's value. Unknown
   * keys and bad values are rejected with a message that names the key. See docs/configuration.md.
   *
   * @throws IllegalArgumentException for a bad key or value
   * @throws IOException when the file cannot be read
   */
  public static ExitBrainConfig fromJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ConfigJson.read(in, file.toString());
    }
  }

  /** Reads a JSON configuration from text; see {@link #fromJson(Path)}. */
  public static ExitBrainConfig fromJson(String json) {
    return ConfigJson.read(json);
  }

  /** Base take-profit, a fraction of price. Default 0.01. */
  public double baseTp() {
    return baseTp;
  }

  /** Base stop-loss, a fraction of price. Default 0.005. */
  public double baseSl() {
    return baseSl;
  }

  /** Bases (configured or sent with an intent) must lie in (0, maxBase]. Default 0.5. */
  public double maxBase() {
    return maxBase;
  }

  /** The highest leverage accepted for any symbol. Default 125. */
  public double maxLeverage() {
    return maxLeverage;
  }

  /** The stop may use at most this share of the distance from entry to liquidation. Default 0.8. */
  public double guard() {
    return guard;
  }

  /** The narrowest stop the guard may leave, a fraction of price. Default 0.0015 (the seed's SL floor). */
  public double minStop() {
    return minStop;
  }

  /** Where floors make two take-profits equal, the later one is moved this far beyond. Default 0.001. */
  public double tpOrderGap() {
    return tpOrderGap;
  }

  /** Taker fee per side, a fraction of notional. Default 0.0005 (0.05 %). */
  public double takerFee() {
    return takerFee;
  }

  /** Accepted volatility factors. Default [0, 10]. */
  public Range volatilityFactorRange() {
    return volatilityFactorRange;
  }

  /** Accepted exchange divergences. Default [0, 1]. */
  public Range exchangeDivergenceRange() {
    return exchangeDivergenceRange;
  }

  /** Accepted funding rates. Default [−0.1, 0.1]. */
  public Range fundingRateRange() {
    return fundingRateRange;
  }

  public LeverageSensitivity sensitivity() {
    return sensitivity;
  }

  public LevelFormula formula() {
    return formula;
  }

  public HarvestPolicy harvest() {
    return harvest;
  }

  public LiquidationModel liquidation() {
    return liquidation;
  }

  /** The spec for symbols without one of their own. */
  public SymbolSpec defaultSpec() {
    return defaultSpec;
  }

  /** The symbol lookup: a custom {@link SymbolSpecs}, or the configured map with the default spec. */
  public SymbolSpecs symbolSpecs() {
    return symbolSpecs;
  }

  /** The base take-profit for a symbol: its own, or {@link #baseTp()}. */
  public double baseTp(String symbol) {
    double[] b = bases(symbol);
    return b == null ? baseTp : b[0];
  }

  /** The base stop-loss for a symbol: its own, or {@link #baseSl()}. */
  public double baseSl(String symbol) {
    double[] b = bases(symbol);
    return b == null ? baseSl : b[1];
  }

  // Lookups try the symbol as given before upper-casing it: compute() calls them for every intent.
  private double[] bases(String symbol) {
    if (symbolBases.isEmpty()) {
      return null;
    }
    double[] b = symbolBases.get(symbol);
    return b != null ? b : symbolBases.get(key(symbol));
  }

  private SymbolSpec mappedSpec(String symbol) {
    if (symbols.isEmpty()) {
      return defaultSpec;
    }
    SymbolSpec s = symbols.get(symbol);
    if (s == null) {
      s = symbols.get(key(symbol));
    }
    return s == null ? defaultSpec : s;
  }

  private static String key(String symbol) {
    return symbol.toUpperCase(Locale.ROOT);
  }

  /** Builds an {@link ExitBrainConfig}; every setter validates its value and names it on error. */
  public static final class Builder {
    private double baseTp = 0.01;
    private double baseSl = 0.005;
    private double maxBase = 0.5;
    private double maxLeverage = 125;
    private double guard = 0.8;
    private double minStop = 0.0015;
    private double tpOrderGap = 0.001;
    private double takerFee = 0.0005;
    private Range volatilityFactorRange = new Range(0, 10);
    private Range exchangeDivergenceRange = new Range(0, 1);
    private Range fundingRateRange = new Range(-0.1, 0.1);
    private LeverageSensitivity sensitivity = LeverageSensitivity.seed();
    private LevelFormula formula = LevelFormula.seed();
    private HarvestPolicy harvest = HarvestPolicy.seed();
    private LiquidationModel liquidation = LiquidationModel.binanceIsolated();
    private SymbolSpec defaultSpec;
    private final Map<String, SymbolSpec> symbols = new LinkedHashMap<>();
    private final Map<String, double[]> symbolBases = new LinkedHashMap<>();
    private SymbolSpecs symbolSpecs;

    private Builder() {}

    /** Base take-profit and stop-loss, fractions of price, each in (0, maxBase]. */
    public Builder bases(double baseTp, double baseSl) {
      this.baseTp = positive(baseTp, 1, "base_tp");
      this.baseSl = positive(baseSl, 1, "base_sl");
      return this;
    }

    /** Upper bound for bases, in (0, 1]. Default 0.5. */
    public Builder maxBase(double maxBase) {
      this.maxBase = positive(maxBase, 1, "max_base");
      return this;
    }

    /** The highest leverage accepted, in [1, 10000]. Default 125. */
    public Builder maxLeverage(double maxLeverage) {
      this.maxLeverage = inRange(maxLeverage, 1, 10_000, "max_leverage");
      return this;
    }

    /** Share of the liquidation distance the stop may use, in (0, 1). Default 0.8. */
    public Builder guard(double guard) {
      if (!(guard > 0 && guard < 1)) {
        throw new IllegalArgumentException("guard: must be in (0, 1), was " + plain(guard));
      }
      this.guard = guard;
      return this;
    }

    /** The narrowest stop allowed after the guard, in (0, 0.5]. Default 0.0015. */
    public Builder minStop(double minStop) {
      this.minStop = positive(minStop, 0.5, "min_stop");
      return this;
    }

    /** Gap between take-profits that floors made equal, in (0, 0.5]. Default 0.001. */
    public Builder tpOrderGap(double tpOrderGap) {
      this.tpOrderGap = positive(tpOrderGap, 0.5, "tp_order_gap");
      return this;
    }

    /** Taker fee per side, in [0, 0.01]. Default 0.0005. */
    public Builder takerFee(double takerFee) {
      this.takerFee = inRange(takerFee, 0, 0.01, "taker_fee");
      return this;
    }

    /** Accepted volatility factors, within [0, 100]. */
    public Builder volatilityFactorRange(Range range) {
      this.volatilityFactorRange = within(range, 0, 100, "limits.volatility_factor");
      return this;
    }

    /** Accepted exchange divergences (fractions of price), within [0, 10]. */
    public Builder exchangeDivergenceRange(Range range) {
      this.exchangeDivergenceRange = within(range, 0, 10, "limits.exchange_divergence");
      return this;
    }

    /** Accepted funding rates (fractions per interval), within [−1, 1]. */
    public Builder fundingRateRange(Range range) {
      this.fundingRateRange = within(range, -1, 1, "limits.funding_rate");
      return this;
    }

    private static Range within(Range range, double min, double max, String name) {
      notNull(range, name);
      if (range.min() < min || range.max() > max) {
        throw new IllegalArgumentException(name + ": must lie within [" + plain(min) + ", " + plain(max)
            + "], was " + range);
      }
      return range;
    }

    public Builder sensitivity(LeverageSensitivity sensitivity) {
      this.sensitivity = notNull(sensitivity, "sensitivity");
      return this;
    }

    public Builder formula(LevelFormula formula) {
      this.formula = notNull(formula, "formula");
      return this;
    }

    public Builder harvest(HarvestPolicy harvest) {
      this.harvest = notNull(harvest, "harvest");
      return this;
    }

    public Builder liquidation(LiquidationModel liquidation) {
      this.liquidation = notNull(liquidation, "liquidation");
      return this;
    }

    /** The spec for symbols without their own. Default: no tick/step, max leverage 125, MMR 0.5 %. */
    public Builder defaultSpec(SymbolSpec spec) {
      this.defaultSpec = notNull(spec, "default spec");
      return this;
    }

    /** A symbol's own spec (symbols are matched case-insensitively). */
    public Builder symbol(String symbol, SymbolSpec spec) {
      notNull(symbol, "symbol");
      if (symbols.containsKey(key(symbol))) {
        throw new IllegalArgumentException("symbols." + symbol + ": given twice (symbols match case-insensitively)");
      }
      symbols.put(key(symbol), notNull(spec, "spec for " + symbol));
      return this;
    }

    /** A symbol's own bases, fractions of price in (0, maxBase]. */
    public Builder symbolBases(String symbol, double baseTp, double baseSl) {
      notNull(symbol, "symbol");
      positive(baseTp, 1, "symbols." + symbol + ".base_tp");
      positive(baseSl, 1, "symbols." + symbol + ".base_sl");
      symbolBases.put(key(symbol), new double[] {baseTp, baseSl});
      return this;
    }

    /** A custom symbol lookup, replacing the default spec and the per-symbol specs. */
    public Builder symbolSpecs(SymbolSpecs symbolSpecs) {
      this.symbolSpecs = notNull(symbolSpecs, "symbolSpecs");
      return this;
    }

    /** @throws IllegalArgumentException when values contradict each other, naming them */
    public ExitBrainConfig build() {
      checkBase(baseTp, "base_tp");
      checkBase(baseSl, "base_sl");
      symbolBases.forEach((s, b) -> {
        checkBase(b[0], "symbols." + s + ".base_tp");
        checkBase(b[1], "symbols." + s + ".base_sl");
      });
      return new ExitBrainConfig(this, defaultSpec != null
          ? defaultSpec
          : SymbolSpec.simple(maxLeverage, SymbolSpec.DEFAULT_MAINTENANCE_MARGIN_RATE));
    }

    private void checkBase(double base, String name) {
      if (base > maxBase) {
        throw new IllegalArgumentException(
            name + ": must be in (0, " + plain(maxBase) + "] (max_base), was " + plain(base));
      }
    }
  }
}
