package io.nbo.contact.persistence;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import java.util.List;

/** Where the decision log and its outcomes are kept for good: the database. */
public interface LogStore {

    /**
     * Writes the decisions (with their offers) and then the outcomes, all or nothing. Idempotent: a decision or
     * outcome already stored is left as it is, so a batch can be written again after a crash or a lost commit answer.
     */
    void write(List<LoggedDecision> decisions, List<RecordedOutcome> outcomes);
}
