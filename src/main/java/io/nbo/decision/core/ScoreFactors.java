package io.nbo.decision.core;

/**
 * The parts of an offer's score, so a decision can show how it was ranked:
 * {@code score = propensity x contextWeight x value x lever}, with where the propensity came from ({@code origin},
 * null when unknown).
 */
public record ScoreFactors(double propensity, double contextWeight, double value, double lever,
                           PropensityEstimate origin) {

    public ScoreFactors(double propensity, double contextWeight, double value, double lever) {
        this(propensity, contextWeight, value, lever, null);
    }

    public double score() {
        return propensity * contextWeight * value * lever;
    }

    /** The score had the propensity been the posterior mean rather than the exploration draw. */
    public double meanScore() {
        return origin == null ? score() : origin.mean() * contextWeight * value * lever;
    }

    public ScoreFactors explored() {
        return new ScoreFactors(propensity, contextWeight, value, lever, origin == null ? null : origin.asExplored());
    }
}
