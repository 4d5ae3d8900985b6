package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import io.nbo.profile.CustomerProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stage 7 (run before arbitration, so an offer that cannot reach the customer never takes a slot): picks the channel
 * for each offer among the channels the offer allows and the customer can be reached on. Outbound channels (email,
 * SMS, push, social) need consent; an inbound channel (web, app, store, call centre) counts when the customer is on it
 * now or uses it (it is among their preferred channels). Only channels the contact policy left open are considered,
 * so an offer whose SMS cap is reached falls back to email rather than being dropped. Preference: a channel a rule
 * asked for, then the touchpoint the customer is on, then the channel the customer responds on best, then the offer's
 * first reachable channel.
 */
public final class ChannelStage implements DecisionStage {

    /** Every channel in its natural order, the order reachable channels are listed in. */
    private static final Channel[] CHANNELS = Channel.values();

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        CustomerProfile customer = situation.customer();
        int reach = reachMask(customer, situation.touchpoint());
        for (Candidate candidate : candidates) {
            int open = ChannelSet.copyOf(candidate.offer().channels()).mask() & reach;
            if (candidate.allowedChannels() != null) {
                open &= ChannelSet.copyOf(candidate.allowedChannels()).mask();
            }
            if (open == 0) {
                out.reject(new Rejection(candidate.offerId(), Stage.CHANNEL, "consent", Reason.lazy(() ->
                        "no reachable channel: the offer goes by " + codes(candidate.offer().channels().stream()
                                .sorted().toList()) + "; the customer is on " + situation.touchpoint().code()
                                + " and has consented to " + (customer.consents().isEmpty() ? "no channel"
                                : codes(customer.consents().stream().sorted().toList())) + policyNote(candidate))));
                continue;
            }
            Candidate chosen = choose(candidate, ChannelSet.of(open), situation);
            String passedOver = passedOver(candidate, reach);
            out.keep(passedOver.isEmpty() ? chosen
                    : chosen.withChannel(chosen.channel(), chosen.channelReason() + passedOver));
        }
        return out.build();
    }

    /** The channels this customer can be reached on now: consented outbound ones, the touchpoint, the ones they use. */
    private static int reachMask(CustomerProfile customer, Channel touchpoint) {
        int reach = 0;
        for (Channel channel : CHANNELS) {
            if (reachable(channel, customer, touchpoint)) {
                reach |= ChannelSet.bit(channel);
            }
        }
        return reach;
    }

    static boolean reachable(Channel channel, CustomerProfile customer, Channel touchpoint) {
        if (channel.outbound()) {
            return customer.consentsTo(channel);
        }
        return channel == touchpoint || customer.preferredChannels().contains(channel);
    }

    private static Candidate choose(Candidate candidate, ChannelSet reachable, Situation situation) {
        Channel ruled = candidate.ruleChannel();
        if (ruled != null && reachable.contains(ruled)) {
            return candidate.withChannel(ruled, "asked for by a decision-table row");
        }
        if (ruled != null && candidate.blockedChannels().containsKey(ruled)) {
            Candidate fallback = choose(candidate.eligible(candidate.eligibleBy(), candidate.contextWeight(), null),
                    reachable, situation);
            return candidate.withChannel(fallback.channel(), fallback.channelReason() + "; a decision-table row asked "
                    + "for " + ruled.code() + " but the contact policy blocks it: "
                    + candidate.blockedChannels().get(ruled));
        }
        if (reachable.contains(situation.touchpoint())) {
            return candidate.withChannel(situation.touchpoint(), "the customer is on " + situation.touchpoint().code()
                    + " now");
        }
        for (Channel preferred : situation.customer().preferredChannels()) {
            if (reachable.contains(preferred)) {
                return candidate.withChannel(preferred, "the channel this customer responds on best among those allowed");
            }
        }
        return candidate.withChannel(reachable.iterator().next(),
                "the offer's first channel the customer can be reached on");
    }

    /** The channels the customer could have been reached on that the contact policy blocked, with why. */
    private static String passedOver(Candidate candidate, int reach) {
        if (candidate.blockedChannels().isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (Channel channel : CHANNELS) {
            String reason = candidate.blockedChannels().get(channel);
            if (reason != null && channel != candidate.ruleChannel() && (reach & ChannelSet.bit(channel)) != 0) {
                out = (out == null ? new StringBuilder() : out).append("; not ").append(channel.code()).append(": ")
                        .append(reason);
            }
        }
        return out == null ? "" : out.toString();
    }

    private static String policyNote(Candidate candidate) {
        if (candidate.blockedChannels().isEmpty()) {
            return "";
        }
        return "; the contact policy blocks " + candidate.blockedChannels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().code() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }

    private static String codes(List<Channel> channels) {
        return channels.stream().map(Channel::code).collect(Collectors.joining(", "));
    }
}
