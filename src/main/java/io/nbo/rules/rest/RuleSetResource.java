package io.nbo.rules.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.config.NboConfig;
import io.nbo.offer.Channel;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.diff.RuleSetDiff;
import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.service.ActivationResult;
import io.nbo.rules.service.Actor;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.nbo.rules.service.RuleSetVersions;
import io.nbo.rules.service.RuleSimulator;
import io.nbo.rules.service.Submitted;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Marketers change rules live: upload a table, dry-run it, simulate it against stored customers, list versions, diff
 * them and roll back. Every call needs an authenticated marketer or admin (HTTP basic); the decision endpoint cannot
 * change rules.
 */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"marketer", "admin"})
@Tag(name = "Rule sets", description = "Change decision tables live: validate, test, simulate, activate, roll back")
public class RuleSetResource {

    private final RuleSetService rules;
    private final RuleSetVersions versions;
    private final RuleSimulator simulator;
    private final RuleEngine engine;
    private final SecurityIdentity identity;
    private final NboConfig config;

    public RuleSetResource(RuleSetService rules, RuleSetVersions versions, RuleSimulator simulator, RuleEngine engine,
                           SecurityIdentity identity, NboConfig config) {
        this.rules = rules;
        this.versions = versions;
        this.simulator = simulator;
        this.engine = engine;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "The live rule set: version, files and the last reload from the rule folders")
    public RuleSetPayloads.Live live() {
        CompiledRuleSet live = engine.live();
        List<RuleSetPayloads.LiveFile> files = rules.liveFiles().values().stream()
                .map(f -> new RuleSetPayloads.LiveFile(f.name(), RuleSetStore.sha256(f.bytes()), f.bytes().length))
                .toList();
        return RuleSetPayloads.Live.of(live, files, rules.lastReload().orElse(null),
                rules.referenceCheck().orElse(null), rules.liveWarnings());
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download a live table or DRL file, to edit it")
    @APIResponse(responseCode = "200", description = "The file's exact bytes")
    @APIResponse(responseCode = "404", description = "No such file in the live version")
    public Response file(@PathParam("name") String name) {
        RuleSource source = rules.liveFiles().get(name);
        if (source == null) {
            throw new NotFoundProblem("the live rule set has no file '" + name + "'; GET /api/rulesets lists them");
        }
        return Response.ok(source.bytes()).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a decision table and put it live",
            description = "The body is the spreadsheet (*.drl.xlsx or *.drl.csv). It replaces the live table of that "
                    + "name (or adds one: an admin, or a marketer using only approved column templates), is checked "
                    + "(vocabulary, values, compile, the workbooks' tests) and only then swapped in. A marketer may "
                    + "change data rows; header blocks and new column templates need the admin role. A table with "
                    + "more rows than nbo.rules.async-above-rows, or a request with 'Prefer: respond-async', is "
                    + "checked in the background: 202 and a job to follow at the Location given.")
    @APIResponse(responseCode = "200", description = "Live (or unchanged: the same as the live version), with warnings",
            content = @Content(schema = @Schema(implementation = ActivationResult.class)))
    @APIResponse(responseCode = "202", description = "Accepted: checked in the background; follow the job at Location",
            content = @Content(schema = @Schema(implementation = RuleSetPayloads.Job.class)))
    @APIResponse(responseCode = "400", description = "Not a table name, or an empty body")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "403", description = "The upload changes a header block or adds a column template "
            + "and the caller is no admin")
    @APIResponse(responseCode = "413", description = "More bytes than nbo.rules.max-upload-bytes; the limit is named")
    @APIResponse(responseCode = "422", description = "Rejected: errors or failing tests, each located, or too many "
            + "rows, cells or sheets, or a workbook inflating too far (the limit is named); nothing changed")
    public Response upload(@PathParam("name") String name, @HeaderParam("Prefer") String prefer, byte[] body) {
        return answer(rules.submitUpload(name, body, actor(), async(prefer)), result -> result);
    }

    @POST
    @Path("/{name}/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Dry run: check a table as an upload would, without putting it live",
            description = "Big tables (or 'Prefer: respond-async') are checked in the background, as uploads are.")
    @APIResponse(responseCode = "200", description = "The errors, warnings and test results",
            content = @Content(schema = @Schema(implementation = RuleSetPayloads.Validation.class)))
    @APIResponse(responseCode = "202", description = "Accepted: checked in the background; follow the job at Location",
            content = @Content(schema = @Schema(implementation = RuleSetPayloads.Job.class)))
    @APIResponse(responseCode = "413", description = "More bytes than nbo.rules.max-upload-bytes")
    @APIResponse(responseCode = "422", description = "Too many rows, cells or sheets, or inflating too far")
    public Response validate(@PathParam("name") String name, @HeaderParam("Prefer") String prefer, byte[] body) {
        return answer(rules.submitValidate(name, body, actor(), async(prefer)), RuleSetPayloads.Validation::of);
    }

