package io.nbo.decision.core;

import java.util.List;

/**
 * One customer on one channel as a batch campaign sees them before anything is chosen: the situation the stages read
 * (policy, history and experiment arms resolved once, at the send time), and every offer that could go, on that
 * channel, with its score.
 *
 * @param options  the offers deliverable on the channel, each with its channel and score factors set
 * @param heldOut  the customer is in an arm that withholds everything (a holdout's control): no options, and the
 *                 campaign records them, as a real-time decision records its control customers
 */
public record Prospect(Situation situation, String ruleSetVersion, List<Candidate> options, boolean heldOut) {

    public Prospect {
        options = List.copyOf(options);
    }
}
