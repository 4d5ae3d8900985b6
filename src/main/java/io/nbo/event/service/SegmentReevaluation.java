package io.nbo.event.service;

import io.nbo.decision.core.Situation;
import io.nbo.event.persistence.EventRepository;
import io.nbo.event.persistence.SegmentRepository;
import io.nbo.event.persistence.SegmentRepository.Membership;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.ProfileAggregateWriter;
import io.nbo.profile.persistence.ProfileReader;
import io.nbo.profile.service.ProfileStore;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.service.RuleEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-evaluates the segment rows of the live rule set for customers whose profile was written without an event (API
 * create, update and bulk, an import batch) and, from {@link SegmentRefresh}, for everyone as time passes. Many
 * customers at a time with a fixed number of statements: one lock, one profile read, one membership read, then only
 * the changed customers written in batches, in one transaction; their cached profiles are dropped after it commits.
 * The profile is evaluated as it is, with no event in the context and the web as the touchpoint.
 */
@ApplicationScoped
public class SegmentReevaluation {

    /** Most customers evaluated in one transaction (and one {@code in (...)} list). */
    static final int CHUNK = 500;

    private final EventRepository events;
    private final ProfileReader reader;
    private final SegmentRepository memberships;
    private final ProfileAggregateWriter writer;
    private final RuleEngine rules;
    private final ProfileStore store;
    private final Clock clock;

    public SegmentReevaluation(EventRepository events, ProfileReader reader, SegmentRepository memberships,
                               ProfileAggregateWriter writer, RuleEngine rules, ProfileStore store, Clock clock) {
        this.events = events;
        this.reader = reader;
        this.memberships = memberships;
        this.writer = writer;
        this.rules = rules;
        this.store = store;
        this.clock = clock;
    }

    /** Re-evaluates these customers (unknown ids are skipped); returns how many changed. */
    public int reevaluate(Collection<String> customerIds) {
        List<String> ids = List.copyOf(new TreeSet<>(customerIds));
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            changed += chunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return changed;
    }

    /**
     * The rule-assigned segments these customers hold now, by id: an import adds them to the segments it writes, so
     * importing the same file again leaves the rows as they are.
     */
    public Map<String, List<String>> held(List<String> customerIds) {
        if (rules.live() == null || customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new HashMap<>();
        memberships.ofAll(customerIds).forEach((id, list) -> out.put(id, list.stream().map(Membership::segment)
                .toList()));
        return out;
    }

    private int chunk(List<String> ids) {
        CompiledRuleSet live = rules.live();
        if (live == null) {
            return 0;
        }
        Instant now = clock.instant();
        Set<String> changed = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> present = events.lockCustomers(new TreeSet<>(ids));
            List<String> locked = ids.stream().filter(present::contains).toList();
            Map<String, CustomerProfile> profiles = reader.findAll(locked);
            return evaluate(memberships, writer::setSegments, live, locked.stream().map(profiles::get).toList(),
                    now);
        });
        changed.forEach(store::invalidate);
        return changed.size();
    }

    /**
     * Re-evaluates an import batch inside its own transaction, on its connection, right after its rows were written:
     * the rows are locked by the write and the profiles are exactly those written, so nothing is read again; the
     * batch and its segments commit together. Returns the ids whose segments changed (drop their cached profiles
     * after the commit).
     */
    public Set<String> inBatch(java.sql.Connection c, List<CustomerProfile> written) {
        CompiledRuleSet live = rules.live();
        if (live == null || written.isEmpty()) {
            return Set.of();
        }
        return evaluate(memberships.on(c), changes -> writer.setSegments(c, changes), live, written,
                clock.instant());
    }

    /** Evaluates the profiles, writes what changed; returns the changed ids. */
    private static Set<String> evaluate(SegmentRepository memberships,
                                        java.util.function.Consumer<Map<String, List<String>>> columns,
                                        CompiledRuleSet live, List<CustomerProfile> profiles, Instant now) {
        Map<String, List<Membership>> before = memberships.ofAll(ids(profiles));
        Map<String, List<Membership>> nextMemberships = new HashMap<>();
        Map<String, List<String>> nextColumns = new HashMap<>();
        for (CustomerProfile profile : profiles) {
            Situation situation = new Situation(profile, Channel.WEB, Map.of(),
                    LocalDateTime.ofInstant(now, profile.timeZone()), 1, now);
            SegmentKeeper.Change change = SegmentKeeper.change(before.getOrDefault(profile.id(), List.of()),
                    profile.segments(), live.actions(situation).segmentAssignments(), live.version(), now);
            if (change.memberships() != null) {
                nextMemberships.put(profile.id(), change.memberships());
            }
            if (change.column() != null) {
                nextColumns.put(profile.id(), change.column());
            }
        }
        memberships.replaceAll(nextMemberships);
        columns.accept(nextColumns);
        Set<String> out = new TreeSet<>(nextMemberships.keySet());
        out.addAll(nextColumns.keySet());
        return out;
    }

    /** Ids as a list, for callers holding profiles. */
    public static List<String> ids(Collection<CustomerProfile> profiles) {
        List<String> out = new ArrayList<>(profiles.size());
        profiles.forEach(p -> out.add(p.id()));
        return out;
    }
}
