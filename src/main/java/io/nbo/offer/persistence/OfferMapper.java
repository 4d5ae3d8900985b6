package io.nbo.offer.persistence;

import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.offer.TimeWindow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;

/** Maps offer rows to the immutable {@link Offer} and back. */
public final class OfferMapper {

    private OfferMapper() {
    }

    public static Offer toOffer(OfferEntity e) {
        TimeWindow window = e.windowStart == null || e.windowEnd == null ? null
                : new TimeWindow(e.windowStart, e.windowEnd);
        return new Offer(e.id, e.name, e.description, e.category, OfferKind.fromCode(e.kind).orElseThrow(),
                e.businessValue, e.channels.stream().map(c -> Channel.fromCode(c).orElseThrow())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                e.validFrom, e.validTo, window, e.offerGroup, e.priority, e.active);
    }

    public static OfferEntity fill(OfferEntity e, Offer o) {
        e.id = o.id();
        e.name = o.name();
        e.description = o.description();
        e.category = o.category();
        e.kind = o.kind().code();
        e.businessValue = o.businessValue();
        e.channels = o.channels().stream().sorted(Comparator.naturalOrder()).map(Channel::code).toList();
        e.validFrom = o.validFrom();
        e.validTo = o.validTo();
        e.windowStart = o.window() == null ? null : o.window().start();
        e.windowEnd = o.window() == null ? null : o.window().end();
        e.offerGroup = o.offerGroup();
        e.priority = o.priority();
        e.active = o.active();
        e.sample = false;
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }
}
