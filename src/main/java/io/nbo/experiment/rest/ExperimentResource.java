package io.nbo.experiment.rest;

import io.nbo.decision.core.experiment.Experiment;
import io.nbo.experiment.lift.ArmResult;
import io.nbo.experiment.lift.Comparison;
import io.nbo.experiment.persistence.ExperimentStore.Stored;
import io.nbo.experiment.rest.ExperimentPayloads.ArmPayload;
import io.nbo.experiment.rest.ExperimentPayloads.Definition;
import io.nbo.experiment.rest.ExperimentPayloads.ExperimentView;
import io.nbo.experiment.service.ExperimentService;
import io.nbo.experiment.service.LiftService;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Experiments", description = "Holdouts and experiments with control groups, and their lift")
public class ExperimentResource {

    private final ExperimentService experiments;
    private final LiftService lift;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ExperimentResource(ExperimentService experiments, LiftService lift, SecurityIdentity identity,
                              Clock clock) {
        this.experiments = experiments;
        this.lift = lift;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "The experiments as now defined (latest version of each), running or not")
    @APIResponse(responseCode = "200", description = "The experiments")
    public List<ExperimentView> list() {
        return experiments.current().stream().map(this::view).toList();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "One experiment, latest version")
    @APIResponse(responseCode = "200", description = "The experiment")
    @APIResponse(responseCode = "404", description = "No such experiment")
    public ExperimentView get(@PathParam("key") String key) {
        return view(experiments.get(key));
    }

    @GET
    @Path("/{key}/versions")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "Every version of an experiment, oldest first, with who made it")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such experiment")
    public List<ExperimentView> versions(@PathParam("key") String key) {
        return experiments.versions(key).stream().map(this::view).toList();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "Define an experiment or holdout, or change it (a new version)",
            description = "A new experiment takes the first free range of its layer (traffic x 10,000 buckets); a "
                    + "new version keeps its range unless traffic changes. Arms are assigned by a hash of the "
                    + "experiment key and the customer id, so a customer keeps their arm on every node and after "
                    + "restarts; changing shares moves some customers between arms. Set endsAt to stop it.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "global holdout", value = """
            {"name": "Global holdout 5%", "layer": "holdout", "offers": [],
             "arms": [{"name": "holdout", "share": 0.05, "control": true, "treatment": "no-offer"},
                      {"name": "served", "share": 0.95, "treatment": "current"}]}
            """), @ExampleObject(name = "campaign test", value = """
            {"name": "Coffee morning", "layer": "campaigns", "traffic": 0.5, "offers": ["COFFEE-AM"],
             "segments": ["loyal"], "startsAt": "2026-11-23T00:00:00Z", "endsAt": "2026-12-31T00:00:00Z",
             "arms": [{"name": "control", "share": 0.5, "control": true, "treatment": "no-offer"},
                      {"name": "boost", "share": 0.5, "treatment": "weight", "weight": 2.0}]}
            """)}))
    @APIResponse(responseCode = "200", description = "The version now in force")
    @APIResponse(responseCode = "400", description = "The definition is invalid; the problem names the field")
    @APIResponse(responseCode = "409", description = "The layer has no free range that large")
    public ExperimentView define(@PathParam("key") String key, Definition definition) {
        return view(experiments.define(key, definition, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/{key}/lift")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "The lift report: each treatment arm against the control",
            description = "Per arm: customers exposed (put in the arm by a decision), conversions (customers with "
                    + "a purchase after their first exposure, from outcomes and imported history), conversion "
                    + "rate and revenue per customer; per treatment: absolute and relative lift over the control "
                    + "with a 95% confidence interval and a p-value (two-proportion z-test for the rate, Welch's "
                    + "t-test for revenue per customer).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such experiment")
    public LiftReport lift(@PathParam("key") String key) {
        LiftService.Report r = lift.lift(key);
        return new LiftReport(r.experiment().key(), r.experiment().version(), r.computedAt(),
                r.lift().arms(), r.lift().comparisons());
    }

    @Schema(name = "LiftReport")
    public record LiftReport(String experiment, int version, Instant computedAt, List<ArmResult> arms,
                             List<Comparison> comparisons) {
    }

    private ExperimentView view(Stored s) {
        Experiment e = s.experiment();
        return new ExperimentView(e.key(), e.version(), e.name(), e.layer(), e.traffic(), e.bucketFrom(),
                e.bucketTo(), e.arms().stream().map(a -> new ArmPayload(a.name(), a.share(), a.control(),
                a.withhold() ? "no-offer" : a.weight() == 1.0 ? "current" : "weight", a.weight())).toList(),
                e.offers().stream().sorted().toList(), e.segments().stream().sorted().toList(), e.startsAt(),
                e.endsAt(), e.runningAt(clock.instant()), s.createdAt(), s.createdBy());
    }
}
