package io.nbo.event.service;

import io.nbo.event.persistence.AggregateRepository;
import io.nbo.event.persistence.EventRepository;
import io.nbo.outbox.persistence.FiringRepository;
import io.nbo.outbox.persistence.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes what events left about a customer (the events, the aggregate state, segment memberships, consent changes
 * and outbox entries with the record of what each trigger firing decided), in the erasure's transaction. The profile row and its cached copy are the erasure's own.
 */
@ApplicationScoped
public class EventErasure {

    /** What was deleted. */
    public record Erased(int events, int aggregateRows, int outboxEntries) {
        public static final Erased NOTHING = new Erased(0, 0, 0);
    }

    private final EventRepository events;
    private final AggregateRepository aggregates;
    private final OutboxRepository outbox;
    private final FiringRepository firings;

    public EventErasure(EventRepository events, AggregateRepository aggregates, OutboxRepository outbox,
                        FiringRepository firings) {
        this.events = events;
        this.aggregates = aggregates;
        this.outbox = outbox;
        this.firings = firings;
    }

    public Erased erase(String customerId) {
        firings.deleteFor(customerId);
        return new Erased(events.deleteFor(customerId), aggregates.deleteFor(customerId), outbox.deleteFor(customerId));
    }
}
