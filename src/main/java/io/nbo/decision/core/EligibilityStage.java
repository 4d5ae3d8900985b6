package io.nbo.decision.core;

import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.decision.core.Rejection.Stage;
import java.util.List;

/**
 * Stage 3: keeps the candidates the rules made eligible and did not exclude, carrying the rows that decided.
 */
public final class EligibilityStage {

    public StageOutcome apply(List<Candidate> candidates, EligibilityResult rules) {
        StageOutcome.Builder out = StageOutcome.builder();
        for (Candidate candidate : candidates) {
            Verdict verdict = rules.verdict(candidate.offerId()).orElse(null);
            if (verdict == null || verdict.eligibleBy().isEmpty() && verdict.excludedBy().isEmpty()) {
                out.reject(new Rejection(candidate.offerId(), Stage.ELIGIBILITY, null,
                        "no decision-table row made it eligible for this customer and context"));
            } else if (!verdict.excludedBy().isEmpty()) {
                out.reject(new Rejection(candidate.offerId(), Stage.ELIGIBILITY, verdict.excludedBy().get(0),
                        "excluded by rule '" + String.join("', '", verdict.excludedBy()) + "'"));
            } else if (verdict.weight() <= 0) {
                out.reject(new Rejection(candidate.offerId(), Stage.ELIGIBILITY, verdict.eligibleBy().get(0),
                        "rules gave it weight " + verdict.weight() + ", which rules it out"));
            } else {
                out.keep(candidate.eligible(verdict.eligibleBy(), verdict.weight(), verdict.channel()));
            }
        }
        return out.build();
    }
}
