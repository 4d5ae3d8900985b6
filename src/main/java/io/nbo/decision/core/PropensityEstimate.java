package io.nbo.decision.core;

/**
 * Where a propensity came from, so an answer can say it.
 *
 * @param source    {@code prior} (no responses yet: the transparent prior), {@code learned} (from outcomes and
 *                  imported history) or {@code own-score} (the data science team's uploaded score)
 * @param level     for a learned one, the most specific level with data: {@code offer}, {@code segment} (offer x
 *                  customer segment) or {@code channel} (offer x segment x channel); null otherwise
 * @param contacts  contacts the estimate learned from at that level
 * @param responses responses among them
 * @param mean      the posterior mean (what the offer is expected to do)
 * @param value     the propensity used to rank: a draw from the posterior when exploring, else the mean
 * @param explored  true when the offer is in the answer only thanks to the exploration draw (ranked by the posterior
 *                  means it would not have made the top N); set by arbitration
 */
public record PropensityEstimate(String source, String level, long contacts, long responses, double mean,
                                 double value, boolean explored) {

    public static final String PRIOR = "prior";
    public static final String LEARNED = "learned";
    public static final String OWN_SCORE = "own-score";

    public static PropensityEstimate prior(double p) {
        return new PropensityEstimate(PRIOR, null, 0, 0, p, p, false);
    }

    public PropensityEstimate asExplored() {
        return new PropensityEstimate(source, level, contacts, responses, mean, value, true);
    }
}
