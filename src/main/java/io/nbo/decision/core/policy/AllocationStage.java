package io.nbo.decision.core.policy;

import io.nbo.decision.core.ArbitrationStage;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arbitration, then allocation of what is scarce: ranks the candidates, and walks the answer in rank order
 * <ul>
 *   <li>re-checking the caps and rests on each offer's chosen channel, counting the offers ranked above it in this
 *       same decision (two SMS offers in one answer must not pass a cap with one SMS left). When the offers above
 *       used a channel up, the offer moves to its next allowed channel, chosen as the channel stage chooses
 *       ({@link ChannelStage#place}); it is dropped only when no channel is left;</li>
 *   <li>claiming global volume (stock, budget) atomically through the {@link VolumeLedger}, so only offers actually
 *       returned use it up.</li>
 * </ul>
 * When an offer fails either, it is dropped with the numbers (giving back any volume it took) and arbitration runs
 * again without it, so the next best offer takes the slot. A score does not depend on the channel, so moving an offer
 * to another channel keeps its rank.
 */
public final class AllocationStage implements DecisionStage {

    private static final String WITHIN = " (counting the offers ranked above it in this decision)";

    private final ArbitrationStage arbitration;
    private final VolumeLedger volumes;

    public AllocationStage(ArbitrationStage arbitration, VolumeLedger volumes) {
        this.arbitration = arbitration;
        this.volumes = volumes;
    }

    /** Re-counts by the policy and history the decision resolved at its start ({@link Situation#policy()}). */
    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        ContactPolicy rules = situation.policy();
        boolean recount = !rules.rules(PolicyRule.Kind.CAP).isEmpty() || !rules.rules(PolicyRule.Kind.REST).isEmpty();
        boolean claim = !rules.rules(PolicyRule.Kind.VOLUME).isEmpty();
        List<Candidate> pool = candidates;
        List<Rejection> dropped = new ArrayList<>(0);
        Map<String, List<PolicyRule>> claimed = new HashMap<>();
        VolumeLedger ledger = situation.dryRun() ? VolumeLedger.preview(volumes) : volumes;
        while (true) {
            StageOutcome ranked = arbitration.apply(situation, pool);
            if (!recount && !claim) {
                return ranked;
            }
            ContactHistory withThisDecision = situation.history();
            List<Candidate> made = new ArrayList<>(ranked.kept().size());
            Rejection refused = null;
            for (Candidate offer : ranked.kept()) {
                Candidate placed = recount ? place(rules, situation, withThisDecision, offer) : offer;
                refused = placed.channel() == null ? refusal(offer, placed)
                        : claimed.containsKey(offer.offerId()) || !claim ? null : claim(rules, offer, claimed, ledger);
                if (refused != null) {
                    break;
                }
                made.add(placed);
                if (recount) {
                    withThisDecision = withThisDecision.with(new ContactEvent(situation.customer().id() + "/this",
                            placed.offerId(), placed.offer().offerGroup(), placed.channel(), ContactEventType.OFFERED,
                            situation.now(), null));
                }
            }
            if (refused == null) {
                List<Rejection> rejected = new ArrayList<>(dropped);
                rejected.addAll(ranked.rejected());
                return new StageOutcome(made, rejected);
            }
            String offerId = refused.offerId();
            List<PolicyRule> taken = claimed.remove(offerId);
            if (taken != null) {
                taken.forEach(r -> ledger.release(r, r.cost()));
            }
            dropped.add(refused);
            List<Candidate> rest = new ArrayList<>(pool.size());
            for (Candidate candidate : pool) {
                if (!candidate.offerId().equals(offerId)) {
                    rest.add(candidate);
                }
            }
            pool = rest;
        }
    }

    /**
     * The offer on a channel whose caps and rests still hold with the offers ranked above counted as made: its chosen
     * channel, else the next the channel stage would choose once the used-up ones are blocked. When none is left, the
     * offer with no channel, carrying every block.
     */
    private static Candidate place(ContactPolicy rules, Situation situation, ContactHistory history, Candidate offer) {
        Candidate current = offer;
        while (true) {
            Blocked block = recount(rules, situation, history, current, current.channel());
            if (block == null) {
                return current;
            }
            Candidate narrowed = current.withPolicy(without(current, current.channel()),
                    blockedToo(current, current.channel(), new Blocked(block.rule(),
                            Reason.lazy(() -> block.reason() + WITHIN), false)));
            Candidate moved = ChannelStage.place(narrowed, situation);
            if (moved == null) {
                return narrowed.withChannel(null, (Reason) null);
            }
            current = moved;
        }
    }

    /** Caps and rests on the channel, with the offers ranked above in this decision counted as made. */
    private static Blocked recount(ContactPolicy rules, Situation situation, ContactHistory history,
                                   Candidate candidate, Channel channel) {
        for (PolicyRule rule : rules.rules()) {
            Blocked block = switch (rule.kind()) {
                case CAP -> PolicyCheck.cap(rule, situation, history, candidate, channel);
                case REST -> PolicyCheck.rest(rule, situation, history, candidate, channel);
                default -> null;
            };
            if (block != null) {
                return block;
            }
        }
        return null;
    }

    /** The channel the offer was chosen for names the rule; the other channels it was tried on follow. */
    private static Rejection refusal(Candidate offer, Candidate unplaced) {
        Blocked first = unplaced.blockedChannels().get(offer.channel());
        return new Rejection(offer.offerId(), Stage.POLICY, first.rule(), Reason.lazy(() -> {
            StringBuilder text = new StringBuilder(first.reason());
            for (Map.Entry<Channel, Blocked> entry : unplaced.blockedChannels().entrySet()) {
                if (entry.getKey() != offer.channel() && !offer.blockedChannels().containsKey(entry.getKey())) {
                    text.append("; not ").append(entry.getKey().code()).append(": ").append(entry.getValue().reason());
                }
            }
            return text.toString();
        }));
    }

    private static Set<Channel> without(Candidate candidate, Channel channel) {
        Set<Channel> allowed = EnumSet.noneOf(Channel.class);
        allowed.addAll(candidate.allowedChannels() == null ? candidate.offer().channels()
                : candidate.allowedChannels());
        allowed.remove(channel);
        return allowed;
    }

    private static Map<Channel, Blocked> blockedToo(Candidate candidate, Channel channel, Blocked block) {
        Map<Channel, Blocked> blocked = new EnumMap<>(Channel.class);
        blocked.putAll(candidate.blockedChannels());
        blocked.put(channel, block);
        return blocked;
    }

    private Rejection claim(ContactPolicy rules, Candidate candidate, Map<String, List<PolicyRule>> claimed,
                            VolumeLedger ledger) {
        List<PolicyRule> taken = new ArrayList<>();
        for (PolicyRule rule : rules.rules(PolicyRule.Kind.VOLUME)) {
            if (!rule.offer().applies(candidate.offerId())) {
                continue;
            }
            if (!ledger.claim(rule, rule.cost())) {
                taken.forEach(r -> ledger.release(r, r.cost()));
                return new Rejection(candidate.offerId(), Stage.POLICY, rule.name(),
                        PolicyStage.volumeReason(rule, volumes.remaining(rule)));
            }
            taken.add(rule);
        }
        claimed.put(candidate.offerId(), taken);
        return null;
    }
}
