package io.nbo.decision.core.policy;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.Candidate.Blocked;
import io.nbo.decision.core.ChannelStage;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4, the contact policy: works out, for each eligible offer, which of its channels the marketers' policy table
 * still allows now (consent, frequency caps, rest after outcomes, quiet hours and send windows in the customer's own
 * time zone) and why each other channel is not. An offer with no channel left, or whose volume limit is used up, is
 * dropped with the rule and the numbers; the channel stage then picks only among the allowed channels, so a capped SMS
 * falls back to email rather than losing the offer. Validity dates, one-day offers and daily time windows are judged
 * earlier, by the candidate stage. The policy and the history are the ones the decision resolved once at its start.
 *
 * <p>When every channel is blocked, the rule named is the one that really kept the offer from the customer: a rule
 * about contacts (cap, rest, hours) on a channel the customer could be reached on comes before missing consent on a
 * channel they never agreed to, in the channel stage's order of preference.
 */
public final class PolicyStage implements DecisionStage {

    private final VolumeLedger volumes;

    public PolicyStage(VolumeLedger volumes) {
        this.volumes = volumes;
    }

    /** Judges by the policy and history the decision resolved at its start ({@link Situation#policy()}). */
    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        ContactPolicy rules = situation.policy();
        ContactHistory history = situation.history();
        List<PolicyRule> volumeRules = rules.rules(PolicyRule.Kind.VOLUME);
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        for (Candidate candidate : candidates) {
            Rejection soldOut = volumeRules.isEmpty() ? null : volume(volumeRules, candidate);
            if (soldOut != null) {
                out.reject(soldOut);
                continue;
            }
            Map<Channel, Blocked> blocked = null;
            int allowed = 0;
            for (Channel channel : candidate.offer().channels()) {
                Blocked block = firstBlock(rules, situation, history, candidate, channel);
                if (block == null) {
                    allowed |= ChannelSet.bit(channel);
                } else {
                    if (blocked == null) {
                        blocked = new EnumMap<>(Channel.class);
                    }
                    blocked.put(channel, block);
                }
            }
            if (allowed == 0 && blocked != null) {
                out.reject(dropped(candidate, blocked, situation));
            } else {
                out.keep(candidate.withPolicy(ChannelSet.of(allowed), blocked));
            }
        }
        return out.build();
    }

    private static Blocked firstBlock(ContactPolicy rules, Situation situation, ContactHistory history,
                                      Candidate candidate, Channel channel) {
        Blocked block = PolicyCheck.consent(rules, situation, channel);
        List<PolicyRule> all = rules.rules();
        for (int i = 0; block == null && i < all.size(); i++) {
            PolicyRule rule = all.get(i);
            block = switch (rule.kind()) {
                case CAP -> PolicyCheck.cap(rule, situation, history, candidate, channel);
                case REST -> PolicyCheck.rest(rule, situation, history, candidate, channel);
                case QUIET_HOURS, SEND_WINDOW -> PolicyCheck.hours(rule, situation, candidate, channel);
                case CONSENT, VOLUME -> null;
            };
        }
        return block;
    }

    private Rejection volume(List<PolicyRule> volumeRules, Candidate candidate) {
        for (PolicyRule rule : volumeRules) {
            if (rule.offer().applies(candidate.offerId()) && volumes.exhausted(rule)) {
                return new Rejection(candidate.offerId(), Stage.POLICY, rule.name(),
                        volumeReason(rule, volumes.remaining(rule)));
            }
        }
        return null;
    }

    static String volumeReason(PolicyRule rule, BigDecimal remaining) {
        if (rule.cost().compareTo(BigDecimal.ONE) == 0) {
            return String.format("stock of %s used up: %s of %s left", rule.limit().toPlainString(),
                    remaining.toPlainString(), rule.limit().toPlainString());
        }
        return String.format("budget of %s used up: %s left, each offer costs %s", rule.limit().toPlainString(),
                remaining.toPlainString(), rule.cost().toPlainString());
    }

    /** The offer dropped with the block that decided, and the other channels' blocks after it. */
    static Rejection dropped(Candidate candidate, Map<Channel, Blocked> blocked, Situation situation) {
        Channel deciding = deciding(candidate, blocked, situation);
        Blocked block = blocked.get(deciding);
        return new Rejection(candidate.offerId(), Stage.POLICY, block.rule(),
                Reason.lazy(() -> summary(deciding, blocked)));
    }

    /**
     * The channel whose block explains the drop: a contact rule on a channel the customer can be reached on, else a
     * contact rule on any channel, else missing consent; among equals, the channel the channel stage would pick first.
     */
    private static Channel deciding(Candidate candidate, Map<Channel, Blocked> blocked, Situation situation) {
        Channel best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Map.Entry<Channel, Blocked> entry : blocked.entrySet()) {
            Channel channel = entry.getKey();
            int kind = entry.getValue().consent() ? 2
                    : ChannelStage.reachable(channel, situation.customer(), situation.touchpoint()) ? 0 : 1;
            int rank = kind * 100 + ChannelStage.preference(channel, candidate, situation);
            if (rank < bestRank) {
                best = channel;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The deciding reason; then, when other channels were blocked for other reasons, each of them. */
    private static String summary(Channel deciding, Map<Channel, Blocked> blocked) {
        String first = blocked.get(deciding).reason();
        StringBuilder text = new StringBuilder(first);
        for (Map.Entry<Channel, Blocked> entry : blocked.entrySet()) {
            String reason = entry.getValue().reason();
            if (entry.getKey() != deciding && !reason.equals(first)) {
                text.append("; not ").append(entry.getKey().code()).append(": ").append(reason);
            }
        }
        return text.toString();
    }
}
