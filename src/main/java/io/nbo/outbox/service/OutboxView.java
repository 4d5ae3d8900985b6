package io.nbo.outbox.service;

import io.nbo.outbox.OutboxEntry;
import java.time.Instant;

/** An outbox entry as delivery systems read it (poll or webhook body). */
public record OutboxView(long id, String idempotencyKey, String customerId, String offerId, String channel,
                         String decisionId, String trigger, String eventId, String status, String reason,
                         Instant deliverAfter, Instant expiresAt, int attempts, Instant deliveredAt,
                         String deliveredBy) {

    public static OutboxView of(OutboxEntry e) {
        return new OutboxView(e.id(), e.idempotencyKey(), e.customerId(), e.offerId(), e.channel(), e.decisionId(),
                e.trigger(), e.eventId(), e.status(), e.reason(), e.deliverAfter(), e.expiresAt(), e.attempts(),
                e.deliveredAt(), e.deliveredBy());
    }
}
