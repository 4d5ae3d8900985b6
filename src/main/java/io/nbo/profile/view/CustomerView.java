package io.nbo.profile.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything an agent's screen shows about one customer, in the order it shows it: who they are, what we know
 * (every attribute, built-in and custom, with its type), how we may contact them, which segments they are in, what we
 * offered and what came of it, and (when the event store provides them) purchases and recent events.
 */
@Schema(name = "CustomerView")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerView(
        @Schema(examples = "C0000042") String id,
        @Schema(examples = "Ann Smith") String name,
        @Schema(examples = "ann.smith@example.com") String email,
        @Schema(examples = "+44 20 7946 0958") String phone,
        @Schema(examples = "Europe/London") String timeZone,
        @Schema(description = "Every attribute, built-in first, then the declared custom ones by name")
        List<Attribute> attributes,
        @Schema(description = "Each channel and whether the customer agreed to be contacted on it")
        List<Consent> consents,
        @Schema(description = "Segments, those the segment tables assigned first (highest priority first, each with the "
                + "row that assigned it), then those set on the profile") List<Segment> segments,
        @Schema(description = "Totals over the offers below") OfferSummary offerSummary,
        @Schema(description = "Offers made, newest first, each with what came of it") List<OfferMade> offers,
        @Schema(description = "Purchase summary from the event store; null until events are recorded",
                nullable = true) Object purchases,
        @Schema(description = "Recent events from the event store, newest first; empty until events are recorded")
        List<?> recentEvents) {

    /** One attribute: its name, label, type, value (null: unknown) and whether it is built in. */
    public record Attribute(String name, String label, String type, Object value, boolean builtIn) {
    }

    public record Consent(String channel, boolean given) {
    }

    /**
     * A segment the customer is in and where it comes from: {@code segment-table} (with its priority, the row that
     * assigned it, the rule-set version and when) or {@code profile} (set by an import or the API; no row).
     */
    public record Segment(String segment, String source, Integer priority, String rule, String ruleSetVersion,
                          Instant assignedAt) {

        public static Segment fromProfile(String segment) {
            return new Segment(segment, "profile", null, null, null, null);
        }
    }

    public record OfferSummary(int offered, int accepted, int rejected, int purchased, Instant lastOfferedAt) {
    }

    /** One offer in one decision, with every outcome recorded for it, oldest first. */
    public record OfferMade(String decisionId, String offerId, String offerName, String channel, Instant offeredAt,
                           BigDecimal value, String lastOutcome, List<Outcome> outcomes) {
    }

    public record Outcome(String outcome, Instant at) {
    }
}
