package io.nbo.profile.service;

import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.ProfileReader;
import io.quarkiverse.infinispan.embedded.Embedded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import org.infinispan.Cache;

/**
 * Profiles as the hot path reads them: from the Infinispan cache, read through on a miss with one plain query (no JTA
 * transaction, no Hibernate: {@link ProfileReader}), and invalidated whenever a profile is written. Ids with no
 * customer are remembered briefly (cache {@code unknown-profiles}) so repeated unknown ids do not reach the database
 * either.
 *
 * <p>A read that raced a write must not cache what it read before the write committed: every invalidation bumps a
 * generation (striped by id) before it removes the entry, and a read caches its row only if the generation it started
 * under is unchanged, checking once more after the put (and removing again) to close the gap in between.
 */
@ApplicationScoped
public class ProfileStore {

    private static final int STRIPES = 1024;

    private final Cache<String, CustomerProfile> profiles;
    private final Cache<String, Boolean> unknown;
    private final ProfileReader reader;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    public ProfileStore(@Embedded("profiles") Cache<String, CustomerProfile> profiles,
                        @Embedded("unknown-profiles") Cache<String, Boolean> unknown,
                        ProfileReader reader) {
        this.profiles = profiles;
        this.unknown = unknown;
        this.reader = reader;
    }

    public Optional<CustomerProfile> find(String customerId) {
        CustomerProfile cached = profiles.get(customerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unknown.containsKey(customerId)) {
            return Optional.empty();
        }
        int stripe = stripe(customerId);
        long generation = generations.get(stripe);
        Optional<CustomerProfile> loaded = reader.find(customerId);
        if (generations.get(stripe) == generation) {
            if (loaded.isPresent()) {
                profiles.putForExternalRead(customerId, loaded.get());
            } else {
                unknown.putForExternalRead(customerId, Boolean.TRUE);
            }
            if (generations.get(stripe) != generation) {
                // A write committed between the check and the put: drop what may be its old row.
                profiles.remove(customerId);
                unknown.remove(customerId);
            }
        }
        return loaded;
    }

    /** Drops any cached copy; called after a write commits. */
    public void invalidate(String customerId) {
        generations.incrementAndGet(stripe(customerId));
        profiles.remove(customerId);
        unknown.remove(customerId);
    }

    /** Empties both caches (tests, bulk reloads). */
    public void clear() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        profiles.clear();
        unknown.clear();
    }

    private static int stripe(String customerId) {
        return Math.floorMod(customerId.hashCode(), STRIPES);
    }
}
