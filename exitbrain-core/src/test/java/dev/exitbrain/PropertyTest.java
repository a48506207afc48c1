package dev.exitbrain;

import static dev.exitbrain.PropertyRunner.forAll;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized property tests over the whole valid input space of the default configuration
 * (issue 2, "Tests beyond the golden values"). Each property runs {@link Gen#cases()} cases (10,000
 * by default). The base seed is printed once; a failure names the seed, the case index and the intent
 * and says how to re-run it ({@code -Dexitbrain.seed=N}, optionally {@code -Dexitbrain.case=I}).
 *
 * <p>"Formula value" of a level: the {@code after} of the last explanation step for that field whose
 * rule is FORMULA, MODIFIER, FLOOR or CLAMP, i.e. the level before strict ordering and the guard.
 */
class PropertyTest {
  private static final String CLASS = "PropertyTest";
  private static final ExitBrain BRAIN = ExitBrain.create();
  /** An engine with the historical BTCUSDT notional brackets of exchange-math.md §2. */
  private static final ExitBrain BRACKETED = ExitBrain.create(ExitBrainConfig.builder()
      .symbol("BTCUSDT", new SymbolSpec(null, null, BigDecimal.ZERO, 125, SymbolSpec.brackets(
          new double[] {0, 0.004, 125}, new double[] {50_000, 0.005, 100}, new double[] {600_000, 0.0065, 75},
          new double[] {3_000_000, 0.01, 50}, new double[] {12_000_000, 0.02, 25},
          new double[] {70_000_000, 0.025, 20}))).build());

  /** A generated intent; prints as builder code. */
  record Case(TradeIntent intent, long caseSeed) {
    @Override
    public String toString() {
      return Gen.describe(intent);
    }
  }

  /** A generated intent and two leverages lo < hi. */
  record LeveragePair(TradeIntent intent, double lo, double hi) {
    @Override
    public String toString() {
      return Gen.describe(intent) + " at leverage " + lo + " and " + hi;
    }
  }

  @BeforeAll
  static void banner() {
    System.out.println(PropertyRunner.banner(CLASS));
  }

  private static Case any(Gen g) {
    return new Case(g.intent(), g.seed());
  }

  private static Case withPrices(Gen g) {
    return new Case(g.intent(Gen.Parts.PRICES, Gen.Ticks.FINE, 125), g.seed());
  }

  private static Case withQuantities(Gen g) {
    return new Case(g.intent(Gen.Parts.QUANTITIES, Gen.Ticks.FINE, 125), g.seed());
  }

  // ==================================================================== the properties

  @Test
  void takeProfitsStrictlyOrderedAsFractionsAndPrices() {
    forAll(CLASS, "takeProfitsStrictlyOrderedAsFractionsAndPrices", PropertyTest::any,
        c -> checkOrder(c.intent(), BRAIN.compute(c.intent())));
  }

  @Test
  void stopStrictlyBetweenLiquidationAndEntry() {
    forAll(CLASS, "stopStrictlyBetweenLiquidationAndEntry", PropertyTest::any,
        c -> checkStop(BRAIN.config(), c.intent(), BRAIN.compute(c.intent())));
  }

  @Test
  void longAndShortMirrorEachOther() {
    forAll(CLASS, "longAndShortMirrorEachOther", g -> {
      TradeIntent in = g.intent();
      return new Case(in.side() == Side.LONG ? in : Gen.mirrored(in), g.seed());
    }, c -> checkMirror(c.intent(), Gen.mirrored(c.intent())));
  }

  @Test
  void lsfStrictlyDecreasingInLeverage() {
    forAll(CLASS, "lsfStrictlyDecreasingInLeverage", PropertyTest::pair, c -> {
      ExitPlan lo = BRAIN.compute(c.intent().withLeverage(c.lo()));
      ExitPlan hi = BRAIN.compute(c.intent().withLeverage(c.hi()));
      check(lo.lsf() > hi.lsf(), "LSF(%s) = %s is not > LSF(%s) = %s", c.lo(), lo.lsf(), c.hi(), hi.lsf());
      check(hi.lsf() > 0 && lo.lsf() < 1, "LSF outside (0, 1): %s, %s", lo.lsf(), hi.lsf());
    });
  }

