package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitPlan;
import dev.exitbrain.Rule;
import dev.exitbrain.Side;
import dev.exitbrain.Step;
import dev.exitbrain.StopStage;
import dev.exitbrain.TakeProfit;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** A plan as a small table a person reads: levels, then LSF, liquidation and the adjustments. */
final class PlanTable {
  private static final String ROW = "  %-4s %10s %12s %14s %7s %12s%n";

  private PlanTable() {}

  static void print(PrintWriter out, String title, ExitPlan plan) {
    out.println(title);
    out.printf(ROW, "", "% of price", "ROI margin", "price", "close", "quantity");
    int sign = plan.side() == Side.LONG ? 1 : -1;
    for (TakeProfit tp : plan.takeProfits()) {
      out.printf(ROW, "TP" + tp.stage(), Text.signedPercent(sign * tp.fraction(), 3),
          Text.signedPercent(tp.roi(), 2), Text.decimal(tp.price()), Text.percent(tp.closeFraction(), 0),
          Text.decimal(tp.quantity()));
    }
    out.printf(ROW, "SL", Text.signedPercent(-sign * plan.stopLoss().fraction(), 3),
        Text.signedPercent(-plan.stopLoss().roi(), 2), Text.decimal(plan.stopLoss().price()), "all",
        Text.decimal(plan.totalQuantity()));
    out.println("  LSF " + Text.fixed(plan.lsf(), 4) + " · harvest " + plan.harvest().name() + " "
        + Text.number(plan.harvest().tp1() * 100) + "/" + Text.number(plan.harvest().tp2() * 100) + "/"
        + Text.number(plan.harvest().tp3() * 100) + " · liquidation "
        + plan.liquidationPrice().map(p -> p.toPlainString() + " (").orElse("")
        + Text.percent(plan.liquidationDistance(), 3) + " away" + (plan.liquidationPrice().isPresent() ? ")" : "")
        + plan.breakevenPrice().map(p -> " · breakeven " + p.toPlainString()).orElse(""));
    if (!plan.stopLadder().isEmpty()) {
      out.println("  stop ladder: " + ladder(plan.stopLadder()));
    }
    List<Step> adjustments = plan.adjustments();
    List<Step> guards = adjustments.stream().filter(s -> s.rule() != Rule.ROUNDING).collect(Collectors.toList());
    long roundings = adjustments.size() - guards.size();
    String tail = roundings == 0 ? "" : " (besides " + roundings + " rounding" + (roundings == 1 ? "" : "s")
        + " to the tick/step)";
    if (guards.isEmpty()) {
      out.println("  guard adjustments: none" + tail);
    } else {
      out.println("  guard adjustments" + tail + ":");
      for (Step s : guards) {
        out.println("    " + s);
      }
    }
  }

  /** The title line of a plan: symbol, side, leverage, entry. */
  static String title(ExitPlan plan, String prefix) {
    return prefix + plan.symbol() + " " + plan.side() + " " + Text.number(plan.leverage()) + "x"
        + plan.entryPrice().map(e -> ", entry " + e.toPlainString()).orElse(", no entry price (fractions only)")
        + plan.tickSize().map(t -> ", tick " + t.toPlainString() + (guessedTick(plan)
            ? " (guessed: no tick size given or configured; give --tick for prices an exchange accepts)" : ""))
            .orElse("");
  }

  private static boolean guessedTick(ExitPlan plan) {
    return plan.explanation().of("tick_size").stream().anyMatch(s -> s.rule() == dev.exitbrain.Rule.PRICE);
  }

  private static String ladder(List<StopStage> stages) {
    StringBuilder b = new StringBuilder();
    for (StopStage s : stages) {
      if (b.length() > 0) {
        b.append(" → ");
      }
      b.append(s.stopPrice().toPlainString());
      switch (s.phase()) {
        case OPEN:
          b.append(" open");
          break;
        case AFTER_TP1:
          b.append(" after TP1");
          break;
        default:
          b.append(" after TP2");
      }
    }
    return b.toString();
  }
}
