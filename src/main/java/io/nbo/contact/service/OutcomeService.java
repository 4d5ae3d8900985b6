package io.nbo.contact.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.common.persistence.DatabaseFailures;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.contact.persistence.OutcomeRepository;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.learning.service.LearningFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Records what happened to the offers of a decision. Idempotent: the same decision, offer and outcome is stored once
 * and a repeat returns what was stored. An outcome is acknowledged once it is in the journal ({@link DecisionLog}) and
 * written to the database with the log, after its decision; it joins the customer's contact history at once, so the
 * next decision already sees it. Recent decisions are found in memory, so outcomes are taken while the database is
 * away.
 */
@ApplicationScoped
public class OutcomeService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final DecisionLog log;
    private final DecisionLogRepository decisions;
    private final OutcomeRepository outcomes;
    private final ContactHistoryStore histories;
    private final Clock clock;
    private final LearningFeed learning;

    public OutcomeService(DecisionLog log, DecisionLogRepository decisions, OutcomeRepository outcomes,
                          ContactHistoryStore histories, Clock clock, LearningFeed learning) {
        this.learning = learning;
        this.log = log;
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.histories = histories;
        this.clock = clock;
    }

    /** What a caller reports: the offer, the outcome, when (null = now) and, for a purchase, its value. */
    public record Report(String offerId, ContactEventType outcome, Instant at, BigDecimal value) {
    }

    public RecordedOutcome record(String decisionId, Report report) {
        LoggedDecision decision = decision(decisionId);
        LoggedDecision.Made made = decision.offer(report.offerId()).orElseThrow(() -> new UnprocessableProblem(
                "decision " + decisionId + " did not make offer '" + report.offerId() + "'; it made "
                        + (decision.offers().isEmpty() ? "no offer" : decision.offers().stream()
                        .map(LoggedDecision.Made::offerId).collect(Collectors.joining(", ")))));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = (report.at() == null ? now : report.at()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldProblem("at", "at " + at + " is in the future (server time " + now + ")");
        }
        if (at.isBefore(decision.decidedAt())) {
            throw new InvalidFieldProblem("at", "at " + at + " is before the decision was made ("
                    + decision.decidedAt() + ")");
        }
        RecordedOutcome reported = new RecordedOutcome(decisionId, made.offerId(), decision.customerId(),
                made.channel(), report.outcome(), at, now, report.value(), true);
        RecordedOutcome stored = log.pendingOutcome(reported).or(() -> stored(reported))
                .orElseGet(() -> log.recordOutcome(reported, made.offerGroup()));
        if (!stored.created() && !sameValue(stored.amount(), report.value())) {
            throw new ConflictProblem("outcome " + report.outcome().code() + " of offer " + made.offerId()
                    + " in decision " + decisionId + " is already recorded with value " + stored.amount()
                    + "; an outcome is recorded once");
        }
        if (stored.created()) {
            if (response(stored.outcome()) && histories.history(decision.customerId()).events().stream()
                    .noneMatch(e -> e.decisionId().equals(decisionId) && e.offerId().equals(made.offerId())
                            && response(e.type()) && e.type() != stored.outcome())) {
                learning.responded(decision.customerId(), made.offerId(), made.channel().code());
            }
            histories.append(decision.customerId(), List.of(new ContactEvent(decisionId, made.offerId(),
                    made.offerGroup(), made.channel(), stored.outcome(), stored.occurredAt(), stored.amount())));
        }
        return new RecordedOutcome(stored.decisionId(), stored.offerId(), stored.customerId(), made.channel(),
                stored.outcome(), stored.occurredAt(), stored.recordedAt(), stored.amount(), stored.created());
    }

    /**
     * A decision: waiting to be written or made recently (memory, no database read), else from the database. While
     * the database cannot be reached, a decision in neither place is answered 503 (it may exist; we cannot tell).
     */
    public LoggedDecision decision(String decisionId) {
        Optional<LoggedDecision> known = log.find(decisionId);
        if (known.isPresent()) {
            return known.get();
        }
        if (log.state().databaseDown()) {
            throw databaseAway(decisionId);
        }
        try {
            return decisions.find(decisionId).orElseThrow(() -> new NotFoundProblem("No decision with id '"
                    + decisionId + "'; quote the decisionId a decision answer returned"));
        } catch (RuntimeException e) {
            if (DatabaseFailures.unreachable(e)) {
                throw databaseAway(decisionId);
            }
            throw e;
        }
    }

    /**
     * The same outcome already in the database, if the database can tell. While it cannot be reached the report is
     * taken as new: it is written idempotently later (a repeat of an outcome stored before the outage then changes
     * nothing, though its answer said created).
     */
    private Optional<RecordedOutcome> stored(RecordedOutcome reported) {
        if (log.state().databaseDown()) {
            return Optional.empty();
        }
        try {
            return outcomes.find(reported);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unreachable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static UnavailableProblem databaseAway(String decisionId) {
        return new UnavailableProblem("decision " + decisionId + " is not among this server's recent decisions and "
                + "the database cannot be reached to look it up; try again shortly", 5);
    }

    /** What learning counts as a response: an accepted or purchased offer (the first of them per offer made). */
    static boolean response(ContactEventType type) {
        return type == ContactEventType.ACCEPTED || type == ContactEventType.PURCHASED;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
