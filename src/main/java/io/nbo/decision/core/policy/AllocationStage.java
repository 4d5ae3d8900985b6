package io.nbo.decision.core.policy;

import io.nbo.decision.core.ArbitrationStage;
import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import io.nbo.decision.core.policy.PolicyCheck.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arbitration, then allocation of what is scarce: ranks the candidates, and walks the answer in rank order
 * <ul>
 *   <li>re-checking the caps and burst rests on each offer's chosen channel, counting the offers ranked above it in
 *       this same decision (two SMS offers in one answer must not pass a cap with one SMS left);</li>
 *   <li>claiming global volume (stock, budget) atomically through the {@link VolumeLedger}, so only offers actually
 *       returned use it up.</li>
 * </ul>
 * When an offer fails either, it is dropped with the numbers (giving back any volume it took) and arbitration runs
 * again without it, so the next best offer takes the slot.
 */
public final class AllocationStage implements DecisionStage {

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
        ContactHistory history = situation.history();
        List<Candidate> pool = new ArrayList<>(candidates);
        List<Rejection> dropped = new ArrayList<>();
        Map<String, List<PolicyRule>> claimed = new HashMap<>();
        while (true) {
            StageOutcome ranked = arbitration.apply(situation, pool);
            ContactHistory withThisDecision = history;
            Rejection refused = null;
            for (Candidate kept : ranked.kept()) {
                refused = recount(rules, situation, withThisDecision, kept)
                        .or(() -> claimed.containsKey(kept.offerId()) ? Optional.empty() : claim(rules, kept, claimed))
                        .orElse(null);
                if (refused != null) {
                    break;
                }
                withThisDecision = withThisDecision.with(new ContactEvent(situation.customer().id() + "/this",
                        kept.offerId(), kept.offer().offerGroup(), kept.channel(), ContactEventType.OFFERED,
                        situation.now(), null));
            }
            if (refused == null) {
                List<Rejection> rejected = new ArrayList<>(dropped);
                rejected.addAll(ranked.rejected());
                return new StageOutcome(ranked.kept(), rejected);
            }
            String offerId = refused.offerId();
            List<PolicyRule> taken = claimed.remove(offerId);
            if (taken != null) {
                taken.forEach(r -> volumes.release(r, r.cost()));
            }
            dropped.add(refused);
            pool.removeIf(c -> c.offerId().equals(offerId));
        }
    }

    /** Caps and rests on the chosen channel, with the offers ranked above in this decision counted as made. */
    private static Optional<Rejection> recount(ContactPolicy rules, Situation situation, ContactHistory history,
                                               Candidate candidate) {
        for (PolicyRule rule : rules.rules()) {
            Optional<Block> block = switch (rule.kind()) {
                case CAP -> PolicyCheck.cap(rule, situation, history, candidate, candidate.channel());
                case REST -> PolicyCheck.rest(rule, situation, history, candidate, candidate.channel());
                default -> Optional.empty();
            };
            if (block.isPresent()) {
                return Optional.of(new Rejection(candidate.offerId(), Stage.POLICY, block.get().rule(),
                        block.get().reason() + " (counting the offers ranked above it in this decision)"));
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> claim(ContactPolicy rules, Candidate candidate,
                                      Map<String, List<PolicyRule>> claimed) {
        List<PolicyRule> taken = new ArrayList<>();
        for (PolicyRule rule : rules.rules(PolicyRule.Kind.VOLUME)) {
            if (!rule.offer().applies(candidate.offerId())) {
                continue;
            }
            if (!volumes.claim(rule, rule.cost())) {
                taken.forEach(r -> volumes.release(r, r.cost()));
                return Optional.of(new Rejection(candidate.offerId(), Stage.POLICY, rule.name(),
                        PolicyStage.volumeReason(rule, volumes.remaining(rule))));
            }
            taken.add(rule);
        }
        claimed.put(candidate.offerId(), taken);
        return Optional.empty();
    }
}
