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
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.infinispan.Cache;

/**
 * Customers' contact histories as the hot path reads them: from the Infinispan cache {@code contact-history}, loaded
 * on a miss from the database plus the decisions and outcomes still waiting in the log, and kept current by appending each
 * decision and outcome as it happens. A lock per customer (striped) orders a load against concurrent appends, so an
 * event is never lost between the database read and the cache write; appends are idempotent by event key.
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
            // Pending first, then the database: an entry written in between is then found in one or the other.
            List<ContactEvent> pending = log.pendingEvents(customerId);
            Instant horizon = clock.instant().minus(lookBack);
            ContactHistory loaded = new ContactHistory(customerId, repository.history(customerId, horizon));
            for (ContactEvent event : pending) {
                loaded = loaded.with(event);
            }
            cache.put(customerId, loaded);
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    /** Adds events to a cached history (a history not in the cache is loaded complete on its next read). */
    public void append(String customerId, List<ContactEvent> events) {
        ReentrantLock lock = lock(customerId);
        lock.lock();
        try {
            ContactHistory cached = cache.get(customerId);
            if (cached != null) {
                ContactHistory next = cached;
                for (ContactEvent event : events) {
                    next = next.with(event);
                }
                cache.put(customerId, next.since(clock.instant().minus(lookBack)));
            }
        } finally {
            lock.unlock();
        }
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
