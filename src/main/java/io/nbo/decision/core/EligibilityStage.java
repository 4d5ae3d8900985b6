package io.nbo.decision.core;

import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.offer.Offer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /**
     * The same decision made from the rules' verdicts alone, for an answer without the full explanation: only the
     * offers some row made eligible and not excluded, and that are live, become candidates (in offer-id order); the
     * rest of the catalogue is never visited, so the cost follows the rows that fired, not the catalogue's size.
     */
    public StageOutcome applyEligibleOnly(Situation situation, Map<String, Offer> catalogue, EligibilityResult rules) {
        StageOutcome.Builder out = StageOutcome.builder();
        List<String> ids = new ArrayList<>(rules.verdicts().keySet());
        Collections.sort(ids);
        for (String id : ids) {
            Verdict verdict = rules.verdicts().get(id);
            Offer offer = catalogue.get(id);
            if (offer != null && !verdict.eligibleBy().isEmpty() && verdict.excludedBy().isEmpty()
                    && verdict.weight() > 0 && CandidateStage.live(offer, situation)) {
                out.keep(Candidate.of(offer).eligible(verdict.eligibleBy(), verdict.weight(), verdict.channel()));
            }
        }
        return out.build();
    }
}
