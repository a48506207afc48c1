package dev.exitbrain.internal;

import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.Explanation;
import dev.exitbrain.ExitBrainConfig;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.HarvestScheme;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.LevelInputs;
import dev.exitbrain.Levels;
import dev.exitbrain.MarginBracket;
import dev.exitbrain.Range;
import dev.exitbrain.Rule;
import dev.exitbrain.Side;
import dev.exitbrain.StopLoss;
import dev.exitbrain.SymbolSpec;
import dev.exitbrain.TakeProfit;
import dev.exitbrain.TradeIntent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pipeline behind {@code ExitBrain.compute}: validate, LSF, formula, strict order, harvest,
 * liquidation guard, then prices, quantities and the stop ladder. Pure: the same intent always gives
 * the same plan, which is what lets the explanation be produced later by running it again.
 */
public final class Engine {
  private final ExitBrainConfig config;
  private final String lsfReason;
  private final String guardReason;
  private final String orderReason;
  private final double[] lsfTable;
  // Reasons per harvest scheme and margin bracket, built once: explanations are built per plan.
  private final java.util.concurrent.ConcurrentHashMap<Object, String> reasons =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Engine(ExitBrainConfig config) {
    this.config = Checks.notNull(config, "config");
    this.lsfReason = "LSF by " + config.sensitivity();
    // Whole leverages are by far the most common; their LSF (a log) is computed once. The parts are
    // pure, so a table entry is exactly what the call would return.
    this.lsfTable = new double[(int) Math.min(config.maxLeverage(), 1000) + 1];
    for (int l = 1; l < lsfTable.length; l++) {
      lsfTable[l] = computeLsf(l);
    }
    this.guardReason = "liquidation guard: the stop may use at most " + plain(config.guard())
        + " of the distance to liquidation";
    this.orderReason = "strict order: not beyond the level before (floors or an earlier move); moved "
        + plain(config.tpOrderGap()) + " beyond it";
  }

  public ExitBrainConfig config() {
    return config;
  }

  public ExitPlan compute(TradeIntent in) {
    Checks.notNull(in, "intent");
    return run(in, Trace.OFF);
  }

  private ExitPlan run(TradeIntent in, Trace t) {
    Context cx = resolve(in);
    checkLeverage(in.leverage(), cx);
    double leverage = in.leverage();

    double lsf = lsf(leverage);
    t.add("lsf", Rule.LSF, null, lsf, lsfReason);
    Levels formula = formula(cx, leverage, lsf, t.consumer());

    double tp1 = formula.tp1();
    double tp2 = ordered("tp2", tp1, formula.tp2(), t);
    double tp3 = ordered("tp3", tp2, formula.tp3(), t);
    if (in.side() == Side.SHORT && tp3 >= 1) {
      throw new InvalidIntentException("base_tp", plain(cx.baseTp),
          "puts TP3 of a short " + plain(tp3 * 100) + " % below entry, at or below a price of zero");
    }

    HarvestScheme harvest = config.harvest().scheme(leverage);
    if (t.all()) {
      t.add("harvest", Rule.HARVEST, null, harvest.tp1(), reason(harvest, () -> harvest.name() + " "
          + plain(harvest.tp1()) + "/" + plain(harvest.tp2()) + "/" + plain(harvest.tp3()) + " by " + config.harvest()));
    }

    double liqDistance = liquidationDistance(in.side(), leverage, cx);
    if (t.all()) {
      String mmr = reason(cx.bracket, () -> config.liquidation() + ", MMR "
          + plain(cx.bracket.maintenanceMarginRate()));
      t.add("liquidation_distance", Rule.LIQUIDATION, null, liqDistance, cx.cumPerNotional == 0
          ? mmr : mmr + ", maintenance amount / notional " + plain(cx.cumPerNotional));
    }
    double maxStop = config.guard() * liqDistance;
    if (!(maxStop >= config.minStop())) {
      throw new InvalidIntentException("leverage", plain(leverage), "leaves no room for a stop: liquidation is "
          + percent(liqDistance) + " away, the guard allows a stop of at most " + percent(Math.max(maxStop, 0))
          + ", below the minimum stop " + percent(config.minStop()) + "; highest safe leverage for " + in.side()
          + " " + in.symbol() + " is " + plain(maxSafeLeverage(in)));
    }
    double sl = formula.sl();
    boolean guarded = false;
    if (sl > maxStop) {
      t.add("sl", Rule.GUARD, sl, maxStop, guardReason);
      sl = maxStop;
      guarded = true;
    }

    Prices prices = in.entryPrice() == null
        ? null
        : Prices.build(in, cx.spec, new double[] {tp1, tp2, tp3}, sl, liqDistance, config.takerFee(), harvest, t);

    StopLoss stop = new StopLoss(sl, sl * leverage, guarded,
        prices == null ? Optional.empty() : Optional.of(prices.sl));
    Explanation explanation = t.enabled()
        ? Explanation.of(t.steps())
        : Explanation.lazy(() -> explain(in, Trace.on()), () -> explain(in, Trace.adjustments()));
    return new ExitPlan(in.symbol(), in.side(), leverage, lsf, harvest, takeProfit(1, tp1, leverage, harvest, prices),
        takeProfit(2, tp2, leverage, harvest, prices), takeProfit(3, tp3, leverage, harvest, prices), stop, liqDistance,
        Optional.ofNullable(in.entryPrice()),
        prices == null ? Optional.empty() : Optional.of(prices.liquidation),
        prices == null ? Optional.empty() : Optional.of(prices.breakeven),
        prices == null ? Optional.empty() : Optional.of(prices.tick),
        prices == null ? Optional.empty() : Optional.ofNullable(prices.total),
        prices == null ? List.of() : prices.ladder,
        explanation);
  }

