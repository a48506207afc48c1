package dev.exitbrain;

import dev.exitbrain.internal.TieredHarvestPolicy;

/** Chooses the partial-close scheme for a leverage. */
@FunctionalInterface
public interface HarvestPolicy {

  /** The scheme at {@code leverage} (a multiple, ≥ 1). */
  HarvestScheme scheme(double leverage);

  /** The seed's tiers: L ≤ 10 conservative, 10 < L ≤ 30 aggressive, above ultra-aggressive. */
  static HarvestPolicy seed() {
    return tiered(10, HarvestScheme.CONSERVATIVE, 30, HarvestScheme.AGGRESSIVE, HarvestScheme.ULTRA_AGGRESSIVE);
  }

  /**
   * Three tiers, each upper bound inclusive: L ≤ {@code lowMax} → {@code low}; L ≤ {@code midMax} →
   * {@code mid}; above → {@code high}.
   */
  static HarvestPolicy tiered(double lowMax, HarvestScheme low, double midMax, HarvestScheme mid, HarvestScheme high) {
    return new TieredHarvestPolicy(lowMax, low, midMax, mid, high);
  }
}
