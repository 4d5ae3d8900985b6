package io.nbo.decision.core.policy;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import io.nbo.decision.core.policy.PolicyCheck.Block;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        StageOutcome.Builder out = StageOutcome.builder();
        for (Candidate candidate : candidates) {
            Optional<Block> soldOut = volume(rules, candidate);
            if (soldOut.isPresent()) {
                out.reject(new Rejection(candidate.offerId(), Stage.POLICY, soldOut.get().rule(),
                        soldOut.get().reason()));
                continue;
            }
            Map<Channel, Block> blocked = new EnumMap<>(Channel.class);
            Set<Channel> allowed = EnumSet.noneOf(Channel.class);
            for (Channel channel : candidate.offer().channels()) {
                firstBlock(rules, situation, history, candidate, channel)
                        .ifPresentOrElse(b -> blocked.put(channel, b), () -> allowed.add(channel));
            }
            if (allowed.isEmpty() && !blocked.isEmpty()) {
                out.reject(new Rejection(candidate.offerId(), Stage.POLICY, blocked.values().iterator().next().rule(),
                        Rejection.Reason.lazy(() -> summary(blocked))));
            } else {
                Map<Channel, String> reasons = new EnumMap<>(Channel.class);
                blocked.forEach((channel, block) -> reasons.put(channel, block.reason()));
                out.keep(candidate.withPolicy(allowed, reasons));
            }
        }
        return out.build();
    }

    private static Optional<Block> firstBlock(ContactPolicy rules, Situation situation, ContactHistory history,
                                              Candidate candidate, Channel channel) {
        Optional<Block> block = PolicyCheck.consent(rules, situation, channel);
        for (PolicyRule rule : rules.rules()) {
            if (block.isPresent()) {
                return block;
            }
            block = switch (rule.kind()) {
                case CAP -> PolicyCheck.cap(rule, situation, history, candidate, channel);
                case REST -> PolicyCheck.rest(rule, situation, history, candidate, channel);
                case QUIET_HOURS, SEND_WINDOW -> PolicyCheck.hours(rule, situation, candidate, channel);
                case CONSENT, VOLUME -> Optional.empty();
            };
        }
        return block;
    }

    private Optional<Block> volume(ContactPolicy rules, Candidate candidate) {
        return rules.rules(PolicyRule.Kind.VOLUME).stream()
                .filter(r -> r.offer().applies(candidate.offerId()))
                .filter(volumes::exhausted)
                .findFirst()
                .map(r -> new Block(r.name(), volumeReason(r, volumes.remaining(r))));
    }

    static String volumeReason(PolicyRule rule, BigDecimal remaining) {
        if (rule.cost().compareTo(BigDecimal.ONE) == 0) {
            return String.format("stock of %s used up: %s of %s left", rule.limit().toPlainString(),
                    remaining.toPlainString(), rule.limit().toPlainString());
        }
        return String.format("budget of %s used up: %s left, each offer costs %s", rule.limit().toPlainString(),
                remaining.toPlainString(), rule.cost().toPlainString());
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