  @Test
  void formulaTakeProfitsNonIncreasingAndStopNonDecreasingInLeverage() {
    forAll(CLASS, "formulaTakeProfitsNonIncreasingAndStopNonDecreasingInLeverage", PropertyTest::pair, c -> {
      ExitPlan lo = BRAIN.compute(c.intent().withLeverage(c.lo()));
      ExitPlan hi = BRAIN.compute(c.intent().withLeverage(c.hi()));
      for (String tp : List.of("tp1", "tp2", "tp3")) {
        double a = formulaValue(lo, tp);
        double b = formulaValue(hi, tp);
        check(b <= a, "formula %s rose with leverage: %s at %sx, %s at %sx", tp, a, c.lo(), b, c.hi());
      }
      double a = formulaValue(lo, "sl");
      double b = formulaValue(hi, "sl");
      check(b >= a, "formula sl fell with leverage: %s at %sx, %s at %sx", a, c.lo(), b, c.hi());
    });
  }

  @Test
  void harvestFractionsSumToOne() {
    forAll(CLASS, "harvestFractionsSumToOne", PropertyTest::any,
        c -> checkHarvest(c.intent(), BRAIN.compute(c.intent())));
  }

  @Test
  void quantitiesSumExactlyToTotalAndSitOnTheStep() {
    forAll(CLASS, "quantitiesSumExactlyToTotalAndSitOnTheStep", PropertyTest::withQuantities,
        c -> checkQuantities(c.intent(), BRAIN.compute(c.intent())));
  }

  @Test
  void everyPriceIsAMultipleOfTheTick() {
    forAll(CLASS, "everyPriceIsAMultipleOfTheTick", PropertyTest::withPrices,
        c -> checkTicks(c.intent(), BRAIN.compute(c.intent())));
  }

  @Test
  void noNaNOrInfinityInAnyOutput() {
    forAll(CLASS, "noNaNOrInfinityInAnyOutput", PropertyTest::any, c -> checkFinite(BRAIN.compute(c.intent())));
  }

  @Test
  void sameInputSameOutput() {
    ExitBrain other = ExitBrain.create();
    forAll(CLASS, "sameInputSameOutput", PropertyTest::any, c -> {
      ExitPlan first = BRAIN.compute(c.intent());
      ExitPlan second = BRAIN.compute(c.intent());
      check(first.equals(second), "two computations differ:%n%s%n%s", first, second);
      check(first.equals(other.compute(c.intent())), "another ExitBrain with the same config differs");
      TradeIntent again = new Gen(c.caseSeed()).intent();
      check(again.equals(c.intent()), "the generator is not deterministic: %s", Gen.describe(again));
      check(first.equals(BRAIN.compute(again)), "an equal intent gave a different plan");
    });
  }

  @Test
  void pricesArePlainDecimals() {
    forAll(CLASS, "pricesArePlainDecimals", PropertyTest::withQuantities,
        c -> checkPlain(BRAIN.compute(c.intent())));
  }

  @Test
  void roiIsFractionTimesLeverage() {
    forAll(CLASS, "roiIsFractionTimesLeverage", PropertyTest::any, c -> checkRoi(BRAIN.compute(c.intent())));
  }

  // ==================================================================== further properties

  /**
   * A plan's adjustments, read first, come from a cheaper pass that records only adjustments; they
   * must be exactly what the full explanation shows, for plans with and without prices.
   */
  @Test
  void adjustmentsReadAloneEqualThoseOfTheFullExplanation() {
    forAll(CLASS, "adjustmentsReadAloneEqualThoseOfTheFullExplanation",
        g -> g.chance(0.5) ? withQuantities(g) : any(g), c -> {
          List<Step> alone = BRAIN.compute(c.intent()).adjustments();
          ExitPlan explained = BRAIN.compute(c.intent());
          List<Step> full = explained.explanation().steps().stream()
              .filter(step -> step.rule().isAdjustment() && step.changed()).collect(java.util.stream.Collectors.toList());
          check(alone.equals(full), "adjustments read alone:%n%s%nfrom the full explanation:%n%s", alone, full);
          check(explained.adjustments().equals(full), "adjustments after the explanation differ: %s", explained.adjustments());
        });
  }

  /** The formula values equal an independent transcription of the reference (§1.2) to 1e-12 relative. */
  @Test
  void formulaValuesMatchTheReference() {
    forAll(CLASS, "formulaValuesMatchTheReference", PropertyTest::any, c -> {
      TradeIntent in = c.intent();
      ExitPlan p = BRAIN.compute(in);
      double[] ref = referenceV2(
          in.baseTp() != null ? in.baseTp() : 0.01, in.baseSl() != null ? in.baseSl() : 0.005, in.leverage(),
          orZero(in.volatilityFactor()), orZero(in.fundingRate()), orZero(in.exchangeDivergence()));
      close(p.lsf(), ref[0], "lsf");
      close(formulaValue(p, "tp1"), ref[1], "formula tp1");
      close(formulaValue(p, "tp2"), ref[2], "formula tp2");
      close(formulaValue(p, "tp3"), ref[3], "formula tp3");
      close(formulaValue(p, "sl"), ref[4], "formula sl");
    });
  }

