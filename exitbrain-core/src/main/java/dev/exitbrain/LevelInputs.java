package dev.exitbrain;

/**
 * What a {@link LevelFormula} gets. Missing modifiers are 0.
 *
 * @param leverage a multiple, ≥ 1
 * @param lsf the leverage sensitivity factor
 * @param baseTp base take-profit, a fraction of price
 * @param baseSl base stop-loss, a fraction of price
 * @param volatilityFactor dimensionless
 * @param fundingRate a fraction per funding interval
 * @param exchangeDivergence a fraction of price
 */
public record LevelInputs(
    double leverage,
    double lsf,
    double baseTp,
    double baseSl,
    double volatilityFactor,
    double fundingRate,
    double exchangeDivergence) {}
