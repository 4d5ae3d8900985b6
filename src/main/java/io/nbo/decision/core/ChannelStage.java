package io.nbo.decision.core;

import io.nbo.decision.core.Candidate.Blocked;
import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Stage 7 (run before arbitration, so an offer that cannot reach the customer never takes a slot): picks the channel
 * for each offer among the channels the offer allows and the customer can be reached on. Outbound channels (email,
 * SMS, push, social) need consent; an inbound channel (web, app, store, call centre) counts when the customer is on it
 * now or uses it (it is among their preferred channels). Only channels the contact policy left open are considered,
 * so an offer whose SMS cap is reached falls back to email rather than being dropped. Preference: a channel a rule
 * asked for, then the touchpoint the customer is on, then the channels the customer responds on best, in their
 * order, then the offer's first reachable channel. Allocation asks again ({@link #place}) when the offers ranked above
 * used a channel's cap up within the same answer.
 *
 * <p>An offer left with no channel is dropped naming what kept it away: the policy rule that blocked a channel the
 * customer could have been reached on, else missing consent, else that none of its channels reaches the customer.
 * Reasons are written only when an answer shows them.
 */
public final class ChannelStage implements DecisionStage {

    /** Every channel in its natural order, the order reachable channels are listed in. */
    private static final Channel[] CHANNELS = Channel.values();

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        for (Candidate candidate : candidates) {
            Candidate placed = place(candidate, situation);
            if (placed != null) {
                out.keep(placed);
            } else {
                out.reject(unreachable(candidate, situation));
            }
        }
        return out.build();
    }

    /** The candidate on its best channel that the policy allows and reaches the customer, or null when none does. */
    public static Candidate place(Candidate candidate, Situation situation) {
        Channel chosen = pick(candidate, situation);
        if (chosen == null) {
            return null;
        }
        return candidate.withChannel(chosen, Reason.lazy(() -> why(candidate, chosen, situation)));
    }

    public static boolean reachable(Channel channel, CustomerProfile customer, Channel touchpoint) {
        if (channel.outbound()) {
            return customer.consentsTo(channel);
        }
        return channel == touchpoint || customer.preferredChannels().contains(channel);
    }

    /** Lower is picked first: the rule's channel, the touchpoint, the customer's preferred ones in order, the rest. */
    public static int preference(Channel channel, Candidate candidate, Situation situation) {
        if (channel == candidate.ruleChannel()) {
            return 0;
        }
        if (channel == situation.touchpoint()) {
            return 1;
        }
        int preferred = situation.customer().preferredChannels().indexOf(channel);
        return preferred >= 0 ? 2 + preferred : 2 + CHANNELS.length + channel.ordinal();
    }

    private static Channel pick(Candidate candidate, Situation situation) {
        Channel ruled = candidate.ruleChannel();
        if (ruled != null && usable(candidate, ruled, situation)) {
            return ruled;
        }
        if (usable(candidate, situation.touchpoint(), situation)) {
            return situation.touchpoint();
        }
        List<Channel> preferred = situation.customer().preferredChannels();
        for (int i = 0; i < preferred.size(); i++) {
            if (usable(candidate, preferred.get(i), situation)) {
                return preferred.get(i);
            }
        }
        for (Channel channel : CHANNELS) {
            if (usable(candidate, channel, situation)) {
                return channel;
            }
        }
        return null;
    }

    private static boolean usable(Candidate candidate, Channel channel, Situation situation) {
        return candidate.offer().channels().contains(channel) && candidate.policyAllows(channel)
                && reachable(channel, situation.customer(), situation.touchpoint());
    }

    private static String why(Candidate candidate, Channel chosen, Situation situation) {
        Channel ruled = candidate.ruleChannel();
        StringBuilder text = new StringBuilder();
        if (chosen == ruled) {
            text.append("asked for by a decision-table row");
        } else {
            if (chosen == situation.touchpoint()) {
                text.append("the customer is on ").append(chosen.code()).append(" now");
            } else if (situation.customer().preferredChannels().contains(chosen)) {
                text.append("the channel this customer responds on best among those allowed");
            } else {
                text.append("the offer's first channel the customer can be reached on");
            }
            Blocked ruleBlocked = ruled == null ? null : candidate.blockedChannels().get(ruled);
            if (ruleBlocked != null) {
                text.append("; a decision-table row asked for ").append(ruled.code())
                        .append(" but the contact policy blocks it: ").append(ruleBlocked.reason());
            }
        }
        // The channels the customer could have been reached on that the contact policy blocked, with why.
        for (Channel channel : CHANNELS) {
            Blocked blocked = candidate.blockedChannels().get(channel);
            if (blocked != null && channel != ruled && reachable(channel, situation.customer(),
                    situation.touchpoint())) {
                text.append("; not ").append(channel.code()).append(": ").append(blocked.reason());
            }
        }
        return text.toString();
    }

    /** Why an offer has no channel: the policy block on a channel that would reach the customer, if any. */
    private static Rejection unreachable(Candidate candidate, Situation situation) {
        CustomerProfile customer = situation.customer();
        Channel deciding = null;
        boolean consentMissing = false;
        for (Map.Entry<Channel, Blocked> entry : candidate.blockedChannels().entrySet()) {
            Channel channel = entry.getKey();
            consentMissing |= entry.getValue().consent();
            if (!entry.getValue().consent() && reachable(channel, customer, situation.touchpoint())
                    && (deciding == null || preference(channel, candidate, situation)
                    < preference(deciding, candidate, situation))) {
                deciding = channel;
            }
        }
        if (deciding != null) {
            Blocked block = candidate.blockedChannels().get(deciding);
            Channel blockedChannel = deciding;
            return new Rejection(candidate.offerId(), Stage.POLICY, block.rule(), Reason.lazy(() ->
                    block.reason() + otherBlocks(candidate, blockedChannel) + "; the customer is on "
                            + situation.touchpoint().code() + " and does not use " + unreachableAllowed(candidate)));
        }
        return new Rejection(candidate.offerId(), Stage.CHANNEL, consentMissing ? "consent" : "reachability",
                Reason.lazy(() -> "no reachable channel: the offer goes by " + codes(candidate.offer().channels())
                        + "; the customer is on " + situation.touchpoint().code() + " and has consented to "
                        + (customer.consents().isEmpty() ? "no channel" : codes(customer.consents()))
                        + policyNote(candidate)));
    }

    private static String otherBlocks(Candidate candidate, Channel deciding) {
        StringBuilder text = new StringBuilder();
        for (Channel channel : CHANNELS) {
            Blocked blocked = candidate.blockedChannels().get(channel);
            if (blocked != null && channel != deciding) {
                text.append("; not ").append(channel.code()).append(": ").append(blocked.reason());
            }
        }
        return text.toString();
    }

    /** The offer's channels the policy allows, none of which reaches the customer. */
    private static String unreachableAllowed(Candidate candidate) {
        StringJoiner text = new StringJoiner(" or ");
        for (Channel channel : CHANNELS) {
            if (candidate.offer().channels().contains(channel) && candidate.policyAllows(channel)) {
                text.add(channel.code());
            }
        }
        return text.toString();
    }

    private static String policyNote(Candidate candidate) {
        if (candidate.blockedChannels().isEmpty()) {
            return "";
        }
        StringJoiner text = new StringJoiner(", ", "; the contact policy blocks ", "");
        for (Channel channel : CHANNELS) {
            Blocked blocked = candidate.blockedChannels().get(channel);
            if (blocked != null) {
                text.add(channel.code() + " (" + blocked.reason() + ")");
            }
        }
        return text.toString();
    }

    private static String codes(java.util.Collection<Channel> channels) {
        StringJoiner text = new StringJoiner(", ");
        for (Channel channel : CHANNELS) {
            if (channels.contains(channel)) {
                text.add(channel.code());
            }
        }
        return text.toString();
    }
}
