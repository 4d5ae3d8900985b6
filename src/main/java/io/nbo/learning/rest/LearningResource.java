package io.nbo.learning.rest;

import io.nbo.learning.service.HistoryImportJob;
import io.nbo.learning.service.HistoryImports;
import io.nbo.learning.service.OwnScores;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning", description = "Past contacts to learn from, and the data science team's own scores")
public class LearningResource {

    private final HistoryImports imports;
    private final OwnScores ownScores;
    private final SecurityIdentity identity;

    public LearningResource(HistoryImports imports, OwnScores ownScores, SecurityIdentity identity) {
        this.imports = imports;
        this.ownScores = ownScores;
        this.identity = identity;
    }

    @POST
    @Path("/history/imports")
    @Consumes({"text/csv", "application/x-ndjson"})
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "Import past contacts and responses to learn from",
            description = "CSV with a header, or JSON lines (application/x-ndjson), one contact per line: "
                    + "customerId, offerId, channel, occurredAt (ISO-8601 with offset), outcome (offered, sent, "
                    + "delivered, opened, clicked, accepted, rejected, purchased), amount (for a purchase), segment "
                    + "(optional; else the customer's lifecycle stage). Answered 202 with a job to follow; importing "
                    + "the same rows again changes nothing. Up to the server's body limit per request: send a "
                    + "larger export in parts.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "CRM export", value = """
            customerId,offerId,channel,occurredAt,outcome,amount
            C0000042,COFFEE-AM,email,2026-03-01T09:30:00Z,purchased,4.50
            C0000043,COFFEE-AM,email,2026-03-01T09:31:00Z,opened,
            """)))
    @APIResponse(responseCode = "202", description = "The import, queued; follow it at Location")
    @APIResponse(responseCode = "400", description = "The first line is no header (CSV) or no JSON object")
    @APIResponse(responseCode = "503", description = "Too many imports are waiting")
    public Response importHistory(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        boolean csv = type == null || !type.toLowerCase().startsWith("application/x-ndjson");
        HistoryImportJob job = imports.submit(body, csv, identity.getPrincipal().getName());
        return Response.accepted(view(job)).location(URI.create("/api/history/imports/" + job.id())).build();
    }

    @GET
    @Path("/history/imports/{id}")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "A history import's progress, and its rejected lines with their numbers")
    @APIResponse(responseCode = "200", description = "The import")
    @APIResponse(responseCode = "404", description = "No such import on this node")
    public ImportView importJob(@PathParam("id") String id) {
        return view(imports.job(id));
    }

    @PUT
    @Path("/learning/own-scores")
    @Consumes("text/csv")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "Upload the data science team's own scores",
            description = "CSV customerId,offerId,score (0 to 1). Where a customer and offer have a score, it is "
                    + "the propensity decisions use (source own-score), before anything learned. A pair uploaded "
                    + "again takes the new score. Checked whole: one bad line and nothing is stored.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "scores", value = """
            customerId,offerId,score
            C0000042,COFFEE-AM,0.31
            """)))
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "No header")
    @APIResponse(responseCode = "422", description = "Lines that cannot be used, with their numbers")
    public OwnScores.Uploaded uploadScores(InputStream body) {
        return ownScores.upload(body);
    }

    @DELETE
    @Path("/learning/own-scores")
    @RolesAllowed({Roles.MARKETER})
    @Operation(summary = "Remove every own score (decisions go back to learned propensities)")
    @APIResponse(responseCode = "200", description = "How many were removed")
    public Removed clearScores() {
        return new Removed(ownScores.clear());
    }

    @Schema(name = "OwnScoresRemoved")
    public record Removed(int removed) {
    }

    @Schema(name = "HistoryImport")
    public record ImportView(String id, String format, String phase, String submittedBy, Instant submittedAt,
                             Instant startedAt, Instant finishedAt,
                             @Schema(description = "Lines read so far") long lines,
                             @Schema(description = "Rows new to the history") long imported,
                             @Schema(description = "Rows already imported before, skipped") long duplicates,
                             long rejected,
                             @Schema(description = "Rejected lines (the first 1,000), with their line numbers")
                             List<HistoryImportJob.RejectedLine> rejectedLines, String failure) {
    }

    private static ImportView view(HistoryImportJob j) {
        return new ImportView(j.id(), j.format(), j.phase().name().toLowerCase(), j.by(), j.submittedAt(),
                j.startedAt(), j.finishedAt(), j.lines(), j.imported(), j.duplicates(), j.rejectedCount(),
                j.rejected(), j.failure());
    }
}
