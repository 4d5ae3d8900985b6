package io.nbo.campaign.allocation;

import io.nbo.offer.Channel;
import java.util.Objects;

/**
 * One way to contact a customer: an offer on a channel, its expected value and what it uses of the offer's budget.
 *
 * @param offer   index of the offer in the problem's list of {@link OfferLimit}s (0-based)
 * @param channel the channel the offer would be sent on
 * @param value   expected value of this contact (propensity x business value), finite and &ge; 0; an option worth 0
 *                is never assigned
 * @param cost    budget units the contact uses (0 if the offer has no budget), finite and &ge; 0
 */
public record Option(int offer, Channel channel, double value, double cost) {

    public Option {
        if (offer < 0) {
            throw new IllegalArgumentException("offer index must be >= 0, was " + offer);
        }
        Objects.requireNonNull(channel, "channel");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value of offer " + offer + " must be finite and >= 0, was " + value);
        }
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost of offer " + offer + " must be finite and >= 0, was " + cost);
        }
    }
}
