package io.nbo.outbox;

import java.time.Instant;

/**
 * One trigger firing in the outbox: the offer an event triggered, for a delivery system to send.
 *
 * @param idempotencyKey the same for every delivery of this firing: receivers drop a key they have seen
 * @param status         pending (to deliver), delivered, suppressed (the decision's stages dropped the offer,
 *                       {@code reason} says why), expired (its time ran out first), failed (the webhook gave up)
 * @param deliverAfter   not before: the event's time plus the trigger's delay
 * @param expiresAt      not after: the event's time plus the trigger's expiry
 */
public record OutboxEntry(long id, String idempotencyKey, String customerId, String eventId, String trigger,
                          String offerId, String channel, String decisionId, String status, String reason,
                          Instant createdAt, Instant deliverAfter, Instant expiresAt, int attempts,
                          Instant deliveredAt, String deliveredBy) {
}
