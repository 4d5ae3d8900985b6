package io.nbo.decision.core.experiment;

import java.util.Set;

/**
 * A customer's place in one running experiment, as a decision applied it and the decision log records it.
 *
 * @param offers the offers the experiment is about; empty for all offers (a global holdout)
 */
public record Assignment(String experimentKey, int version, String layer, String arm, boolean control,
                         boolean withhold, double weight, Set<String> offers) {

    public Assignment {
        offers = Set.copyOf(offers);
    }

    public boolean covers(String offerId) {
        return offers.isEmpty() || offers.contains(offerId);
    }

    /** True when this arm gets no offer at all (the control of a global holdout). */
    public boolean withholdsEverything() {
        return withhold && offers.isEmpty();
    }
}
