package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Rejection.Stage;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Highest score first, ties by offer id so answers are repeatable. */
    private static final Comparator<Ranked> RANKING = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.candidate().offerId().compareTo(b.candidate().offerId());
    };

    /** A candidate with its score at hand, so sorting does not recompute it per comparison. */
    private record Ranked(double score, Candidate candidate) {
    }

    private final PropensityModel propensity;

    public ArbitrationStage(PropensityModel propensity) {
        this.propensity = propensity;
    }

    @Override
    public StageOutcome apply(Situation situation, List<Candidate> candidates) {
        Ranked[] order = new Ranked[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            Candidate scored = candidates.get(i).withScore(factors(situation, candidates.get(i)));
            order[i] = new Ranked(scored.score().score(), scored);
        }
        Arrays.sort(order, RANKING);
        List<Candidate> ranked = new ArrayList<>(order.length);
        for (Ranked r : order) {
            ranked.add(r.candidate());
        }
        StageOutcome.Builder out = StageOutcome.builder(candidates.size());
        Map<String, Candidate> groupWinner = new HashMap<>();
        int kept = 0;
        for (Candidate candidate : ranked) {
            String group = sharedGroup(candidate);
            Candidate winner = group == null ? null : groupWinner.get(group);
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
                if (group != null) {
                    groupWinner.put(group, candidate);
                }
                out.keep(explored(candidate, order, situation.limit()));
                kept++;
            }
        }
        return out.build();
    }

    /**
     * The candidate marked explored when its propensity was a draw and, ranked by the posterior means instead, at
     * least {@code limit} others would rank above it: it is in the answer because exploration put it there.
     */
    private static Candidate explored(Candidate candidate, Ranked[] all, int limit) {
        ScoreFactors factors = candidate.score();
        if (factors.origin() == null || factors.origin().value() == factors.origin().mean()) {
            return candidate;
        }
        double mine = factors.meanScore();
        int above = 0;
        for (Ranked other : all) {
            if (other.candidate() != candidate && other.candidate().score().meanScore() > mine) {
                above++;
            }
        }
        return above >= limit ? candidate.withScore(factors.explored()) : candidate;
    }

    /**
     * The offer group the candidate competes in, or null when it has none and so competes only with itself (its
     * {@link io.nbo.offer.Offer#arbitrationGroup()} is its own id; looking that up would only cost a new string).
     */
    private static String sharedGroup(Candidate candidate) {
        String group = candidate.offer().offerGroup();
        return group == null || group.isBlank() ? null : group;
    }

    /** The candidate's score factors, as ranking computes them (a campaign scores every option this way). */
    public ScoreFactors factors(Situation situation, Candidate candidate) {
        double value = Math.max(1.0, candidate.offer().businessValue().doubleValue());
        PropensityEstimate estimate = propensity.estimate(situation, candidate);
        return new ScoreFactors(estimate.value(), candidate.contextWeight(), value, candidate.offer().priority(),
                estimate);
    }
}
