package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitPlan;
import dev.exitbrain.Step;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.IntentMeta;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code exitbrain explain}: the derivation of every level, step by step. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Step-by-step derivation of every level of a plan.",
    description = {
      "Prints the step-by-step derivation of every level: LSF, formula, modifiers, floors, clamps,"
          + " ordering, the liquidation guard, prices, rounding, quantities and the stop ladder.",
      "Takes the same input as 'compute'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every intent gave a plan", "1:at least one intent failed", "2:usage error"})
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand ExitBrainCli cli;

  @Spec CommandSpec spec;

  @Mixin IntentOptions intents;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long failed = Plans.run(intents, cli.stdin(), config.brain(), new Plans.TextSink(out) {
      @Override
      public void plan(int line, ExitPlan plan, TradeIntent intent, IntentMeta meta) {
        separate();
        out.println(PlanTable.title(plan, intents.input == null ? "" : "line " + line + ": "));
        List<Step> steps = plan.explanation().steps();
        int width = Integer.toString(steps.size()).length();
        for (int i = 0; i < steps.size(); i++) {
          Step s = steps.get(i);
          out.printf("%" + width + "d. %s%s%n", i + 1, s, s.rule().isAdjustment() && s.changed() ? "  *" : "");
        }
        out.println("* = an adjustment (floor, clamp, order, guard, rounding or merge) that changed the value");
        out.println("result: TP1 " + level(plan.tp1().price(), plan.tp1().fraction()) + ", TP2 "
            + level(plan.tp2().price(), plan.tp2().fraction()) + ", TP3 " + level(plan.tp3().price(), plan.tp3().fraction())
            + ", SL " + level(plan.stopLoss().price(), plan.stopLoss().fraction())
            + (plan.stopLoss().guarded() ? " (tightened by the liquidation guard)" : ""));
      }
    });
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private static String level(Optional<BigDecimal> price, double fraction) {
    return price.map(p -> p.toPlainString() + " (" + Text.percent(fraction, 3) + ")")
        .orElse(Text.percent(fraction, 3));
  }
}
