package io.nbo.profile.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.ContactPseudonyms;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.DecisionLog;
import io.nbo.event.service.EventErasure;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ErasureLog;
import io.nbo.security.Pseudonyms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Erases a customer: deletes the profile (with its consents, segments and aggregates) and what events left
 * ({@link EventErasure}: events, aggregate state, segment memberships, consent changes, outbox entries), replaces the id in the
 * decision log and the outcomes with a one-way token ({@link Pseudonyms}) so reports keep their counts, and drops
 * every cached copy (profile, the remembered "unknown" answer, the contact history). Decisions still queued for the
 * log are written first, so none reaches the database with the id afterwards. Idempotent: erasing again finds
 * nothing left and says it was already erased.
 */
@ApplicationScoped
public class CustomerErasure {

    private static final Duration PENDING_WAIT = Duration.ofSeconds(10);

    /**
     * What an erasure did. {@code alreadyErased}: nothing was left, it had been erased on {@code firstErasedAt}.
     * {@code eventsDeleted}, {@code aggregateRowsDeleted}, {@code outboxEntriesDeleted}: what events had left (the
     * events, the aggregate state with segments and consent changes, the triggered offers), deleted.
     */
    public record Erasure(String pseudonym, boolean profileDeleted, int decisionsPseudonymised,
                          int outcomesPseudonymised, Instant erasedAt, boolean alreadyErased, Instant firstErasedAt,
                          int eventsDeleted, int aggregateRowsDeleted, int outboxEntriesDeleted) {
    }

    private final CustomerRepository customers;
    private final ContactPseudonyms contact;
    private final ErasureLog erasures;
    private final Pseudonyms pseudonyms;
    private final DecisionLog log;
    private final ProfileStore profiles;
    private final ContactHistoryStore histories;
    private final Clock clock;
    private final EventErasure events;

    public CustomerErasure(CustomerRepository customers, ContactPseudonyms contact, ErasureLog erasures,
                           Pseudonyms pseudonyms, DecisionLog log, ProfileStore profiles,
                           ContactHistoryStore histories, Clock clock, EventErasure events) {
        this.events = events;
        this.customers = customers;
        this.contact = contact;
        this.erasures = erasures;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.profiles = profiles;
        this.histories = histories;
        this.clock = clock;
    }

    /**
     * Erases whatever we hold about the id: a profile, decisions, outcomes (a visitor without a profile has only the
     * latter). 404 when we hold nothing and never erased it.
     */
    public Erasure erase(String customerId, String by) {
        String token = pseudonyms.token(customerId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        awaitQueuedDecisions(customerId);
        Erasure erasure = QuarkusTransaction.requiringNew().call(() -> {
            EventErasure.Erased activity = events.erase(customerId);
            boolean deleted = customers.deleteById(customerId);
            ContactPseudonyms.Replaced replaced = contact.replace(customerId, token);
            Instant first = erasures.firstErased(token).orElse(null);
            if (!deleted && replaced.none()) {
                if (first == null) {
                    throw new NotFoundProblem("No customer, decision or outcome with customer id '" + customerId
                            + "'; nothing to erase");
                }
                return new Erasure(token, false, 0, 0, now, true, first, 0, 0, 0);
            }
            erasures.record(token, now, by, deleted, replaced.decisions(), replaced.outcomes());
            return new Erasure(token, deleted, replaced.decisions(), replaced.outcomes(), now, false,
                    first == null ? now : first, activity.events(), activity.aggregateRows(),
                    activity.outboxEntries());
        });
        profiles.invalidate(customerId);
        histories.invalidate(customerId);
        return sweepStragglers(customerId, token, by, erasure);
    }

    /** Decisions made before the erasure but still queued for the log are written first, then pseudonymised. */
    private void awaitQueuedDecisions(String customerId) {
        for (LoggedDecision queued : log.pendingFor(customerId)) {
            try {
                if (!log.awaitWritten(queued.id(), PENDING_WAIT)) {
                    throw new UnavailableProblem("decisions for this customer are still waiting to be written to the "
                            + "log; nothing was erased, try again shortly", 5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableProblem("interrupted while waiting for the decision log; nothing was erased", 5);
            }
        }
    }

    /**
     * A decision or outcome in flight while the erasure ran (read before, written after) is caught by a second pass;
     * anything arriving later is a new contact under an id a client sent again.
     */
    private Erasure sweepStragglers(String customerId, String token, String by, Erasure erasure) {
        awaitQueuedDecisions(customerId);
        ContactPseudonyms.Replaced late = QuarkusTransaction.requiringNew().call(() -> {
            ContactPseudonyms.Replaced replaced = contact.replace(customerId, token);
            if (!replaced.none()) {
                erasures.record(token, erasure.erasedAt(), by, false, replaced.decisions(), replaced.outcomes());
            }
            return replaced;
        });
        if (late.none()) {
            return erasure;
        }
        histories.invalidate(customerId);
        return new Erasure(token, erasure.profileDeleted(), erasure.decisionsPseudonymised() + late.decisions(),
                erasure.outcomesPseudonymised() + late.outcomes(), erasure.erasedAt(), false,
                erasure.firstErasedAt(), erasure.eventsDeleted(), erasure.aggregateRowsDeleted(),
                erasure.outboxEntriesDeleted());
    }
}