  /** OPEN = the stop, after TP1 between the stop and TP1 at or beyond entry, after TP2 = TP1. */
  @Test
  void stopLadderMovesTowardProfit() {
    forAll(CLASS, "stopLadderMovesTowardProfit", PropertyTest::withPrices,
        c -> checkLadder(c.intent(), BRAIN.compute(c.intent())));
  }

  /** At maxSafeLeverage the stop is not tightened; 0.011 above it, it is. */
  @Test
  void maxSafeLeverageIsTheGuardBoundary() {
    forAll(CLASS, "maxSafeLeverageIsTheGuardBoundary", PropertyTest::any, c -> {
      double m = BRAIN.maxSafeLeverage(c.intent());
      check(m >= 1 && m <= 125, "maxSafeLeverage %s outside [1, 125]", m);
      ExitPlan at = BRAIN.compute(c.intent().withLeverage(m));
      check(!at.stopLoss().guarded(), "guarded at maxSafeLeverage %s", m);
      if (m + 0.011 <= 125) {
        ExitPlan above = BRAIN.compute(c.intent().withLeverage(m + 0.011));
        check(above.stopLoss().guarded(), "not guarded at %s, above maxSafeLeverage %s", m + 0.011, m);
      }
    });
  }

  /**
   * Exchange-like ticks (1e-8 .. 0.1, sometimes a large share of a tiny price), entries on the tick:
   * the engine may reject an intent, but only for its tick and only when the tick really is too coarse
   * (the stop would meet liquidation, or a short's TP3 zero); every plan it does return satisfies every
   * single-plan property.
   */
  @Test
  void realisticTicksEitherSatisfyEverythingOrAreRejectedForTheTick() {
    forAll(CLASS, "realisticTicksEitherSatisfyEverythingOrAreRejectedForTheTick",
        g -> new Case(g.intent(Gen.Parts.PRICES, Gen.Ticks.REALISTIC, 125), g.seed()), c -> {
          TradeIntent in = c.intent();
          ExitPlan p;
          try {
            p = BRAIN.compute(in);
          } catch (InvalidIntentException e) {
            checkCoarseTickRejection(in, e);
            return;
          }
          checkAll(BRAIN.config(), in, p);
        });
  }

  /**
   * Entries between two ticks (an average fill), exchange-like ticks: as above, every price must still
   * be on the tick.
   */
  @Test
  void entriesBetweenTicksEitherSatisfyEverythingOrAreRejectedForTheTick() {
    forAll(CLASS, "entriesBetweenTicksEitherSatisfyEverythingOrAreRejectedForTheTick",
        g -> new Case(g.intent(Gen.Parts.PRICES, Gen.Ticks.REALISTIC_BETWEEN_TICKS, 125), g.seed()), c -> {
          TradeIntent in = c.intent();
          ExitPlan p;
          try {
            p = BRAIN.compute(in);
          } catch (InvalidIntentException e) {
            checkCoarseTickRejection(in, e);
            return;
          }
          checkAll(BRAIN.config(), in, p);
        });
  }

  /**
   * The historical BTCUSDT notional brackets of exchange-math.md §2 (0.4 % to 2.5 %, maintenance amounts
   * 0 to 481,450, max leverage 125x down to 20x), leverage 1.03x up to the bracket's maximum: every
   * single-plan property, both sides.
   */
  @Test
  void marginBracketsKeepEveryProperty() {
    forAll(CLASS, "marginBracketsKeepEveryProperty", g -> bracketCase(g, Math.max(1.03, g.leverage(125))),
        PropertyTest::checkBracketCase);
  }

  /**
   * The same brackets at 1x to 1.03x. Below 1 / (1 − cum/notional) (up to 1.026x here) a long whose
   * bracket has a maintenance amount ("cum") cannot be liquidated at all: the Binance formula gives a
   * liquidation price below zero. The plan must still be made, with every property, and
   * maxSafeLeverage must answer.
   */
  @Test
  void marginBracketsAtLowestLeverageKeepEveryProperty() {
    forAll(CLASS, "marginBracketsAtLowestLeverageKeepEveryProperty",
        g -> bracketCase(g, g.chance(0.3) ? 1.0 : g.doubleIn(1, 1.03)), c -> {
          checkBracketCase(c);
          double m = BRACKETED.maxSafeLeverage(c.intent());
          check(m >= 1 && m <= 125, "maxSafeLeverage %s outside [1, 125]", m);
        });
  }

