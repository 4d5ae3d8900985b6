package io.nbo.decision.core.policy;

import io.nbo.decision.core.ArbitrationStage;
import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Arbitration with global volume limits (stock, budget): ranks the candidates, then claims volume for each offer
 * that made the answer, atomically, through the {@link VolumeLedger}. Only offers actually returned use up stock. When
 * a claim fails (another decision took the last unit), that offer is dropped with the numbers and arbitration runs
 * again without it, so the next best offer takes the slot.
 */
public final class VolumeStage implements DecisionStage {

    private final ArbitrationStage arbitration;
    private final Supplier<ContactPolicy> policy;
    private final VolumeLedger volumes;

    public VolumeStage(ArbitrationStage arbitration, Supplier<ContactPolicy> policy, VolumeLedger volumes) {
        this.arbitration = arbitration;
        this.policy = policy;
        this.volumes = volumes;
    }

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        List<PolicyRule> limits = policy.get().rules(PolicyRule.Kind.VOLUME);
        List<Candidate> pool = new ArrayList<>(candidates);
        List<Rejection> soldOut = new ArrayList<>();
        Map<String, List<PolicyRule>> claimed = new HashMap<>();
        while (true) {
            StageOutcome ranked = arbitration.apply(situation, pool);
            Optional<Candidate> failed = Optional.empty();
            for (Candidate kept : ranked.kept()) {
                if (claimed.containsKey(kept.offerId())) {
                    continue;
                }
                Optional<Rejection> refused = claim(limits, kept, claimed);
                if (refused.isPresent()) {
                    soldOut.add(refused.get());
                    failed = Optional.of(kept);
                    break;
                }
            }
            if (failed.isEmpty()) {
                releaseDropped(ranked.kept(), claimed);
                List<Rejection> rejected = new ArrayList<>(soldOut);
                rejected.addAll(ranked.rejected());
                return new StageOutcome(ranked.kept(), rejected);
            }
            String dropped = failed.get().offerId();
            pool.removeIf(c -> c.offerId().equals(dropped));
        }
    }

    private Optional<Rejection> claim(List<PolicyRule> limits, Candidate candidate,
                                      Map<String, List<PolicyRule>> claimed) {
        List<PolicyRule> taken = new ArrayList<>();
        for (PolicyRule rule : limits) {
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

    /** Defensive: an offer claimed in an earlier round but no longer in the answer gives its units back. */
    private void releaseDropped(List<Candidate> kept, Map<String, List<PolicyRule>> claimed) {
        claimed.forEach((offerId, rules) -> {
            if (kept.stream().noneMatch(c -> c.offerId().equals(offerId))) {
                rules.forEach(r -> volumes.release(r, r.cost()));
            }
        });
    }
}
