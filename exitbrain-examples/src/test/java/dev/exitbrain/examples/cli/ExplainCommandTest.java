package dev.exitbrain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  @Test
  void showsEveryStepAndTheGuardAt100x() {
    Cli.Result r = Cli.run("explain", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "100", "--vf", "1.5",
        "--entry", "64000", "--tick", "0.1");

    assertThat(r.code()).isZero();
    assertThat(r.out()).containsSubsequence(
        "BTCUSDT LONG 100x, entry 64000, tick 0.1",
        "1. lsf [lsf] = 0.1780905676023748",
        "tp1 [formula]",
        "sl [modifier] 0.008287637729590501 -> 0.010773929048467652",
        "liquidation_distance [liquidation] = 0.005025125628140725",
        "sl [guard] 0.010773929048467652 -> 0.004020100502512581",
        "sl_price [rounding] 63742.713567839194816 -> 63742.8",
        "stop_ladder [ladder]",
        "result: TP1 64497.9 (0.778 %), TP2 64824.9 (1.289 %), TP3 65180.4 (1.845 %), SL 63742.8 (0.402 %)"
            + " (tightened by the liquidation guard)");
    assertThat(r.out()).containsPattern("sl \\[guard\\] .*\\(.*liquidation.*\\)  \\*");
  }

  @Test
  void atModerateLeverageThereIsNoGuardStep() {
    Cli.Result r = Cli.run("explain", "--symbol", "BTCUSDT", "--side", "long", "--leverage", "15", "--vf", "1.2",
        "--entry", "65000", "--tick", "0.1");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("sl_price [rounding] 64360.05856008618695 -> 64360.1").doesNotContain("[guard]");
  }

  @Test
  void explainsEveryLineOfAFileAndFlagsTheInvalidOne() {
    Cli.Result r = Cli.run("explain", "--input", Cli.SAMPLE.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).containsSubsequence("line 1: BTCUSDT LONG 15x", "line 4: error: leverage",
        "line 5: BTCUSDT SHORT 100x", "sl [guard]", "line 6: RENDERUSDT LONG 10x");
  }
}
