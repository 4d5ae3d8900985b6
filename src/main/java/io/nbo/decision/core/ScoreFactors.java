package io.nbo.decision.core;

/**
 * The parts of an offer's score, so a decision can show how it was ranked:
 * {@code score = propensity x contextWeight x value x lever}.
 */
public record ScoreFactors(double propensity, double contextWeight, double value, double lever) {

    public double score() {
        return propensity * contextWeight * value * lever;
    }
}
