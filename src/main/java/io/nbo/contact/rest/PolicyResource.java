package io.nbo.contact.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.common.error.Problem;
import io.nbo.contact.policy.PolicyTableException;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyText;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/policy")
@RolesAllowed(Roles.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact policy", description = "The marketers' contact-policy table: consent, caps, rests, quiet hours, "
        + "volume limits")
public class PolicyResource {

    private final PolicyService policy;

    public PolicyResource(PolicyService policy) {
        this.policy = policy;
    }

    /** The live policy. */
    public record PolicyView(String version, String source, List<RuleView> rules) {
    }

    /** One rule as the table states it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleView(String rule, String type, String channel, String offer, String group, BigDecimal limit,
                           String window, String outcome, String rest, String hours, BigDecimal cost, String source) {
    }

    @GET
    @Operation(summary = "The live contact policy, rule by rule")
    public PolicyView get() {
        return view(policy.live());
    }

    @POST
    @Path("/reload")
    @RolesAllowed({"marketer", "admin"})
    @Operation(summary = "Re-read the policy table file; the live policy stays if the file has problems")
    @APIResponse(responseCode = "200", description = "The new live policy")
    @APIResponse(responseCode = "400", description = "The table has problems (each with file, row and column); the "
            + "last good policy stays live")
    public PolicyView reload() {
        return view(policy.reload());
    }

    @PUT
    @RolesAllowed({"marketer", "admin"})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Try a policy table: validate it and make it live (until the next reload or restart)")
    @APIResponse(responseCode = "200", description = "The new live policy")
    @APIResponse(responseCode = "400", description = "The table has problems; the last good policy stays live")
    public PolicyView upload(String csv) {
        return view(policy.upload(csv == null ? "" : csv));
    }

    @ServerExceptionMapper
    public Response invalidTable(PolicyTableException e) {
        return Problem.response(400, "Invalid contact-policy table", e.problems().size()
                + " problem(s); the last good policy stays live", e.problems());
    }

    private static PolicyView view(PolicyService.Live live) {
        return new PolicyView(live.policy().version(), live.source(), live.policy().rules().stream()
                .map(PolicyResource::rule).toList());
    }

    private static RuleView rule(PolicyRule r) {
        boolean volume = r.kind() == PolicyRule.Kind.VOLUME;
        return new RuleView(r.name(), r.kind().code(), blank(r.channel().cell()), blank(r.offer().cell()),
                blank(r.group().cell()), r.limit(), r.window() == null ? null : PolicyText.duration(r.window()),
                r.outcome() == null ? null : r.outcome().code(), r.rest() == null ? null : PolicyText.duration(r.rest()),
                r.hours() == null ? null : r.hours().toString(), volume ? r.cost() : null, r.source());
    }

    private static String blank(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
