package dev.exitbrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs from the adversarial review: each must fail fast, naming the field, never exhaust memory. */
@Timeout(10)
class HostileInputTest {

  @Test
  void hugeExponentsAreRejectedNotExpanded() {
    assertThatThrownBy(() -> TradeIntent.builder("BTCUSDT", Side.LONG).entryPrice(new BigDecimal("1e999999999")).build())
        .isInstanceOf(InvalidIntentException.class)
        .hasMessage("entry_price: must lie between 1e-18 and 1e18 with at most 40 significant digits, was 1E+999999999");
    assertThatThrownBy(() -> TradeIntent.builder("BTCUSDT", Side.LONG).entryPrice("65000")
            .tickSize(new BigDecimal("1e-999999999")).build())
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("tick_size: must lie between");
    assertThatThrownBy(() -> TradeIntent.builder("BTCUSDT", Side.LONG).positionSizeUsd(new BigDecimal("1e40")).build())
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("position_size_usd: ");
  }

  @Test
  void trailingZerosAreNotSignificantDigits() {
    // Found by PropertyTest (seed 7936378091087): a 42-digit size that is 37 digits and five zeros.
    TradeIntent ok = TradeIntent.builder("X", Side.LONG)
        .positionSizeUsd(new BigDecimal("3742727996701.42169560492216513850000000000")).build();
    assertThat(ok.positionSizeUsd()).isNotNull();
    assertThatThrownBy(() -> TradeIntent.builder("X", Side.LONG)
            .positionSizeUsd(new BigDecimal("1.00000000000000000000000000000000000000001")).build())
        .isInstanceOf(InvalidIntentException.class).hasMessageStartingWith("position_size_usd: ");
  }

  @Test
  void aConfiguredTickOutsideTheRangeIsRejectedAtLoad() {
    assertThatThrownBy(() -> ExitBrainConfig.fromJson("{\"symbols\": {\"BTCUSDT\": {\"tick_size\": \"1e-999999999\"}}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick_size: must lie between");
  }

  @Test
  void theExtremesThatAreAllowedStillGivePlans() {
    ExitPlan plan = ExitBrain.create().compute(TradeIntent.builder("X", Side.LONG).leverage(10)
        .entryPrice(new BigDecimal("1e12")).tickSize(new BigDecimal("0.01")).build());
    assertThat(plan.tp1().price().orElseThrow()).isGreaterThan(new BigDecimal("1e12"));
    assertThat(Duration.ZERO).isNotNull();
  }
}
