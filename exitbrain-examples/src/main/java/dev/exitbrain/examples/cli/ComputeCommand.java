package dev.exitbrain.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exitbrain.ExitPlan;
import dev.exitbrain.TradeIntent;
import dev.exitbrain.redis.IntentMeta;
import dev.exitbrain.redis.PlanPayload;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code exitbrain compute}: exit plans for intents from flags or JSON lines. */
@Command(
    name = "compute",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Exit plan (TP1..TP3, SL, prices, quantities) of intents from flags or JSON lines.",
    description = {
      "Computes the exit plan of one intent given by flags, or of every JSON line of --input.",
      "table: TP1..TP3 and SL as %% of price, ROI %% on margin, price, close fraction and quantity;"
          + " then LSF, liquidation price and guard adjustments.",
      "json: one output payload per line, in input order (the object the Redis output stream carries,"
          + " docs/wire-format.md). An invalid line gives {\"line\": n, \"error\": \"...\", \"field\": \"...\"}"
          + " and the run goes on.",
      "JSON lines use the wire's field names: symbol, side, leverage, entry_price, position_size_usd,"
          + " volatility_factor, funding_rate, exchange_divergence, atr_value, confidence, timestamp, tick_size,"
          + " step_size, min_qty (docs/examples/intents.jsonl)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every intent gave a plan", "1:at least one intent failed", "2:usage error"})
final class ComputeCommand implements Callable<Integer> {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  enum Format { table, json }

  @ParentCommand ExitBrainCli cli;

  @Spec CommandSpec spec;

  @Mixin IntentOptions intents;

  @Mixin ConfigOption config;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = format == Format.json;
    long failed = Plans.run(intents, cli.stdin(), config.brain(), new Plans.TextSink(out) {
      @Override
      public void plan(int line, ExitPlan plan, TradeIntent intent, IntentMeta meta) {
        if (json) {
          out.println(PlanPayload.json(plan, intent, meta));
          return;
        }
        separate();
        PlanTable.print(out, PlanTable.title(plan, intents.input == null ? "" : "line " + line + ": "), plan);
      }

      @Override
      public void error(int line, String field, String message) {
        if (json) {
          out.println(errorObject(line, field, message));
        } else {
          super.error(line, field, message);
        }
      }
    });
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** {@code {"line": n, "error": "...", "field": "..."}}. */
  static String errorObject(int line, String field, String message) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("line", line);
    o.put("error", message);
    o.put("field", field);
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