  /** A BTCUSDT intent with a size, at {@code leverage} capped at the bracket's maximum. */
  private static Case bracketCase(Gen g, double leverage) {
    TradeIntent in = g.intent(Gen.Parts.QUANTITIES, Gen.Ticks.FINE, 125);
    MarginBracket bracket = BRACKETED.config().symbolSpecs().spec("BTCUSDT").bracketFor(in.positionSizeUsd());
    return new Case(new TradeIntent("BTCUSDT", in.side(), Math.min(leverage, bracket.maxLeverage()),
        in.entryPrice(), in.positionSizeUsd(), in.volatilityFactor(), in.fundingRate(), in.exchangeDivergence(),
        in.atrValue(), in.baseTp(), in.baseSl(), in.tickSize(), in.stepSize(), in.minQty()), g.seed());
  }

  private static void checkBracketCase(Case c) {
    checkAll(BRACKETED.config(), c.intent(), BRACKETED.compute(c.intent()));
    TradeIntent mirror = Gen.mirrored(c.intent());
    checkAll(BRACKETED.config(), mirror, BRACKETED.compute(mirror));
  }

  // ==================================================================== checks

  static void checkAll(ExitBrainConfig config, TradeIntent in, ExitPlan p) {
    checkOrder(in, p);
    checkStop(config, in, p);
    checkHarvest(in, p);
    checkQuantities(in, p);
    checkTicks(in, p);
    checkLadder(in, p);
    checkFinite(p);
    checkRoi(p);
    checkPlain(p);
  }

  /** TP1 < TP2 < TP3 as fractions and, with an entry, as prices beyond entry; identical to the formula where it was ordered. */
  static void checkOrder(TradeIntent in, ExitPlan p) {
    double f1 = p.tp1().fraction();
    double f2 = p.tp2().fraction();
    double f3 = p.tp3().fraction();
    check(f1 > 0 && f1 < f2 && f2 < f3, "fractions not strictly ordered: %s, %s, %s", f1, f2, f3);
    double v1 = formulaValue(p, "tp1");
    double v2 = formulaValue(p, "tp2");
    double v3 = formulaValue(p, "tp3");
    if (v1 < v2 && v2 < v3) {
      check(f1 == v1 && f2 == v2 && f3 == v3, "formula already ordered (%s, %s, %s) but plan has %s, %s, %s",
          v1, v2, v3, f1, f2, f3);
    }
    if (in.entryPrice() == null) {
      check(p.tp1().price().isEmpty() && p.stopLoss().price().isEmpty() && p.liquidationPrice().isEmpty(),
          "prices without an entry price");
      return;
    }
    int s = in.side().sign();
    BigDecimal entry = in.entryPrice();
    BigDecimal t1 = p.tp1().price().orElseThrow();
    BigDecimal t2 = p.tp2().price().orElseThrow();
    BigDecimal t3 = p.tp3().price().orElseThrow();
    check(beyond(t1, entry, s) && beyond(t2, t1, s) && beyond(t3, t2, s),
        "%s prices not strictly ordered beyond entry %s: %s, %s, %s", in.side(), plain(entry), plain(t1), plain(t2),
        plain(t3));
  }

  /** 0 < sl ≤ guard × liquidation distance, the guard's bookkeeping, and liq < sl < entry (mirrored for a short). */
  static void checkStop(ExitBrainConfig config, TradeIntent in, ExitPlan p) {
    StopLoss sl = p.stopLoss();
    double d = p.liquidationDistance();
    double limit = config.guard() * d;
    check(d > 0 && sl.fraction() > 0 && sl.fraction() < d, "stop %s not inside the liquidation distance %s",
        sl.fraction(), d);
    check(sl.fraction() <= limit, "stop %s beyond the guard %s × %s = %s", sl.fraction(), config.guard(), d, limit);
    check(sl.fraction() >= config.minStop(), "stop %s below the minimum stop %s", sl.fraction(), config.minStop());
    double formula = formulaValue(p, "sl");
    if (sl.guarded()) {
      check(formula > limit && sl.fraction() == limit, "guarded, but formula %s, limit %s, stop %s", formula, limit,
          sl.fraction());
    } else {
      check(formula <= limit && sl.fraction() == formula, "not guarded, but formula %s, limit %s, stop %s", formula,
          limit, sl.fraction());
    }
    if (in.entryPrice() == null) {
      return;
    }
    int s = in.side().sign();
    BigDecimal entry = in.entryPrice();
    BigDecimal stop = sl.price().orElseThrow();
    BigDecimal liq = p.liquidationPrice().orElseThrow();
    check(beyond(entry, stop, s) && beyond(stop, liq, s),
        "%s stop %s not strictly between liquidation %s and entry %s", in.side(), plain(stop), plain(liq), plain(entry));
  }

