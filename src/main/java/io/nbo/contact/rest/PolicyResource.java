package io.nbo.contact.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.config.NboConfig;
import io.nbo.contact.persistence.PolicyStore;
import io.nbo.contact.service.PolicyActivation;
import io.nbo.contact.service.PolicyService;
import io.nbo.contact.service.PolicySimulator;
import io.nbo.contact.service.PolicyVersions;
import io.nbo.offer.Channel;
import io.nbo.rules.diff.RuleSetDiff;
import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.rest.RuleSetPayloads;
import io.quarkus.security.identity.SecurityIdentity;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The marketers' contact-policy table, with the lifecycle decision tables have: upload (CSV or workbook), dry run,
 * simulation against stored customers, versions, diff and rollback. Every change needs a marketer or admin (HTTP
 * basic); a refused table is answered 422 with every problem located (file, sheet, cell, row), as for rule sets.
 */
@Path("/api/policy")
@RolesAllowed(Roles.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact policy", description = "The marketers' contact-policy table: consent, caps, rests, quiet hours, "
        + "volume limits; validate, test, simulate, activate, roll back")
public class PolicyResource {

    private static final String MARKETER = "marketer";
    private static final String ADMIN = "admin";

    private final PolicyService policy;
    private final PolicyVersions versions;
    private final PolicySimulator simulator;
    private final SecurityIdentity identity;
    private final NboConfig config;

    public PolicyResource(PolicyService policy, PolicyVersions versions, PolicySimulator simulator,
                          SecurityIdentity identity, NboConfig config) {
        this.policy = policy;
        this.versions = versions;
        this.simulator = simulator;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Operation(summary = "The live contact policy, rule by rule, with its version and who made it live")
    public PolicyPayloads.PolicyView get() {
        return PolicyPayloads.view(policy.live(), policy.lastReload().orElse(null));
    }

    @GET
    @Path("/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Download the live policy table (or a stored version's), to edit it")
    @APIResponse(responseCode = "200", description = "The file's exact bytes")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "404", description = "No such version")
    public Response file(@QueryParam("version") @DefaultValue("live") String version) {
        PolicyStore.StoredFile file = policy.file(version);
        return Response.ok(file.content())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Upload a policy table (CSV or workbook) and put it live",
            description = "The table is read by the same reader as decision tables, every cell checked, its Tests "
                    + "examples run; only then is it recorded as a version (who, when, the exact file) and swapped in. "
                    + "Decisions already running finish on the policy they started with.")
    @APIResponse(responseCode = "200", description = "Live (or unchanged: identical to the live version)")
    @APIResponse(responseCode = "400", description = "An empty body, or one over the upload size limit")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "403", description = "Neither marketer nor admin")
    @APIResponse(responseCode = "422", description = "Refused: errors or failing examples, each located; nothing "
            + "changed")
    public PolicyActivation upload(byte[] body) {
        return policy.upload(body(body), who());
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Dry run: check a policy table as an upload would, without putting it live")
    @APIResponse(responseCode = "200", description = "The errors, warnings and example results")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public RuleSetPayloads.Validation validate(byte[] body) {
        return PolicyPayloads.validation(policy.validate(body(body)));
    }

    @POST
    @Path("/simulate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "What-if: decide for stored customers with the live policy and with this draft, and compare")
    @APIResponse(responseCode = "200", description = "Per offer: customers it goes to live and in the draft, gaining, "
            + "losing; offers per channel; offers each rule keeps from customers")
    @APIResponse(responseCode = "400", description = "A bad sample size, touchpoint or local time")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "422", description = "The draft cannot go live; nothing was simulated")
    public PolicySimulator.Simulation simulate(byte[] body, @QueryParam("sample") Integer sample,
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
        return simulator.simulate(body(body), size, channel, time);
    }

    @POST
    @Path("/reload")
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Re-read the policy file and put it live if it passes; the live policy stays if it does not")
    @APIResponse(responseCode = "200", description = "Live (or unchanged)")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "404", description = "There is no policy file")
    @APIResponse(responseCode = "422", description = "The file has problems (each located); the live policy stays")
    public PolicyActivation reload() {
        return policy.reload(who());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Every activated policy version, newest activation first")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public List<RuleSetStore.StoredVersion> versions() {
        return versions.versions();
    }

    @GET
    @Path("/activations")
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "The activation log: who put which policy version live, when and how")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public List<RuleSetStore.Activation> activations(@QueryParam("limit") @DefaultValue("50") int limit) {
        return versions.activations(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/versions/diff")
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Rule-by-rule differences between two policy versions ('live' names the live one)")
    @APIResponse(responseCode = "400", description = "No version to compare from")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "404", description = "A version was never activated")
    public RuleSetDiff.Diff diff(@QueryParam("from") String from, @QueryParam("to") @DefaultValue("live") String to) {
        if (from == null || from.isBlank()) {
            throw new InvalidFieldProblem("from", "name the version to compare from, e.g. ?from=3f2a9c0d1e2b&to=live");
        }
        return versions.diff(from, to);
    }

    @POST
    @Path("/diff")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Compare a draft policy table with the live version, rule by rule, before putting it live",
            description = "The body is the changed policy table. The answer has the diff's shape (from: the live "
                    + "version, to: 'draft'). The draft is checked first, as for a simulation; nothing is stored or "
                    + "put live.")
    @APIResponse(responseCode = "200", description = "The differences (files: [] when the draft is the live file)")
    @APIResponse(responseCode = "400", description = "An empty body")
    @APIResponse(responseCode = "422", description = "The draft cannot go live (every problem located); nothing "
            + "was compared")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public RuleSetDiff.Diff diffDraft(byte[] body) {
        return versions.diffDraft(body(body));
    }

    @POST
    @Path("/versions/{version}/activate")
    @RolesAllowed({MARKETER, ADMIN})
    @Operation(summary = "Roll back (or forward): put an earlier policy version live again, exactly as it was")
    @APIResponse(responseCode = "200", description = "Live (or unchanged)")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "422", description = "It no longer passes its checks")
    public PolicyActivation activate(@PathParam("version") String version) {
        return policy.rollback(version, who());
    }

    private byte[] body(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldProblem("body", "send the policy table's bytes (CSV or a workbook) as the request "
                    + "body");
        }
        if (body.length > config.rules().maxUploadBytes()) {
            throw new InvalidFieldProblem("body", "the table is " + body.length + " bytes; the limit is "
                    + config.rules().maxUploadBytes());
        }
        return body;
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
