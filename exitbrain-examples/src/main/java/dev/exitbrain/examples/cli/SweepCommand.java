package dev.exitbrain.examples.cli;

import dev.exitbrain.ExitBrain;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.InvalidIntentException;
import dev.exitbrain.Side;
import dev.exitbrain.TradeIntent;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code exitbrain sweep}: levels across a leverage range, as a table, CSV and a PNG chart. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Levels across a leverage range, as a table, CSV or PNG chart.",
    description = {
      "Computes the levels of one intent across a range of leverages (default 1 to 125) and prints them"
          + " as a table or CSV; --chart draws TP1/TP2/TP3, SL and the liquidation distance against leverage"
          + " as a PNG, so the effect of the liquidation guard is visible at a glance."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--symbol", paramLabel = "SYMBOL", defaultValue = "BTCUSDT", description = "Default: ${DEFAULT-VALUE}.")
  String symbol;

  @Option(names = "--side", paramLabel = "SIDE", defaultValue = "long", description = "long or short. Default: ${DEFAULT-VALUE}.")
  String side;

  @Option(names = "--from", defaultValue = "1", paramLabel = "X", description = "First leverage. Default: ${DEFAULT-VALUE}.")
  double from;

  @Option(names = "--to", defaultValue = "125", paramLabel = "X", description = "Last leverage. Default: ${DEFAULT-VALUE}.")
  double to;

  @Option(names = {"--step", "--by"}, defaultValue = "1", paramLabel = "X",
      description = "Leverage increment. Default: ${DEFAULT-VALUE}.")
  double by;

  @Option(names = "--vf", paramLabel = "VF", description = "Volatility factor. Default: none.")
  Double volatilityFactor;

  @Option(names = "--funding", paramLabel = "RATE", description = "Funding rate, a fraction.")
  Double funding;

  @Option(names = "--divergence", paramLabel = "FRACTION", description = "Exchange divergence, a fraction.")
  Double divergence;

  @Option(names = "--entry", paramLabel = "PRICE", description = "Entry price; adds price columns.")
  BigDecimal entry;

  @Option(names = "--tick", paramLabel = "TICK", description = "Price tick.")
  BigDecimal tick;

  @Option(names = "--size-usd", paramLabel = "USD", description = "Position notional (selects the margin bracket).")
  BigDecimal sizeUsd;

  @Option(names = "--csv", description = "CSV instead of a table (fractions of price, not percentages).")
  boolean csv;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the sweep as a PNG chart.")
  Path chart;

  /** One leverage of the sweep: a plan, or why there is none. */
  record Row(double leverage, ExitPlan plan, String error) {}

  @Override
  public Integer call() throws IOException {
    if (!(by > 0) || !(from >= 1) || !(to >= from)) {
      throw new ParameterException(spec.commandLine(), "need 1 <= --from <= --to and --step > 0, was from "
          + Text.number(from) + " to " + Text.number(to) + " step " + Text.number(by));
    }
    if ((to - from) / by > 100_000) {
      throw new ParameterException(spec.commandLine(), "too many leverages (more than 100000); use a larger --step");
    }
    TradeIntent base;
    try {
      base = new TradeIntent(symbol, Side.parse(side), from, entry, sizeUsd, volatilityFactor, funding, divergence,
          null, null, null, tick, null, null);
    } catch (InvalidIntentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ExitBrain brain = config.brain();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; ; i++) {
      double leverage = Math.round((from + i * by) * 1e9) / 1e9;
      if (leverage > to + 1e-9) {
        break;
      }
      try {
        rows.add(new Row(leverage, brain.compute(base.withLeverage(leverage)), null));
      } catch (InvalidIntentException e) {
        rows.add(new Row(leverage, null, e.getMessage()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (csv) {
      csv(out, rows);
    } else {
      table(out, rows);
    }
    out.flush();
    if (chart != null) {
      String title = base.symbol() + " " + base.side().name().toLowerCase(Locale.ROOT)
          + (volatilityFactor == null ? "" : ", vf " + Text.number(volatilityFactor))
          + (funding == null ? "" : ", funding " + Text.number(funding))
          + (divergence == null ? "" : ", divergence " + Text.number(divergence));
      SweepChart.write(rows, title, brain.config().guard(), chart);
      spec.commandLine().getErr().println("wrote " + chart.toAbsolutePath());
    }
    return 0;
  }

  private void table(PrintWriter out, List<Row> rows) {
    boolean prices = entry != null;
    String head = "%8s %7s %9s %9s %9s %9s %9s %10s %8s";
    out.printf(head + (prices ? " %12s %12s %12s" : "") + "%n", "leverage", "LSF", "TP1 %", "TP2 %", "TP3 %", "SL %",
        "SL ROI %", "liq dist %", "guarded", "TP1 price", "SL price", "liq price");
    for (Row r : rows) {
      if (r.plan() == null) {
        out.printf("%8s  %s%n", Text.number(r.leverage()), "no plan: " + r.error());
        continue;
      }
      ExitPlan p = r.plan();
      String row = String.format(Locale.ROOT, "%8s %7.4f %9.3f %9.3f %9.3f %9.3f %9.2f %10.3f %8s",
          Text.number(r.leverage()), p.lsf(), p.tp1().fraction() * 100, p.tp2().fraction() * 100,
          p.tp3().fraction() * 100, p.stopLoss().fraction() * 100, p.stopLoss().roi() * 100,
          p.liquidationDistance() * 100, p.stopLoss().guarded() ? "yes" : "");
      if (prices) {
        row += String.format(" %12s %12s %12s", Text.decimal(p.tp1().price()), Text.decimal(p.stopLoss().price()),
            Text.decimal(p.liquidationPrice()));
      }
      out.println(row.stripTrailing());
    }
  }

  private void csv(PrintWriter out, List<Row> rows) {
    boolean prices = entry != null;
    out.println("leverage,lsf,tp1,tp2,tp3,sl,tp1_roi,sl_roi,liquidation_distance,sl_guarded"
        + (prices ? ",tp1_price,tp2_price,tp3_price,sl_price,liquidation_price" : "") + ",error");
    for (Row r : rows) {
      StringBuilder b = new StringBuilder(Text.number(r.leverage()));
      ExitPlan p = r.plan();
      if (p == null) {
        b.append(",".repeat(prices ? 14 : 9)).append(',').append(quote(r.error()));
      } else {
        for (double d : new double[] {p.lsf(), p.tp1().fraction(), p.tp2().fraction(), p.tp3().fraction(),
            p.stopLoss().fraction(), p.tp1().roi(), p.stopLoss().roi(), p.liquidationDistance()}) {
          b.append(',').append(d);
        }
        b.append(',').append(p.stopLoss().guarded());
        if (prices) {
          b.append(',').append(Text.decimal(p.tp1().price())).append(',').append(Text.decimal(p.tp2().price()))
              .append(',').append(Text.decimal(p.tp3().price())).append(',').append(Text.decimal(p.stopLoss().price()))
              .append(',').append(Text.decimal(p.liquidationPrice()));
        }
        b.append(',');
      }
      out.println(b);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