  /** Long and short of the same intent: equal TP fractions and formula stops, stops equal unless guarded, mirrored prices. */
  static void checkMirror(TradeIntent longIn, TradeIntent shortIn) {
    ExitPlan l = BRAIN.compute(longIn);
    ExitPlan s = BRAIN.compute(shortIn);
    check(l.lsf() == s.lsf() && l.harvest().equals(s.harvest()), "LSF or harvest differ between sides");
    for (int i = 0; i < 3; i++) {
      TakeProfit a = l.takeProfits().get(i);
      TakeProfit b = s.takeProfits().get(i);
      check(a.fraction() == b.fraction() && a.roi() == b.roi(), "TP%s fraction long %s, short %s", i + 1,
          a.fraction(), b.fraction());
      check(a.quantity().equals(b.quantity()), "TP%s quantity long %s, short %s", i + 1, a.quantity(), b.quantity());
    }
    check(formulaValue(l, "sl") == formulaValue(s, "sl"), "formula stops differ: long %s, short %s",
        formulaValue(l, "sl"), formulaValue(s, "sl"));
    check(s.liquidationDistance() < l.liquidationDistance(), "short liquidation distance %s not below long %s",
        s.liquidationDistance(), l.liquidationDistance());
    boolean lg = l.stopLoss().guarded();
    boolean sg = s.stopLoss().guarded();
    if (!lg && !sg) {
      check(l.stopLoss().fraction() == s.stopLoss().fraction(), "unguarded stops differ: long %s, short %s",
          l.stopLoss().fraction(), s.stopLoss().fraction());
    }
    check(!lg || sg, "long guarded but the short (nearer liquidation) is not");
    check(s.stopLoss().fraction() <= l.stopLoss().fraction(), "short stop %s wider than long stop %s",
        s.stopLoss().fraction(), l.stopLoss().fraction());
    if (longIn.entryPrice() == null) {
      return;
    }
    BigDecimal entry = longIn.entryPrice();
    for (int i = 0; i < 3; i++) {
      BigDecimal lp = l.takeProfits().get(i).price().orElseThrow();
      BigDecimal sp = s.takeProfits().get(i).price().orElseThrow();
      check(lp.compareTo(entry) > 0 && sp.compareTo(entry) < 0, "TP%s: long %s not above / short %s not below entry %s",
          i + 1, plain(lp), plain(sp), plain(entry));
    }
    BigDecimal lsl = l.stopLoss().price().orElseThrow();
    BigDecimal ssl = s.stopLoss().price().orElseThrow();
    check(lsl.compareTo(entry) < 0 && ssl.compareTo(entry) > 0, "stop: long %s not below / short %s not above entry %s",
        plain(lsl), plain(ssl), plain(entry));
    BigDecimal tick = l.tickSize().orElseThrow();
    if (entry.remainder(tick).signum() == 0) {
      // Entry on the tick: rounding toward entry is symmetric, so the distances are exactly equal.
      for (int i = 0; i < 3; i++) {
        BigDecimal up = l.takeProfits().get(i).price().orElseThrow().subtract(entry);
        BigDecimal down = entry.subtract(s.takeProfits().get(i).price().orElseThrow());
        check(up.compareTo(down) == 0, "TP%s distance long %s, short %s", i + 1, plain(up), plain(down));
      }
      if (l.stopLoss().fraction() == s.stopLoss().fraction()) {
        BigDecimal down = entry.subtract(lsl);
        BigDecimal up = ssl.subtract(entry);
        check(up.compareTo(down) == 0, "stop distance long %s, short %s", plain(down), plain(up));
      }
    }
  }

  /** Harvest fractions in [0, 1] summing to 1, the seed's tier for the leverage, copied onto the TPs. */
  static void checkHarvest(TradeIntent in, ExitPlan p) {
    HarvestScheme h = p.harvest();
    double sum = h.tp1() + h.tp2() + h.tp3();
    check(Math.abs(sum - 1) <= 1e-12, "harvest %s sums to %s", h, sum);
    check(new BigDecimal(Double.toString(h.tp1())).add(new BigDecimal(Double.toString(h.tp2())))
        .add(new BigDecimal(Double.toString(h.tp3()))).compareTo(BigDecimal.ONE) == 0, "harvest %s: decimals do not sum to 1", h);
    for (int i = 1; i <= 3; i++) {
      check(h.fraction(i) >= 0 && h.fraction(i) <= 1, "harvest fraction %s outside [0, 1]", h.fraction(i));
      check(p.takeProfits().get(i - 1).closeFraction() == h.fraction(i), "TP%s close fraction %s, scheme %s", i,
          p.takeProfits().get(i - 1).closeFraction(), h.fraction(i));
    }
    double l = in.leverage();
    HarvestScheme expected = l <= 10 ? HarvestScheme.CONSERVATIVE
        : l <= 30 ? HarvestScheme.AGGRESSIVE : HarvestScheme.ULTRA_AGGRESSIVE;
    check(h.equals(expected), "leverage %s got harvest %s, expected %s", l, h, expected);
  }