    /** 200 with the result, or 202 with the job and where to follow it. */
    private static <T> Response answer(Submitted<T> submitted, java.util.function.Function<T, Object> payload) {
        if (!submitted.accepted()) {
            return Response.ok(payload.apply(submitted.result())).build();
        }
        return Response.accepted(RuleSetPayloads.Job.of(submitted.job()))
                .location(java.net.URI.create("/api/rulesets/jobs/" + submitted.job().id()))
                .header("Preference-Applied", "respond-async").header("Retry-After", 2).build();
    }

    /** True when the Prefer header asks for an asynchronous answer (RFC 7240). */
    static boolean async(String prefer) {
        return prefer != null && java.util.Arrays.stream(prefer.split(","))
                .anyMatch(p -> p.trim().toLowerCase(java.util.Locale.ROOT).startsWith("respond-async"));
    }

    @POST
    @Path("/{name}/simulate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "What-if: how offer eligibility would change for stored customers with this table")
    @APIResponse(responseCode = "200", description = "Per offer: customers eligible live and in the draft, gaining, losing")
    @APIResponse(responseCode = "422", description = "The draft cannot go live; nothing was simulated")
    public RuleSimulator.Simulation simulate(@PathParam("name") String name, byte[] body,
                                             @QueryParam("sample") Integer sample,
                                             @QueryParam("touchpoint") @DefaultValue("web") String touchpoint,
                                             @QueryParam("localTime") @DefaultValue("12:00") String localTime) {
        int size = sample == null ? config.rules().simulationSample() : sample;
        if (size < 1 || size > 20_000) {
            throw new InvalidFieldProblem("sample", "sample must be 1 to 20000, got " + size);
        }
        Channel channel = Channel.fromCode(touchpoint).orElseThrow(() -> new InvalidFieldProblem("touchpoint",
                "touchpoint must be one of " + Channel.codes()));
        LocalTime time;
        try {
            time = LocalTime.parse(localTime);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem("localTime", "localTime must be HH:mm (24-hour)");
        }
        return simulator.simulate(name, body, actor(), size, channel, time);
    }

    @POST
    @Path("/{name}/diff")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compare a draft table with the live version, row by row, before putting it live",
            description = "The body is the changed spreadsheet. The answer has the diff's shape (from: the live "
                    + "version, to: 'draft'): the file added or changed, a header change, and the rows added, "
                    + "removed and changed (matched by rule name), cell by cell. The draft is checked first, as for "
                    + "a simulation (a header change needs an admin; a draft that cannot go live is refused with "
                    + "every problem located); nothing is stored or put live.")
    @APIResponse(responseCode = "200", description = "The differences (files: [] when the draft is the live file)")
    @APIResponse(responseCode = "400", description = "Not a table name (*.drl.csv, *.drl.xlsx), or an empty body")
    @APIResponse(responseCode = "403", description = "The draft changes a header block and the caller is no admin")
    @APIResponse(responseCode = "422", description = "The draft cannot go live (every problem located); nothing "
            + "was compared")
    public RuleSetDiff.Diff diffDraft(@PathParam("name") String name, byte[] body) {
        if (name == null || !(name.endsWith(".drl.csv") || name.endsWith(".drl.xlsx"))) {
            throw new InvalidFieldProblem("name", "a decision table is named *.drl.csv or *.drl.xlsx, got "
                    + io.nbo.common.error.Values.quote(name));
        }
        if (body == null || body.length == 0) {
            throw new InvalidFieldProblem("body", "send the changed table's bytes as the request body");
        }
        return versions.diffDraft(name, body, actor());
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every activated version, newest activation first")
    public List<RuleSetStore.StoredVersion> versions() {
        return versions.versions();
    }

    @GET
    @Path("/activations")
    @Operation(summary = "The activation log: who put which version live, when and how")
    public List<RuleSetStore.Activation> activations(@QueryParam("limit") @DefaultValue("50") int limit) {
        return versions.activations(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/versions/diff")
    @Operation(summary = "Row-level differences between two versions ('live' names the live one)")
    @APIResponse(responseCode = "404", description = "A version was never activated")
    public RuleSetDiff.Diff diff(@QueryParam("from") String from, @QueryParam("to") @DefaultValue("live") String to) {
        if (from == null || from.isBlank()) {
            throw new InvalidFieldProblem("from", "name the version to compare from, e.g. ?from=3f2a9c0d1e2b&to=live");
        }
        return versions.diff(from, to);
    }

    @POST
    @Path("/versions/{version}/activate")
    @Operation(summary = "Roll back (or forward): put an earlier version live again, exactly as it was")
    @APIResponse(responseCode = "200", description = "Live")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "422", description = "It no longer passes its checks (e.g. an offer was deleted)")
    public ActivationResult activate(@PathParam("version") String version) {
        return rules.rollback(version, actor());
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole("admin"));
    }
}
