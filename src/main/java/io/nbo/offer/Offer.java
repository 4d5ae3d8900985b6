package io.nbo.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An offer in the catalogue, as the decision pipeline reads it: immutable.
 *
 * @param validFrom   first day the offer may be made, in the customer's local date; null means no start
 * @param validTo     last day (inclusive); equal to {@code validFrom} for a one-day offer; null means open-ended
 * @param window      optional daily window in the customer's local time (a 07:30-09:00 coffee coupon)
 * @param offerGroup  at most one offer of a group is returned per decision; null means its own group
 * @param priority    the marketer's lever, multiplies the score (1.0 neutral)
 */
public record Offer(
        String id,
        String name,
        String description,
        String category,
        OfferKind kind,
        BigDecimal businessValue,
        Set<Channel> channels,
        LocalDate validFrom,
        LocalDate validTo,
        TimeWindow window,
        String offerGroup,
        double priority,
        boolean active) {

    public Offer {
        Objects.requireNonNull(id, "id");
        channels = ChannelSet.copyOf(channels);
        businessValue = businessValue == null ? BigDecimal.ZERO : businessValue;
    }

    public Optional<TimeWindow> timeWindow() {
        return Optional.ofNullable(window);
    }

    /** The group used for one-offer-per-group arbitration: the offer's own id when it has none. */
    public String arbitrationGroup() {
        return offerGroup == null || offerGroup.isBlank() ? "offer:" + id : offerGroup;
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean oneDayOnly() {
        return validFrom != null && validFrom.equals(validTo);
    }

    /** This offer restricted to one channel (none when it does not use that channel): an event trigger's offer. */
    public Offer onlyOn(Channel channel) {
        return new Offer(id, name, description, category, kind, businessValue,
                channels.contains(channel) ? Set.of(channel) : Set.of(), validFrom, validTo, window, offerGroup,
                priority, active);
    }
}
