package dev.exitbrain.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.exitbrain.ExitBrainConfig;
import dev.exitbrain.FormulaConstants;
import dev.exitbrain.HarvestPolicy;
import dev.exitbrain.HarvestScheme;
import dev.exitbrain.LevelFormula;
import dev.exitbrain.MarginBracket;
import dev.exitbrain.Range;
import dev.exitbrain.SymbolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON configuration. Strict: an unknown key, a wrong type or a bad value fails with a
 * message that starts with the key's path, e.g. {@code symbols.BTCUSDT.tick_size: must be > 0}.
 */
public final class ConfigJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Set<String> TOP = Set.of("base_tp", "base_sl", "max_base", "max_leverage", "guard",
      "min_stop", "tp_order_gap", "taker_fee", "limits", "formula", "harvest", "default_symbol", "symbols");
  private static final Set<String> LIMITS = Set.of("volatility_factor", "exchange_divergence", "funding_rate");
  private static final Set<String> FORMULA = Set.of("tp1_offset", "tp1_lsf", "tp2_offset", "tp2_lsf", "tp3_offset",
      "tp3_lsf", "sl_leverage_weight", "funding_weight", "divergence_weight", "volatility_weight", "tp_floor",
      "sl_floor", "sl_min", "sl_max");
  private static final Set<String> HARVEST = Set.of("tiers");
  private static final Set<String> TIER = Set.of("max_leverage", "name", "fractions");
  private static final Set<String> SPEC = Set.of("tick_size", "step_size", "min_qty", "max_leverage",
      "maintenance_margin_rate", "brackets");
  private static final Set<String> SYMBOL = union(SPEC, Set.of("base_tp", "base_sl"));
  private static final Set<String> BRACKET = Set.of("notional_floor", "maintenance_margin_rate", "max_leverage");
  private static final Set<String> KEYS = union(union(TOP, SYMBOL), union(union(LIMITS, FORMULA), BRACKET));

  private ConfigJson() {}

  public static ExitBrainConfig read(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    return build(root, source);
  }

  public static ExitBrainConfig read(String json) {
    try {
      return build(MAPPER.readTree(json), "config");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config: not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ExitBrainConfig build(JsonNode root, String source) {
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new IllegalArgumentException(source + ": the configuration must be a JSON object");
    }
    keys(root, TOP, "");
    ExitBrainConfig.Builder b = ExitBrainConfig.builder();
    ExitBrainConfig d = ExitBrainConfig.defaults();
    at("max_base", () -> b.maxBase(num(root, "max_base", d.maxBase(), "max_base")));
    double maxLeverage = num(root, "max_leverage", d.maxLeverage(), "max_leverage");
    at("max_leverage", () -> b.maxLeverage(maxLeverage));
    double baseTp = num(root, "base_tp", d.baseTp(), "base_tp");
    double baseSl = num(root, "base_sl", d.baseSl(), "base_sl");
    at("base_tp", () -> Checks.positive(baseTp, 1, "base_tp"));
    at("base_sl", () -> Checks.positive(baseSl, 1, "base_sl"));
    b.bases(baseTp, baseSl);
    at("guard", () -> b.guard(num(root, "guard", d.guard(), "guard")));
    at("min_stop", () -> b.minStop(num(root, "min_stop", d.minStop(), "min_stop")));
    at("tp_order_gap", () -> b.tpOrderGap(num(root, "tp_order_gap", d.tpOrderGap(), "tp_order_gap")));
    at("taker_fee", () -> b.takerFee(num(root, "taker_fee", d.takerFee(), "taker_fee")));

    JsonNode limits = object(root, "limits", "limits");
    if (limits != null) {
      keys(limits, LIMITS, "limits.");
      Range vf = range(limits, "volatility_factor", d.volatilityFactorRange());
      Range div = range(limits, "exchange_divergence", d.exchangeDivergenceRange());
      Range fund = range(limits, "funding_rate", d.fundingRateRange());
      b.volatilityFactorRange(vf).exchangeDivergenceRange(div).fundingRateRange(fund);
    }

    JsonNode formula = object(root, "formula", "formula");
    if (formula != null) {
      keys(formula, FORMULA, "formula.");
      FormulaConstants s = FormulaConstants.SEED;
      FormulaConstants c = at("formula", () -> new FormulaConstants(
          num(formula, "tp1_offset", s.tp1Offset(), "formula.tp1_offset"),
          num(formula, "tp1_lsf", s.tp1Lsf(), "formula.tp1_lsf"),
          num(formula, "tp2_offset", s.tp2Offset(), "formula.tp2_offset"),
          num(formula, "tp2_lsf", s.tp2Lsf(), "formula.tp2_lsf"),
          num(formula, "tp3_offset", s.tp3Offset(), "formula.tp3_offset"),
          num(formula, "tp3_lsf", s.tp3Lsf(), "formula.tp3_lsf"),
          num(formula, "sl_leverage_weight", s.slLeverageWeight(), "formula.sl_leverage_weight"),
          num(formula, "funding_weight", s.fundingWeight(), "formula.funding_weight"),
          num(formula, "divergence_weight", s.divergenceWeight(), "formula.divergence_weight"),
          num(formula, "volatility_weight", s.volatilityWeight(), "formula.volatility_weight"),
          num(formula, "tp_floor", s.tpFloor(), "formula.tp_floor"),
          num(formula, "sl_floor", s.slFloor(), "formula.sl_floor"),
          num(formula, "sl_min", s.slMin(), "formula.sl_min"),
          num(formula, "sl_max", s.slMax(), "formula.sl_max")));
      b.formula(LevelFormula.seed(c));
    }

    JsonNode harvest = object(root, "harvest", "harvest");
    if (harvest != null) {
      keys(harvest, HARVEST, "harvest.");
      b.harvest(tiers(harvest));
    }

    SymbolSpec defaultSpec = SymbolSpec.simple(maxLeverage, SymbolSpec.DEFAULT_MAINTENANCE_MARGIN_RATE);
    JsonNode ds = object(root, "default_symbol", "default_symbol");
    if (ds != null) {
      keys(ds, SPEC, "default_symbol.");
      defaultSpec = spec(ds, defaultSpec, "default_symbol.");
    }
    b.defaultSpec(defaultSpec);

    JsonNode symbols = object(root, "symbols", "symbols");
    if (symbols != null) {
      for (Map.Entry<String, JsonNode> e : symbols.properties()) {
        String name = e.getKey();
        String path = "symbols." + name + ".";
        JsonNode node = e.getValue();
        if (!node.isObject()) {
          throw new IllegalArgumentException("symbols." + name + ": must be an object");
        }
        keys(node, SYMBOL, path);
        if (name.isBlank()) {
          throw new IllegalArgumentException("symbols: a symbol name must not be blank");
        }
        b.symbol(name, spec(node, defaultSpec, path));
        if (node.has("base_tp") || node.has("base_sl")) {
          // symbolBases names the key itself: symbols.<name>.base_tp / base_sl.
          b.symbolBases(name, num(node, "base_tp", baseTp, path + "base_tp"), num(node, "base_sl", baseSl, path + "base_sl"));
        }
      }
    }
    // build() names the offending key itself (e.g. "base_sl: must be in (0, 0.5] (max_base)").
    return b.build();
  }

  private static HarvestPolicy tiers(JsonNode harvest) {
    JsonNode tiers = harvest.get("tiers");
    if (tiers == null || !tiers.isArray() || tiers.size() != 3) {
      throw new IllegalArgumentException("harvest.tiers: must be an array of exactly 3 tiers");
    }
    HarvestScheme[] schemes = new HarvestScheme[3];
    double[] max = new double[2];
    for (int i = 0; i < 3; i++) {
      String path = "harvest.tiers[" + i + "].";
      JsonNode t = tiers.get(i);
      if (!t.isObject()) {
        throw new IllegalArgumentException("harvest.tiers[" + i + "]: must be an object");
      }
      keys(t, TIER, path);
      if (i < 2) {
        max[i] = num(t, "max_leverage", Double.NaN, path + "max_leverage");
        if (Double.isNaN(max[i])) {
          throw new IllegalArgumentException(path + "max_leverage: is required for the first two tiers");
        }
      } else if (t.has("max_leverage")) {
        throw new IllegalArgumentException(path + "max_leverage: the last tier has no upper bound");
      }
      JsonNode name = t.get("name");
      if (name == null || !name.isTextual()) {
        throw new IllegalArgumentException(path + "name: is required and must be a string");
      }
      JsonNode f = t.get("fractions");
      if (f == null || !f.isArray() || f.size() != 3 || !f.get(0).isNumber() || !f.get(1).isNumber()
          || !f.get(2).isNumber()) {
        throw new IllegalArgumentException(path + "fractions: must be an array of 3 numbers");
      }
      int idx = i;
      schemes[i] = at(path + "fractions",
          () -> new HarvestScheme(name.asText(), f.get(0).doubleValue(), f.get(1).doubleValue(), f.get(2).doubleValue()));
      if (idx == 2) {
        break;
      }
    }
    return at("harvest.tiers", () -> HarvestPolicy.tiered(max[0], schemes[0], max[1], schemes[1], schemes[2]));
  }

  private static SymbolSpec spec(JsonNode node, SymbolSpec base, String path) {
    BigDecimal tick = decimal(node, "tick_size", path);
    BigDecimal step = decimal(node, "step_size", path);
    BigDecimal min = decimal(node, "min_qty", path);
    double maxLeverage = num(node, "max_leverage", base.maxLeverage(), path + "max_leverage");
    List<MarginBracket> brackets = base.brackets();
    if (node.has("maintenance_margin_rate") && node.has("brackets")) {
      throw new IllegalArgumentException(path + "brackets: give either maintenance_margin_rate or brackets, not both");
    }
    if (node.has("maintenance_margin_rate")) {
      double mmr = num(node, "maintenance_margin_rate", 0, path + "maintenance_margin_rate");
      brackets = at(path + "maintenance_margin_rate",
          () -> List.of(new MarginBracket(BigDecimal.ZERO, mmr, BigDecimal.ZERO, maxLeverage)));
    } else if (node.has("brackets")) {
      brackets = brackets(node.get("brackets"), path + "brackets");
    } else if (node.has("max_leverage")) {
      List<MarginBracket> capped = new ArrayList<>();
      for (MarginBracket mb : brackets) {
        capped.add(new MarginBracket(mb.notionalFloor(), mb.maintenanceMarginRate(), mb.maintenanceAmount(),
            Math.min(mb.maxLeverage(), Math.max(1, maxLeverage))));
      }
      brackets = capped;
    }
    List<MarginBracket> finalBrackets = brackets;
    SymbolSpec spec = at(path + "max_leverage", () -> new SymbolSpec(
        base.tickSize(), base.stepSize(), base.minQty(), maxLeverage, finalBrackets));
    return at(path + "tick_size", () -> spec.withFilters(tick, step, min));
  }

  private static List<MarginBracket> brackets(JsonNode node, String path) {
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException(path + ": must be a non-empty array");
    }
    double[][] rows = new double[node.size()][];
    for (int i = 0; i < node.size(); i++) {
      JsonNode r = node.get(i);
      String p = path + "[" + i + "].";
      if (!r.isObject()) {
        throw new IllegalArgumentException(path + "[" + i + "]: must be an object");
      }
      keys(r, BRACKET, p);
      rows[i] = new double[] {
        req(r, "notional_floor", p), req(r, "maintenance_margin_rate", p), req(r, "max_leverage", p)
      };
    }
    return at(path, () -> new SymbolSpec(null, null, BigDecimal.ZERO, 10_000, SymbolSpec.brackets(rows)).brackets());
  }

  private static double req(JsonNode node, String key, String path) {
    double v = num(node, key, Double.NaN, path + key);
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException(path + key + ": is required");
    }
    return v;
  }

  private static Range range(JsonNode node, String key, Range fallback) {
    JsonNode r = node.get(key);
    if (r == null) {
      return fallback;
    }
    String path = "limits." + key;
    if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber()) {
      throw new IllegalArgumentException(path + ": must be [min, max], two numbers");
    }
    return at(path, () -> new Range(r.get(0).doubleValue(), r.get(1).doubleValue()));
  }

  private static double num(JsonNode node, String key, double fallback, String path) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(path + ": must be a number, was " + v);
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(path + ": must be a finite number, was " + v);
    }
    return d;
  }

  private static BigDecimal decimal(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      if (v.isNumber()) {
        return v.decimalValue();
      }
      if (v.isTextual()) {
        return new BigDecimal(v.asText().trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(path + key + ": must be a decimal number or a string holding one, was " + v);
  }

  private static JsonNode object(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException(path + ": must be an object");
    }
    return v;
  }

  private static void keys(JsonNode node, Set<String> allowed, String path) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String k = e.getKey();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(path + k + ": unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** Runs a builder step and makes sure its error names the configuration key. */
  private static <T> T at(String path, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      String key = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      if (m != null && m.startsWith(key)) {
        throw e;
      }
      // Builders name the leaf ("tick_size: ..."), or a sibling key of it ("step_size: ..." from a spec);
      // the user needs the whole path.
      java.util.regex.Matcher named = java.util.regex.Pattern.compile("^([a-z][a-z0-9_]*): ").matcher(m == null ? "" : m);
      String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
      boolean found = named.find();
      String message = !found ? key + ": " + m
          : named.group(1).equals(leaf) ? key + m.substring(leaf.length())
          : KEYS.contains(named.group(1)) ? parent + m
          : key + ": " + m;
      throw new IllegalArgumentException(message, e);
    }
  }

  private static void at(String path, Runnable step) {
    at(path, () -> {
      step.run();
      return null;
    });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
