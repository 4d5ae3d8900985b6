package io.nbo.decision.core;

import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.decision.core.Rejection.Stage;
import io.nbo.offer.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage 3: keeps the candidates the rules made eligible and did not exclude, carrying the rows that decided.
 */
public final class EligibilityStage {

    public StageOutcome apply(List<Candidate> candidates, EligibilityResult rules) {
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
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
     * offers some row made eligible and not excluded, and that are live, become candidates, in the order rows first
     * named them (so later stages list what they drop in that order; arbitration ranks by score then id, so the
     * choice does not depend on it); the rest of the catalogue is never visited, so the cost follows the rows that
     * fired, not the catalogue's size.
     */
    public StageOutcome applyEligibleOnly(Situation situation, Map<String, Offer> catalogue, EligibilityResult rules) {
        List<Candidate> kept = new ArrayList<>(rules.verdicts().size());
        for (Map.Entry<String, Verdict> entry : rules.verdicts().entrySet()) {
            Verdict verdict = entry.getValue();
            if (!verdict.keeps()) {
                continue;
            }
            Offer offer = catalogue.get(entry.getKey());
            if (offer != null && CandidateStage.live(offer, situation)) {
                kept.add(Candidate.of(offer).eligible(verdict.eligibleBy(), verdict.weight(), verdict.channel()));
            }
        }
        return new StageOutcome(kept, List.of());
    }
}
