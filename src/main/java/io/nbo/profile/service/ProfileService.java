package io.nbo.profile.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.event.service.SegmentReevaluation;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerEntity;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ProfileMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.nbo.event.persistence.BaselineRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes and admin reads of customer profiles. After every write commits, the customers' segments are re-evaluated
 * against the segment rows (the written profile may now meet or miss a row) and then the cached copy is dropped.
 */
@ApplicationScoped
public class ProfileService {

    private final CustomerRepository repository;
    private final ProfileStore store;
    private final SegmentReevaluation segments;
    private final BaselineRepository baselines;
    private final DataSource dataSource;
    private final Clock clock;

    public ProfileService(CustomerRepository repository, ProfileStore store, SegmentReevaluation segments,
                          BaselineRepository baselines, DataSource dataSource, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.segments = segments;
        this.baselines = baselines;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public CustomerProfile get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundProblem("No customer with id '" + id + "'"));
    }

    public List<CustomerProfile> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findAll(Sort.by("id"))
                .page(Page.of(page, size)).list().stream().map(ProfileMapper::toProfile).toList());
    }

    public long count() {
        return QuarkusTransaction.requiringNew().call(repository::count);
    }

    public CustomerProfile create(CustomerProfile profile) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.findById(profile.id()) != null) {
                throw new ConflictProblem("A customer with id '" + profile.id() + "' already exists; use PUT");
            }
            repository.persist(ProfileMapper.fill(new CustomerEntity(), profile));
            rebase(List.of(profile), Map.of());
        });
        segments.reevaluate(List.of(profile.id()));
        store.invalidate(profile.id());
        return profile;
    }

    public CustomerProfile update(CustomerProfile profile) {
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerEntity entity = repository.findById(profile.id());
            if (entity == null) {
                throw new NotFoundProblem("No customer with id '" + profile.id() + "'");
            }
            Map<String, BaselineRepository.Figures> before = figures(List.of(profile));
            ProfileMapper.fill(entity, profile);
            rebase(List.of(profile), before);
        });
        segments.reevaluate(List.of(profile.id()));
        store.invalidate(profile.id());
        return profile;
    }

    /** Inserts or replaces many profiles in batches; returns how many were written. */
    public int upsertAll(List<CustomerProfile> profiles) {
        int batch = 1000;
        for (int from = 0; from < profiles.size(); from += batch) {
            List<CustomerProfile> slice = profiles.subList(from, Math.min(profiles.size(), from + batch));
            QuarkusTransaction.requiringNew().run(() -> {
                Map<String, BaselineRepository.Figures> before = figures(slice);
                for (CustomerProfile profile : slice) {
                    CustomerEntity entity = repository.findById(profile.id());
                    if (entity == null) {
                        repository.persist(ProfileMapper.fill(new CustomerEntity(), profile));
                    } else {
                        ProfileMapper.fill(entity, profile);
                    }
                }
                rebase(slice, before);
            });
            segments.reevaluate(SegmentReevaluation.ids(slice));
            slice.forEach(p -> store.invalidate(p.id()));
        }
        return profiles.size();
    }

    /** The stored purchase figures, read in the current transaction before the profiles are written. */
    private Map<String, BaselineRepository.Figures> figures(List<CustomerProfile> profiles) {
        try (Connection c = dataSource.getConnection()) {
            return baselines.stored(c, profiles.stream().map(CustomerProfile::id).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("reading profiles failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Makes changed purchase figures the customers' baseline, in the current transaction (after Hibernate's flush). */
    private void rebase(List<CustomerProfile> written, Map<String, BaselineRepository.Figures> before) {
        repository.flush();
        try (Connection c = dataSource.getConnection()) {
            baselines.rebase(c, written, before, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("writing purchase baselines failed (SQLState " + e.getSQLState() + ")",
                    e);
        }
    }

    /** Inserts generated profiles into an empty table in batches, flagged as sample data; no lookups. */
    public void insertSamples(List<CustomerProfile> profiles) {
        int batch = 1000;
        for (int from = 0; from < profiles.size(); from += batch) {
            List<CustomerProfile> slice = profiles.subList(from, Math.min(profiles.size(), from + batch));
            QuarkusTransaction.requiringNew().run(() -> {
                for (CustomerProfile p : slice) {
                    CustomerEntity entity = ProfileMapper.fill(new CustomerEntity(), p);
                    entity.sample = true;
                    repository.persist(entity);
                }
                repository.flush();
                repository.getEntityManager().clear();
            });
        }
    }

    /** How many generated sample customers are stored (never written through the API since). */
    public long countSamples() {
        return QuarkusTransaction.requiringNew().call(() -> repository.count("sample = true"));
    }

    /**
     * Deletes the generated sample customers (never written through the API since) and empties the profile caches;
     * returns how many were deleted.
     */
    public long deleteSamples() {
        long deleted = QuarkusTransaction.requiringNew().call(() -> repository.delete("sample = true"));
        store.clear();
        return deleted;
    }
}
