package io.nbo.decision.core.policy;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import io.nbo.decision.core.policy.PolicyCheck.Block;
import io.nbo.offer.Channel;
import io.nbo.offer.ChannelSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stage 4, the contact policy: works out, for each eligible offer, which of its channels the marketers' policy table
 * still allows now (consent, frequency caps, rest after outcomes, quiet hours and send windows in the customer's own
 * time zone) and why each other channel is not. An offer with no channel left, or whose volume limit is used up, is
 * dropped with the rule and the numbers; the channel stage then picks only among the allowed channels, so a capped SMS
 * falls back to email rather than losing the offer. Validity dates, one-day offers and daily time windows are judged
 * earlier, by the candidate stage. The policy and the history are the ones the decision resolved once at its start.
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
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        for (Candidate candidate : candidates) {
            PolicyRule soldOut = volume(rules, candidate);
            if (soldOut != null) {
                BigDecimal remaining = volumes.remaining(soldOut);
                out.reject(new Rejection(candidate.offerId(), Stage.POLICY, soldOut.name(),
                        volumeReason(soldOut, remaining)));
                continue;
            }
            int allowed = 0;
            Channel oneBlocked = null;
            Block oneBlock = null;
            Map<Channel, Block> blocked = null;
            for (Channel channel : candidate.offer().channels()) {
                Block block = firstBlock(rules, situation, history, candidate, channel);
                if (block == null) {
                    allowed |= ChannelSet.bit(channel);
                } else if (oneBlocked == null) {
                    oneBlocked = channel;
                    oneBlock = block;
                } else {
                    if (blocked == null) {
                        blocked = new EnumMap<>(Channel.class);
                        blocked.put(oneBlocked, oneBlock);
                    }
                    blocked.put(channel, block);
                }
            }
            if (oneBlocked == null) {
                out.keep(candidate.withPolicy(ChannelSet.of(allowed), Map.of()));
            } else if (allowed == 0) {
                Map<Channel, Block> all = blocked != null ? blocked : Map.of(oneBlocked, oneBlock);
                out.reject(new Rejection(candidate.offerId(), Stage.POLICY, oneBlock.rule(),
                        Rejection.Reason.lazy(() -> summary(all))));
            } else {
                out.keep(candidate.withPolicy(ChannelSet.of(allowed), blocked != null ? reasons(blocked)
                        : Map.of(oneBlocked, oneBlock.reason())));
            }
        }
        return out.build();
    }

    /** The first row that blocks the channel (consent first, then the per-channel rows in table order), or null. */
    private static Block firstBlock(ContactPolicy rules, Situation situation, ContactHistory history,
                                    Candidate candidate, Channel channel) {
        Block block = PolicyCheck.consent(rules, situation, channel).orElse(null);
        List<PolicyRule> perChannel = rules.perChannelRules();
        for (int i = 0; block == null && i < perChannel.size(); i++) {
            PolicyRule rule = perChannel.get(i);
            block = (switch (rule.kind()) {
                case CAP -> PolicyCheck.cap(rule, situation, history, candidate, channel);
                case REST -> PolicyCheck.rest(rule, situation, history, candidate, channel);
                case QUIET_HOURS, SEND_WINDOW -> PolicyCheck.hours(rule, situation, candidate, channel);
                case CONSENT, VOLUME -> Optional.<Block>empty();
            }).orElse(null);
        }
        return block;
    }

    /** The first volume row covering the offer whose stock or budget is used up, or null. */
    private PolicyRule volume(ContactPolicy rules, Candidate candidate) {
        for (PolicyRule rule : rules.rules(PolicyRule.Kind.VOLUME)) {
            if (rule.offer().applies(candidate.offerId()) && volumes.exhausted(rule)) {
                return rule;
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

    private static Map<Channel, String> reasons(Map<Channel, Block> blocked) {
        Map<Channel, String> reasons = new EnumMap<>(Channel.class);
        blocked.forEach((channel, block) -> reasons.put(channel, block.reason()));
        return reasons;
    }

    /** One reason when every channel was blocked for the same one, else each channel with its reason. */
    private static String summary(Map<Channel, Block> blocked) {
        Map<String, List<Channel>> byReason = new LinkedHashMap<>();
        blocked.forEach((channel, block) -> byReason.computeIfAbsent(block.reason(), r -> new ArrayList<>())
                .add(channel));
        if (byReason.size() == 1) {
            return byReason.keySet().iterator().next();
        }
        return blocked.entrySet().stream()
                .map(e -> PolicyText.channel(e.getKey()) + ": " + e.getValue().reason())
                .collect(Collectors.joining("; "));
    }
}
