package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Rejection.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 6: scores each candidate ({@code propensity x context weight x business value x lever}), ranks them, keeps at
 * most one offer per offer group and at most {@code limit} offers. Ties break on offer id so answers are repeatable.
 * Offers with no monetary value (informational, service) count as value 1 so they can still compete.
 */
public final class ArbitrationStage implements DecisionStage {

    private static final Comparator<Candidate> RANKING = Comparator
            .comparingDouble((Candidate c) -> c.score().score()).reversed().thenComparing(Candidate::offerId);

    private final PropensityModel propensity;

    public ArbitrationStage(PropensityModel propensity) {
        this.propensity = propensity;
    }

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ranked.add(c.withScore(factors(situation, c)));
        }
        ranked.sort(RANKING);
        StageOutcome.Builder out = StageOutcome.builder();
        Map<String, Candidate> groupWinner = new HashMap<>();
        int kept = 0;
        for (Candidate candidate : ranked) {
            Candidate winner = groupWinner.get(candidate.offer().arbitrationGroup());
            if (winner != null) {
                out.reject(new Rejection(candidate.offerId(), Stage.ARBITRATION, "offer-group", Reason.lazy(() ->
                        String.format("offer group '%s' is already represented by %s (score %.4f > %.4f)",
                                candidate.offer().offerGroup(), winner.offerId(), winner.score().score(),
                                candidate.score().score()))));
            } else if (kept >= situation.limit()) {
                out.reject(new Rejection(candidate.offerId(), Stage.ARBITRATION, "limit", Reason.lazy(() ->
                        String.format("score %.4f did not make the top %d", candidate.score().score(),
                                situation.limit()))));
            } else {
                groupWinner.put(candidate.offer().arbitrationGroup(), candidate);
                out.keep(candidate);
                kept++;
            }
        }
        return out.build();
    }

    private ScoreFactors factors(Situation situation, Candidate candidate) {
        double value = Math.max(1.0, candidate.offer().businessValue().doubleValue());
        return new ScoreFactors(propensity.propensity(situation.customer(), candidate.offer()),
                candidate.contextWeight(), value, candidate.offer().priority());
    }
}
