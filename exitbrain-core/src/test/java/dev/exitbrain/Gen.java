package dev.exitbrain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * A small seeded generator for property tests (no jqwik). Wraps a {@link SplittableRandom}; every
 * case gets its own generator whose seed is derived from the run's base seed and the case index, so
 * a case can be re-created from those two numbers alone.
 *
 * <p>The base seed comes from the system property {@value #SEED_PROPERTY} when it is set (Surefire
 * hands {@code -Dexitbrain.seed=N} from the Maven command line to the forked test JVM), otherwise from
 * {@link System#nanoTime()}. A blank value, or an unresolved Maven placeholder such as
 * {@code ${exitbrain.seed}}, counts as unset.
 *
 * <p>Value generators are biased toward boundaries: leverage 1, 10, 30 and 125 and the neighbours of
 * the harvest tier limits come up often, ranges yield their end points now and then, and optional
 * values are {@code null} now and then.
 */
final class Gen {
  /** System property with the base seed. */
  static final String SEED_PROPERTY = "exitbrain.seed";
  /** System property with the number of cases per property (default {@value #DEFAULT_CASES}). */
  static final String CASES_PROPERTY = "exitbrain.cases";
  /** System property that restricts a run to one case index (for re-running a reported failure). */
  static final String CASE_PROPERTY = "exitbrain.case";
  static final int DEFAULT_CASES = 10_000;

  /** The lowest and highest entry prices generated: the issue's named magnitudes. */
  static final BigDecimal MIN_PRICE = new BigDecimal("0.00001234");
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
  /** The step the engine uses when neither the intent nor the symbol spec has one. */
  static final BigDecimal ENGINE_DEFAULT_STEP = new BigDecimal("0.00000001");

  private static final double[] LEVERAGE_EDGES = {
    1, 10, 30, 125, Math.nextUp(1.0), Math.nextDown(10.0), Math.nextUp(10.0), 10.0001,
    Math.nextDown(30.0), Math.nextUp(30.0), 30.5, 2, 5, 20, 50, 75, 100, Math.nextDown(125.0), 124.99
  };
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "1000SHIBUSDT", "X", "pepeusdt"};

  /** How the tick size relates to the entry price. */
  enum Ticks {
    /**
     * Ticks at most 1e-5 of the price (or none: the engine then keeps 7 significant digits); entries
     * on the tick. No valid intent may be rejected for its tick.
     */
    FINE,
    /**
     * Exchange-like ticks from 1e-8 to 0.1, matched to the price's magnitude only roughly, so a tick
     * can be a sizeable share of a tiny price (0.00001234 with tick 0.00000001); entries on the tick.
     * The engine may reject such an intent, but only for its tick.
     */
    REALISTIC,
    /** As REALISTIC, but the entry lies between two ticks (an average fill price). */
    REALISTIC_BETWEEN_TICKS
  }

  private final long seed;
  private final SplittableRandom random;

  Gen(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** This generator's own seed: {@code new Gen(seed())} repeats its values. */
  long seed() {
    return seed;
  }

  /** The generator of case {@code index} in a run with {@code baseSeed}. */
  static Gen forCase(long baseSeed, int index) {
    return new Gen(caseSeed(baseSeed, index));
  }

  /** A well-mixed seed for one case (Stafford's mix13 of base + golden-gamma × (index + 1)). */
  static long caseSeed(long baseSeed, int index) {
    long z = baseSeed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The base seed: {@value #SEED_PROPERTY} when set, else {@link System#nanoTime()}. */
  static long baseSeed() {
    Long fixed = fixedSeed();
    return fixed != null ? fixed : System.nanoTime();
  }

  /** The seed fixed by {@value #SEED_PROPERTY}, or null when unset (blank or an unresolved {@code ${...}}). */
  static Long fixedSeed() {
    String value = usable(System.getProperty(SEED_PROPERTY));
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long, was '" + value + "'", e);
    }
  }

  /** Cases per property: {@value #CASES_PROPERTY} when set, else {@value #DEFAULT_CASES}. */
  static int cases() {
    String value = usable(System.getProperty(CASES_PROPERTY));
    return value == null ? DEFAULT_CASES : Integer.parseInt(value);
  }

  /** The single case index to run, from {@value #CASE_PROPERTY}, or -1 for all. */
  static int onlyCase() {
    String value = usable(System.getProperty(CASE_PROPERTY));
    return value == null ? -1 : Integer.parseInt(value);
  }

  private static String usable(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    return v.isEmpty() || v.startsWith("${") ? null : v;
  }

  // ---------------------------------------------------------------- primitives

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [lo, hi], inclusive. */
  int intIn(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** Uniform in [lo, hi]; each end point itself with probability 3 %. */
  double doubleIn(double lo, double hi) {
    double p = random.nextDouble();
    if (p < 0.03) {
      return lo;
    }
    if (p < 0.06) {
      return hi;
    }
    return Math.min(hi, lo + (hi - lo) * random.nextDouble());
  }

  /** Log-uniform in [lo, hi] (both positive): every order of magnitude equally likely. */
  double logUniform(double lo, double hi) {
    double v = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * random.nextDouble());
    return Math.max(lo, Math.min(hi, v));
  }

  /** Any finite double, every bit pattern equally likely (so mostly huge or tiny magnitudes). */
  double anyFiniteDouble() {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(d));
    return d;
  }

  /** One of the values, uniformly. */
  @SafeVarargs
  final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** {@code null} with probability {@code pNull}, else {@code value}. */
  <T> T orNull(double pNull, T value) {
    return chance(pNull) ? null : value;
  }

  // ---------------------------------------------------------------- domain values

  /** A leverage in [1, 125]. */
  double leverage() {
    return leverage(125);
  }

  /**
   * A leverage in [1, max]: 20 % a boundary value (1, 10, 30, 125, their neighbours, tier edges),
   * 15 % a whole number, 30 % uniform, 35 % log-uniform (low leverage is where most positions live).
   */
  double leverage(double max) {
    double p = random.nextDouble();
    if (p < 0.20) {
      for (int tries = 0; tries < 8; tries++) {
        double edge = LEVERAGE_EDGES[random.nextInt(LEVERAGE_EDGES.length)];
        if (edge <= max) {
          return edge;
        }
      }
      return max;
    }
    if (p < 0.35) {
      return intIn(1, (int) Math.floor(max));
    }
    if (p < 0.65) {
      return doubleIn(1, max);
    }
    return logUniform(1, max);
  }

  /**
   * Two leverages {@code lo < hi} in [1, max]: half the time two independent draws, half the time a
   * draw and a close neighbour (gap log-uniform from 1e-6 to 10), so both coarse and fine orderings
   * are tested. The gap is never below 1e-6, where the double arithmetic of ln() still separates them.
   */
  double[] leveragePair(double max) {
    while (true) {
      double a = leverage(max);
      double b = chance(0.5) ? leverage(max) : a + (chance(0.5) ? 1 : -1) * logUniform(1e-6, 10);
      b = Math.max(1, Math.min(max, b));
      double lo = Math.min(a, b);
      double hi = Math.max(a, b);
      if (hi - lo >= 1e-6) {
        return new double[] {lo, hi};
      }
    }
  }

  Side side() {
    return random.nextBoolean() ? Side.LONG : Side.SHORT;
  }

  String symbol() {
    return SYMBOLS[random.nextInt(SYMBOLS.length)];
  }

  /** Volatility factor in [0, 10], null 25 % of the time. */
  Double volatilityFactor() {
    return orNull(0.25, doubleIn(0, 10));
  }

  /** Exchange divergence in [0, 1], null 25 % of the time. */
  Double exchangeDivergence() {
    return orNull(0.25, chance(0.5) ? doubleIn(0, 1) : logUniform(1e-6, 1));
  }

  /** Funding rate in [-0.1, 0.1], null 25 % of the time. */
  Double fundingRate() {
    return orNull(0.25, chance(0.5) ? doubleIn(-0.1, 0.1) : (chance(0.5) ? 1 : -1) * logUniform(1e-6, 0.1));
  }

  /**
   * Base take-profit in (0, 0.45] (log-uniform, so tiny bases whose TPs hit the 0.003 floor are common;
   * 0.001, the issue's colliding-floors case, 5 %), null 20 %. Capped at 0.45 so that TP3 of a short
   * stays below 100 % (0.45 × 1.95 × 1.08 ≈ 0.95), which the engine rightly rejects.
   */
  Double baseTp() {
    if (chance(0.2)) {
      return null;
    }
    return chance(0.05) ? 0.001 : logUniform(1e-5, 0.45);
  }

  /** Base stop-loss in (0, 0.5] (log-uniform; the stop clamp 0.02 binds often), null 20 %. */
  Double baseSl() {
    if (chance(0.2)) {
      return null;
    }
    return chance(0.03) ? 0.5 : logUniform(1e-5, 0.5);
  }

  /**
   * A decimal price from 0.00001234 to 1,000,000: the order of magnitude uniform, 1 to 9 significant
   * digits; the two named extremes 5 % of the time each.
   */
  BigDecimal price() {
    double p = random.nextDouble();
    if (p < 0.05) {
      return MIN_PRICE;
    }
    if (p < 0.10) {
      return MAX_PRICE;
    }
    int magnitude = intIn(-5, 5);
    int digits = intIn(1, 9);
    long low = pow10(digits - 1);
    long unscaled = low + random.nextLong(low * 9);
    BigDecimal v = BigDecimal.valueOf(unscaled).scaleByPowerOfTen(magnitude - digits + 1);
    if (v.compareTo(MIN_PRICE) < 0) {
      return MIN_PRICE;
    }
    return v.compareTo(MAX_PRICE) > 0 ? MAX_PRICE : v.stripTrailingZeros().setScale(Math.max(0, v.stripTrailingZeros().scale()));
  }

  /**
   * A tick for {@code price}. FINE: 1, 2 or 5 × 10^k with tick ≤ price × 1e-5 (down to 1e-9 of the
   * price). REALISTIC: a power of ten 2 to 5 orders below the price, clamped to [1e-8, 0.1], like real
   * exchange filters.
   */
  BigDecimal tick(BigDecimal price, Ticks mode) {
    int magnitude = price.precision() - price.scale() - 1; // floor(log10(price))
    if (mode == Ticks.FINE) {
      int mult = oneOf(1, 1, 2, 5);
      int exp = magnitude - intIn(6, 9);
      return BigDecimal.valueOf(mult).scaleByPowerOfTen(exp).setScale(-exp);
    }
    int exp = Math.max(-8, Math.min(-1, magnitude - intIn(2, 5)));
    return BigDecimal.ONE.scaleByPowerOfTen(exp).setScale(-exp);
  }

  /** {@code price} rounded to a multiple of {@code tick} (at least one tick). */
  static BigDecimal onTick(BigDecimal price, BigDecimal tick) {
    BigDecimal n = price.divide(tick, 0, RoundingMode.HALF_UP);
    return (n.signum() <= 0 ? BigDecimal.ONE : n).multiply(tick);
  }

  /** A quantity step: a power of ten from 1e-8 to 1000. */
  BigDecimal step() {
    int exp = intIn(-8, 3);
    return BigDecimal.ONE.scaleByPowerOfTen(exp).setScale(Math.max(0, -exp));
  }

  /** A quantity of 1,000 to 100,000,000 steps (log-uniform), well above any minimum generated. */
  BigDecimal quantity(BigDecimal step) {
    long n = Math.round(logUniform(1_000, 100_000_000));
    return step.multiply(BigDecimal.valueOf(n));
  }

  /**
   * A minimum quantity for a position of {@code qty}: null (the spec's 0) 40 %, zero 10 %, a few steps
   * 25 %, and 25 % a sizeable share (5 % to 90 %) of the position, so that small stages merge.
   */
  BigDecimal minQty(BigDecimal qty, BigDecimal step) {
    double p = random.nextDouble();
    if (p < 0.40) {
      return null;
    }
    if (p < 0.50) {
      return BigDecimal.ZERO;
    }
    if (p < 0.75) {
      return step.multiply(BigDecimal.valueOf(intIn(1, 10)));
    }
    BigDecimal share = new BigDecimal(Double.toString(doubleIn(0.05, 0.9)));
    BigDecimal min = qty.multiply(share).divide(step, 0, RoundingMode.FLOOR).multiply(step);
    return min.signum() == 0 ? step : min;
  }

  private static long pow10(int n) {
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }

  // ---------------------------------------------------------------- intents

  /** What an intent must contain. */
  enum Parts {
    /** Entry price 80 % of the time; a size 75 % of those. */
    ANY,
    /** Always an entry price; a size 75 % of the time. */
    PRICES,
    /** Always an entry price and a size. */
    QUANTITIES
  }

  /** A valid intent for the default configuration, any side, fine ticks. */
  TradeIntent intent() {
    return intent(Parts.ANY, Ticks.FINE, 125);
  }

  /**
   * A valid intent for the default configuration (every value inside the configured ranges).
   *
   * @param maxLeverage the highest leverage to generate
   */
  TradeIntent intent(Parts parts, Ticks ticks, double maxLeverage) {
    TradeIntent.Builder b = TradeIntent.builder(symbol(), side())
        .leverage(leverage(maxLeverage))
        .volatilityFactor(volatilityFactor())
        .fundingRate(fundingRate())
        .exchangeDivergence(exchangeDivergence())
        .atrValue(orNull(0.5, doubleIn(0, 1e4)))
        .baseTp(baseTp())
        .baseSl(baseSl());
    boolean withEntry = parts != Parts.ANY || chance(0.8);
    if (!withEntry) {
      return b.build();
    }
    BigDecimal rawPrice = price();
    BigDecimal tick = tick(rawPrice, ticks);
    BigDecimal entry = onTick(rawPrice, tick);
    boolean tickGiven = ticks != Ticks.FINE || chance(0.9);
    if (!tickGiven) {
      entry = rawPrice; // the engine derives a tick of 7 significant digits from the entry itself
    } else if (ticks == Ticks.REALISTIC_BETWEEN_TICKS) {
      // an average fill between two ticks
      entry = entry.add(tick.multiply(BigDecimal.valueOf(intIn(1, 99))).movePointLeft(2));
    }
    b.entryPrice(entry);
    if (tickGiven) {
      b.tickSize(tick);
    }
    boolean withSize = parts == Parts.QUANTITIES || chance(0.75);
    if (withSize) {
      BigDecimal step = chance(0.4) ? null : step();
      BigDecimal effectiveStep = step == null ? ENGINE_DEFAULT_STEP : step;
      BigDecimal qty = quantity(effectiveStep);
      // Notional = quantity × entry, sometimes with a remainder below one step's worth.
      BigDecimal size = qty.multiply(entry);
      if (chance(0.3)) {
        size = size.add(effectiveStep.multiply(entry).multiply(new BigDecimal(Double.toString(doubleIn(0, 0.999)))));
      }
      b.positionSizeUsd(size).stepSize(step).minQty(minQty(qty, effectiveStep));
    }
    return b.build();
  }

  /** The same intent on the other side. */
  static TradeIntent mirrored(TradeIntent in) {
    return new TradeIntent(in.symbol(), in.side() == Side.LONG ? Side.SHORT : Side.LONG, in.leverage(),
        in.entryPrice(), in.positionSizeUsd(), in.volatilityFactor(), in.fundingRate(),
        in.exchangeDivergence(), in.atrValue(), in.baseTp(), in.baseSl(), in.tickSize(), in.stepSize(),
        in.minQty());
  }

  /** The intent as builder code, with every double exact ({@code Double.toString} round-trips). */
  static String describe(TradeIntent in) {
    StringBuilder s = new StringBuilder("TradeIntent.builder(\"").append(in.symbol()).append("\", Side.")
        .append(in.side()).append(").leverage(").append(in.leverage()).append(")");
    dec(s, "entryPrice", in.entryPrice());
    dec(s, "positionSizeUsd", in.positionSizeUsd());
    dbl(s, "volatilityFactor", in.volatilityFactor());
    dbl(s, "fundingRate", in.fundingRate());
    dbl(s, "exchangeDivergence", in.exchangeDivergence());
    dbl(s, "atrValue", in.atrValue());
    dbl(s, "baseTp", in.baseTp());
    dbl(s, "baseSl", in.baseSl());
    dec(s, "tickSize", in.tickSize());
    dec(s, "stepSize", in.stepSize());
    dec(s, "minQty", in.minQty());
    return s.append(".build()").toString();
  }

  private static void dec(StringBuilder s, String name, BigDecimal v) {
    if (v != null) {
      s.append('.').append(name).append("(new BigDecimal(\"").append(v.toPlainString()).append("\"))");
    }
  }

  private static void dbl(StringBuilder s, String name, Double v) {
    if (v != null) {
      s.append('.').append(name).append('(').append(v).append(')');
    }
  }
}
