package dev.exitbrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The named edge cases of the core issue. */
class EdgeCaseTest {
  private static final ExitBrain BRAIN = ExitBrain.create();

  private static TradeIntent.Builder btc(double leverage) {
    return TradeIntent.builder("BTCUSDT", Side.LONG).leverage(leverage);
  }

  @ParameterizedTest(name = "{0}x → {1}")
  @CsvSource({
    "1, conservative", "10, conservative", "10.0001, aggressive", "30, aggressive", "30.5, ultra_aggressive",
    "100, ultra_aggressive", "125, ultra_aggressive"
  })
  void harvestTierBoundaries(double leverage, String scheme) {
    ExitPlan plan = BRAIN.compute(btc(leverage).entryPrice("65000").tickSize("0.1").build());
    assertThat(plan.harvest().name()).isEqualTo(scheme);
    assertThat(plan.tp1().fraction()).isLessThan(plan.tp2().fraction());
    assertThat(plan.tp2().fraction()).isLessThan(plan.tp3().fraction());
    assertThat(plan.stopLoss().price().orElseThrow()).isGreaterThan(plan.liquidationPrice().orElseThrow());
  }

  @Test
  void leverageOneIsTheLsfCeiling() {
    assertThat(BRAIN.compute(btc(1).build()).lsf()).isCloseTo(0.590616, within(5e-7));
  }