  /** Quantities: on the step, summing exactly to the total, no stage below the minimum, total = ⌊size / entry⌋. */
  static void checkQuantities(TradeIntent in, ExitPlan p) {
    if (in.entryPrice() == null || in.positionSizeUsd() == null) {
      check(p.totalQuantity().isEmpty() && p.tp1().quantity().isEmpty(), "quantities without entry and size");
      return;
    }
    BigDecimal step = in.stepSize() != null ? in.stepSize() : Gen.ENGINE_DEFAULT_STEP;
    BigDecimal min = in.minQty() != null ? in.minQty() : BigDecimal.ZERO;
    BigDecimal total = p.totalQuantity().orElseThrow();
    BigDecimal sum = BigDecimal.ZERO;
    for (TakeProfit tp : p.takeProfits()) {
      BigDecimal q = tp.quantity().orElseThrow();
      check(q.signum() >= 0 && q.remainder(step).signum() == 0, "TP%s quantity %s not a non-negative multiple of %s",
          tp.stage(), plain(q), plain(step));
      check(q.signum() == 0 || q.compareTo(min) >= 0, "TP%s quantity %s below the minimum %s", tp.stage(), plain(q),
          plain(min));
      sum = sum.add(q);
    }
    check(sum.compareTo(total) == 0, "stage quantities sum to %s, total %s", plain(sum), plain(total));
    check(total.signum() > 0 && total.remainder(step).signum() == 0 && total.compareTo(min) >= 0,
        "total %s not a positive multiple of %s at least %s", plain(total), plain(step), plain(min));
    BigDecimal entry = in.entryPrice();
    BigDecimal size = in.positionSizeUsd();
    check(total.multiply(entry).compareTo(size) <= 0 && total.add(step).multiply(entry).compareTo(size) > 0,
        "total %s is not size %s / entry %s rounded down to %s", plain(total), plain(size), plain(entry), plain(step));
    List<StopStage> ladder = p.stopLadder();
    check(ladder.get(0).remainingQuantity().equals(Optional.of(total))
        && ladder.get(1).remainingQuantity().orElseThrow().compareTo(total.subtract(p.tp1().quantity().orElseThrow())) == 0
        && ladder.get(2).remainingQuantity().orElseThrow().compareTo(p.tp3().quantity().orElseThrow()) == 0,
        "ladder quantities %s do not follow the stages", ladder);
  }

  /** Every price on the tick, within one tick of entry × (1 ± fraction) on the side toward entry unless pushed. */
  static void checkTicks(TradeIntent in, ExitPlan p) {
    if (in.entryPrice() == null) {
      return;
    }
    BigDecimal tick = p.tickSize().orElseThrow();
    if (in.tickSize() != null) {
      check(tick.compareTo(in.tickSize()) == 0, "plan tick %s, intent tick %s", plain(tick), plain(in.tickSize()));
    }
    for (BigDecimal price : prices(p)) {
      check(price.remainder(tick).signum() == 0, "price %s is not a multiple of the tick %s", plain(price), plain(tick));
    }
    int s = in.side().sign();
    BigDecimal entry = in.entryPrice();
    for (TakeProfit tp : p.takeProfits()) {
      if (!pushed(p, "tp" + tp.stage() + "_price")) {
        BigDecimal raw = at(entry, s * tp.fraction());
        BigDecimal towardEntry = raw.subtract(tp.price().orElseThrow()).multiply(BigDecimal.valueOf(s));
        check(towardEntry.signum() >= 0 && towardEntry.compareTo(tick) < 0,
            "TP%s price %s is not %s rounded toward entry", tp.stage(), plain(tp.price().orElseThrow()), plain(raw));
      }
    }
    BigDecimal stopRaw = at(entry, -s * p.stopLoss().fraction());
    if (!pushed(p, "sl_price")) {
      BigDecimal towardEntry = p.stopLoss().price().orElseThrow().subtract(stopRaw).multiply(BigDecimal.valueOf(s));
      check(towardEntry.signum() >= 0 && towardEntry.compareTo(tick) < 0, "stop price %s is not %s rounded toward entry",
          plain(p.stopLoss().price().orElseThrow()), plain(stopRaw));
    }
    BigDecimal liqRaw = at(entry, -s * p.liquidationDistance());
    BigDecimal liqToward = p.liquidationPrice().orElseThrow().subtract(liqRaw).multiply(BigDecimal.valueOf(s));
    check(liqToward.signum() >= 0 && liqToward.compareTo(tick) < 0, "liquidation price %s is not %s rounded toward entry",
        plain(p.liquidationPrice().orElseThrow()), plain(liqRaw));
    check(beyond(p.breakevenPrice().orElseThrow(), entry, s), "breakeven %s not beyond entry %s",
        plain(p.breakevenPrice().orElseThrow()), plain(entry));
  }

