package io.nbo.decision.core;

import java.util.List;

/**
 * One step after eligibility: policy, experiment, channel, arbitration. Plain Java over immutable values; each keeps
 * or drops candidates and says why it dropped each one.
 */
public interface DecisionStage {

    StageOutcome apply(Situation situation, List<Candidate> candidates);
}
