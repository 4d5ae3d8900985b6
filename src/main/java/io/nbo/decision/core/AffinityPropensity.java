package io.nbo.decision.core;

import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;

/**
 * A transparent prior until outcomes teach us better: a base take-up rate by offer kind, doubled when the offer's
 * category is the customer's top category and raised by half when it is among their top categories.
 */
public final class AffinityPropensity implements PropensityModel {

    @Override
    public double propensity(CustomerProfile customer, Offer offer) {
        double base = switch (offer.kind()) {
            case COUPON -> 0.10;
            case DISCOUNT -> 0.08;
            case LOYALTY_POINTS -> 0.06;
            case BUNDLE -> 0.05;
            case SERVICE -> 0.04;
            case INFORMATIONAL -> 0.03;
        };
        int rank = offer.category() == null ? -1 : customer.topCategories().indexOf(offer.category());
        double affinity = rank == 0 ? 2.0 : rank > 0 ? 1.5 : 1.0;
        return base * affinity;
    }
}
