package io.nbo.campaign.allocation;

import java.util.Objects;

/**
 * What remains of one offer's limits for this run.
 *
 * @param offerId the offer's id, for reports
 * @param volume  contacts still allowed, &ge; 0; {@link Long#MAX_VALUE} when unlimited
 * @param budget  budget units still allowed, &ge; 0; {@link Double#POSITIVE_INFINITY} when unlimited
 */
public record OfferLimit(String offerId, long volume, double budget) {

    public OfferLimit {
        Objects.requireNonNull(offerId, "offerId");
        if (volume < 0) {
            throw new IllegalArgumentException("volume limit of offer " + offerId + " must be >= 0, was " + volume);
        }
        if (!(budget >= 0)) {
            throw new IllegalArgumentException("budget of offer " + offerId + " must be >= 0, was " + budget);
        }
    }

    /** An offer without a volume limit or a budget. */
    public static OfferLimit unlimited(String offerId) {
        return new OfferLimit(offerId, Long.MAX_VALUE, Double.POSITIVE_INFINITY);
    }

    public static OfferLimit volume(String offerId, long volume) {
        return new OfferLimit(offerId, volume, Double.POSITIVE_INFINITY);
    }

    public static OfferLimit budget(String offerId, double budget) {
        return new OfferLimit(offerId, Long.MAX_VALUE, budget);
    }

    public boolean volumeLimited() {
        return volume != Long.MAX_VALUE;
    }

    public boolean budgetLimited() {
        return budget != Double.POSITIVE_INFINITY;
    }
}
