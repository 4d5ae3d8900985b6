package io.nbo.event.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.OutcomeService;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.event.core.CustomerEvent;
import io.nbo.offer.completion.CompletionTerms;
import io.nbo.offer.completion.CompletionTermsStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Completes offers from purchases: for each offer with completion terms that a decision made to this customer (its
 * contact history), the newest such decision at or before the purchase, a purchase within the terms' window that
 * meets them records the {@code purchased} outcome on that decision, with the qualifying spend as its value. An
 * offer already purchased on that decision is complete: a later purchase changes nothing.
 */
@ApplicationScoped
public class OfferCompletion {

    private static final Logger LOG = Logger.getLogger(OfferCompletion.class);

    private final ContactHistoryStore histories;
    private final CompletionTermsStore terms;
    private final OutcomeService outcomes;

    public OfferCompletion(ContactHistoryStore histories, CompletionTermsStore terms, OutcomeService outcomes) {
        this.histories = histories;
        this.terms = terms;
        this.outcomes = outcomes;
    }

    /** The offers this purchase completed, as {@code offerId} (decision {@code decisionId}). */
    public List<String> complete(CustomerEvent purchase) {
        Map<String, ContactEvent> newest = new HashMap<>();
        Set<String> purchased = new HashSet<>();
        for (ContactEvent e : histories.history(purchase.customerId()).events()) {
            if (e.type() == ContactEventType.PURCHASED) {
                purchased.add(e.decisionId() + "/" + e.offerId());
            } else if (e.type() == ContactEventType.OFFERED && !e.at().isAfter(purchase.occurredAt())) {
                newest.merge(e.offerId(), e, (a, b) -> a.at().isAfter(b.at()) ? a : b);
            }
        }
        if (newest.isEmpty()) {
            return List.of();
        }
        List<CompletionTerms.Line> lines = purchase.items().stream()
                .map(i -> new CompletionTerms.Line(i.category(), i.total())).toList();
        List<String> done = new ArrayList<>();
        for (CompletionTerms t : terms.of(newest.keySet())) {
            ContactEvent offered = newest.get(t.offerId());
            boolean inWindow = !purchase.occurredAt().isAfter(offered.at().plus(Duration.ofDays(t.withinDays())));
            if (!inWindow || purchased.contains(offered.decisionId() + "/" + t.offerId())
                    || !t.completedBy(purchase.amount(), lines)) {
                continue;
            }
            BigDecimal spend = t.qualifyingSpend(purchase.amount(), lines);
            try {
                outcomes.record(offered.decisionId(), new OutcomeService.Report(t.offerId(),
                        ContactEventType.PURCHASED, purchase.occurredAt(), spend));
                done.add(t.offerId() + " (decision " + offered.decisionId() + ")");
            } catch (ConflictProblem | UnprocessableProblem | InvalidFieldProblem e) {
                // Recorded meanwhile with another value, or the decision is not one we can add to: left as it is.
                LOG.debugf("offer completion skipped for decision %s: %s", offered.decisionId(), e.getMessage());
            }
        }
        return done;
    }
}
