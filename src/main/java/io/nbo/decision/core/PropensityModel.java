package io.nbo.decision.core;

import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;

/** How likely this customer is to take this offer, 0..1, and where that figure came from. */
public interface PropensityModel {

    double propensity(CustomerProfile customer, Offer offer);

    /**
     * The estimate for a candidate in a decision: by default this model's figure, labelled as the prior. Learning
     * models answer with what they learned, at which level, and the draw they rank by.
     */
    default PropensityEstimate estimate(Situation situation, Candidate candidate) {
        return PropensityEstimate.prior(propensity(situation.customer(), candidate.offer()));
    }
}
