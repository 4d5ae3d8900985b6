package io.nbo.campaign.run.rest;

import io.nbo.campaign.run.CampaignRuns;
import io.nbo.campaign.run.RunRequest;
import io.nbo.campaign.run.persistence.RunRow;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.offer.Channel;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Batch runs: the best offers for a whole audience under volume limits")
public class CampaignRunResource {

    private final CampaignRuns runs;
    private final SendListExport export;
    private final SecurityIdentity identity;

    public CampaignRunResource(CampaignRuns runs, SendListExport export, SecurityIdentity identity) {
        this.runs = runs;
        this.export = export;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Start a batch run",
            description = "Every customer of the audience goes through the same stages as a real-time decision "
                    + "(rules, contact policy, experiments, propensity) at the send time in their own time zone, "
                    + "then the offers are allocated across all of them so each offer's volume limit holds and the "
                    + "total expected value is as high as the allocator can make it. Answered 202; follow the run at "
                    + "Location. dryRun plans only: nothing is logged, claimed or counted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "tomorrow's e-mail", value = """
            {"audience": {"segment": "coffee-lovers"}, "channels": ["email", "push"], "sendDate": "2026-12-01",
             "offers": ["COFFEE-AM", "BLACK-FRIDAY-FLASH"], "maxOffers": 1, "dryRun": false}""")))
    @APIResponse(responseCode = "202", description = "The run, queued or already running")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (no channels, a past send date)")
    @APIResponse(responseCode = "422", description = "An unknown segment or offer, or a channel the policy never "
            + "allows")
    public Response start(RunRequest request) {
        RunRow row = runs.start(request, identity.getPrincipal().getName());
        return Response.accepted(view(row)).location(URI.create("/api/campaigns/runs/" + row.spec().id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "A run's phase and progress (customers done of the total, reached, rate)")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunViews.RunView run(@PathParam("id") String id) {
        return view(runs.run(id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Cancel a run", description = "It stops after the page it is on; what it wrote stays.")
    @APIResponse(responseCode = "200", description = "The run, cancelled or about to be")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run already ended")
    public RunViews.RunView cancel(@PathParam("id") String id) {
        return view(runs.cancel(id));
    }

    @POST
    @Path("/{id}/restart")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Restart a failed or cancelled run from its checkpoint",
            description = "Customers it already reached are not decided or sent again.")
    @APIResponse(responseCode = "200", description = "The run, running again")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run is running or done")
    public RunViews.RunView restart(@PathParam("id") String id) {
        return view(runs.restart(id));
    }

    @GET
    @Path("/{id}/summary")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "What the run achieved: customers reached, each offer's use against its limit, expected "
            + "value, the upper bound and the gap")
    @APIResponse(responseCode = "200", description = "The summary (partial while the run is running)")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunViews.SummaryView summary(@PathParam("id") String id) {
        RunRow row = runs.run(id);
        return RunViews.summary(row, runs.partitions(id), runs.offerUse(id));
    }

    @GET
    @Path("/{id}/sendlist")
    @Produces({"text/csv", "application/x-ndjson"})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "The send list of one channel, streamed",
            description = "CSV or JSON lines, in customer order: customerId, offerId, channel, sendAt (UTC), "
                    + "localSendTime (in the customer's own zone, inside the contact policy's hours), timeZone, "
                    + "decisionId (outcomes posted against it trace back to the run; empty for a dry run).")
    @APIResponse(responseCode = "200", description = "The send list")
    @APIResponse(responseCode = "400", description = "No or unknown channel, or an unknown format")
    @APIResponse(responseCode = "404", description = "No such run")
    public Response sendList(@PathParam("id") String id, @QueryParam("channel") String channel,
                             @QueryParam("format") String format) {
        runs.run(id);
        if (channel == null || channel.isBlank()) {
            throw new InvalidFieldProblem("channel", "name the channel: ?channel=email");
        }
        Channel on = Channel.fromCode(channel).orElseThrow(() -> new InvalidFieldProblem("channel",
                "unknown channel; one of " + Channel.codes()));
        boolean csv = format == null || format.equalsIgnoreCase("csv");
        if (!csv && !format.equalsIgnoreCase("jsonl")) {
            throw new InvalidFieldProblem("format", "format is csv or jsonl");
        }
        return Response.ok(export.stream(id, on, csv, identity.getPrincipal().getName()), csv ? "text/csv" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"run-" + id + "-" + on.code()
                        + (csv ? ".csv" : ".jsonl") + "\"").build();
    }

    private RunViews.RunView view(RunRow row) {
        return RunViews.view(row, runs.partitions(row.spec().id()), java.time.Instant.now());
    }
}
