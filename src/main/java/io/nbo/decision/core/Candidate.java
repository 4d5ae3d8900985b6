package io.nbo.decision.core;

import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An offer still in the running, with what the stages so far have learnt about it.
 *
 * @param eligibleBy       names of the decision-table rows that made it eligible
 * @param contextWeight    product of the weights the rules gave it (1.0 neutral)
 * @param ruleChannel      a channel a rule asked for, or null
 * @param channel          the channel chosen, once the channel stage ran
 * @param channelReason    why that channel
 * @param score            the arbitration score, once computed
 * @param allowedChannels  the offer's channels the contact policy allows now, or null when no policy ran (all allowed)
 * @param blockedChannels  the offer's channels the contact policy blocks, each with the reason
 */
public record Candidate(Offer offer, List<String> eligibleBy, double contextWeight, Channel ruleChannel,
                        Channel channel, String channelReason, ScoreFactors score, Set<Channel> allowedChannels,
                        Map<Channel, String> blockedChannels) {

    public Candidate {
        eligibleBy = List.copyOf(eligibleBy);
        allowedChannels = allowedChannels == null ? null : Set.copyOf(allowedChannels);
        blockedChannels = blockedChannels == null ? Map.of() : Map.copyOf(blockedChannels);
    }

    public static Candidate of(Offer offer) {
        return new Candidate(offer, List.of(), 1.0, null, null, null, null, null, Map.of());
    }

    public String offerId() {
        return offer.id();
    }

    /** True unless the contact policy blocked this channel for this offer. */
    public boolean policyAllows(Channel channel) {
        return allowedChannels == null || allowedChannels.contains(channel);
    }

    public Candidate eligible(List<String> rows, double weight, Channel preferred) {
        return new Candidate(offer, rows, weight, preferred, channel, channelReason, score, allowedChannels,
                blockedChannels);
    }

    public Candidate withPolicy(Set<Channel> allowed, Map<Channel, String> blocked) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, score, allowed,
                blocked);
    }

    public Candidate withChannel(Channel chosen, String reason) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, chosen, reason, score, allowedChannels,
                blockedChannels);
    }

    public Candidate withScore(ScoreFactors factors) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, factors,
                allowedChannels, blockedChannels);
    }
}
