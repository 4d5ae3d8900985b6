package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Reason;
import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import io.nbo.offer.Offer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An offer still in the running, with what the stages so far have learnt about it.
 *
 * @param eligibleBy       names of the decision-table rows that made it eligible
 * @param contextWeight    product of the weights the rules gave it (1.0 neutral)
 * @param ruleChannel      a channel a rule asked for, or null
 * @param channel          the channel chosen, once the channel stage ran
 * @param channelWhy       why that channel (the sentence is built when an answer shows it)
 * @param score            the arbitration score, once computed
 * @param allowedChannels  the offer's channels the contact policy allows now, or null when no policy ran (all allowed)
 * @param blockedChannels  the offer's channels the contact policy blocks, each with the rule and the reason
 */
public record Candidate(Offer offer, List<String> eligibleBy, double contextWeight, Channel ruleChannel,
                        Channel channel, Reason channelWhy, ScoreFactors score, Set<Channel> allowedChannels,
                        Map<Channel, Blocked> blockedChannels) {

    /**
     * Why the contact policy blocks a channel for this offer.
     *
     * @param rule    the policy rule's name ("consent" when consent is missing and no consent row names the channel)
     * @param why     the sentence with the numbers, built when first read
     * @param consent true when the block is missing consent, false for a rule about contacts (cap, rest, hours)
     */
    public record Blocked(String rule, Reason why, boolean consent) {

        public Blocked {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }

        public String reason() {
            return why.text();
        }
    }

    /**
     * The allowed channels become the shared {@link ChannelSet} of that combination (no copy, a bit test per
     * lookup); the blocked channels' map, made by the policy stage for this candidate alone and never changed
     * afterwards (an EnumMap), is wrapped read-only, not copied, since a decision makes one per eligible offer.
     */
    public Candidate {
        eligibleBy = List.copyOf(eligibleBy);
        allowedChannels = allowedChannels == null ? null : ChannelSet.copyOf(allowedChannels);
        blockedChannels = blockedChannels == null || blockedChannels.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(blockedChannels);
    }

    public static Candidate of(Offer offer) {
        return new Candidate(offer, List.of(), 1.0, null, null, null, null, null, Map.of());
    }

    public String offerId() {
        return offer.id();
    }

    /** Why the chosen channel, or null before the channel stage ran. */
    public String channelReason() {
        return channelWhy == null ? null : channelWhy.text();
    }

    /** True unless the contact policy blocked this channel for this offer. */
    public boolean policyAllows(Channel channel) {
        return allowedChannels == null || allowedChannels.contains(channel);
    }

    public Candidate eligible(List<String> rows, double weight, Channel preferred) {
        return new Candidate(offer, rows, weight, preferred, channel, channelWhy, score, allowedChannels,
                blockedChannels);
    }

    public Candidate withPolicy(Set<Channel> allowed, Map<Channel, Blocked> blocked) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelWhy, score, allowed,
                blocked);
    }

    public Candidate withChannel(Channel chosen, String reason) {
        return withChannel(chosen, Reason.of(reason));
    }

    public Candidate withChannel(Channel chosen, Reason why) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, chosen, why, score, allowedChannels,
                blockedChannels);
    }

    public Candidate withScore(ScoreFactors factors) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelWhy, factors,
                allowedChannels, blockedChannels);
    }
}
