package io.nbo.contact.service;

import io.nbo.config.NboConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactHistorySource;
import io.quarkiverse.infinispan.embedded.Embedded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.infinispan.Cache;

/**
 * Customers' contact histories as the hot path reads them: from the Infinispan cache {@code contact-history} (local on
 * one node, distributed with two owners on several), loaded on a miss from the database plus the decisions and outcomes
 * still waiting in this node's log, and kept current by appending each decision and outcome as it happens.
 *
 * <p>Appends are atomic across nodes: a compare-and-set loop ({@code replace(key, expected, next)} runs on the key's
 * primary owner, under its lock), so an outcome appended on one node and a decision on another never overwrite each
 * other. A history not cached when an append comes is loaded (database + this node's waiting entries) with the events
 * added and put only if still absent; otherwise the loop appends to what another node put. Loads of the same customer
 * on this node are ordered by a striped lock. The check-then-append race of two decisions for one customer is closed
 * one level up, by {@link CustomerLeases}.
 */
@ApplicationScoped
public class ContactHistoryStore implements ContactHistorySource {

    private static final int STRIPES = 1024;

    private final Cache<String, ContactHistory> cache;
    private final DecisionLogRepository repository;
    private final DecisionLog log;
    private final Clock clock;
    private final Duration lookBack;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ContactHistoryStore(@Embedded("contact-history") Cache<String, ContactHistory> cache,
                               DecisionLogRepository repository, DecisionLog log, Clock clock, NboConfig config) {
        this.cache = cache;
        this.repository = repository;
        this.log = log;
        this.clock = clock;
        this.lookBack = Duration.ofDays(config.contact().historyDays());
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public ContactHistory history(String customerId) {
        ContactHistory cached = cache.get(customerId);
        if (cached != null) {
            return cached;
        }
        ReentrantLock lock = lock(customerId);
        lock.lock();
        try {
            cached = cache.get(customerId);
            if (cached != null) {
                return cached;
            }
            ContactHistory loaded = load(customerId);
            ContactHistory other = cache.putIfAbsent(customerId, loaded);
            return other == null ? loaded : other;
        } finally {
            lock.unlock();
        }
    }

    /** Adds events to the customer's history, atomically whichever node appends at the same time. */
    public void append(String customerId, List<ContactEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant horizon = clock.instant().minus(lookBack);
        while (true) {
            ContactHistory cached = cache.get(customerId);
            if (cached == null) {
                // Loaded complete (database + this node's waiting entries) and put unless another node put one first;
                // either way the events are then appended to what the cache holds.
                history(customerId);
                continue;
            }
            ContactHistory next = with(cached, events).since(horizon);
            if (next.equals(cached) || cache.replace(customerId, cached, next)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private static ContactHistory with(ContactHistory history, List<ContactEvent> events) {
        ContactHistory next = history;
        for (ContactEvent event : events) {
            next = next.with(event);
        }
        return next;
    }

    private ContactHistory load(String customerId) {
        // Pending first, then the database: an entry written in between is then found in one or the other.
        List<ContactEvent> pending = log.pendingEvents(customerId);
        Instant horizon = clock.instant().minus(lookBack);
        return with(new ContactHistory(customerId, repository.history(customerId, horizon)), pending);
    }

    /**
     * The histories of a page of customers, for a batch campaign: the cached ones as cached, the others with one
     * read of the database per thousand plus this node's waiting entries. What was read is not cached:
     * a run over millions of customers must not push the real-time hot set out.
     */
    public Map<String, ContactHistory> histories(List<String> ids) {
        Map<String, ContactHistory> out = new HashMap<>(ids.size() * 2);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            ContactHistory cached = cache.get(id);
            if (cached != null) {
                out.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<String, List<ContactEvent>> pending = new HashMap<>();
        for (String id : missing) {
            List<ContactEvent> waiting = log.pendingEvents(id);
            if (!waiting.isEmpty()) {
                pending.put(id, waiting);
            }
        }
        Instant horizon = clock.instant().minus(lookBack);
        Map<String, List<ContactEvent>> stored = new HashMap<>();
        for (int from = 0; from < missing.size(); from += 1000) {
            stored.putAll(repository.histories(missing.subList(from, Math.min(missing.size(), from + 1000)), horizon));
        }
        for (String id : missing) {
            ContactHistory history = new ContactHistory(id, stored.getOrDefault(id, List.of()));
            out.put(id, with(history, pending.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** Drops a cached history (tests, data corrections). */
    public void invalidate(String customerId) {
        cache.remove(customerId);
    }

    public void clear() {
        cache.clear();
    }

    /** The events a decision adds to its customer's history: one {@code offered} per offer made. */
    public static List<ContactEvent> offered(LoggedDecision decision) {
        List<ContactEvent> events = new ArrayList<>();
        for (LoggedDecision.Made made : decision.offers()) {
            events.add(new ContactEvent(decision.id(), made.offerId(), made.offerGroup(), made.channel(),
                    ContactEventType.OFFERED, decision.decidedAt(), null));
        }
        return events;
    }

    private ReentrantLock lock(String customerId) {
        return locks[Math.floorMod(customerId.hashCode(), STRIPES)];
    }
}
