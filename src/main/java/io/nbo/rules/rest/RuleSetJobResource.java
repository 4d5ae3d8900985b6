package io.nbo.rules.rest;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.rules.service.RuleSetService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Follows an upload or dry run checked in the background (answered 202 with this job's address). */
@Path("/api/rulesets/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"marketer", "admin"})
@Tag(name = "Rule sets")
public class RuleSetJobResource {

    private final RuleSetService rules;

    public RuleSetJobResource(RuleSetService rules) {
        this.rules = rules;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Where a background check is: phase, rows checked, and its result or problem when it ends",
            description = "The last good version keeps serving until an upload's job reaches 'done'. Jobs are kept "
                    + "in the memory of the node that took the upload, for an hour after they end.")
    @APIResponse(responseCode = "200", description = "The job (a failed one carries the problem it ended with)")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "404", description = "No such job on this node (or it ended over an hour ago)")
    public RuleSetPayloads.Job job(@PathParam("id") String id) {
        return rules.job(id).map(RuleSetPayloads.Job::of).orElseThrow(() -> new NotFoundProblem("no rule-set job '"
                + io.nbo.common.error.Values.clip(id, 60) + "' on this node; it may have ended over an hour ago "
                + "(GET /api/rulesets/activations shows what went live)"));
    }
}
