package io.nbo.profile.service;

import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerEntity;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ProfileMapper;
import io.quarkiverse.infinispan.embedded.Embedded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.infinispan.Cache;

/**
 * Profiles as the hot path reads them: from the Infinispan cache, read through from the database on a miss, and
 * invalidated whenever a profile is written. Ids with no customer are remembered briefly (cache
 * {@code unknown-profiles}) so repeated unknown ids do not reach the database either.
 */
@ApplicationScoped
public class ProfileStore {

    private final Cache<String, CustomerProfile> profiles;
    private final Cache<String, Boolean> unknown;
    private final CustomerRepository repository;

    public ProfileStore(@Embedded("profiles") Cache<String, CustomerProfile> profiles,
                        @Embedded("unknown-profiles") Cache<String, Boolean> unknown,
                        CustomerRepository repository) {
        this.profiles = profiles;
        this.unknown = unknown;
        this.repository = repository;
    }

    public Optional<CustomerProfile> find(String customerId) {
        CustomerProfile cached = profiles.get(customerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unknown.containsKey(customerId)) {
            return Optional.empty();
        }
        CustomerProfile loaded = QuarkusTransaction.requiringNew().call(() -> {
            CustomerEntity entity = repository.findById(customerId);
            return entity == null ? null : ProfileMapper.toProfile(entity);
        });
        if (loaded == null) {
            unknown.putForExternalRead(customerId, Boolean.TRUE);
            return Optional.empty();
        }
        profiles.putForExternalRead(customerId, loaded);
        return Optional.of(loaded);
    }

    /** Drops any cached copy; called after a write commits. */
    public void invalidate(String customerId) {
        profiles.remove(customerId);
        unknown.remove(customerId);
    }

    /** Empties both caches (tests, bulk reloads). */
    public void clear() {
        profiles.clear();
        unknown.clear();
    }
}
