package io.nbo.event.service;

import io.nbo.event.persistence.SegmentRepository;
import io.nbo.event.persistence.SegmentRepository.Membership;
import io.nbo.profile.persistence.ProfileAggregateWriter;
import io.nbo.rules.vocabulary.Offers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Keeps a customer's segments in step with the segment rows ({@code offers.segment("name", priority)}) of the live
 * rule set: the rows that hold now are the customer's rule-assigned segments, each with its highest priority and the
 * row that gave it (the first to fire on a tie). Segments set on the profile by hand or import stay; rule-assigned
 * ones that no row holds any more are removed.
 */
@ApplicationScoped
public class SegmentKeeper {

    /**
     * What has to change for one customer: the memberships (null: as they are) and the profile's segments column
     * (null: as it is).
     */
    public record Change(List<Membership> memberships, List<String> column) {
        public boolean any() {
            return memberships != null || column != null;
        }
    }

    private final SegmentRepository memberships;
    private final ProfileAggregateWriter writer;

    public SegmentKeeper(SegmentRepository memberships, ProfileAggregateWriter writer) {
        this.memberships = memberships;
        this.writer = writer;
    }

    /** Brings one customer's memberships up to date; true when they changed (the profile row then changed too). */
    public boolean keep(String customerId, List<Offers.SegmentAssignment> assigned, String ruleSetVersion,
                        Instant now) {
        Change change = change(memberships.of(customerId), writer.codes(customerId, "segments"), assigned,
                ruleSetVersion, now);
        if (change.memberships() != null) {
            memberships.replace(customerId, change.memberships());
        }
        if (change.column() != null) {
            writer.setCodes(customerId, "segments", change.column());
        }
        return change.any();
    }

    /**
     * Works out the change for one customer from what is stored and what the rows assign now. The column keeps the
     * segments set by hand or import, drops rule-assigned segments no row holds any more and gains the ones that do
     * (also after an import rewrote the column without them).
     */
    public static Change change(List<Membership> before, Collection<String> column,
                                List<Offers.SegmentAssignment> assigned, String ruleSetVersion, Instant now) {
        Map<String, Offers.SegmentAssignment> best = new LinkedHashMap<>();
        for (Offers.SegmentAssignment a : assigned) {
            Offers.SegmentAssignment held = best.get(a.segment());
            if (held == null || a.priority() > held.priority()) {
                best.put(a.segment(), a);
            }
        }
        Map<String, Membership> old = new LinkedHashMap<>();
        before.forEach(m -> old.put(m.segment(), m));
        boolean same = old.size() == best.size() && best.values().stream().allMatch(a -> {
            Membership m = old.get(a.segment());
            return m != null && m.priority() == a.priority() && Objects.equals(m.rule(), a.rule());
        });
        List<Membership> next = null;
        if (!same) {
            next = new ArrayList<>(best.size());
            for (Offers.SegmentAssignment a : best.values()) {
                Membership m = old.get(a.segment());
                boolean kept = m != null && m.priority() == a.priority() && m.rule().equals(a.rule());
                next.add(kept ? m : new Membership(a.segment(), a.priority(), a.rule(), ruleSetVersion, now));
            }
        }
        TreeSet<String> was = new TreeSet<>(column);
        TreeSet<String> wanted = new TreeSet<>(column);
        wanted.removeAll(old.keySet());
        wanted.addAll(best.keySet());
        return new Change(next, wanted.equals(was) ? null : List.copyOf(wanted));
    }
}
