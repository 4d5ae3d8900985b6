package io.nbo.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.PropensityEstimate;
import io.nbo.decision.core.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a decision request, with its explanation. */
@Schema(name = "Decision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionResponse(
        @Schema(description = "Quote this id when recording outcomes") String decisionId,
        String customerId,
        @Schema(description = "False when no profile was found and the customer was treated as an anonymous visitor")
        boolean knownCustomer,
        String touchpoint,
        @Schema(description = "Version of the rule set that decided") String ruleSetVersion,
        @Schema(description = "Version of the contact policy that decided (as logged with the decision)")
        String policyVersion,
        Instant decidedAt,
        @Schema(description = "The customer's local date and time the decision was made for")
        LocalDateTime customerLocalTime,
        @Schema(description = "True when nothing was eligible and the fallback offer was returned") boolean fallback,
        List<OfferChoice> offers,
        @Schema(description = "True when notChosen explains every offer of the catalogue (the request asked to "
                + "explain); otherwise it lists the eligible offers a later stage dropped") boolean explained,
        @Schema(description = "Why the other offers were not chosen: every other offer, each with its reason, when "
                + "explained; else the eligible ones that the contact policy, channel or arbitration dropped, with "
                + "the stage and rule but no reason text (GET /api/decisions/{id}/explanation gives it later)")
        List<NotChosen> notChosen,
        @Schema(description = "Every rule that fired, in order") List<String> firedRules,
        @Schema(description = "Micro-segments the rules put the customer in") List<String> segments,
        @Schema(description = "The experiments the customer is in and the arm applied (the log records them, "
                + "control arms included)") List<ExperimentArm> experiments,
        @Schema(description = "True for a dry run: not logged, nothing claimed; absent otherwise") Boolean dryRun) {

    /** An experiment arm the decision applied. */
    @Schema(name = "DecisionExperimentArm")
    public record ExperimentArm(String experiment, int version, String arm, boolean control) {
    }

    /** One offer in the answer. */
    @Schema(name = "OfferChoice")
    public record OfferChoice(int rank, String offerId, String name, String description, String category,
                              String kind, BigDecimal businessValue, String channel, String channelReason,
                              double score, ScoreDetail scoreFactors,
                              @Schema(description = "Names of the decision-table rows that made it eligible")
                              List<String> eligibleBy) {
    }

    /** score = propensity x contextWeight x value x lever. */
    @Schema(name = "ScoreFactors")
    public record ScoreDetail(double propensity, double contextWeight, double value, double lever,
                              @Schema(description = "Where the propensity came from") PropensityDetail propensitySource) {
    }

    /** Where a propensity came from. */
    @Schema(name = "PropensitySource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PropensityDetail(
            @Schema(enumeration = {"prior", "learned", "own-score"}) String source,
            @Schema(description = "For a learned one, the most specific level with data",
                    enumeration = {"offer", "segment", "channel"}) String level,
            @Schema(description = "Contacts learned from at that level") Long contacts,
            @Schema(description = "Responses (accepted or purchased) among them") Long responses,
            @Schema(description = "The expected propensity (posterior mean); 'propensity' above is the draw "
                    + "ranked by when exploring") double mean,
            @Schema(description = "True when the offer is in the answer only because exploration drew it high")
            boolean explored) {
    }

    /** A candidate that was not chosen, with the stage, the rule and (in an explained answer) the reason. */
    @Schema(name = "NotChosen")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotChosen(String offerId, String stage, String rule,
                            @Schema(description = "The reason with its numbers; only in an explained answer")
                            String reason) {
    }

    public static DecisionResponse from(Decision d) {
        return new DecisionResponse(d.decisionId(), d.customerId(), d.knownCustomer(), d.touchpoint().code(),
                d.ruleSetVersion(), d.policyVersion(), d.decidedAt(), d.customerLocalTime().withNano(0), d.fallback(),
                d.offers().stream().map(c -> choice(c.rank(), c.candidate())).toList(), d.explained(),
                notChosen(d), d.firedRules(),
                d.segments().stream().sorted().toList(),
                d.experiments().stream().map(a -> new ExperimentArm(a.experimentKey(), a.version(), a.arm(),
                        a.control())).toList(), d.dryRun() ? Boolean.TRUE : null);
    }

    private static OfferChoice choice(int rank, Candidate c) {
        return new OfferChoice(rank, c.offerId(), c.offer().name(), c.offer().description(), c.offer().category(),
                c.offer().kind().code(), c.offer().businessValue(), c.channel().code(), c.channelReason(),
                round(c.score().score()), new ScoreDetail(round(c.score().propensity()),
                round(c.score().contextWeight()), round(c.score().value()), round(c.score().lever()),
                source(c.score().origin())), c.eligibleBy());
    }

    private static PropensityDetail source(PropensityEstimate e) {
        if (e == null) {
            return null;
        }
        boolean learned = PropensityEstimate.LEARNED.equals(e.source());
        return new PropensityDetail(e.source(), e.level(), learned ? e.contacts() : null,
                learned ? e.responses() : null, round(e.mean()), e.explored());
    }

    /** Six decimals: enough to rank by, without binary noise such as 0.15000000000000002. */
    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    /**
     * An explained answer says why for every offer; a lean one names the stage and rule of each eligible offer a
     * later stage dropped, without writing the reasons (tens of sentences with numbers per answer, most of a web
     * answer's cost on a large catalogue): they are there on request, or later by decision id.
     */
    private static List<NotChosen> notChosen(Decision d) {
        List<NotChosen> out = new java.util.ArrayList<>(d.notChosen().size());
        for (Rejection r : d.notChosen()) {
            out.add(new NotChosen(r.offerId(), r.stage().name().toLowerCase(), r.rule(),
                    d.explained() ? r.reason() : null));
        }
        return out;
    }
}
