package dev.exitbrain.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;

/** The demo's result: one row per injected intent with what came out for it. */
final class DemoTable {
  private static final String ROW = "%3s  %-27s %-11s %-5s %4s %4s  %-14s %s%n";
  private static final String LEVELS = "%9s %9s %9s %9s %9s %9s %6s  %s";

  private DemoTable() {}

  /** Prints the table; returns the number of intents whose outcome was not the expected single record. */
  static int print(PrintWriter out, List<SeedScenarios.Scenario> scenarios, List<String> ids, DemoRecords records) {
    out.printf(ROW, "#", "sent as", "symbol", "side", "lev", "vf", "outcome",
        String.format(LEVELS, "entry", "TP1", "TP2", "TP3", "SL", "liq.", "LSF", "note"));
    int wrong = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      SeedScenarios.Scenario s = scenarios.get(i);
      List<DemoRecords.Record> found = records.of(ids.get(i));
      String number = Integer.toString(i + 1);
      if (found.size() != 1) {
        wrong++;
        out.printf(ROW, number, s.label(), text(s.body(), "symbol"), "", "", "", "MISSING",
            found.size() + " records for entry " + ids.get(i) + " (expected exactly one)");
        continue;
      }
      DemoRecords.Record r = found.get(0);
      JsonNode b = r.body();
      String outcome;
      String symbol;
      String side = "";
      String lev = "";
      String vf = "";
      String details;
      if (r.stream().equals("output")) {
        outcome = "plan";
        symbol = text(b, "symbol");
        side = text(b, "side");
        lev = Text.number(b.path("leverage").asDouble()) + "x";
        vf = b.path("volatility_factor").isNumber() ? Text.number(b.path("volatility_factor").asDouble()) : "";
        JsonNode p = b.path("prices");
        details = String.format(LEVELS, text(p, "entry"), text(p, "tp1"), text(p, "tp2"), text(p, "tp3"),
            text(p, "sl"), text(p, "liquidation"), Text.fixed(b.path("adaptive_levels").path("LSF").asDouble(), 4),
            b.path("sl_guarded").asBoolean() ? "SL tightened by the liquidation guard" : "");
      } else if (r.stream().equals("skip")) {
        outcome = text(b, "status");
        symbol = text(b, "symbol");
        side = text(b, "side");
        details = text(b, "reason");
      } else {
        outcome = "dead letter";
        String original = DemoRecords.originalSymbol(b);
        symbol = original == null ? "(none)" : original;
        details = text(b, "dlq_reason");
      }
      boolean expected = outcome.equals(s.expect());
      if (!expected) {
        wrong++;
        details = details + "  [expected " + s.expect() + "]";
      }
      out.printf(ROW, number, s.label(), symbol, side, lev, vf, outcome, details.stripTrailing());
    }
    return wrong;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }
}
