package io.nbo.decision.core;

import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import java.util.List;

/**
 * An offer still in the running, with what the stages so far have learnt about it.
 *
 * @param eligibleBy       names of the decision-table rows that made it eligible
 * @param contextWeight    product of the weights the rules gave it (1.0 neutral)
 * @param ruleChannel      a channel a rule asked for, or null
 * @param channel          the channel chosen, once the channel stage ran
 * @param channelReason    why that channel
 * @param score            the arbitration score, once computed
 */
public record Candidate(Offer offer, List<String> eligibleBy, double contextWeight, Channel ruleChannel,
                        Channel channel, String channelReason, ScoreFactors score) {

    public Candidate {
        eligibleBy = List.copyOf(eligibleBy);
    }

    public static Candidate of(Offer offer) {
        return new Candidate(offer, List.of(), 1.0, null, null, null, null);
    }

    public String offerId() {
        return offer.id();
    }

    public Candidate eligible(List<String> rows, double weight, Channel preferred) {
        return new Candidate(offer, rows, weight, preferred, channel, channelReason, score);
    }

    public Candidate withChannel(Channel chosen, String reason) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, chosen, reason, score);
    }

    public Candidate withScore(ScoreFactors factors) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, factors);
    }
}
