package io.nbo.contact.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.contact.service.OutcomeService.Report;
import io.nbo.contact.service.OutcomeService;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/decisions/{decisionId}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "What happened to the offers of a decision: the customer's contact history")
public class OutcomeResource {

    private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final OutcomeService outcomes;

    public OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.CHANNEL})
    @Operation(summary = "Record an outcome of one offer of a decision",
            description = "sent, delivered, opened, clicked, accepted, rejected or purchased (with value). "
                    + "Idempotent: recording the same outcome again returns the stored one with created=false. The "
                    + "next decision for the customer already takes it into account (contact policy).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "accepted by the customer", value = """
                    {"offerId": "COFFEE-AM", "outcome": "accepted"}
                    """),
            @ExampleObject(name = "purchase", value = """
                    {"offerId": "ELEC-10", "outcome": "purchased", "at": "2026-11-23T18:05:00Z", "value": 349.99}
                    """)}))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Already recorded before; the stored outcome")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "404", description = "No decision with that id")
    @APIResponse(responseCode = "409", description = "Already recorded with a different value")
    @APIResponse(responseCode = "422", description = "The decision did not make that offer")
    @APIResponse(responseCode = "503", description = "Not recorded: the log is full, the journal cannot be written, or "
            + "the decision is not in memory while the database is away; retry after Retry-After seconds")
    public Response record(@PathParam("decisionId") String decisionId, OutcomePayload payload) {
        if (!DECISION_ID.matcher(decisionId).matches()) {
            throw new NotFoundProblem("No decision with id '" + Values.clip(decisionId, 40) + "'");
        }
        OutcomeResponse body = OutcomeResponse.from(outcomes.record(decisionId, report(payload)));
        return Response.status(body.created() ? 201 : 200).entity(body).build();
    }

    private static Report report(OutcomePayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "send a JSON body with offerId and outcome");
        }
        if (payload.offerId() == null || payload.offerId().isBlank() || payload.offerId().length() > 64) {
            throw new InvalidFieldProblem("offerId", "offerId is required, 1 to 64 characters");
        }
        ContactEventType type = ContactEventType.fromCode(payload.outcome()).filter(ContactEventType::outcome)
                .orElseThrow(() -> new InvalidFieldProblem("outcome", "outcome must be one of "
                        + ContactEventType.outcomeCodes() + ", got " + (payload.outcome() == null ? "nothing"
                        : "'" + Values.clip(payload.outcome(), 40) + "'")));
        BigDecimal value = payload.value();
        if (type == ContactEventType.PURCHASED && (value == null || value.signum() < 0 || value.scale() > 2)) {
            throw new InvalidFieldProblem("value", "a purchase needs its value, a number of 0 or more with at most "
                    + "2 decimals");
        }
        if (type != ContactEventType.PURCHASED && value != null) {
            throw new InvalidFieldProblem("value", "only a purchased outcome has a value; leave it out for "
                    + type.code());
        }
        return new Report(payload.offerId().strip(), type, at(payload.at()), value);
    }

    private static Instant at(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem("at", "at must be an ISO-8601 instant such as 2026-11-23T08:12:00Z, got '"
                    + Values.clip(value, 40) + "'");
        }
    }
}