  @ParameterizedTest
  @ValueSource(doubles = {126, 1000})
  void leverageAboveTheMaximumIsRejected(double leverage) {
    assertThatThrownBy(() -> BRAIN.compute(btc(leverage).build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessageContaining("leverage")
        .hasMessageContaining("125")
        .satisfies(e -> assertThat(((InvalidIntentException) e).field()).isEqualTo("leverage"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0, -3, Double.NaN, Double.POSITIVE_INFINITY})
  void leverageBelowOneOrNotFiniteIsRejected(double leverage) {
    // Deviation: the seed floored 0.5 and 0 to 1 and let NaN flow into every output.
    assertThatThrownBy(() -> btc(leverage).build())
        .isInstanceOf(InvalidIntentException.class)
        .satisfies(e -> {
          InvalidIntentException ex = (InvalidIntentException) e;
          assertThat(ex.field()).isEqualTo("leverage");
          assertThat(ex.getMessage()).startsWith("leverage: ").contains(ex.value());
        });
  }

  @Test
  void memeCoinPriceStaysPlainAndOnTheTick() {
    ExitPlan plan = BRAIN.compute(TradeIntent.builder("PEPEUSDT", Side.LONG).leverage(20)
        .entryPrice("0.00001234").tickSize("0.00000001").positionSizeUsd(1000).stepSize("1").build());
    assertThat(plan.tp1().price().orElseThrow().toPlainString()).isEqualTo("0.00001244");
    for (TakeProfit tp : plan.takeProfits()) {
      assertThat(tp.price().orElseThrow().toString()).doesNotContain("E");
    }
    assertThat(plan.stopLoss().price().orElseThrow().toPlainString()).isEqualTo("0.00001225");
    assertThat(plan.totalQuantity()).contains(new BigDecimal("81037277"));
    // 20x: 0.4/0.4/0.2 of 81,037,277 units, the last stage taking what rounding left.
    assertThat(plan.tp1().quantity()).contains(new BigDecimal("32414910"));
    assertThat(plan.tp2().quantity()).contains(new BigDecimal("32414910"));
    assertThat(plan.tp3().quantity()).contains(new BigDecimal("16207457"));
  }

  @Test
  void millionDollarPriceStaysPlain() {
    ExitPlan plan = BRAIN.compute(btc(10).entryPrice("1000000").tickSize("0.1").build());
    // tp1 = 0.01 × (0.6 + LSF(10)) = 0.008943 → 1,008,943.00…, rounded down to the tick.
    assertThat(plan.tp1().price().orElseThrow().toString()).isEqualTo("1008942.9");
    assertThat(plan.entryPrice().orElseThrow().toString()).isEqualTo("1000000");
    assertThat(plan.liquidationPrice().orElseThrow().toString()).doesNotContain("E");
  }

  @Test
  void atrZeroIsAccepted() {
    ExitPlan plan = BRAIN.compute(btc(10).atrValue(0.0).build());
    assertThat(plan.tp1().fraction()).isPositive();
  }

  @Test
  void negativeAtrIsRejected() {
    assertThatThrownBy(() -> btc(10).atrValue(-0.1).build())
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("atr_value: ");
  }

  @Test
  void flooredTakeProfitsAreMovedApart() {
    // Seed self-test #5: bases 0.001/0.0001 at 10x gave 0.003/0.003/0.003 and SL 0.0015.
    ExitPlan plan = BRAIN.compute(btc(10).baseTp(0.001).baseSl(0.0001).entryPrice("100").tickSize("0.01").build());
    assertThat(plan.tp1().fraction()).isEqualTo(0.003);
    assertThat(plan.tp2().fraction()).isEqualTo(0.004);
    assertThat(plan.tp3().fraction()).isEqualTo(0.005);
    assertThat(plan.stopLoss().fraction()).isEqualTo(0.0015);
    assertThat(plan.adjustments()).extracting(Step::rule).contains(Rule.FLOOR, Rule.ORDER);
    assertThat(plan.tp1().price()).contains(new BigDecimal("100.30"));
    assertThat(plan.tp2().price()).contains(new BigDecimal("100.40"));
    assertThat(plan.tp3().price()).contains(new BigDecimal("100.50"));
  }

  @Test
  void fundingThatWouldFlipTheTakeProfitsIsRejected() {
    // The seed floored every TP to 0.003 at funding −1.25 (tp_scale 0).
    assertThatThrownBy(() -> BRAIN.compute(btc(10).fundingRate(-1.25).build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessage("funding_rate: must be in [-0.1, 0.1], was -1.25");
  }

  @Test
  void negativeVolatilityFactorIsRejected() {
    // The seed's sl_scale went negative at vf < −5 and the floor hid it.
    assertThatThrownBy(() -> BRAIN.compute(btc(10).volatilityFactor(-6.0).build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessage("volatility_factor: must be in [0, 10], was -6");
  }

  @ParameterizedTest
  @CsvSource({"exchange_divergence, 1.5", "base_tp, 0.6", "base_sl, 0", "base_tp, -0.01"})
  void outOfRangeValuesNameTheirField(String field, double value) {
    TradeIntent.Builder b = btc(10);
    switch (field) {
      case "exchange_divergence":
        b.exchangeDivergence(value);
        break;
      case "base_tp":
        b.baseTp(value);
        break;
      default:
        b.baseSl(value);
    }
    assertThatThrownBy(() -> BRAIN.compute(b.build()))
        .isInstanceOf(InvalidIntentException.class)
        .satisfies(e -> assertThat(((InvalidIntentException) e).field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
  }

  @Test
  void nanAnywhereIsRejected() {
    assertThatThrownBy(() -> btc(10).volatilityFactor(Double.NaN).build())
        .isInstanceOf(InvalidIntentException.class).hasMessage("volatility_factor: must be a finite number, was NaN");
    assertThatThrownBy(() -> btc(10).entryPrice(Double.NaN))
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("entry_price: ");
    assertThatThrownBy(() -> btc(10).fundingRate(Double.NEGATIVE_INFINITY).build())
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("funding_rate: ");
  }

  @Test
  void negativePriceSizeAndMissingFieldsAreRejected() {
    assertThatThrownBy(() -> btc(10).entryPrice("-1").build()).hasMessage("entry_price: must be > 0, was -1");
    assertThatThrownBy(() -> btc(10).positionSizeUsd(-5).build()).hasMessage("position_size_usd: must be > 0, was -5.0");
    assertThatThrownBy(() -> TradeIntent.builder(null, Side.LONG).build()).hasMessage("symbol: is required (missing)");
    assertThatThrownBy(() -> TradeIntent.builder("BTCUSDT", null).build())
        .hasMessage("side: is required (LONG or SHORT) (missing)");
    assertThatThrownBy(() -> btc(10).entryPrice("abc")).hasMessage("entry_price: must be a decimal number, was abc");
  }

  @Test
  void sidesParseInAnyCase() {
    assertThat(Side.parse("buy")).isEqualTo(Side.LONG);
    assertThat(Side.parse(" Long ")).isEqualTo(Side.LONG);
    assertThat(Side.parse("SELL")).isEqualTo(Side.SHORT);
    assertThat(Side.parse("short")).isEqualTo(Side.SHORT);
    assertThatThrownBy(() -> Side.parse("HOLD")).isInstanceOf(InvalidIntentException.class)
        .hasMessage("side: opens no position, so it has no exit plan, was HOLD");
    assertThatThrownBy(() -> Side.parse("up")).hasMessageStartingWith("side: must be LONG, SHORT, BUY or SELL");
  }

  @Test
  void noStopFitsBeforeLiquidationNamesTheSafeLeverage() {
    // MMR 1 % at 100x: liquidation is on the entry price.
    ExitBrain brain = ExitBrain.create(ExitBrainConfig.builder().defaultSpec(SymbolSpec.simple(125, 0.01)).build());
    assertThatThrownBy(() -> brain.compute(btc(100).build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessageContaining("leaves no room for a stop")
        .hasMessageContaining("highest safe leverage for LONG BTCUSDT is " + brain.maxSafeLeverage(btc(100).build()));
  }

  @Test
  void maxSafeLeverageIsSafeAndTight() {
    TradeIntent intent = btc(1).volatilityFactor(1.0).build();
    double safe = BRAIN.maxSafeLeverage(intent);
    // Seed V1 failed its own 80 % rule from about 80x at vf 1 (reference §4.3); with MMR 0.5 % it is lower.
    assertThat(safe).isBetween(40.0, 80.0);
    assertThat(BRAIN.compute(intent.withLeverage(safe)).stopLoss().guarded()).isFalse();
    assertThat(BRAIN.compute(intent.withLeverage(safe + 0.02)).stopLoss().guarded()).isTrue();
  }

  @Test
  void sizeBelowTheMinimumQuantityIsRejected() {
    assertThatThrownBy(() -> BRAIN.compute(btc(10).entryPrice("65000").tickSize("0.1").stepSize("0.001")
            .minQty("0.001").positionSizeUsd(50).build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessageStartingWith("position_size_usd: buys 0.000 BTCUSDT at 65000, below the minimum quantity 0.001");
  }

  @Test
  void tickTooCoarseForTheLeverageIsRejected() {
    // 125x: liquidation 0.3 % away, 195 of 65,000; a tick of 500 cannot separate stop and liquidation.
    assertThatThrownBy(() -> BRAIN.compute(btc(125).entryPrice("65000").tickSize("500").build()))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessageStartingWith("tick_size: is too coarse for 125x");
  }

  @Test
  void shortTakeProfitAtOrBelowZeroIsRejected() {
    assertThatThrownBy(() -> BRAIN.compute(TradeIntent.builder("X", Side.SHORT).leverage(1).baseTp(0.5)
            .fundingRate(0.1).build()))
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("base_tp: ");
  }

  @Test
  void pushedLevelsStayOnTheTickWhenTheEntryIsBetweenTicks() {
    // Found by PropertyTest: pushes used to start from the off-tick entry (10.15 / 10.25 / 10.35).
    ExitPlan plan = BRAIN.compute(btc(10).baseTp(0.001).entryPrice("10.05").tickSize("0.1").build());
    assertThat(plan.takeProfits()).extracting(tp -> tp.price().orElseThrow())
        .containsExactly(new BigDecimal("10.1"), new BigDecimal("10.2"), new BigDecimal("10.3"));
  }

  @Test
  void aOneXLongInABracketWithAMaintenanceAmountCannotBeLiquidatedAboveZero() {
    // Found by PropertyTest: 1/L + cum/N > 1 put the liquidation price below zero and the engine threw.
    SymbolSpec btc = new SymbolSpec(new BigDecimal("0.1"), null, BigDecimal.ZERO, 125,
        SymbolSpec.brackets(new double[] {0, 0.004, 125}, new double[] {50_000, 0.005, 100}));
    ExitBrain brain = ExitBrain.create(ExitBrainConfig.builder().symbol("BTCUSDT", btc).build());
    ExitPlan plan = brain.compute(btc(1).entryPrice("100000").positionSizeUsd(100_000).build());
    assertThat(plan.liquidationDistance()).isEqualTo(1.0);
    assertThat(plan.liquidationPrice().orElseThrow()).isEqualByComparingTo("0");
  }
}
