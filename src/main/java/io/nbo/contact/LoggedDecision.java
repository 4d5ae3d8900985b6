package io.nbo.contact;

import io.nbo.offer.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A decision as the log keeps it: for whom, where, when, under which rule-set and policy versions, and the offers made with
 * their channel and rank, and who asked ({@code requestedBy}: the user, or {@code key:<name>} for a channel client's API
 * key; null for decisions logged before it was recorded). Immutable; the system of record once written.
 */
public record LoggedDecision(String id, String customerId, Channel touchpoint, Instant decidedAt,
                             String ruleSetVersion, String policyVersion, boolean fallback, List<Made> offers,
                             String requestedBy, List<InExperiment> experiments) {

    public LoggedDecision {
        offers = List.copyOf(offers);
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
    }

    /** A decision in no experiment. */
    public LoggedDecision(String id, String customerId, Channel touchpoint, Instant decidedAt, String ruleSetVersion,
                          String policyVersion, boolean fallback, List<Made> offers, String requestedBy) {
        this(id, customerId, touchpoint, decidedAt, ruleSetVersion, policyVersion, fallback, offers, requestedBy,
                List.of());
    }

    /** The arm of an experiment the decision applied (recorded for control arms too, whether or not they got offers). */
    public record InExperiment(String experimentKey, int version, String arm) {
    }

    public Optional<Made> offer(String offerId) {
        return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst();
    }

    /** One offer the decision made. */
    public record Made(String offerId, String offerGroup, Channel channel, int rank) {
    }
}
