package io.nbo.decision.rest;

import io.nbo.common.error.ForbiddenProblem;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.config.NboConfig;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.service.DecisionService;
import io.nbo.offer.Channel;
import io.micrometer.core.annotation.Timed;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Next best offers, with channel and reasons")
public class DecisionResource {

    private final DecisionService decisions;
    private final NboConfig config;
    private final SecurityIdentity identity;

    public DecisionResource(DecisionService decisions, NboConfig config, SecurityIdentity identity) {
        this.decisions = decisions;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.CHANNEL, Roles.MARKETER})
    @Timed(value = "nbo.decisions", histogram = true, description = "Decision latency, request to answer")
    @Operation(summary = "Decide the next best offers for a customer at a touchpoint",
            description = "Returns the ranked offers, each with its channel, score factors and the decision-table rows "
                    + "that made it eligible, plus why every other candidate was not chosen. Unknown customers are "
                    + "answered as anonymous visitors. The log records who asked (the user, or the API key's name). "
                    + "With dryRun: true the answer is explained in full and nothing is logged, claimed or learned; "
                    + "marketers may ask for dry runs only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "app user at breakfast", value = """
            {"customerId": "C0000042", "touchpoint": "mobile-app", "context": {"page": "home", "localTime": "08:15"}, "limit": 3}
            """)))
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "The request is invalid; the problem names the field")
    @APIResponse(responseCode = "403", description = "Not your role, or a marketer asking for a real decision")
    public DecisionResponse decide(DecisionRequestPayload payload) {
        DecisionRequest request = toRequest(payload);
        if (!request.dryRun() && !identity.hasRole(Roles.AGENT) && !identity.hasRole(Roles.CHANNEL)) {
            throw new ForbiddenProblem("marketers may ask for dry runs only: send \"dryRun\": true (a real decision "
                    + "is logged as a contact; it takes the agent role or a channel's API key)");
        }
        return DecisionResponse.from(decisions.decide(request, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/{decisionId}/explanation")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Explain a recent answer in full",
            description = "The decision as it was answered, with why every other offer of the catalogue was not "
                    + "chosen (as an answer asked with explain=true gives it), worked out from what that decision "
                    + "read; nothing is decided again. Lean answers are kept on the node that decided, the newest "
                    + "20,000 for 10 minutes.")
    @APIResponse(responseCode = "200", description = "The decision, explained")
    @APIResponse(responseCode = "404", description = "No recent lean answer with this id on this node")
    public DecisionResponse explanation(@PathParam("decisionId") String decisionId) {
        return decisions.explanation(decisionId).map(DecisionResponse::from).orElseThrow(() -> new NotFoundProblem(
                "No recent answer " + Values.quote(decisionId) + " to explain on this node: lean answers are kept "
                        + "for 10 minutes (the newest 20,000) on the node that decided, and answers asked with "
                        + "explain=true carry their explanation already"));
    }

    private DecisionRequest toRequest(DecisionRequestPayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "send a JSON body with customerId and touchpoint");
        }
        if (payload.customerId() == null || payload.customerId().isBlank() || payload.customerId().length() > 64) {
            throw new InvalidFieldProblem("customerId", "customerId is required, 1 to 64 characters");
        }
        Channel touchpoint = Channel.fromCode(payload.touchpoint()).orElseThrow(() -> new InvalidFieldProblem(
                "touchpoint", "touchpoint must be one of " + Channel.codes() + ", got "
                        + Values.quote(payload.touchpoint())));
        int limit = payload.limit() == null ? config.decision().defaultLimit() : payload.limit();
        if (limit < 1 || limit > config.decision().maxLimit()) {
            throw new InvalidFieldProblem("limit", "limit must be 1 to " + config.decision().maxLimit() + ", got "
                    + limit);
        }
        Map<String, String> context = payload.context() == null ? Map.of() : payload.context();
        return new DecisionRequest(payload.customerId().strip(), touchpoint, context, localTime(context), limit,
                Boolean.TRUE.equals(payload.explain()), Boolean.TRUE.equals(payload.dryRun()));
    }

    private static LocalTime localTime(Map<String, String> context) {
        String value = context.get("localTime");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem("context.localTime", "context.localTime must be HH:mm (24-hour), got "
                    + Values.quote(value));
        }
    }
}
