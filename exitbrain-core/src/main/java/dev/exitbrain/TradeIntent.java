package dev.exitbrain;

import static dev.exitbrain.internal.Checks.finiteField;
import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.internal.Checks;

import java.math.BigDecimal;

/**
 * What a trading system intends to open, and everything the exit engine needs to know about it.
 *
 * <p>Units: {@code leverage} is a multiple (10 = 10x). {@code entryPrice}, {@code tickSize} and
 * {@code minQty}/{@code stepSize} are absolute (quote currency and base units).
 * {@code positionSizeUsd} is the position's notional in quote currency. {@code fundingRate} is a
 * fraction per funding interval (0.0001 = 0.01 %), {@code exchangeDivergence} a fraction of price,
 * {@code volatilityFactor} a dimensionless multiplier. {@code baseTp}/{@code baseSl} are fractions
 * of price (0.01 = 1 % move).
 *
 * <p>Optional values are {@code null} when absent: a missing modifier counts as 0, missing bases
 * come from the configuration, a missing tick, step or minimum quantity from the symbol's
 * specification.
 *
 * <p>The constructor rejects values that are wrong whatever the configuration (NaN, infinity,
 * leverage below 1, a price, size or ATR below zero). Ranges that depend on the configuration
 * (maximum leverage, volatility factor range, ...) are checked by {@link ExitBrain#compute}. Both
 * throw {@link InvalidIntentException} naming the field.
 *
 * @param symbol instrument, e.g. {@code BTCUSDT}; required, no blanks
 * @param side LONG or SHORT; required
 * @param leverage multiple, at least 1
 * @param entryPrice entry price (quote currency), or null for fraction-only plans
 * @param positionSizeUsd notional (quote currency), or null
 * @param volatilityFactor widens the stop: sl × (1 + 0.2·vf) by default; null = 0
 * @param fundingRate scales the take-profits: tp × (1 + 0.8·funding) by default; null = 0
 * @param exchangeDivergence widens the stop: sl × (1 + 0.4·div) by default; null = 0
 * @param atrValue average true range as sent by the producer; carried through, not used in levels
 * @param baseTp base take-profit, a fraction of price; null = configured
 * @param baseSl base stop-loss, a fraction of price; null = configured
 * @param tickSize price tick; null = the symbol's
 * @param stepSize quantity step; null = the symbol's
 * @param minQty minimum order quantity; null = the symbol's
 */