  /** A cached reason; a plug-in returning ever new schemes or brackets gets them built each time instead. */
  private String reason(Object key, java.util.function.Supplier<String> build) {
    String r = reasons.get(key);
    if (r == null) {
      r = build.get();
      if (reasons.size() < 1000) {
        reasons.put(key, r);
      }
    }
    return r;
  }

  private static TakeProfit takeProfit(int stage, double fraction, double leverage, HarvestScheme harvest,
      Prices prices) {
    return new TakeProfit(stage, fraction, fraction * leverage, harvest.fraction(stage),
        prices == null ? Optional.empty() : Optional.of(prices.tp[stage - 1]),
        prices == null || prices.quantities == null ? Optional.empty() : Optional.of(prices.quantities[stage - 1]));
  }

  /** The steps of {@code in}'s plan that {@code t} keeps: the same computation, recorded. */
  private List<dev.exitbrain.Step> explain(TradeIntent in, Trace t) {
    run(in, t);
    return t.steps();
  }

  /**
   * The highest leverage, at most the symbol's maximum, at which the formula's own stop fits inside
   * the guard untightened. Found by bisection and rounded down to 0.01, so the answer itself is safe.
   */
  public double maxSafeLeverage(TradeIntent in) {
    Checks.notNull(in, "intent");
    Context cx = resolve(in);
    double cap = Math.min(Math.min(config.maxLeverage(), cx.spec.maxLeverage()), cx.bracket.maxLeverage());
    if (safe(in.side(), cap, cx)) {
      return cap;
    }
    if (!safe(in.side(), 1, cx)) {
      throw new InvalidIntentException("leverage", "1", "no leverage fits the stop of " + in.symbol()
          + " inside the liquidation guard, not even 1x");
    }
    double lo = 1;
    double hi = cap;
    for (int i = 0; i < 200 && hi - lo > 1e-9; i++) {
      double mid = (lo + hi) / 2;
      if (safe(in.side(), mid, cx)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.max(1, Math.floor(lo * 100) / 100);
  }

  private boolean safe(Side side, double leverage, Context cx) {
    double max = config.guard() * liquidationDistance(side, leverage, cx);
    if (!(max >= config.minStop())) {
      return false;
    }
    Levels levels = formula(cx, leverage, lsf(leverage), Trace.NO_STEPS);
    return levels.sl() <= max;
  }

  private double lsf(double leverage) {
    int whole = (int) leverage;
    if (whole == leverage && whole < lsfTable.length) {
      return lsfTable[whole];
    }
    return computeLsf(leverage);
  }

  private double computeLsf(double leverage) {
    double lsf = config.sensitivity().lsf(leverage);
    if (!(lsf > 0 && lsf < 1)) {
      throw new IllegalStateException("sensitivity " + config.sensitivity() + " returned LSF " + plain(lsf)
          + " at leverage " + plain(leverage) + "; it must be in (0, 1)");
    }
    return lsf;
  }

  private Levels formula(Context cx, double leverage, double lsf, Consumer<dev.exitbrain.Step> trace) {
    Levels levels = config.formula().levels(new LevelInputs(leverage, lsf, cx.baseTp, cx.baseSl,
        cx.volatilityFactor, cx.fundingRate, cx.exchangeDivergence), trace);
    if (levels == null) {
      throw new IllegalStateException("formula " + config.formula() + " returned no levels");
    }
    return levels;
  }

  private double ordered(String field, double previous, double value, Trace t) {
    if (value > previous) {
      return value;
    }
    double moved = previous + config.tpOrderGap();
    t.add(field, Rule.ORDER, value, moved, orderReason);
    return moved;
  }

  private double liquidationDistance(Side side, double leverage, Context cx) {
    double d = config.liquidation().distance(side, leverage, cx.bracket.maintenanceMarginRate(), cx.cumPerNotional);
    if (Double.isNaN(d) || d > 1.0 + 1e-9 && side == Side.LONG) {
      throw new IllegalStateException("liquidation model " + config.liquidation() + " returned distance "
          + plain(d) + " for " + side + " at " + plain(leverage) + "x");
    }
    return d;
  }

  private void checkLeverage(double leverage, Context cx) {
    double max = Math.min(config.maxLeverage(), cx.spec.maxLeverage());
    if (!(leverage <= max)) {
      throw new InvalidIntentException("leverage", plain(leverage), "must be between 1 and " + plain(max));
    }
    if (leverage > cx.bracket.maxLeverage()) {
      throw new InvalidIntentException("leverage", plain(leverage), "exceeds the "
          + plain(cx.bracket.maxLeverage()) + "x allowed for a notional from "
          + cx.bracket.notionalFloor().toPlainString());
    }
  }

  /** Validates what depends on the configuration and gathers what the steps need. */
  private Context resolve(TradeIntent in) {
    SymbolSpec spec = config.symbolSpecs().spec(in.symbol());
    if (spec == null) {
      throw new IllegalStateException("symbol specs returned no spec for " + in.symbol());
    }
    if (in.tickSize() != null || in.stepSize() != null || in.minQty() != null) {
      spec = spec.withFilters(in.tickSize(), in.stepSize(), in.minQty());
    }
    double baseTp = in.baseTp() != null ? in.baseTp() : config.baseTp(in.symbol());
    double baseSl = in.baseSl() != null ? in.baseSl() : config.baseSl(in.symbol());
    checkBase("base_tp", baseTp);
    checkBase("base_sl", baseSl);
    double vf = modifier("volatility_factor", in.volatilityFactor(), config.volatilityFactorRange());
    double funding = modifier("funding_rate", in.fundingRate(), config.fundingRateRange());
    double divergence = modifier("exchange_divergence", in.exchangeDivergence(), config.exchangeDivergenceRange());
    BigDecimal notional = in.positionSizeUsd();
    MarginBracket bracket = spec.bracketFor(notional);
    double cumPerNotional = notional == null || bracket.maintenanceAmount().signum() == 0
        ? 0
        : bracket.maintenanceAmount().doubleValue() / notional.doubleValue();
    return new Context(spec, bracket, cumPerNotional, baseTp, baseSl, vf, funding, divergence);
  }

  private void checkBase(String field, double base) {
    if (!(base > 0 && base <= config.maxBase())) {
      throw new InvalidIntentException(field, plain(base), "must be in (0, " + plain(config.maxBase()) + "]");
    }
  }

  private static double modifier(String field, Double value, Range range) {
    if (value == null) {
      return 0;
    }
    if (!range.contains(value)) {
      throw new InvalidIntentException(field, plain(value), "must be in " + range);
    }
    return value;
  }

  static String percent(double fraction) {
    return plain(Math.round(fraction * 1e6) / 1e4) + " %";
  }

  private static final class Context {
    final SymbolSpec spec;
    final MarginBracket bracket;
    final double cumPerNotional;
    final double baseTp;
    final double baseSl;
    final double volatilityFactor;
    final double fundingRate;
    final double exchangeDivergence;

    Context(SymbolSpec spec, MarginBracket bracket, double cumPerNotional, double baseTp, double baseSl,
        double volatilityFactor, double fundingRate, double exchangeDivergence) {
      this.spec = spec;
      this.bracket = bracket;
      this.cumPerNotional = cumPerNotional;
      this.baseTp = baseTp;
      this.baseSl = baseSl;
      this.volatilityFactor = volatilityFactor;
      this.fundingRate = fundingRate;
      this.exchangeDivergence = exchangeDivergence;
    }
  }
}
