package io.nbo.contact.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.contact.RecordedOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome as recorded. */
@Schema(name = "Outcome")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeResponse(String decisionId, String offerId, String customerId, String channel, String outcome,
                              Instant at, Instant recordedAt, BigDecimal value,
                              @Schema(description = "False when this outcome had already been recorded (a replay)")
                              boolean created) {

    static OutcomeResponse from(RecordedOutcome o) {
        return new OutcomeResponse(o.decisionId(), o.offerId(), o.customerId(), o.channel().code(),
                o.outcome().code(), o.occurredAt(), o.recordedAt(), o.amount(), o.created());
    }
}
