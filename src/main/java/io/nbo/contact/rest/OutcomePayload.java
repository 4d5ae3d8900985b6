package io.nbo.contact.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome reported for one offer of a decision. */
@Schema(name = "OutcomeReport", description = "What happened to one offer of a decision")
public record OutcomePayload(
        @Schema(required = true, examples = "COFFEE-AM", description = "An offer the decision made") String offerId,
        @Schema(required = true, examples = "accepted", enumeration = {"sent", "delivered", "opened", "clicked",
                "accepted", "rejected", "purchased"}) String outcome,
        @Schema(examples = "2026-11-23T08:12:00Z", description = "When it happened (ISO-8601 instant); default now")
        String at,
        @Schema(examples = "12.50", description = "Purchase value; required for 'purchased', not allowed otherwise")
        BigDecimal value) {
}
