package io.nbo.contact;

import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An outcome as stored.
 *
 * @param created false when the same outcome had already been recorded (an idempotent replay)
 */
public record RecordedOutcome(String decisionId, String offerId, String customerId, Channel channel,
                              ContactEventType outcome, Instant occurredAt, Instant recordedAt, BigDecimal amount,
                              boolean created) {
}
