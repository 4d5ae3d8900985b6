package io.nbo.event.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.event.core.AggregateState;
import io.nbo.event.core.Aggregates;
import io.nbo.event.persistence.AggregateRepository;
import io.nbo.event.persistence.EventRepository;
import io.nbo.event.persistence.SegmentRepository;
import io.nbo.profile.service.ProfileStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads for people (the call-centre screen, the customer 360 view): a customer's recent events, purchase summary and
 * segments with the rows that assigned them. Plain methods, so the 360 view can compose them.
 */
@ApplicationScoped
public class EventQueries {

    /** An event as the API shows it: the stored JSON (its own field names) plus when we received it. */
    public record EventView(String eventId, String type, Instant occurredAt, Instant receivedAt,
                            Map<String, Object> event) {
    }

    /**
     * A category or item with its quantity and spend from events; both null for one that only the imported baseline
     * names (an import gives the top categories and items without their counts).
     */
    public record Ranked(String name, Long quantity, BigDecimal amount) {
    }

    /**
     * Purchases at a glance: the 12-month window (frequency, monetary), all kept history (lifetime), the first and
     * last purchase, and the top categories (by spend) and items (by quantity) with their numbers.
     */
    public record PurchaseSummary(int purchases12Months, BigDecimal spend12Months, long purchasesLifetime,
                                  BigDecimal spendLifetime, Instant firstPurchase, Instant lastPurchase,
                                  Integer recencyDays, String lifecycle, Double churnRisk, BigDecimal predictedValue,
                                  List<Ranked> topCategories, List<Ranked> topItems) {
    }

    private final EventRepository events;
    private final AggregateRepository aggregates;
    private final SegmentRepository segments;
    private final ProfileStore profiles;
    private final Clock clock;

    public EventQueries(EventRepository events, AggregateRepository aggregates, SegmentRepository segments,
                        ProfileStore profiles, Clock clock) {
        this.events = events;
        this.aggregates = aggregates;
        this.segments = segments;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The customer's newest events (by when they happened), newest first; 404 for an unknown customer. */
    public List<EventView> recentEvents(String customerId, int limit) {
        known(customerId);
        return QuarkusTransaction.requiringNew().call(() -> events.recent(customerId, limit)).stream()
                .map(e -> new EventView(e.eventId(), e.type().code(), e.occurredAt(), e.receivedAt(),
                        EventJson.read(e.body())))
                .toList();
    }

    public PurchaseSummary purchaseSummary(String customerId) {
        known(customerId);
        AggregateState state = QuarkusTransaction.requiringNew().call(() -> aggregates.load(customerId));
        Aggregates.Derived d = Aggregates.derive(state, clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        long lifetime = state.months().values().stream().mapToLong(AggregateState.Tally::count).sum();
        BigDecimal spend = state.months().values().stream().map(AggregateState.Tally::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new PurchaseSummary(d.frequency(), d.monetary(), lifetime, spend, state.firstPurchase(),
                state.lastPurchase(), d.recencyDays(), d.lifecycle(), d.churnRisk(), d.predictedValue(),
                ranked(state.categories(), d.topCategories()), ranked(state.items(), d.topItems()));
    }

    /** Segments the segment rows assigned, highest priority first, with the row that assigned each. */
    public List<SegmentRepository.Membership> segments(String customerId) {
        known(customerId);
        return QuarkusTransaction.requiringNew().call(() -> segments.of(customerId));
    }

    private static List<Ranked> ranked(Map<String, AggregateState.Tally> all, List<String> top) {
        return top.stream().map(n -> {
                    AggregateState.Tally t = all.get(n);
                    return t == null ? new Ranked(n, null, null) : new Ranked(n, t.count(), t.amount().setScale(2));
                })
                .sorted(Comparator.comparingInt(r -> top.indexOf(r.name()))).toList();
    }

    private void known(String customerId) {
        if (profiles.find(customerId).isEmpty()) {
            throw new NotFoundProblem("No customer with id '" + customerId + "'");
        }
    }
}
