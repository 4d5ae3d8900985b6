package io.nbo.contact.service;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.decision.core.policy.ContactEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the log holds that is not in the database yet, readable by decision id, by outcome and by customer (for a
 * contact history loaded meanwhile). An outcome is claimed by its key before it is journaled, so two callers
 * reporting the same outcome at once record it once; the second waits for the first to be durable.
 */
final class PendingLog {

    /** An outcome claimed for recording; {@code durable} completes true once journaled, false if that failed. */
    record Claim(RecordedOutcome outcome, CompletableFuture<Boolean> durable) {
    }

    private final ConcurrentHashMap<String, LoggedDecision> decisions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Claim> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<LogEntry>> byCustomer = new ConcurrentHashMap<>();

    void add(LogEntry entry) {
        if (entry instanceof LogEntry.Decided d) {
            decisions.put(d.decision().id(), d.decision());
        } else if (entry instanceof LogEntry.Reported r) {
            outcomes.putIfAbsent(r.key(), new Claim(r.outcome(), CompletableFuture.completedFuture(true)));
        }
        byCustomer.compute(entry.customerId(), (id, entries) -> {
            Set<LogEntry> set = entries == null ? ConcurrentHashMap.newKeySet() : entries;
            set.add(entry);
            return set;
        });
    }

    /** Claims the outcome's key; empty if this caller now records it, else the claim that came first. */
    Optional<Claim> claim(RecordedOutcome outcome) {
        Claim mine = new Claim(outcome, new CompletableFuture<>());
        Claim earlier = outcomes.putIfAbsent(LogEntry.Reported.key(outcome), mine);
        return Optional.ofNullable(earlier);
    }

    /** The claim made by {@link #claim}, now journaled and waiting to be written. */
    void claimed(LogEntry.Reported entry) {
        Claim claim = outcomes.get(entry.key());
        byCustomer.compute(entry.customerId(), (id, entries) -> {
            Set<LogEntry> set = entries == null ? ConcurrentHashMap.newKeySet() : entries;
            set.add(entry);
            return set;
        });
        if (claim != null) {
            claim.durable().complete(true);
        }
    }

    /** Gives up a claim whose outcome could not be journaled; whoever waits on it is told so. */
    void unclaim(RecordedOutcome outcome) {
        Claim claim = outcomes.remove(LogEntry.Reported.key(outcome));
        if (claim != null) {
            claim.durable().complete(false);
        }
    }

    void remove(LogEntry entry) {
        if (entry instanceof LogEntry.Decided d) {
            decisions.remove(d.decision().id());
        } else if (entry instanceof LogEntry.Reported r) {
            outcomes.remove(r.key());
        }
        byCustomer.computeIfPresent(entry.customerId(), (id, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }

    Optional<LoggedDecision> decision(String id) {
        return Optional.ofNullable(decisions.get(id));
    }

    boolean holds(String decisionId) {
        return decisions.containsKey(decisionId);
    }

    Optional<Claim> outcome(RecordedOutcome like) {
        return Optional.ofNullable(outcomes.get(LogEntry.Reported.key(like)));
    }

    List<ContactEvent> events(String customerId) {
        Set<LogEntry> entries = byCustomer.get(customerId);
        if (entries == null) {
            return List.of();
        }
        List<ContactEvent> events = new ArrayList<>();
        for (LogEntry entry : entries) {
            events.addAll(entry.events());
        }
        return events;
    }

    /** The customer's decisions still waiting to be written. */
    List<LoggedDecision> decisions(String customerId) {
        Set<LogEntry> entries = byCustomer.get(customerId);
        if (entries == null) {
            return List.of();
        }
        List<LoggedDecision> out = new ArrayList<>();
        for (LogEntry entry : entries) {
            if (entry instanceof LogEntry.Decided decided) {
                out.add(decided.decision());
            }
        }
        return out;
    }

    int size() {
        return decisions.size() + outcomes.size();
    }
}
