package dev.exitbrain.internal;

import static dev.exitbrain.internal.Checks.notNull;
import static dev.exitbrain.internal.Checks.plain;

import dev.exitbrain.HarvestPolicy;
import dev.exitbrain.HarvestScheme;

/** Three leverage tiers, each upper bound inclusive. */
public final class TieredHarvestPolicy implements HarvestPolicy {
  private final double lowMax;
  private final HarvestScheme low;
  private final double midMax;
  private final HarvestScheme mid;
  private final HarvestScheme high;

  public TieredHarvestPolicy(double lowMax, HarvestScheme low, double midMax, HarvestScheme mid, HarvestScheme high) {
    if (!(lowMax >= 1 && lowMax < midMax && midMax < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("harvest tiers: need 1 <= low_max < mid_max, finite; was low_max "
          + plain(lowMax) + ", mid_max " + plain(midMax));
    }
    this.lowMax = lowMax;
    this.low = notNull(low, "harvest low tier scheme");
    this.midMax = midMax;
    this.mid = notNull(mid, "harvest mid tier scheme");
    this.high = notNull(high, "harvest high tier scheme");
  }

  @Override
  public HarvestScheme scheme(double leverage) {
    if (leverage <= lowMax) {
      return low;
    }
    return leverage <= midMax ? mid : high;
  }

  @Override
  public String toString() {
    return "L ≤ " + plain(lowMax) + " " + low.name() + ", L ≤ " + plain(midMax) + " " + mid.name() + ", else " + high.name();
  }
}