public record TradeIntent(
    String symbol,
    Side side,
    double leverage,
    BigDecimal entryPrice,
    BigDecimal positionSizeUsd,
    Double volatilityFactor,
    Double fundingRate,
    Double exchangeDivergence,
    Double atrValue,
    Double baseTp,
    Double baseSl,
    BigDecimal tickSize,
    BigDecimal stepSize,
    BigDecimal minQty) {

  public TradeIntent {
    if (symbol == null || symbol.isBlank()) {
      throw new InvalidIntentException("symbol", symbol, "is required");
    }
    if (symbol.length() > 64 || !symbol.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidIntentException("symbol", symbol, "must be 1 to 64 printable ASCII characters without blanks");
    }
    if (side == null) {
      throw new InvalidIntentException("side", null, "is required (LONG or SHORT)");
    }
    finiteField(leverage, "leverage");
    if (leverage < 1) {
      throw new InvalidIntentException("leverage", plain(leverage), "must be at least 1");
    }
    positiveOrNull(entryPrice, "entry_price");
    positiveOrNull(positionSizeUsd, "position_size_usd");
    finiteOrNull(volatilityFactor, "volatility_factor");
    finiteOrNull(fundingRate, "funding_rate");
    finiteOrNull(exchangeDivergence, "exchange_divergence");
    finiteOrNull(atrValue, "atr_value");
    if (atrValue != null && atrValue < 0) {
      throw new InvalidIntentException("atr_value", plain(atrValue), "must be >= 0");
    }
    finiteOrNull(baseTp, "base_tp");
    finiteOrNull(baseSl, "base_sl");
    positiveOrNull(tickSize, "tick_size");
    positiveOrNull(stepSize, "step_size");
    if (minQty != null && minQty.signum() < 0) {
      throw new InvalidIntentException("min_qty", Checks.text(minQty), "must be >= 0");
    }
    Checks.decimalField(entryPrice, "entry_price");
    Checks.decimalField(positionSizeUsd, "position_size_usd");
    Checks.decimalField(tickSize, "tick_size");
    Checks.decimalField(stepSize, "step_size");
    if (minQty != null && minQty.signum() > 0) {
      Checks.decimalField(minQty, "min_qty");
    }
  }

  /** Starts an intent for {@code symbol} and {@code side} at leverage 1. */
  public static Builder builder(String symbol, Side side) {
    return new Builder(symbol, side);
  }

  /** A copy of this intent at another leverage (used by sweeps and {@link ExitBrain#maxSafeLeverage}). */
  public TradeIntent withLeverage(double newLeverage) {
    return new TradeIntent(symbol, side, newLeverage, entryPrice, positionSizeUsd, volatilityFactor,
        fundingRate, exchangeDivergence, atrValue, baseTp, baseSl, tickSize, stepSize, minQty);
  }

  private static void positiveOrNull(BigDecimal value, String field) {
    if (value != null && value.signum() <= 0) {
      throw new InvalidIntentException(field, Checks.text(value), "must be > 0");
    }
  }

  private static void finiteOrNull(Double value, String field) {
    if (value != null) {
      finiteField(value, field);
    }
  }

  /** Builds a {@link TradeIntent}; doubles given for prices are checked for NaN/infinity first. */
  public static final class Builder {
    private final String symbol;
    private final Side side;
    private double leverage = 1;
    private BigDecimal entryPrice;
    private BigDecimal positionSizeUsd;
    private Double volatilityFactor;
    private Double fundingRate;
    private Double exchangeDivergence;
    private Double atrValue;
    private Double baseTp;
    private Double baseSl;
    private BigDecimal tickSize;
    private BigDecimal stepSize;
    private BigDecimal minQty;

    private Builder(String symbol, Side side) {
      this.symbol = symbol;
      this.side = side;
    }

    public Builder leverage(double leverage) {
      this.leverage = leverage;
      return this;
    }

    public Builder entryPrice(BigDecimal entryPrice) {
      this.entryPrice = entryPrice;
      return this;
    }

    public Builder entryPrice(String entryPrice) {
      return entryPrice(decimal(entryPrice, "entry_price"));
    }

    public Builder entryPrice(double entryPrice) {
      return entryPrice(decimal(entryPrice, "entry_price"));
    }

    public Builder positionSizeUsd(BigDecimal positionSizeUsd) {
      this.positionSizeUsd = positionSizeUsd;
      return this;
    }

    public Builder positionSizeUsd(double positionSizeUsd) {
      return positionSizeUsd(decimal(positionSizeUsd, "position_size_usd"));
    }

    public Builder volatilityFactor(Double volatilityFactor) {
      this.volatilityFactor = volatilityFactor;
      return this;
    }

    public Builder fundingRate(Double fundingRate) {
      this.fundingRate = fundingRate;
      return this;
    }

    public Builder exchangeDivergence(Double exchangeDivergence) {
      this.exchangeDivergence = exchangeDivergence;
      return this;
    }

    public Builder atrValue(Double atrValue) {
      this.atrValue = atrValue;
      return this;
    }

    public Builder baseTp(Double baseTp) {
      this.baseTp = baseTp;
      return this;
    }

    public Builder baseSl(Double baseSl) {
      this.baseSl = baseSl;
      return this;
    }

    public Builder tickSize(BigDecimal tickSize) {
      this.tickSize = tickSize;
      return this;
    }

    public Builder tickSize(String tickSize) {
      return tickSize(decimal(tickSize, "tick_size"));
    }

    public Builder stepSize(BigDecimal stepSize) {
      this.stepSize = stepSize;
      return this;
    }

    public Builder stepSize(String stepSize) {
      return stepSize(decimal(stepSize, "step_size"));
    }

    public Builder minQty(BigDecimal minQty) {
      this.minQty = minQty;
      return this;
    }

    public Builder minQty(String minQty) {
      return minQty(decimal(minQty, "min_qty"));
    }

    public TradeIntent build() {
      return new TradeIntent(symbol, side, leverage, entryPrice, positionSizeUsd, volatilityFactor,
          fundingRate, exchangeDivergence, atrValue, baseTp, baseSl, tickSize, stepSize, minQty);
    }

    private static BigDecimal decimal(double value, String field) {
      finiteField(value, field);
      return new BigDecimal(Double.toString(value));
    }

    private static BigDecimal decimal(String value, String field) {
      if (value == null) {
        return null;
      }
      try {
        return new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidIntentException(field, value, "must be a decimal number");
      }
    }
  }
}
