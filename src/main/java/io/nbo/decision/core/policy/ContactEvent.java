package io.nbo.decision.core.policy;

import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a customer's contact history: an offer a decision made, or an outcome reported for it.
 *
 * @param offerGroup the offer's group when the decision was made, or null
 * @param channel    the channel the decision chose for the offer
 * @param value      the purchase value, for {@code PURCHASED}; otherwise null
 */
public record ContactEvent(String decisionId, String offerId, String offerGroup, Channel channel,
                           ContactEventType type, Instant at, BigDecimal value) {

    public ContactEvent {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    /** Identity of the event: one of each type per offer of a decision. */
    public String key() {
        return decisionId + "/" + offerId + "/" + type.name();
    }
}