  /** The stop ladder: OPEN at the stop, after TP1 strictly between stop and TP1 (not a loss), after TP2 at TP1. */
  static void checkLadder(TradeIntent in, ExitPlan p) {
    if (in.entryPrice() == null) {
      check(p.stopLadder().isEmpty(), "a stop ladder without an entry price");
      return;
    }
    List<StopStage> ladder = p.stopLadder();
    check(ladder.size() == 3 && ladder.get(0).phase() == StopStage.Phase.OPEN
        && ladder.get(1).phase() == StopStage.Phase.AFTER_TP1 && ladder.get(2).phase() == StopStage.Phase.AFTER_TP2,
        "ladder phases %s", ladder);
    int s = in.side().sign();
    BigDecimal stop = p.stopLoss().price().orElseThrow();
    BigDecimal tp1 = p.tp1().price().orElseThrow();
    BigDecimal afterTp1 = ladder.get(1).stopPrice();
    check(ladder.get(0).stopPrice().compareTo(stop) == 0, "OPEN stop %s, plan stop %s",
        plain(ladder.get(0).stopPrice()), plain(stop));
    check(ladder.get(2).stopPrice().compareTo(tp1) == 0, "AFTER_TP2 stop %s, TP1 %s", plain(ladder.get(2).stopPrice()),
        plain(tp1));
    BigDecimal tick = p.tickSize().orElseThrow();
    // Strictly between when a tick lies between them (always so for an entry on the tick, which does).
    boolean room = tp1.subtract(stop).abs().compareTo(tick.add(tick)) >= 0;
    check((room ? beyond(afterTp1, stop, s) : !beyond(stop, afterTp1, s)) && beyond(tp1, afterTp1, s),
        "AFTER_TP1 stop %s not strictly between stop %s and TP1 %s", plain(afterTp1), plain(stop), plain(tp1));
    if (in.entryPrice().remainder(tick).signum() == 0) {
      check(!beyond(in.entryPrice(), afterTp1, s), "AFTER_TP1 stop %s is a loss against entry %s", plain(afterTp1),
          plain(in.entryPrice()));
    }
  }

  /** No NaN or infinity in any double of the plan, including the explanation. */
  static void checkFinite(ExitPlan p) {
    double[] values = {p.leverage(), p.lsf(), p.liquidationDistance(), p.stopLoss().fraction(), p.stopLoss().roi(),
        p.harvest().tp1(), p.harvest().tp2(), p.harvest().tp3()};
    for (double v : values) {
      check(Double.isFinite(v), "non-finite value %s in %s", v, p);
    }
    for (TakeProfit tp : p.takeProfits()) {
      check(Double.isFinite(tp.fraction()) && Double.isFinite(tp.roi()) && Double.isFinite(tp.closeFraction()),
          "non-finite value in %s", tp);
    }
    for (Step step : p.explanation().steps()) {
      for (Number n : new Number[] {step.before(), step.after()}) {
        if (n != null && !(n instanceof BigDecimal)) {
          check(Double.isFinite(n.doubleValue()), "non-finite value in step %s", step);
        }
      }
    }
  }

  /** ROI = fraction × leverage for every level. */
  static void checkRoi(ExitPlan p) {
    for (TakeProfit tp : p.takeProfits()) {
      roi(tp.roi(), tp.fraction(), p.leverage(), "TP" + tp.stage());
    }
    roi(p.stopLoss().roi(), p.stopLoss().fraction(), p.leverage(), "stop");
  }

  private static void roi(double roi, double fraction, double leverage, String what) {
    double expected = fraction * leverage;
    check(roi > 0 && Math.abs(roi - expected) <= 1e-12 * expected, "%s ROI %s, fraction %s × leverage %s = %s", what,
        roi, fraction, leverage, expected);
  }

  /** Prices and quantities print without an exponent and read back as the same number. */
  static void checkPlain(ExitPlan p) {
    List<BigDecimal> all = new java.util.ArrayList<>(prices(p));
    p.totalQuantity().ifPresent(all::add);
    p.takeProfits().forEach(tp -> tp.quantity().ifPresent(all::add));
    for (BigDecimal v : all) {
      String text = v.toPlainString();
      check(text.indexOf('E') < 0 && text.indexOf('e') < 0, "'%s' has an exponent", text);
      check(new BigDecimal(text).compareTo(v) == 0, "'%s' does not read back", text);
    }
  }

