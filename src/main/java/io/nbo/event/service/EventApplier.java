package io.nbo.event.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.decision.core.Situation;
import io.nbo.event.core.AggregateState;
import io.nbo.event.core.Aggregates;
import io.nbo.event.core.CustomerEvent;
import io.nbo.event.core.EventType;
import io.nbo.event.persistence.AggregateRepository;
import io.nbo.event.persistence.EventRepository;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.ProfileAggregateWriter;
import io.nbo.profile.persistence.ProfileReader;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.vocabulary.Offers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies one new event inside the caller's transaction, with the customer's row locked: stores it (or finds it was
 * seen), adds it to the aggregate state, follows a newer consent change, writes the derived aggregates onto the
 * profile row, re-evaluates the segment rows and fires the trigger rows of the live rule set, and completes offers a
 * purchase qualifies for.
 */
@ApplicationScoped
public class EventApplier {

    /** What happened to one event: {@code accepted}, or {@code duplicate} (seen before; nothing changed). */
    public record Applied(String eventId, String status, List<TriggerFiring.Triggered> triggered,
                          List<String> offersCompleted) {
    }

    private final EventRepository events;
    private final AggregateRepository aggregates;
    private final ProfileAggregateWriter writer;
    private final ProfileReader reader;
    private final RuleEngine rules;
    private final SegmentKeeper segments;
    private final TriggerFiring triggers;
    private final OfferCompletion completion;

    public EventApplier(EventRepository events, AggregateRepository aggregates, ProfileAggregateWriter writer,
                        ProfileReader reader, RuleEngine rules, SegmentKeeper segments, TriggerFiring triggers,
                        OfferCompletion completion) {
        this.events = events;
        this.aggregates = aggregates;
        this.writer = writer;
        this.reader = reader;
        this.rules = rules;
        this.segments = segments;
        this.triggers = triggers;
        this.completion = completion;
    }

    public Applied apply(CustomerEvent e, Instant now, String requestedBy) {
        Optional<String> seen = events.storedFor(e.eventId());
        if (seen.isPresent()) {
            if (!seen.get().equals(e.customerId())) {
                throw new ConflictProblem("event id '" + e.eventId() + "' was already used for another customer; "
                        + "every event needs its own id; nothing was stored");
            }
            return new Applied(e.eventId(), "duplicate", List.of(), List.of());
        }
        events.insert(e, EventJson.write(e), now);
        aggregates.apply(e);
        followConsent(e);
        AggregateState state = aggregates.load(e.customerId());
        writer.write(e.customerId(), profileValues(Aggregates.derive(state, now.atZone(ZoneOffset.UTC).toLocalDate())),
                now);
        CustomerProfile profile = reader.find(e.customerId()).orElseThrow();
        Channel touchpoint = e.channel() == null ? Channel.WEB : e.channel();
        LocalDateTime local = LocalDateTime.ofInstant(e.occurredAt(), profile.timeZone());
        CompiledRuleSet live = rules.live();
        List<TriggerFiring.Triggered> fired = List.of();
        if (live != null) {
            Offers actions = live.actions(new Situation(profile, touchpoint, context(e), local, 1, now));
            if (segments.keep(e.customerId(), actions.segmentAssignments(), live.version(), now)) {
                profile = reader.find(e.customerId()).orElseThrow();
            }
            if (!actions.triggers().isEmpty()) {
                fired = triggers.fire(e, profile, touchpoint, local.toLocalTime(), actions.triggers(), now,
                        requestedBy);
            }
        }
        List<String> completed = e.type() == EventType.PURCHASE ? completion.complete(e) : List.of();
        return new Applied(e.eventId(), "accepted", fired, completed);
    }

    private void followConsent(CustomerEvent e) {
        boolean granted;
        if (e.type() == EventType.CONSENT_CHANGED) {
            granted = Boolean.TRUE.equals(e.granted());
        } else if (e.type() == EventType.UNSUBSCRIBED) {
            granted = false;
        } else {
            return;
        }
        if (aggregates.consent(e.customerId(), e.channel(), granted, e.occurredAt(), e.eventId())) {
            TreeSet<String> consents = new TreeSet<>(writer.codes(e.customerId(), "consents"));
            if (granted ? consents.add(e.channel().code()) : consents.remove(e.channel().code())) {
                writer.setCodes(e.customerId(), "consents", List.copyOf(consents));
            }
        }
    }

    /** What a table sees of the event: its type as {@code event}, and the other values the client sent. */
    private static Map<String, String> context(CustomerEvent e) {
        Map<String, String> context = new HashMap<>(e.attributes());
        context.put("event", e.type().code());
        if (!e.items().isEmpty() && e.items().get(0).category() != null) {
            context.putIfAbsent("category", e.items().get(0).category());
        }
        return context;
    }

    static ProfileAggregateWriter.Aggregates profileValues(Aggregates.Derived d) {
        return new ProfileAggregateWriter.Aggregates(d.recencyDays(), d.frequency(), d.monetary(), d.topCategories(),
                d.topItems(), d.preferredChannels().stream().map(Channel::code).toList(), d.lifecycle(),
                d.churnRisk(), d.predictedValue());
    }
}
