package io.nbo.decision.core;

import io.nbo.decision.core.experiment.Assignment;
import io.nbo.offer.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The answer: ranked offers with their channel and reasons, why every other candidate was not chosen, and the
 * rule-set and contact-policy versions that decided (each read once for the whole decision).
 *
 * @param policyVersion the version of the contact policy every stage of this decision applied
 * @param fallback true when no offer was eligible and the configured fallback offer was returned
 * @param explained true when {@code notChosen} explains every offer of the catalogue
 * @param rest      for a lean answer, why each offer that never became a candidate was not chosen (paused, out of
 *                  date or window, no row made it eligible, excluded), worked out only when asked
 *                  ({@link #explainedInFull()}); null when explained
 * @param experiments the experiment arms the customer was in (the decision log records them, control included)
 * @param dryRun    a preview: not logged, nothing claimed
 */
public record Decision(String decisionId, String customerId, boolean knownCustomer, Channel touchpoint,
                       String ruleSetVersion, String policyVersion, Instant decidedAt, LocalDateTime customerLocalTime,
                       List<Chosen> offers, List<Rejection> notChosen, List<String> firedRules,
                       Set<String> segments, boolean fallback, boolean explained,
                       Supplier<List<Rejection>> rest, List<Assignment> experiments, boolean dryRun) {

    public Decision {
        experiments = List.copyOf(experiments);
        offers = List.copyOf(offers);
        notChosen = List.copyOf(notChosen);
        firedRules = List.copyOf(firedRules);
        segments = Set.copyOf(segments);
    }

    /**
     * The same decision with why every other offer of the catalogue was not chosen, as an answer asked with
     * {@code explain} gives it: the offers that never became candidates (candidate and eligibility stages, in
     * catalogue order), then those a later stage dropped. Worked out from what the decision read, not decided again:
     * the chosen offers, their channels and scores are this decision's.
     */
    public Decision explainedInFull() {
        if (explained || rest == null) {
            return this;
        }
        Set<String> accounted = new HashSet<>();
        offers.forEach(c -> accounted.add(c.candidate().offerId()));
        notChosen.forEach(r -> accounted.add(r.offerId()));
        List<Rejection> all = new ArrayList<>();
        for (Rejection r : rest.get()) {
            if (!accounted.contains(r.offerId())) {
                all.add(r);
            }
        }
        all.addAll(notChosen);
        return new Decision(decisionId, customerId, knownCustomer, touchpoint, ruleSetVersion, policyVersion,
                decidedAt, customerLocalTime, offers, all, firedRules, segments, fallback, true, null, experiments, dryRun);
    }

    /** One offer in the answer, with its rank (1 = best). */
    public record Chosen(int rank, Candidate candidate) {
    }
}
