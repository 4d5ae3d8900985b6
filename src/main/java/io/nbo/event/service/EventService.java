package io.nbo.event.service;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.config.EventConfig;
import io.nbo.event.core.CustomerEvent;
import io.nbo.event.persistence.EventRepository;
import io.nbo.profile.service.ProfileStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes customer events: checks them against the clock and the customers we hold, then, in ONE database transaction
 * per call, stores each new one (an event id seen before is a duplicate and changes nothing) and applies it
 * ({@link EventApplier}: aggregates, consents, segments, completed offers, triggers). The answer leaves only after
 * the commit, and only after the cached profiles of the customers concerned are dropped: an acknowledged event is in
 * the database, and no profile older than it is served afterwards.
 */
@ApplicationScoped
public class EventService {

    private final EventRepository events;
    private final EventApplier applier;
    private final ProfileStore profiles;
    private final EventConfig config;
    private final Clock clock;

    public EventService(EventRepository events, EventApplier applier, ProfileStore profiles, EventConfig config,
                        Clock clock) {
        this.events = events;
        this.applier = applier;
        this.profiles = profiles;
        this.config = config;
        this.clock = clock;
    }

    /** Checks and applies the events, all or none; {@code prefix} names them in problems ("" or "events"). */
    public List<EventApplier.Applied> ingest(List<CustomerEvent> batch, String prefix, String requestedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < batch.size(); i++) {
            check(batch.get(i), now, field(prefix, i, "occurredAt"));
        }
        Set<String> customers = new TreeSet<>();
        batch.forEach(e -> customers.add(e.customerId()));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // One lock order for every call (sorted ids): two batches never wait for each other in a circle.
                for (String customer : customers) {
                    if (!events.lockCustomer(customer)) {
                        int at = indexOf(batch, customer);
                        throw new UnprocessableProblem(where(prefix, at) + "no customer with id '" + customer
                                + "'; create the profile first (POST /api/customers); nothing was stored");
                    }
                }
                List<EventApplier.Applied> out = new ArrayList<>(batch.size());
                for (CustomerEvent event : batch) {
                    out.add(applier.apply(event, now, requestedBy));
                }
                return out;
            });
        } finally {
            customers.forEach(profiles::invalidate);
        }
    }

    private void check(CustomerEvent e, Instant now, String field) {
        if (e.occurredAt().isAfter(now.plus(config.clockSkew()))) {
            throw new InvalidFieldProblem(field, "occurredAt " + e.occurredAt() + " is in the future (server time "
                    + now + "); send the time the event happened, in UTC or with an offset");
        }
        Instant oldest = now.minus(config.retention());
        if (e.occurredAt().isBefore(oldest)) {
            throw new InvalidFieldProblem(field, "occurredAt " + e.occurredAt() + " is older than the "
                    + config.retention().toDays() + "-day event retention (oldest accepted: " + oldest + ")");
        }
    }

    private static int indexOf(List<CustomerEvent> batch, String customer) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).customerId().equals(customer)) {
                return i;
            }
        }
        return -1;
    }

    private static String field(String prefix, int i, String name) {
        return prefix.isEmpty() ? name : prefix + "[" + i + "]." + name;
    }

    private static String where(String prefix, int i) {
        return prefix.isEmpty() ? "" : prefix + "[" + i + "]: ";
    }
}
