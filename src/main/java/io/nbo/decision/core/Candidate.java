package io.nbo.decision.core;

import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import io.nbo.offer.Offer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An offer still in the running, with what the stages so far have learnt about it. Immutable: each stage that learns
 * something makes a new one (the collections are copied once, when they come from outside, and shared after that).
 */
public final class Candidate {

    private final Offer offer;
    private final List<String> eligibleBy;
    private final double contextWeight;
    private final Channel ruleChannel;
    private final Channel channel;
    private final String channelReason;
    private final ScoreFactors score;
    private final ChannelSet allowedChannels;
    private final Map<Channel, String> blockedChannels;

    /**
     * @param eligibleBy      names of the decision-table rows that made it eligible
     * @param contextWeight   product of the weights the rules gave it (1.0 neutral)
     * @param ruleChannel     a channel a rule asked for, or null
     * @param channel         the channel chosen, once the channel stage ran
     * @param channelReason   why that channel
     * @param score           the arbitration score, once computed
     * @param allowedChannels the offer's channels the contact policy allows now, or null when no policy ran (all
     *                        allowed)
     * @param blockedChannels the offer's channels the contact policy blocks, each with the reason
     */
    public Candidate(Offer offer, List<String> eligibleBy, double contextWeight, Channel ruleChannel, Channel channel,
                     String channelReason, ScoreFactors score, Set<Channel> allowedChannels,
                     Map<Channel, String> blockedChannels) {
        this(offer, List.copyOf(eligibleBy), contextWeight, ruleChannel, channel, channelReason, score,
                allowedChannels == null ? null : ChannelSet.copyOf(allowedChannels),
                blockedChannels == null ? Map.of() : Map.copyOf(blockedChannels));
    }

    /** Over values already immutable (this class's own, or copied by the public constructor). */
    private Candidate(Offer offer, List<String> eligibleBy, double contextWeight, Channel ruleChannel, Channel channel,
                      String channelReason, ScoreFactors score, ChannelSet allowedChannels,
                      Map<Channel, String> blockedChannels) {
        this.offer = Objects.requireNonNull(offer, "offer");
        this.eligibleBy = eligibleBy;
        this.contextWeight = contextWeight;
        this.ruleChannel = ruleChannel;
        this.channel = channel;
        this.channelReason = channelReason;
        this.score = score;
        this.allowedChannels = allowedChannels;
        this.blockedChannels = blockedChannels;
    }

    public static Candidate of(Offer offer) {
        return new Candidate(offer, List.of(), 1.0, null, null, null, null, null, Map.of());
    }

    public Offer offer() {
        return offer;
    }

    public String offerId() {
        return offer.id();
    }

    /** Names of the decision-table rows that made it eligible. */
    public List<String> eligibleBy() {
        return eligibleBy;
    }

    /** Product of the weights the rules gave it (1.0 neutral). */
    public double contextWeight() {
        return contextWeight;
    }

    /** A channel a rule asked for, or null. */
    public Channel ruleChannel() {
        return ruleChannel;
    }

    /** The channel chosen, once the channel stage ran. */
    public Channel channel() {
        return channel;
    }

    /** Why that channel. */
    public String channelReason() {
        return channelReason;
    }

    /** The arbitration score, once computed. */
    public ScoreFactors score() {
        return score;
    }

    /** The offer's channels the contact policy allows now, or null when no policy ran (all allowed). */
    public Set<Channel> allowedChannels() {
        return allowedChannels;
    }

    /** The offer's channels the contact policy blocks, each with the reason. */
    public Map<Channel, String> blockedChannels() {
        return blockedChannels;
    }

    /** True unless the contact policy blocked this channel for this offer. */
    public boolean policyAllows(Channel channel) {
        return allowedChannels == null || allowedChannels.contains(channel);
    }

    /** Made eligible by these rows, with their weight and the channel a row asked for (lists copied once here). */
    public Candidate eligible(List<String> rows, double weight, Channel preferred) {
        return new Candidate(offer, List.copyOf(rows), weight, preferred, channel, channelReason, score,
                allowedChannels, blockedChannels);
    }

    public Candidate withPolicy(Set<Channel> allowed, Map<Channel, String> blocked) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, score,
                allowed == null ? null : ChannelSet.copyOf(allowed), blocked == null ? Map.of() : Map.copyOf(blocked));
    }

    public Candidate withChannel(Channel chosen, String reason) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, chosen, reason, score, allowedChannels,
                blockedChannels);
    }

    public Candidate withScore(ScoreFactors factors) {
        return new Candidate(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, factors,
                allowedChannels, blockedChannels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && offer.equals(c.offer) && eligibleBy.equals(c.eligibleBy)
                && Double.compare(contextWeight, c.contextWeight) == 0 && ruleChannel == c.ruleChannel
                && channel == c.channel && Objects.equals(channelReason, c.channelReason)
                && Objects.equals(score, c.score) && Objects.equals(allowedChannels, c.allowedChannels)
                && blockedChannels.equals(c.blockedChannels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offer, eligibleBy, contextWeight, ruleChannel, channel, channelReason, score,
                allowedChannels, blockedChannels);
    }

    @Override
    public String toString() {
        return "Candidate[" + offer.id() + ", eligibleBy=" + eligibleBy + ", weight=" + contextWeight + ", channel="
                + channel + ", score=" + score + "]";
    }
}
