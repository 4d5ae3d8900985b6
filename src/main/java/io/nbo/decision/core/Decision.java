package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The answer: ranked offers with their channel and reasons, why every other candidate was not chosen, and the
 * rule-set and contact-policy versions that decided (each read once for the whole decision).
 *
 * @param policyVersion the version of the contact policy every stage of this decision applied
 * @param fallback true when no offer was eligible and the configured fallback offer was returned
 */
public record Decision(String decisionId, String customerId, boolean knownCustomer, Channel touchpoint,
                       String ruleSetVersion, String policyVersion, Instant decidedAt, LocalDateTime customerLocalTime,
                       List<Chosen> offers, List<Rejection> notChosen, List<String> firedRules,
                       Set<String> segments, boolean fallback, boolean explained) {

    public Decision {
        offers = List.copyOf(offers);
        notChosen = List.copyOf(notChosen);
        firedRules = List.copyOf(firedRules);
        segments = Set.copyOf(segments);
    }

    /** One offer in the answer, with its rank (1 = best). */
    public record Chosen(int rank, Candidate candidate) {
    }
}
