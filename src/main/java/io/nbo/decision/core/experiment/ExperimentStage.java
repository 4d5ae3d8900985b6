package io.nbo.decision.core.experiment;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionStage;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import java.util.List;

/**
 * Stage 5: applies the customer's experiment arms, as resolved once for the decision ({@link Situation#experiments()}):
 * an arm that withholds drops the experiment's offers (the control of a holdout gets none at all); any other arm
 * multiplies their context weight by its weight (1: the current strategy).
 */
public final class ExperimentStage implements DecisionStage {

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        List<Assignment> arms = situation.experiments();
        if (arms.isEmpty()) {
            return new StageOutcome(candidates, List.of());
        }
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        for (Candidate candidate : candidates) {
            Candidate running = candidate;
            Rejection dropped = null;
            for (Assignment a : arms) {
                if (!a.covers(candidate.offerId())) {
                    continue;
                }
                if (a.withhold()) {
                    dropped = new Rejection(candidate.offerId(), Stage.EXPERIMENT, a.experimentKey() + "/" + a.arm(),
                            Rejection.Reason.lazy(() -> "the customer is in arm '" + a.arm() + "' of experiment '"
                                    + a.experimentKey() + "' (v" + a.version() + "), which gets "
                                    + (a.offers().isEmpty() ? "no offer" : "none of the experiment's offers")));
                    break;
                }
                if (a.weight() != 1.0) {
                    running = running.eligible(running.eligibleBy(), running.contextWeight() * a.weight(),
                            running.ruleChannel());
                }
            }
            if (dropped != null) {
                out.reject(dropped);
            } else {
                out.keep(running);
            }
        }
        return out.build();
    }
}