  /** A rejection of a REALISTIC-tick intent must name the tick, and the tick must really be too coarse. */
  static void checkCoarseTickRejection(TradeIntent in, InvalidIntentException e) {
    check("tick_size".equals(e.field()), "rejected for %s, not for the tick: %s", e.field(), e.getMessage());
    // The same intent without prices gives the fractions the prices were made from.
    ExitPlan f = BRAIN.compute(new TradeIntent(in.symbol(), in.side(), in.leverage(), null, in.positionSizeUsd(),
        in.volatilityFactor(), in.fundingRate(), in.exchangeDivergence(), in.atrValue(), in.baseTp(), in.baseSl(),
        null, null, null));
    double entry = in.entryPrice().doubleValue();
    double tick = in.tickSize().doubleValue();
    double gap = entry * (f.liquidationDistance() - f.stopLoss().fraction());
    boolean stopMeetsLiquidation = gap < tick || entry * f.liquidationDistance() < 2 * tick;
    boolean shortTpAtZero = in.side() == Side.SHORT && entry * (1 - f.tp3().fraction()) < 3 * tick;
    check(stopMeetsLiquidation || shortTpAtZero, "rejected for the tick %s although the stop is %s ticks from liquidation: %s",
        plain(in.tickSize()), gap / tick, e.getMessage());
  }

  // ==================================================================== helpers

  private static LeveragePair pair(Gen g) {
    TradeIntent in = g.intent();
    double[] l = g.leveragePair(125);
    return new LeveragePair(in, l[0], l[1]);
  }

  /** The level before ordering and the guard: the last FORMULA, MODIFIER, FLOOR or CLAMP step of {@code field}. */
  static double formulaValue(ExitPlan p, String field) {
    Number value = null;
    for (Step step : p.explanation().steps()) {
      if (step.field().equals(field)) {
        switch (step.rule()) {
          case FORMULA:
          case MODIFIER:
          case FLOOR:
          case CLAMP:
            value = step.after();
            break;
          default:
            break;
        }
      }
    }
    check(value != null, "the explanation has no formula step for %s", field);
    return value.doubleValue();
  }

  private static boolean pushed(ExitPlan p, String field) {
    for (Step step : p.explanation().steps()) {
      if (step.field().equals(field) && step.rule() == Rule.ORDER) {
        return true;
      }
    }
    return false;
  }

  private static List<BigDecimal> prices(ExitPlan p) {
    List<BigDecimal> out = new java.util.ArrayList<>();
    p.takeProfits().forEach(tp -> tp.price().ifPresent(out::add));
    p.stopLoss().price().ifPresent(out::add);
    p.liquidationPrice().ifPresent(out::add);
    p.breakevenPrice().ifPresent(out::add);
    p.stopLadder().forEach(stage -> out.add(stage.stopPrice()));
    return out;
  }

  /** entry × (1 + fraction), as the plan's explanation states it (the fraction's shortest decimal, Schubfach). */
  private static BigDecimal at(BigDecimal entry, double signedFraction) {
    return entry.multiply(BigDecimal.ONE.add(new BigDecimal(NumberOutput.toString(signedFraction, true))));
  }

  private static boolean beyond(BigDecimal a, BigDecimal b, int sign) {
    return a.compareTo(b) * sign > 0;
  }

  /** The reference's V2 formula (v35-reference.md §1.2), written out independently of the engine. */
  static double[] referenceV2(double baseTp, double baseSl, double leverage, double vf, double funding, double div) {
    double lsf = 1.0 / (1.0 + Math.log(Math.max(leverage, 1.0) + 1.0));
    double tpScale = 1 + 0.8 * funding;
    double tp1 = Math.max(baseTp * (0.6 + lsf) * tpScale, 0.003);
    double tp2 = Math.max(baseTp * (1.2 + lsf / 2) * tpScale, 0.003);
    double tp3 = Math.max(baseTp * (1.8 + lsf / 4) * tpScale, 0.003);
    double sl = Math.max(baseSl * (1 + 0.8 * (1 - lsf)) * (1 + 0.4 * div + 0.2 * vf), 0.0015);
    return new double[] {lsf, tp1, tp2, tp3, Math.min(Math.max(sl, 0.001), 0.02)};
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  private static void close(double actual, double expected, String what) {
    check(Math.abs(actual - expected) <= Math.abs(expected) * 1e-12, "%s = %s, reference %s", what, actual, expected);
  }

  private static String plain(BigDecimal v) {
    return v.toPlainString();
  }

  static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new AssertionError(String.format(format, args));
    }
  }
}
