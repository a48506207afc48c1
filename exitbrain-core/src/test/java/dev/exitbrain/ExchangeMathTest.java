package dev.exitbrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Test vectors of exchange-math.md §2 and §5, computed there independently of this code. */
class ExchangeMathTest {

  @ParameterizedTest(name = "{0}: EP {1}, {2}x, MMR {3}")
  @CsvSource({
    "X1, 100, 10,  0.005, 90.452261, 109.452736, 0.0954774, 0.0945274",
    "X2, 100, 10,  0.004, 90.361446, 109.561753, 0.0963855, 0.0956175",
    "X3, 100, 20,  0.004, 95.381526, 104.581673, 0.0461847, 0.0458167",
    "X4, 100, 50,  0.005, 98.492462, 101.492537, 0.0150754, 0.0149254",
    "X5, 100, 100, 0.005, 99.497487, 100.497512, 0.0050251, 0.0049751",
    "X6, 100, 125, 0.004, 99.598394, 100.398406, 0.0040161, 0.0039841"
  })
  void isolatedLiquidationVectors(String id, String entry, double leverage, double mmr, String longLp, String shortLp,
      double longDistance, double shortDistance) {
    LiquidationModel model = LiquidationModel.binanceIsolated();
    assertThat(model.distance(Side.LONG, leverage, mmr, 0)).isCloseTo(longDistance, within(1e-7));
    assertThat(model.distance(Side.SHORT, leverage, mmr, 0)).isCloseTo(shortDistance, within(1e-7));

    ExitBrain brain = ExitBrain.create(ExitBrainConfig.builder().defaultSpec(SymbolSpec.simple(125, mmr)).build());
    ExitPlan lng = brain.compute(intent(Side.LONG, leverage, entry));
    ExitPlan sht = brain.compute(intent(Side.SHORT, leverage, entry));
    // The vectors are rounded to the nearest 1e-6; ours is on the tick 1e-6, rounded toward entry.
    assertThat(lng.liquidationPrice().orElseThrow()).isBetween(
        new BigDecimal(longLp).subtract(new BigDecimal("0.000001")), new BigDecimal(longLp).add(new BigDecimal("0.000001")));
    assertThat(sht.liquidationPrice().orElseThrow()).isBetween(
        new BigDecimal(shortLp).subtract(new BigDecimal("0.000001")), new BigDecimal(shortLp).add(new BigDecimal("0.000001")));
    assertThat(lng.liquidationPrice().orElseThrow()).isGreaterThanOrEqualTo(
        new BigDecimal(entry).multiply(BigDecimal.valueOf(1 - longDistance)).subtract(new BigDecimal("0.00001")));
  }

  private static TradeIntent intent(Side side, double leverage, String entry) {
    return TradeIntent.builder("TESTUSDT", side).leverage(leverage).entryPrice(entry).tickSize("0.000001").build();
  }

  @Test
  void btcBracketsDeriveTheirMaintenanceAmounts() {
    List<MarginBracket> brackets = SymbolSpec.brackets(
        new double[] {0, 0.004, 125}, new double[] {50_000, 0.005, 100}, new double[] {600_000, 0.0065, 75},
        new double[] {3_000_000, 0.01, 50}, new double[] {12_000_000, 0.02, 25}, new double[] {70_000_000, 0.025, 20});
    assertThat(brackets).extracting(b -> b.maintenanceAmount().intValueExact())
        .containsExactly(0, 50, 950, 11_450, 131_450, 481_450);
  }

  @Test
  void x7BracketIsChosenByNotional() {
    SymbolSpec btc = new SymbolSpec(new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), 125,
        SymbolSpec.brackets(new double[] {0, 0.004, 125}, new double[] {50_000, 0.005, 100},
            new double[] {600_000, 0.0065, 75}));
    ExitBrain brain = ExitBrain.create(ExitBrainConfig.builder().symbol("BTCUSDT", btc).build());
    // Q 1 at 100,000 = notional 100k → bracket 0.5 % with cum 50; WB 10,000 = 10x.
    TradeIntent.Builder b = TradeIntent.builder("BTCUSDT", Side.LONG).leverage(10).entryPrice("100000")
        .positionSizeUsd(new BigDecimal("100000"));
    ExitPlan lng = brain.compute(b.build());
    assertThat(lng.liquidationPrice().orElseThrow()).isBetween(new BigDecimal("90402.01"), new BigDecimal("90402.02"));
    assertThat(lng.totalQuantity()).contains(new BigDecimal("1.000"));
    ExitPlan sht = brain.compute(TradeIntent.builder("BTCUSDT", Side.SHORT).leverage(10).entryPrice("100000")
        .positionSizeUsd(new BigDecimal("100000")).build());
    assertThat(sht.liquidationPrice().orElseThrow()).isBetween(new BigDecimal("109502.48"), new BigDecimal("109502.49"));
  }

  @Test
  void x8BinanceWorkedExample() {
    // WB 1,535,443.01, Q 3,683.979 @ 1,456.84, MMR 10 %, cum 135,365 → LP 1,114.78.
    double notional = 3683.979 * 1456.84;
    double leverage = notional / 1_535_443.01;
    double d = LiquidationModel.binanceIsolated().distance(Side.LONG, leverage, 0.10, 135_365 / notional);
    assertThat(1456.84 * (1 - d)).isCloseTo(1114.78, within(0.005));
  }

  @Test
  void breakevenCoversRoundTripFees() {
    // entry 100, 0.05 % each side → long 100.100050, short 99.900050 (§5).
    ExitPlan lng = ExitBrain.create().compute(intent(Side.LONG, 10, "100"));
    ExitPlan sht = ExitBrain.create().compute(intent(Side.SHORT, 10, "100"));
    assertThat(rawBreakeven(lng)).isCloseTo(100.100050, within(1e-6));
    assertThat(rawBreakeven(sht)).isCloseTo(99.900050, within(1e-6));
    // On the tick, away from entry, so a fill at the stop still covers both fees.
    assertThat(lng.breakevenPrice()).contains(new BigDecimal("100.100051"));
    assertThat(sht.breakevenPrice()).contains(new BigDecimal("99.900049"));
  }

  private static double rawBreakeven(ExitPlan plan) {
    return plan.explanation().of("breakeven_price").get(0).after().doubleValue();
  }
}
