package io.nbo.contact.service;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.decision.core.policy.ContactEvent;
import java.util.List;

/** One thing waiting to be written to the database: a decision or an outcome, with the journal segment holding it. */
sealed interface LogEntry {

    long segment();

    String customerId();

    /** A short name for logs and the dead-letter file: no personal data (ids of decisions and offers only). */
    String describe();

    /** What this adds to the customer's contact history. */
    List<ContactEvent> events();

    record Decided(LoggedDecision decision, long segment) implements LogEntry {
        @Override
        public String customerId() {
            return decision.customerId();
        }

        @Override
        public String describe() {
            return "decision " + decision.id();
        }

        @Override
        public List<ContactEvent> events() {
            return ContactHistoryStore.offered(decision);
        }
    }

    record Reported(RecordedOutcome outcome, String offerGroup, long segment) implements LogEntry {
        @Override
        public String customerId() {
            return outcome.customerId();
        }

        @Override
        public String describe() {
            return "outcome " + outcome.outcome().code() + " of offer " + outcome.offerId() + " in decision "
                    + outcome.decisionId();
        }

        @Override
        public List<ContactEvent> events() {
            return List.of(new ContactEvent(outcome.decisionId(), outcome.offerId(), offerGroup, outcome.channel(),
                    outcome.outcome(), outcome.occurredAt(), outcome.amount()));
        }

        /** One of each outcome type per offer of a decision. */
        String key() {
            return key(outcome);
        }

        static String key(RecordedOutcome outcome) {
            return outcome.decisionId() + "/" + outcome.offerId() + "/" + outcome.outcome().name();
        }
    }
}
