package io.nbo.learning.service;

import io.nbo.decision.core.learning.Counts;
import io.nbo.decision.core.learning.LearnedCounts;
import io.nbo.decision.core.learning.LearnedPropensity;
import io.nbo.learning.persistence.LearningStore;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.service.ProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Feeds learning from live decisions and outcomes without blocking either: a decision or an outcome only adds to
 * counters in memory (or a queue); {@link #flush()}, run every {@code nbo.learning.flush-interval} off the request
 * threads, resolves the responding customers' segments (profile cache), adds everything to the database in one batch,
 * and puts counts back to be tried again if the database refused. A contact counts at three levels: the offer, the
 * offer in the customer's segment, and in that segment on the channel.
 */
@ApplicationScoped
public class LearningFeed {

    private static final Logger LOG = Logger.getLogger(LearningFeed.class);
    /** Responses waiting for their segment; past this, new ones are counted as lost (see metrics in the log). */
    static final int MAX_WAITING = 1_000_000;

    private record Response(String customerId, String offerId, String channel) {
    }

    private final LearningStore store;
    private final ProfileStore profiles;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicLong> contacts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Map<String, Counts> retry = new HashMap<>();

    public LearningFeed(LearningStore store, ProfileStore profiles, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** An offer made to a customer of this segment on this channel (a decision, not a dry run). */
    public void offered(String offerId, String segment, String channel) {
        for (String key : keys(offerId, segment, channel)) {
            contacts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** The first response (accepted or purchased) to an offer a decision made. */
    public void responded(String customerId, String offerId, String channel) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            lost.incrementAndGet();
            return;
        }
        responses.add(new Response(customerId, offerId, channel));
    }

    /** Adds what was gathered to the database; returns how many keys were written. */
    public synchronized int flush() {
        Map<String, Counts> batch = new HashMap<>(retry);
        retry.clear();
        for (String key : contacts.keySet()) {
            long n = contacts.get(key).getAndSet(0);
            if (n > 0) {
                batch.merge(key, new Counts(n, 0), Counts::plus);
            }
        }
        for (Response r = responses.poll(); r != null; r = responses.poll()) {
            waiting.decrementAndGet();
            String id = r.customerId();
            String segment;
            try {
                segment = LearnedPropensity.segmentOf(profiles.find(id).orElseGet(
                        () -> CustomerProfile.anonymous(id, ZoneId.of("UTC"))));
            } catch (RuntimeException profileAway) {
                segment = null; // the profile cannot be read now (database away): count it for the offer alone
            }
            String[] keys = segment == null
                    ? new String[] {LearnedCounts.key(r.offerId(), LearnedCounts.ANY, LearnedCounts.ANY)}
                    : keys(r.offerId(), segment, r.channel());
            for (String key : keys) {
                batch.merge(key, new Counts(0, 1), Counts::plus);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            store.add(batch, clock.instant());
            return batch.size();
        } catch (RuntimeException e) {
            retry.putAll(batch);
            LOG.warnf("Learned counts for %d keys kept for the next flush: %s", batch.size(), e.getMessage());
            return 0;
        }
    }

    /** Responses dropped because too many waited (the database away for long). */
    public long lost() {
        return lost.get();
    }

    private static String[] keys(String offerId, String segment, String channel) {
        return new String[] {LearnedCounts.key(offerId, LearnedCounts.ANY, LearnedCounts.ANY),
                LearnedCounts.key(offerId, segment, LearnedCounts.ANY), LearnedCounts.key(offerId, segment, channel)};
    }
}
