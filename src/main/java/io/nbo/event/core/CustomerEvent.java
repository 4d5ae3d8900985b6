package io.nbo.event.core;

import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a customer did, as checked on arrival. Immutable.
 *
 * @param occurredAt when it happened (the client's time, not ours): aggregates and windows use it
 * @param channel    where: in-store or web/mobile-app for a purchase, the channel engaged with or consented to
 * @param amount     a purchase's total (the items' sum when the client sent none); null for other types
 * @param granted    for consent-changed: given (true) or withdrawn (false); null otherwise
 * @param attributes other values the client sent (page, query, reason, storeId, orderId, decisionId, ...), as text
 */
public record CustomerEvent(String eventId, String customerId, EventType type, Instant occurredAt, Channel channel,
                            BigDecimal amount, List<Item> items, Boolean granted, Map<String, String> attributes) {

    public CustomerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        items = items == null ? List.of() : List.copyOf(items);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** One line of a purchase (or of an abandoned cart). */
    public record Item(String item, String category, int quantity, BigDecimal price) {

        public Item {
            Objects.requireNonNull(item, "item");
            price = price == null ? BigDecimal.ZERO : price;
        }

        public BigDecimal total() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }
}
