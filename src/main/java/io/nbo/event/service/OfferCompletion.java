package io.nbo.event.service;

import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.UnprocessableProblem;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.OutcomeService;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.event.core.CustomerEvent;
import io.nbo.event.persistence.EventRepository;
import io.nbo.offer.completion.CompletionTerms;
import io.nbo.offer.completion.CompletionTermsStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Completes offers from purchases: for each offer with completion terms that a decision made to this customer (its
 * contact history), the newest such decision at or before the purchase, the purchases within the terms' window are
 * added up ({@link CompletionTerms#completion}: "spend 10 in 7 days" is met by 4 and then 7, each stored purchase
 * counted once, a named category counting only its lines). When they meet the terms, the {@code purchased} outcome is
 * recorded on that decision, at the purchase that reached the terms, with the qualifying spend so far as its value.
 * An offer already purchased on that decision is complete: a later purchase changes nothing. A repeated event never
 * gets here (it is a duplicate), so a purchase cannot be counted twice.
 */
@ApplicationScoped
public class OfferCompletion {

    private static final Logger LOG = Logger.getLogger(OfferCompletion.class);

    private final ContactHistoryStore histories;
    private final CompletionTermsStore terms;
    private final OutcomeService outcomes;
    private final EventRepository events;

    public OfferCompletion(ContactHistoryStore histories, CompletionTermsStore terms, OutcomeService outcomes,
                           EventRepository events) {
        this.histories = histories;
        this.terms = terms;
        this.outcomes = outcomes;
        this.events = events;
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
        List<String> done = new ArrayList<>();
        for (CompletionTerms t : terms.of(newest.keySet())) {
            ContactEvent offered = newest.get(t.offerId());
            Instant windowEnd = offered.at().plus(Duration.ofDays(t.withinDays()));
            if (purchase.occurredAt().isAfter(windowEnd) || purchased.contains(offered.decisionId() + "/"
                    + t.offerId())) {
                continue;
            }
            // Every purchase in the window, this one included (stored just before), each once by its event id.
            List<CompletionTerms.Purchase> inWindow = events.purchasesBetween(purchase.customerId(), offered.at(),
                    windowEnd).stream().map(e -> new CompletionTerms.Purchase(e.eventId(), e.occurredAt(),
                    e.amount(), EventJson.lines(e.body()))).toList();
            Optional<CompletionTerms.Completed> completed = t.completion(inWindow);
            if (completed.isEmpty()) {
                continue;
            }
            try {
                outcomes.record(offered.decisionId(), new OutcomeService.Report(t.offerId(),
                        ContactEventType.PURCHASED, completed.get().by().at(), completed.get().spend()));
                done.add(t.offerId() + " (decision " + offered.decisionId() + ")");
            } catch (ConflictProblem | UnprocessableProblem | InvalidFieldProblem e) {
                // Recorded meanwhile with another value, or the decision is not one we can add to: left as it is.
                LOG.debugf("offer completion skipped for decision %s: %s", offered.decisionId(), e.getMessage());
            }
        }
        return done;
    }
}
