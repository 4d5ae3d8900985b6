package io.nbo.profile.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.fields.CustomerFields;
import io.nbo.profile.transfer.CustomerImports;
import io.nbo.profile.transfer.ImportJob;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import io.nbo.config.CustomerDataConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk imports of customers from a file, followed as jobs. */
@Path("/api/customers/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer imports and exports", description = "Customers in bulk: CSV or JSON lines, in and out")
@RolesAllowed(Roles.ADMIN)
public class CustomerImportResource {

    private final CustomerImports imports;
    private final SecurityIdentity identity;
    private final long maxBytes;

    public CustomerImportResource(CustomerImports imports, SecurityIdentity identity, CustomerDataConfig config) {
        this.imports = imports;
        this.identity = identity;
        this.maxBytes = config.importMaxBytes();
    }

    @POST
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import customers from a CSV or JSON-lines file, as a job",
            description = "CSV: a header line naming the columns (built-in fields and declared attributes, 'id' "
                    + "required), then one customer a line; lists comma-separated in one quoted value. JSON lines: one "
                    + "customer object a line, as POST /api/customers takes it. Each row inserts or replaces the "
                    + "customer with that id (a column left out is emptied); a row the same as stored changes nothing, "
                    + "so importing a file again is safe. Bad rows are rejected with their line and reason, the rest "
                    + "are kept. Follow the job at the Location answered.")
    @APIResponse(responseCode = "202", description = "Queued: the job's status; follow Location")
    @APIResponse(responseCode = "400", description = "Empty file, no header or 'id' column, unknown columns (unless "
            + "unknownFields=warn), or a file over nbo.customers.import-max-bytes")
    public Response submit(InputStream body, @HeaderParam("Content-Type") String contentType,
                           @QueryParam("format") @Parameter(description = "csv or jsonl; default from Content-Type")
                           String format,
                           @QueryParam("unknownFields") @Parameter(description = "refuse (default) or warn")
                           String unknownFields) {
        CustomerFields.Unknown unknown = CustomerFields.Unknown.of(unknownFields);
        ImportJob job = imports.submit(body, format(format, contentType), unknown, identity.getPrincipal().getName(),
                maxBytes);
        return Response.accepted(job.status()).location(URI.create("/api/customers/imports/" + job.id())).build();
    }

    @GET
    @Operation(summary = "The recent imports on this node, newest first")
    public List<ImportJob.Status> recent() {
        return imports.recent().stream().map(s -> new ImportJob.Status(s.id(), s.format(), s.by(), s.phase(),
                s.linesRead(), s.accepted(), s.inserted(), s.updated(), s.unchanged(), s.rejected(),
                s.committedThroughLine(), s.submittedAt(), s.startedAt(), s.finishedAt(), s.failure(),
                s.unknownFields(), List.of(), s.rejected() > 0)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Where an import is: phase, lines read, accepted (inserted, updated, unchanged), rejected "
            + "with line and reason, and the last line committed")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job on this node")
    public ImportJob.Status status(@PathParam("id") String id) {
        return imports.status(id);
    }

    private static CustomerImports.Format format(String format, String contentType) {
        if (format != null) {
            return switch (format) {
                case "csv" -> CustomerImports.Format.CSV;
                case "jsonl", "ndjson" -> CustomerImports.Format.JSONL;
                default -> throw new InvalidFieldProblem("format", "format is csv or jsonl, got "
                        + Values.quote(format));
            };
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return CustomerImports.Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return CustomerImports.Format.JSONL;
        }
        throw new InvalidFieldProblem("format", "say what the file is: Content-Type text/csv or "
                + "application/x-ndjson, or ?format=csv or ?format=jsonl");
    }
}
